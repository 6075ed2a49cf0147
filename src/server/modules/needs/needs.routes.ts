import { Type } from 'typebox';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { readUpload, sendFile } from '../../platform/http/uploads.ts';
import * as attachments from './needs.attachments.ts';
import { bulkTransition } from './needs.bulk.ts';
import * as admin from './needs.category-admin.ts';
import { listHandlers } from './needs.handlers.ts';
import * as inbox from './needs.inbox.ts';
import * as S from './needs.schemas.ts';
import * as needs from './needs.service.ts';
import { needMap } from './needs.map.ts';
import * as settings from './needs.settings.ts';
import { splitNeed } from './needs.split.ts';
import { transitionNeed } from './needs.transitions.ts';

const tags = ['needs'];

export const needRoutes: ModulePlugin = async (app) => {
  app.get(
    '/need-categories',
    { schema: { tags, summary: 'Need categories of a district (the default tree is created on first use)', querystring: S.CategoryQuery, response: { 200: S.CategoryList } } },
    async (request) => settings.listCategories(request.ctx, request.query),
  );

  app.post(
    '/need-categories',
    { schema: { tags, summary: 'Add a need category to a district (district officer)', body: S.CreateCategoryBody, response: { 201: S.CategoryView } } },
    async (request, reply) => reply.status(201).send(await admin.createCategory(request.ctx, request.body)),
  );
  app.patch(
    '/need-categories/:id',
    { schema: { tags, summary: 'Change a category: names, time limits, route, Open311 code, active (district officer)', params: S.IdParams, body: S.UpdateCategoryBody, response: { 200: S.CategoryView } } },
    async (request) => admin.updateCategory(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/need-settings',
    { schema: { tags, summary: 'Needs settings of a district (days until a resolved need is auto-confirmed)', querystring: S.SettingsQuery, response: { 200: S.SettingsView } } },
    async (request) => admin.getSettings(request.ctx, request.query),
  );
  app.put(
    '/need-settings',
    { schema: { tags, summary: 'Change the needs settings of a district (district officer)', body: S.SettingsBody, response: { 200: S.SettingsView } } },
    async (request) => admin.putSettings(request.ctx, request.body),
  );

  app.get(
    '/calendar-days',
    { schema: { tags, summary: 'Public holidays and make-up working days of a year: the national calendar with the local edits over it', querystring: S.CalendarQuery, response: { 200: S.CalendarList } } },
    async (request) => settings.listCalendarDays(request.ctx, request.query.year),
  );
  app.put(
    '/calendar-days/:date',
    { schema: { tags, summary: 'Edit a date locally as a holiday or a working day, over the national calendar (platform admin)', params: S.DateParams, body: S.CalendarDayBody, response: { 200: S.CalendarDayView } } },
    async (request) => settings.putCalendarDay(request.ctx, request.params.date, request.body),
  );
  app.delete(
    '/calendar-days/:date',
    { schema: { tags, summary: 'Remove a local edit: the date follows the national calendar again (platform admin)', params: S.DateParams } },
    async (request, reply) => {
      await settings.deleteCalendarDay(request.ctx, request.params.date);
      return reply.status(204).send();
    },
  );

  app.post(
    '/needs',
    {
      schema: {
        tags,
        summary: 'Report a need: a resident for their household, or staff on behalf of a resident. Answers with the need as written (its timeline and duplicates: GET /needs/{id})',
        body: S.CreateNeedBody,
        response: { 201: S.NeedView },
      },
    },
    async (request, reply) => reply.status(201).send(await needs.createNeed(request.ctx, request.body)),
  );
  app.get(
    '/needs',
    { schema: { tags, summary: 'Needs in the caller\'s scope, newest first', querystring: S.NeedListQuery, response: { 200: S.NeedPage } } },
    async (request) => needs.listNeeds(request.ctx, request.query),
  );
  app.get(
    '/needs/map',
    {
      schema: {
        tags,
        summary:
          'The board map: unfinished needs in the caller\'s scope, for a grid or a zoomed area (bbox); as points (newest first) up to the MAP_POINTS_MAX setting, per-grid counts beyond it',
        querystring: S.NeedMapQuery,
        response: { 200: S.NeedMap },
      },
    },
    async (request) => needMap(request.ctx, request.query),
  );
  app.get(
    '/needs/duplicates',
    {
      schema: {
        tags,
        summary: 'Possible duplicates of a report before it is made: same category and place, similar text, last 90 days (needs the caller may read)',
        querystring: S.DuplicateQuery,
        response: { 200: S.DuplicateList },
      },
    },
    async (request) => needs.suggestDuplicates(request.ctx, request.query),
  );
  app.post(
    '/needs/bulk-transitions',
    {
      schema: {
        tags,
        summary: 'Triage up to 100 needs at once (accept, reject, assign, merge); each need in its own transaction, results per need with the need as written',
        body: S.BulkTransitionBody,
        response: { 200: S.BulkTransitionResponse },
      },
    },
    async (request) => bulkTransition(request.ctx, request.body),
  );
  app.get(
    '/needs/:id',
    { schema: { tags, summary: 'One need with its timeline, due times and duplicate suggestions', params: S.IdParams, response: { 200: S.NeedDetail } } },
    async (request) => needs.getNeed(request.ctx, request.params.id),
  );
  app.get(
    '/needs/:id/duplicates',
    { schema: { tags, summary: 'Possible duplicates: same category and place, similar text, last 90 days', params: S.IdParams, response: { 200: S.DuplicateList } } },
    async (request) => needs.getDuplicates(request.ctx, request.params.id),
  );
  app.get(
    '/needs/:id/handlers',
    { schema: { tags, summary: 'Staff the need may be assigned to (for those who may assign it)', params: S.IdParams, response: { 200: S.HandlerList } } },
    async (request) => listHandlers(request.ctx, request.params.id),
  );
  app.post(
    '/needs/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Move a need through its lifecycle (409 when the action is not possible from its state). Answers with the need as written and the actions it now offers (its timeline: GET /needs/{id})',
        params: S.IdParams,
        body: S.TransitionBody,
        response: { 200: S.NeedView },
      },
    },
    async (request) => transitionNeed(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/needs/:id/split',
    {
      schema: {
        tags,
        summary:
          'Split a part of a reported or accepted need into a new need of its own (triagers; 409 need.cannot_split otherwise). Answers with the new need as written (its timeline: GET /needs/{id})',
        params: S.IdParams,
        body: S.SplitBody,
        response: { 201: S.NeedView },
      },
    },
    async (request, reply) => reply.status(201).send(await splitNeed(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/needs/:id/attachments',
    { schema: { tags, summary: 'Photos and documents of a need', params: S.IdParams, response: { 200: S.AttachmentList } } },
    async (request) => attachments.listAttachments(request.ctx, request.params.id),
  );
  app.post(
    '/needs/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Add a photo or document to an unfinished need',
        description:
          'multipart/form-data with one file in field `file`. The type is recognised from the content: JPEG, PNG, WebP ≤ 10 MB, ' +
          'PDF ≤ 20 MB; at most 10 files per need. Errors: attachment.missing_file, attachment.type_not_allowed (400), ' +
          'attachment.too_large (413), attachment.limit_reached, attachment.need_closed (409).',
        consumes: ['multipart/form-data'],
        params: S.IdParams,
        response: { 201: S.AttachmentView },
      },
    },
    async (request, reply) => reply.status(201).send(await attachments.addAttachment(request.ctx, request.params.id, await readUpload(request))),
  );
  app.get(
    '/needs/:id/attachments/:attachmentId/content',
    {
      schema: {
        tags,
        summary: 'The bytes of an attachment (only to those who may read the need; every read is audited)',
        params: S.AttachmentParams,
        produces: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
      },
    },
    async (request, reply) => sendFile(reply, await attachments.readAttachment(request.ctx, request.params.id, request.params.attachmentId)),
  );

  app.get(
    '/inbox',
    { schema: { tags, summary: 'Needs awaiting the caller\'s action, overdue first (at most 200)', response: { 200: S.Inbox } } },
    async (request) => inbox.inbox(request.ctx),
  );
  app.get(
    '/notifications',
    { schema: { tags, summary: 'The caller\'s in-app notifications, newest first', querystring: S.NotificationQuery, response: { 200: S.NotificationPage } } },
    async (request) => inbox.listNotifications(request.ctx, request.query),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of the caller\'s notifications as read', params: S.IdParams, body: Type.Optional(Type.Object({}, { additionalProperties: false })), response: { 200: S.NotificationView } } },
    async (request) => inbox.markRead(request.ctx, request.params.id),
  );
};
