import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError, invalid, notFoundAt, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { organizationNames, servedCommunities } from '../organizations/index.ts';
import { visibleProject } from '../projects/index.ts';
import { resourcesById, venuesAt } from '../resources/index.ts';
import { communityNames, publicPlace } from '../territory/index.ts';
import { districtStaff } from '../workforce/index.ts';
import './services.errors.ts';
import { activityPolicy } from './services.policy.ts';
import type * as S from './services.schemas.ts';
import * as store from './services.store.ts';
import type { Recurrence } from './services.tables.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
const notFound = () => new AppError('resource.not_found');
/** The projects an activity may count for: delivering, between signing and the final evaluation. */
const DELIVERING = ['in_delivery', 'midterm'];
const MAX_SESSIONS: Record<Recurrence, number> = { once: 1, weekly: 52, monthly: 12 };

/** Session start times: weekly on the same weekday, monthly on the same day of the month (Asia/Shanghai has no DST). */
export function sessionStarts(first: Date, recurrence: Recurrence, count: number): Date[] {
  return Array.from({ length: count }, (_, k) => {
    if (recurrence === 'weekly') return new Date(first.getTime() + k * 7 * 86_400_000);
    if (recurrence === 'monthly') {
      const d = new Date(first);
      d.setUTCMonth(d.getUTCMonth() + k);
      return d;
    }
    return first;
  });
}

const checkinCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * An organization's activity: the caller is one of its people, the community one it serves (or
 * its project does), its project (if named) delivering under it, its staff its own social
 * workers. Anything else named in the body names nothing for this caller: 404 at the field.
 */
async function organizerFacts(ctx: RequestContext, actor: Actor, body: S.CreateBody, districtId: string) {
  const organizationId = body.organizationId!;
  const member = actor.assignments.some((a) => a.scopeType === 'organization' && a.scopeId === organizationId);
  if (!member) throw notFoundAt('organizationId');
  const served = await servedCommunities(ctx.db, organizationId);
  let projectCommunities: string[] = [];
  if (body.projectId) {
    const { row } = await referenced('projectId', () => visibleProject(ctx, body.projectId!));
    if (row.district_id !== districtId || row.contractor_organization_id !== organizationId) throw invalid({ field: 'projectId', code: 'activity.project_not_contracted_to' });
    if (!DELIVERING.includes(row.status)) throw new AppError('activity.project_not_in_delivery');
    projectCommunities = row.community_ids;
  }
  if (!served.includes(body.communityId) && !projectCommunities.includes(body.communityId)) throw notFoundAt('communityId');
  if (body.projectId && !projectCommunities.includes(body.communityId)) throw invalid({ field: 'communityId', code: 'activity.project_place' });
  const ids = body.staffIds ?? [];
  const staff = await districtStaff(ctx.db, districtId, organizationId, ids);
  const missing = ids.findIndex((id) => !staff.some((s) => s.id === id));
  if (missing >= 0) throw notFoundAt(`staffIds.${missing}`);
  return staff;
}

/** Venues of the district, of the community's street or of the community itself: the public places an activity may use there. */
export async function usableVenue(ctx: RequestContext, districtId: string, place: { streetId: string; communityId: string }, venueId: string) {
  const venue = (await resourcesById(ctx.db, districtId, [venueId])).get(venueId);
  const usable = venue && venue.status === 'active' && (!venue.street_id || venue.street_id === place.streetId) && (!venue.community_id || venue.community_id === place.communityId);
  if (!usable) throw notFoundAt('venueResourceId');
  if (venue.kind !== 'venue') throw invalid({ field: 'venueResourceId', code: 'activity.venue_not_venue' });
}

