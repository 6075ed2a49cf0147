import { sql } from 'kysely';
import { AppError, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { communityNames, householdMembers } from '../territory/index.ts';
import { organizationNames } from '../organizations/index.ts';
import { resourcesById } from '../resources/index.ts';
import { DOOR_OPENS_MS } from '../../../common/activities.ts';
import './services.errors.ts';
import { participantPolicy } from './services.policy.ts';
import type * as S from './services.schemas.ts';
import * as store from './services.store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const DAY = 86_400_000;
/** Residents find sessions of the coming month and rate those of the past month. */
const WINDOW_MS = 30 * DAY;

/** The resident's household and its members: whom a resident account acts for. */
async function householdOf(ctx: RequestContext) {
  const actor = requireActor(ctx);
  const a = actor.assignments.find((x) => x.role === 'resident' && x.scopeType === 'household' && x.scopeId && x.districtId);
  if (!a) throw new AppError('access.forbidden');
  const record = { districtId: a.districtId!, householdId: a.scopeId! };
  participantPolicy.authorize(actor, 'take_part', record);
  const members = await householdMembers(ctx.db, record.districtId, record.householdId);
  return { actor, ...record, members, streetId: members[0]?.streetId ?? null, communityId: members[0]?.communityId ?? null };
}

/** A session in the resident's street (404 otherwise) and a member of their household. */
async function sessionFor(ctx: RequestContext, sessionId: string, residentId: string) {
  const h = await householdOf(ctx);
  const session = await store.loadSession(ctx.db, sessionId);
  if (!session || session.district_id !== h.districtId || session.street_id !== h.streetId) throw new AppError('resource.not_found');
  if (!h.members.some((m) => m.id === residentId)) throw notFoundAt('residentId');
  return { ...h, session };
}

function checkOpen(session: store.SessionRow) {
  if (session.activity_status !== 'published' || session.cancelled_at) throw new AppError('activity.session_cancelled');
}

/**
 * Registers a member while there is room. The session row is locked for the count, so two
 * residents taking the last place at once cannot both have it.
 */
async function insertRegistration(ctx: RequestContext, s: Awaited<ReturnType<typeof sessionFor>>, residentId: string, then?: 'code') {
  const d = s.districtId;
  await command(ctx, async ({ trx, audit }) => {
    await trx.selectFrom('activity_sessions').select('id').where('district_id', '=', d).where('id', '=', s.session.id).forUpdate().execute();
    const existing = await trx.selectFrom('activity_registrations').select('resident_id').where('district_id', '=', d).where('session_id', '=', s.session.id).where('resident_id', '=', residentId).executeTakeFirst();
    if (existing && !then) throw new AppError('activity.already_registered');
    if (!existing) {
      const taken = await trx.selectFrom('activity_registrations').select(sql<string>`count(*)`.as('n')).where('district_id', '=', d).where('session_id', '=', s.session.id).executeTakeFirstOrThrow();
      if (Number(taken.n) >= s.session.capacity) throw new AppError('activity.full');
      await trx.insertInto('activity_registrations').values({ district_id: d, session_id: s.session.id, resident_id: residentId, household_id: s.householdId, registered_by: s.actor.userId }).execute();
      await audit({ action: 'activity.register', entityType: 'activity_session', entityId: s.session.id, districtId: d, after: { residentId } });
    }
    if (then === 'code') {
      const done = await trx
        .insertInto('activity_attendance')
        .values({ district_id: d, session_id: s.session.id, resident_id: residentId, method: 'code', recorded_by: s.actor.userId })
        .onConflict((oc) => oc.doNothing())
        .returning('resident_id')
        .executeTakeFirst();
      if (!done) throw new AppError('activity.already_signed_in');
      await audit({ action: 'activity.attend', entityType: 'activity_session', entityId: s.session.id, districtId: d, after: { residentId, method: 'code' } });
    }
  });
}

export async function register(ctx: RequestContext, sessionId: string, residentId: string) {
  const s = await sessionFor(ctx, sessionId, residentId);
  checkOpen(s.session);
  if (new Date(s.session.ends_at) <= new Date()) throw new AppError('activity.session_over');
  await insertRegistration(ctx, s, residentId);
  return myActivities(ctx);
}

/** A registration is given up before the session ends, never after signing in. */
export async function unregister(ctx: RequestContext, sessionId: string, residentId: string) {
  const s = await sessionFor(ctx, sessionId, residentId);
  if (new Date(s.session.ends_at) <= new Date()) throw new AppError('activity.session_over');
  const d = s.districtId;
  await command(ctx, async ({ trx, audit }) => {
    const attended = await trx.selectFrom('activity_attendance').select('resident_id').where('district_id', '=', d).where('session_id', '=', sessionId).where('resident_id', '=', residentId).executeTakeFirst();
    if (attended) throw new AppError('activity.attended');
    const gone = await trx.deleteFrom('activity_registrations').where('district_id', '=', d).where('session_id', '=', sessionId).where('resident_id', '=', residentId).executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) throw new AppError('activity.not_registered');
    await audit({ action: 'activity.unregister', entityType: 'activity_session', entityId: sessionId, districtId: d, before: { residentId } });
  });
  return myActivities(ctx);
}

