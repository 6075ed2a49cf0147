import { Type } from 'typebox';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import * as activities from './activities.service.ts';
import * as attendance from './attendance.service.ts';
import { calendarFeed } from './services.ical.ts';
import * as registrations from './registrations.service.ts';
import * as S from './services.schemas.ts';

const tags = ['services'];

export const servicesRoutes: ModulePlugin = async (app) => {
  app.post(
    '/activities',
    { schema: { tags, summary: 'Publish an activity with its sessions (one-off, weekly or monthly); an organization\'s may count for a project it delivers', body: S.CreateBody, response: { 201: S.ActivityDetail } } },
    async (request, reply) => reply.status(201).send(await activities.createActivity(request.ctx, request.body)),
  );
  app.get(
    '/activities',
    { schema: { tags, summary: 'Activities in the caller\'s reach, by project, community or organization, or those the caller staffs', querystring: S.ListQuery, response: { 200: S.ActivityList } } },
    async (request) => activities.listActivities(request.ctx, request.query),
  );
  app.get(
    '/activity-venues',
    { schema: { tags, summary: 'Venues an organizer may hold an activity at in a community: its own, its street\'s and the district\'s', querystring: S.VenueQuery, response: { 200: S.VenueList } } },
    async (request) => activities.venuesFor(request.ctx, request.query.communityId),
  );
  app.get(
    '/activities/:id',
    { schema: { tags, summary: 'An activity with its sessions and their counts (registered, attended, rated); sign-in codes for those who sign attendance', params: S.ActivityParams, response: { 200: S.ActivityDetail } } },
    async (request) => activities.getActivity(request.ctx, request.params.id),
  );
  app.post(
    '/activities/:id/cancel',
    { schema: { tags, summary: 'Cancel the activity: its sessions still to come are cancelled, those held stay', params: S.ActivityParams, body: S.CancelBody, response: { 200: S.ActivityDetail } } },
    async (request) => activities.cancelActivity(request.ctx, request.params.id, request.body.reason),
  );
  app.get(
    '/activity-sessions/:id/roster',
    { schema: { tags, summary: 'Who registered for a session and who came (names only)', params: S.SessionParams, response: { 200: S.Roster } } },
    async (request) => attendance.rosterOf(request.ctx, request.params.id),
  );
  app.post(
    '/activity-sessions/:id/attendance',
    { schema: { tags, summary: 'Staff sign a registered resident in at the door', params: S.SessionParams, body: S.AttendanceBody, response: { 201: S.Roster } } },
    async (request, reply) => reply.status(201).send(await attendance.signAttendance(request.ctx, request.params.id, request.body.residentId)),
  );
  app.delete(
    '/activity-sessions/:id/attendance/:residentId',
    { schema: { tags, summary: 'Take back a mistaken sign-in (not once the resident rated the session)', params: S.SessionResidentParams, response: { 200: S.Roster } } },
    async (request) => attendance.undoAttendance(request.ctx, request.params.id, request.params.residentId),
  );
  app.get(
    '/my/activities',
    { schema: { tags, summary: 'A resident\'s activities: sessions of the coming month near them, and those their household attended (to rate)', response: { 200: S.MyActivities } } },
    async (request) => registrations.myActivities(request.ctx),
  );
  app.post(
    '/activity-sessions/:id/registrations',
    { schema: { tags, summary: 'A resident registers a member of their household while there is room', params: S.SessionParams, body: S.RegisterBody, response: { 201: S.MyActivities } } },
    async (request, reply) => reply.status(201).send(await registrations.register(request.ctx, request.params.id, request.body.residentId)),
  );
  app.delete(
    '/activity-sessions/:id/registrations/:residentId',
    { schema: { tags, summary: 'Give up a registration before the session ends (not after signing in)', params: S.SessionResidentParams, response: { 200: S.MyActivities } } },
    async (request) => registrations.unregister(request.ctx, request.params.id, request.params.residentId),
  );
  app.post(
    '/activity-sessions/:id/check-in',
    { schema: { tags, summary: 'A resident signs in with the code shown at the venue, from 30 minutes before the start until the end', params: S.SessionParams, body: S.CheckInBody, response: { 201: S.MyActivities } } },
    async (request, reply) => reply.status(201).send(await registrations.checkIn(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/activity-sessions/:id/feedback',
    { schema: { tags, summary: 'A member who attended rates the session (1–5, with a comment), once', params: S.SessionParams, body: S.FeedbackBody, response: { 201: S.MyActivities } } },
    async (request, reply) => reply.status(201).send(await registrations.giveFeedback(request.ctx, request.params.id, request.body)),
  );
  for (const [kind, key] of [['communities', 'communityId'], ['organizations', 'organizationId']] as const) {
    app.get(
      `/public/calendars/${kind}/:id/activities.ics`,
      { schema: { tags, summary: `The ${kind === 'communities' ? 'community' : 'organization'}'s activities as an iCalendar feed, read without signing in`, params: S.CalendarParams, response: { 200: Type.String() } } },
      async (request, reply) => {
        const feed = await calendarFeed(request.ctx.db, { [key]: request.params.id } as { communityId: string } | { organizationId: string });
        if (feed === null) throw new AppError('resource.not_found');
        return reply.type('text/calendar; charset=utf-8').header('cache-control', 'public, max-age=300').send(feed);
      },
    );
  }
};