/** The organizer publishes an activity with all its sessions; each session gets its sign-in code. */
export async function createActivity(ctx: RequestContext, body: S.CreateBody): Promise<S.ActivityDetail> {
  const actor = requireActor(ctx);
  if (!body.title.trim()) throw invalid({ field: 'title', code: 'validation.required' });
  const place = await publicPlace(ctx.db, 'community', body.communityId);
  if (!place?.streetId) throw notFoundAt('communityId');
  const districtId = place.districtId;
  const record = { districtId, streetId: place.streetId, communityId: body.communityId, organizationId: body.organizationId ?? null, staffUserIds: [] };
  if (!body.organizationId) {
    if (body.projectId) throw invalid({ field: 'organizationId', code: 'validation.required' });
    if (body.staffIds?.length) throw invalid({ field: 'staffIds', code: 'activity.staff_needs_organization' });
    // A community's own activity: only its staff may hold one, and to anyone else it names nothing.
    if (!activityPolicy.can(actor, 'manage', record)) throw notFoundAt('communityId');
  }
  const staff = body.organizationId ? await organizerFacts(ctx, actor, body, districtId) : [];
  activityPolicy.authorize(actor, 'manage', record);
  if (body.venueResourceId) await usableVenue(ctx, districtId, { streetId: place.streetId, communityId: body.communityId }, body.venueResourceId);
  if (body.sessions > MAX_SESSIONS[body.recurrence]) throw invalid({ field: 'sessions', code: body.recurrence === 'once' ? 'activity.recurrence_count' : 'validation.failed' });
  const id = newId();
  // Sessions start on the minute (what a notice board and a calendar show).
  const first = new Date(Math.floor(new Date(body.firstStartsAt).getTime() / 60_000) * 60_000);
  const starts = sessionStarts(first, body.recurrence, body.sessions);
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .insertInto('activities')
      .values({
        district_id: districtId, id, street_id: place.streetId, community_id: body.communityId, organization_id: body.organizationId ?? null, project_id: body.projectId ?? null,
        title: body.title.trim(), method: body.method, description: body.description?.trim() ?? '', venue_resource_id: body.venueResourceId ?? null, venue_note: body.venueNote?.trim() ?? '',
        capacity: body.capacity, audience: body.audience?.trim() ?? '', volunteers_needed: body.volunteersNeeded ?? 0, recurrence: body.recurrence, created_by: actor.userId,
      })
      .execute();
    if (staff.length) await trx.insertInto('activity_staff').values(staff.map((s) => ({ district_id: districtId, activity_id: id, social_worker_id: s.id, user_id: s.userId }))).execute();
    await trx
      .insertInto('activity_sessions')
      .values(starts.map((at, k) => ({ district_id: districtId, id: newId(), activity_id: id, seq: k + 1, starts_at: at, ends_at: new Date(at.getTime() + body.durationMinutes * 60_000), checkin_code: checkinCode() })))
      .execute();
    await audit({ action: 'activity.create', entityType: 'activity', entityId: id, districtId, after: { ...body, sessions: starts.map(iso) } });
  });
  return getActivity(ctx, id);
}

/** An activity the caller may read; anything else answers exactly like a missing one. */
async function loadVisible(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const row = await store.loadActivity(ctx.db, id);
  if (!row) throw notFound();
  const staff = await store.staffOf(ctx.db, row.district_id, row.id);
  const record = store.recordOf(row, staff.map((s) => s.user_id));
  if (!activityPolicy.can(actor, 'read', record) && !activityPolicy.can(actor, 'sign_attendance', record) && !(await readsProject(ctx, row.project_id))) throw notFound();
  return { actor, row, staff, record };
}

/**
 * A project's activities are read by whoever reads the project (projects' policy): its assigned
 * evaluator, who holds no place or organization of it, judges the delivery by them.
 */
async function readsProject(ctx: RequestContext, projectId: string | null | undefined): Promise<boolean> {
  if (!projectId) return false;
  return visibleProject(ctx, projectId).then(
    () => true,
    (err: unknown) => {
      if (err instanceof AppError && err.code === 'resource.not_found') return false;
      throw err;
    },
  );
}

async function views(ctx: RequestContext, rows: store.ActivityRow[]): Promise<S.ActivityView[]> {
  if (rows.length === 0) return [];
  const districtIds = [...new Set(rows.map((r) => r.district_id))];
  const [communities, organizations, venues, sessions] = await Promise.all([
    communityNames(ctx.db, [...new Set(rows.map((r) => r.community_id))]),
    organizationNames(ctx.db, rows.flatMap((r) => (r.organization_id ? [r.organization_id] : []))),
    Promise.all(districtIds.map((d) => resourcesById(ctx.db, d, rows.filter((r) => r.district_id === d && r.venue_resource_id).map((r) => r.venue_resource_id!)))),
    Promise.all(districtIds.map((d) => ctx.db
      .selectFrom('activity_sessions')
      .select(['activity_id', sql<string>`count(*)`.as('n'), sql<Date | null>`min(starts_at) filter (where ends_at > now() and cancelled_at is null)`.as('next')])
      .where('district_id', '=', d)
      .where('activity_id', 'in', rows.filter((r) => r.district_id === d).map((r) => r.id))
      .groupBy('activity_id')
      .execute())),
  ]);
  const venueOf = new Map(venues.flatMap((m) => [...m.entries()]));
  const sessionsOf = new Map(sessions.flat().map((s) => [s.activity_id, s]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    method: r.method,
    communityId: r.community_id,
    communityName: communities.get(r.community_id)?.name ?? '',
    organizationId: r.organization_id,
    organizationName: r.organization_id ? organizations.get(r.organization_id) ?? null : null,
    projectId: r.project_id,
    venueName: r.venue_resource_id ? venueOf.get(r.venue_resource_id)?.name ?? null : null,
    venueNote: r.venue_note,
    capacity: r.capacity,
    recurrence: r.recurrence,
    status: r.status,
    sessionCount: Number(sessionsOf.get(r.id)?.n ?? 0),
    nextStartsAt: sessionsOf.get(r.id)?.next ? iso(sessionsOf.get(r.id)!.next!) : null,
  }));
}