/**
 * A resident signs in with the code shown at the venue, from half an hour before the start
 * until the end; someone who came without registering is registered on the spot while there is room.
 */
export async function checkIn(ctx: RequestContext, sessionId: string, body: { residentId: string; code: string }) {
  const s = await sessionFor(ctx, sessionId, body.residentId);
  checkOpen(s.session);
  const now = Date.now();
  if (now < new Date(s.session.starts_at).getTime() - DOOR_OPENS_MS || now > new Date(s.session.ends_at).getTime()) throw new AppError('activity.check_in_closed');
  if (body.code !== s.session.checkin_code) throw new AppError('activity.wrong_code');
  await insertRegistration(ctx, s, body.residentId, 'code');
  return myActivities(ctx);
}

/** Only a member who attended rates a session (the feedback's key is the attendance's), once, within a month. */
export async function giveFeedback(ctx: RequestContext, sessionId: string, body: S.FeedbackBody) {
  const s = await sessionFor(ctx, sessionId, body.residentId);
  const d = s.districtId;
  if (Date.now() > new Date(s.session.ends_at).getTime() + WINDOW_MS) throw new AppError('activity.session_over');
  await command(ctx, async ({ trx, audit }) => {
    const attended = await trx.selectFrom('activity_attendance').select('resident_id').where('district_id', '=', d).where('session_id', '=', sessionId).where('resident_id', '=', body.residentId).executeTakeFirst();
    if (!attended) throw new AppError('activity.not_attended');
    const done = await trx
      .insertInto('activity_feedback')
      .values({ district_id: d, session_id: sessionId, resident_id: body.residentId, rating: body.rating, comment: body.comment?.trim() ?? '', given_by: s.actor.userId })
      .onConflict((oc) => oc.doNothing())
      .returning('resident_id')
      .executeTakeFirst();
    if (!done) throw new AppError('activity.already_rated');
    await audit({ action: 'activity.feedback', entityType: 'activity_session', entityId: sessionId, districtId: d, after: { residentId: body.residentId, rating: body.rating } });
  });
  return myActivities(ctx);
}