export async function getActivity(ctx: RequestContext, id: string): Promise<S.ActivityDetail> {
  const { actor, row, staff, record } = await loadVisible(ctx, id);
  const [[view], sessions] = await Promise.all([views(ctx, [row]), store.sessionsWithCounts(ctx.db, row.district_id, [row.id])]);
  const signs = activityPolicy.can(actor, 'sign_attendance', record);
  return {
    ...view!,
    description: row.description,
    audience: row.audience,
    volunteersNeeded: row.volunteers_needed,
    staff: staff.map((s) => ({ id: s.id, name: s.name })),
    sessions: sessions.map((s) => ({
      id: s.id,
      seq: s.seq,
      startsAt: iso(s.starts_at),
      endsAt: iso(s.ends_at),
      cancelled: s.cancelled_at !== null,
      registered: Number(s.registered),
      attended: Number(s.attended),
      ratings: Number(s.ratings),
      averageRating: s.average_rating === null ? null : Math.round(Number(s.average_rating) * 10) / 10,
      checkinCode: signs ? s.checkin_code : null,
    })),
    allowedActions: row.status === 'published' ? activityPolicy.allowedActions(actor, record).filter((a) => a !== 'read') : [],
  };
}

/** Activities of a project, community or organization, or those the caller staffs; in the caller's reach. */
export async function listActivities(ctx: RequestContext, q: S.ListQuery) {
  const actor = requireActor(ctx);
  let query = ctx.db.selectFrom('activities as a').selectAll('a');
  const staffed = sql<boolean>`exists (select 1 from activity_staff st where st.district_id = a.district_id and st.activity_id = a.id and st.user_id = ${actor.userId})`;
  if (q.staffedByMe) query = query.where(staffed);
  else if (!(await readsProject(ctx, q.projectId))) query = query.where((eb) => eb.or([store.readableCondition(actor), staffed]));
  if (q.projectId) query = query.where('a.project_id', '=', q.projectId);
  if (q.communityId) query = query.where('a.community_id', '=', q.communityId);
  if (q.organizationId) query = query.where('a.organization_id', '=', q.organizationId);
  const rows = await query.orderBy('a.id', 'desc').limit(200).execute();
  return { items: await views(ctx, rows) };
}

/** Cancelling stops the sessions still to come; those held stay, with their attendance. */
export async function cancelActivity(ctx: RequestContext, id: string, reason: string): Promise<S.ActivityDetail> {
  const { actor, row, record } = await loadVisible(ctx, id);
  activityPolicy.authorize(actor, 'manage', record);
  if (row.status !== 'published') throw new AppError('activity.cancelled');
  const now = new Date();
  await command(ctx, async ({ trx, audit }) => {
    await trx.updateTable('activities').set({ status: 'cancelled' }).where('district_id', '=', row.district_id).where('id', '=', id).execute();
    await trx.updateTable('activity_sessions').set({ cancelled_at: now }).where('district_id', '=', row.district_id).where('activity_id', '=', id).where('starts_at', '>', now).where('cancelled_at', 'is', null).execute();
    await audit({ action: 'activity.cancel', entityType: 'activity', entityId: id, districtId: row.district_id, before: { status: row.status }, after: { status: 'cancelled', reason: reason.trim() } });
  });
  return getActivity(ctx, id);
}

/** The venues an organizer may name for an activity in a community (the form's choices). */
export async function venuesFor(ctx: RequestContext, communityId: string) {
  const actor = requireActor(ctx);
  if (activityPolicy.grants(actor, 'manage').length === 0) throw new AppError('access.forbidden');
  const place = await publicPlace(ctx.db, 'community', communityId);
  if (!place?.streetId) throw new AppError('resource.not_found');
  const rows = await venuesAt(ctx.db, place.districtId, { streetId: place.streetId, communityId });
  return { items: rows.map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })) };
}