/** Sessions near the resident (their street, their own community first) and those their household attended. */
export async function myActivities(ctx: RequestContext): Promise<S.MyActivities> {
  const h = await householdOf(ctx);
  const members = h.members.map((m) => ({ id: m.id, name: m.name }));
  if (!h.streetId) return { members, upcoming: [], attended: [] };
  const now = Date.now();
  const memberIds = h.members.map((m) => m.id);
  const base = ctx.db
    .selectFrom('activity_sessions as s')
    .innerJoin('activities as a', (j) => j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'))
    .select(['s.id', 's.activity_id', 's.starts_at', 's.ends_at', 'a.title', 'a.method', 'a.description', 'a.community_id', 'a.organization_id', 'a.venue_resource_id', 'a.venue_note', 'a.capacity'])
    .select(sql<string>`(select count(*) from activity_registrations r where r.district_id = s.district_id and r.session_id = s.id)`.as('registered'))
    .where('s.district_id', '=', h.districtId);
  const upcoming = await base
    .where('a.street_id', '=', h.streetId)
    .where('a.status', '=', 'published')
    .where('s.cancelled_at', 'is', null)
    .where('s.ends_at', '>', new Date(now))
    .where('s.starts_at', '<', new Date(now + WINDOW_MS))
    .orderBy(sql`a.community_id = ${h.communityId}`, 'desc')
    .orderBy('s.starts_at')
    .limit(50)
    .execute();
  const attendedRows = await base
    .innerJoin('activity_registrations as hr', (j) => j.onRef('hr.district_id', '=', 's.district_id').onRef('hr.session_id', '=', 's.id'))
    .where('hr.household_id', '=', h.householdId)
    .where('s.starts_at', '>', new Date(now - WINDOW_MS))
    .where('s.starts_at', '<=', new Date(now))
    .where(sql<boolean>`exists (select 1 from activity_attendance t where t.district_id = hr.district_id and t.session_id = hr.session_id and t.resident_id = hr.resident_id)`)
    .distinct()
    .orderBy('s.starts_at', 'desc')
    .limit(50)
    .execute();
  const rows = [...upcoming, ...attendedRows];
  const sessionIds = [...new Set(rows.map((r) => r.id))];
  const [states, communities, organizations, venues] = await Promise.all([
    sessionIds.length && memberIds.length
      ? ctx.db
          .selectFrom('activity_registrations as r')
          .leftJoin('activity_attendance as t', (j) => j.onRef('t.district_id', '=', 'r.district_id').onRef('t.session_id', '=', 'r.session_id').onRef('t.resident_id', '=', 'r.resident_id'))
          .leftJoin('activity_feedback as f', (j) => j.onRef('f.district_id', '=', 'r.district_id').onRef('f.session_id', '=', 'r.session_id').onRef('f.resident_id', '=', 'r.resident_id'))
          .select(['r.session_id', 'r.resident_id', 't.at as attended_at', 'f.rating'])
          .where('r.district_id', '=', h.districtId)
          .where('r.session_id', 'in', sessionIds)
          .where('r.household_id', '=', h.householdId)
          .execute()
      : Promise.resolve([]),
    communityNames(ctx.db, [...new Set(rows.map((r) => r.community_id))]),
    organizationNames(ctx.db, rows.flatMap((r) => (r.organization_id ? [r.organization_id] : []))),
    resourcesById(ctx.db, h.districtId, [...new Set(rows.flatMap((r) => (r.venue_resource_id ? [r.venue_resource_id] : [])))]),
  ]);
  const view = (r: (typeof rows)[number]): S.MySession => ({
    sessionId: r.id,
    activityId: r.activity_id,
    title: r.title,
    method: r.method,
    description: r.description,
    communityName: communities.get(r.community_id)?.name ?? '',
    organizationName: r.organization_id ? organizations.get(r.organization_id) ?? null : null,
    venueName: r.venue_resource_id ? venues.get(r.venue_resource_id)?.name ?? null : null,
    venueNote: r.venue_note,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    capacity: r.capacity,
    registered: Number(r.registered),
    nearest: r.community_id === h.communityId,
    members: memberIds.map((id) => {
      const st = states.find((x) => x.session_id === r.id && x.resident_id === id);
      return { residentId: id, registered: !!st, attended: !!st?.attended_at, rated: st?.rating != null };
    }),
  });
  return { members, upcoming: upcoming.map(view), attended: attendedRows.map(view) };
}
