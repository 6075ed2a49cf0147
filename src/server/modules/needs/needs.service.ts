import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError, invalid, notFoundAt, referenced } from '../../platform/errors/app-error.ts';
import { oneStatementCommand, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { DB } from '../../tables.ts';
import { communityServicePhone, visibleUnit } from '../territory/index.ts';
import { activeCategory, categoryNameIn, inReaderLanguage } from './needs.categories.ts';
import './needs.errors.ts';
import { insertNeed } from './needs.record.ts';
import { transitionFor, type NeedState } from './needs.lifecycle.ts';
import { API_ACTIONS, NEED_REPORTERS, needPolicy, type ApiAction, type NeedRecord } from './needs.policy.ts';
import type * as S from './needs.schemas.ts';
import { projectOfNeed } from './needs.projects.ts';
import * as store from './needs.store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function recordOf(row: store.NeedViewRow, followerIds: string[] = []): NeedRecord {
  return {
    districtId: row.district_id,
    streetId: row.street_id,
    communityId: row.community_id,
    gridId: row.grid_id,
    householdId: row.household_id,
    state: row.state,
    handlerUserId: row.handler_user_id,
    reporterUserId: row.reporter_user_id,
    referralOrgId: row.referral_org_id,
    followerIds,
  };
}

export function currentDueOf(row: Pick<store.NeedRow, 'state' | 'triage_due_at' | 'resolve_due_at'>): Date | null {
  if (!store.OPEN_STATES.includes(row.state)) return null;
  return new Date(row.state === 'reported' ? row.triage_due_at : row.resolve_due_at);
}

/** The limit that applies now, and whether it has passed (waiting has its own expected date). */
export function dueOf(row: Pick<store.NeedRow, 'state' | 'triage_due_at' | 'resolve_due_at'>, now = new Date()) {
  const due = currentDueOf(row);
  return { dueAt: due ? due.toISOString() : null, overdue: due !== null && row.state !== 'waiting' && due < now };
}

/** States a need can be split in: before work on it starts, its parts can still go separate ways. */
export const SPLITTABLE_STATES: readonly NeedState[] = ['reported', 'accepted'];

/** Splitting is part of triage: whoever may accept a need may split it. */
export function maySplit(actor: Actor, record: NeedRecord): boolean {
  return SPLITTABLE_STATES.includes(record.state) && needPolicy.can(actor, 'accept', record);
}

const isApiAction = (a: string): a is ApiAction => (API_ACTIONS as string[]).includes(a);

/** Actions offered with a need: allowed by its state (the lifecycle) and by the caller's role and relation. */
export function allowedActions(actor: Actor, record: NeedRecord): string[] {
  const actions: string[] = needPolicy
    .allowedActions(actor, record)
    .filter(isApiAction)
    .filter((a) => transitionFor(record.state, a) !== undefined);
  if (maySplit(actor, record)) actions.push('split');
  return actions;
}

export function present(actor: Actor, row: store.NeedViewRow, followerIds: string[] = [], now = new Date()): S.NeedView {
  const record = recordOf(row, followerIds);
  return {
    id: row.id,
    refNo: row.ref_no,
    source: row.source,
    intakeChannel: row.intake_channel,
    recordedByUserId: row.recorded_by_user_id,
    reporterUserId: row.reporter_user_id,
    reporterResidentId: row.reporter_resident_id,
    categoryId: row.category_id,
    categoryName: row.category_name,
    description: row.description,
    districtId: row.district_id,
    streetId: row.street_id,
    communityId: row.community_id,
    gridId: row.grid_id,
    householdId: row.household_id,
    buildingId: row.building_id,
    point: row.lng !== null && row.lat !== null ? { lng: row.lng, lat: row.lat } : null,
    beneficiaries: row.beneficiaries,
    urgency: row.urgency,
    state: row.state,
    handlerUserId: row.handler_user_id,
    handlerName: row.handler_name,
    referralOrgId: row.referral_org_id,
    referralOrgName: row.referral_org_name,
    referralDepartment: row.referral_department,
    // The referral target's answer is for staff, like an internal note.
    referralAnswer: needPolicy.can(actor, 'read_internal', record) ? row.referral_answer : null,
    waitingUntil: row.waiting_until,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    rating: row.rating,
    ratingComment: row.rating_comment,
    autoConfirmed: row.auto_confirmed,
    mergedIntoId: row.merged_into_id,
    splitFromId: row.split_from_id,
    visitId: row.visit_id,
    triageDueAt: iso(row.triage_due_at),
    resolveDueAt: iso(row.resolve_due_at),
    ...dueOf(row, now),
    escalationLevel: row.escalation_level,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    allowedActions: allowedActions(actor, record),
  };
}

/** Loads a need the caller may read; anything else answers exactly like a missing one. */
export async function loadVisible(ctx: RequestContext, actor: Actor, id: string) {
  const stored = await store.loadNeed(ctx.db, id, store.tenantFilter(actor));
  if (!stored) throw new AppError('resource.not_found');
  const [row] = await inReaderLanguage(ctx, [stored]);
  const followers = await store.followersOf(ctx.db, row.district_id, row.id);
  if (!needPolicy.can(actor, 'read', recordOf(row, followers))) throw new AppError('resource.not_found');
  return { row, followers };
}

interface Place {
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  householdId: string | null;
  buildingId: string | null;
}

/** A need about to be reported at a place, as the policy sees it. */
const newRecord = (place: Place): NeedRecord => ({ ...place, state: 'reported', handlerUserId: null, reporterUserId: null, referralOrgId: null, followerIds: [] });

/** The household or grid a report names, if the caller may read needs there; 404 at the field otherwise. */
async function placeNamed(ctx: RequestContext, actor: Actor, at: { householdId?: string; gridId?: string }): Promise<Place> {
  const districts = store.tenantFilter(actor);
  let place: Place | undefined;
  if (at.householdId) {
    let q = ctx.db.selectFrom('households').select(['id', 'district_id', 'street_id', 'community_id', 'grid_id', 'building_id']).where('id', '=', at.householdId);
    if (districts) q = q.where('district_id', 'in', districts);
    const h = await q.executeTakeFirst();
    if (h) place = { districtId: h.district_id, streetId: h.street_id, communityId: h.community_id, gridId: h.grid_id, householdId: h.id, buildingId: h.building_id };
  } else if (at.gridId) {
    let q = ctx.db.selectFrom('grids').select(['id', 'district_id', 'street_id', 'community_id']).where('id', '=', at.gridId);
    if (districts) q = q.where('district_id', 'in', districts);
    const g = await q.executeTakeFirst();
    if (g) place = { districtId: g.district_id, streetId: g.street_id, communityId: g.community_id, gridId: g.id, householdId: null, buildingId: null };
  } else {
    throw invalid({ field: 'householdId', code: 'need.place_required' });
  }
  const field = at.householdId ? 'householdId' : 'gridId';
  // A place outside every scope of the caller answers like one that does not exist.
  if (!place || !needPolicy.can(actor, 'read', newRecord(place))) throw notFoundAt(field);
  return place;
}

async function placeOf(ctx: RequestContext, actor: Actor, body: S.CreateNeedBody): Promise<Place> {
  // A report at a grid is placed by its point.
  const place = await placeNamed(ctx, actor, { householdId: body.householdId, gridId: body.point ? body.gridId : undefined });
  const asResident = body.source === 'resident';
  const ok = actor.assignments.some(
    (a) =>
      (asResident ? a.role === 'resident' && a.scopeId === place.householdId : NEED_REPORTERS.includes(a.role)) &&
      needPolicy.can({ ...actor, assignments: [a] }, 'create', newRecord(place)),
  );
  if (!ok) throw new AppError('access.forbidden');
  return place;
}

/** Answers with the need as written: the page that shows it asks for its detail. */
export async function createNeed(ctx: RequestContext, body: S.CreateNeedBody): Promise<S.NeedView> {
  const actor = requireActor(ctx);
  const place = await placeOf(ctx, actor, body);
  if (body.source === 'staff' && !body.intakeChannel) throw invalid({ field: 'intakeChannel', code: 'need.channel_required' });
  const category = await activeCategory(ctx, ctx.db, place.districtId, body.categoryId);
  if (body.reporterResidentId) {
    const resident = await referenced('reporterResidentId', () => visibleUnit(ctx, 'resident', body.reporterResidentId!));
    if (resident.householdId !== place.householdId) throw invalid({ field: 'reporterResidentId', code: 'need.unknown_resident' });
  }
  // The report is one statement (insertNeed): no transaction, two round trips fewer.
  const need = await oneStatementCommand(ctx, (scope) =>
    insertNeed(scope, {
      ...place,
      point: body.point,
      category,
      source: body.source,
      intakeChannel: body.source === 'staff' ? body.intakeChannel! : null,
      recordedByUserId: body.source === 'resident' ? null : actor.userId,
      reporterUserId: body.source === 'resident' ? actor.userId : null,
      reporterResidentId: body.reporterResidentId ?? null,
      description: body.description,
      urgency: body.urgency,
      beneficiaries: body.beneficiaries,
      actor,
    }),
  );
  // A new report has neither a handler nor a referral yet.
  return present(actor, { ...need, category_name: categoryNameIn(category, ctx.locale), handler_name: null, referral_org_name: null });
}

/** Possible duplicates of a report before it is made, at a place the caller may read. */
export async function suggestDuplicates(ctx: RequestContext, q: S.DuplicateQuery) {
  const actor = requireActor(ctx);
  const place = await placeNamed(ctx, actor, q);
  const target = {
    district_id: place.districtId,
    id: null,
    category_id: q.categoryId,
    household_id: place.householdId,
    building_id: place.buildingId,
    grid_id: place.gridId,
    created_at: new Date(),
    description: q.description,
  };
  return { items: await duplicatesOf(ctx, actor, target) };
}

/** Filters the board's list and its map share. */
export type NeedFilter = Pick<
  S.NeedListQuery,
  'state' | 'categoryId' | 'gridId' | 'communityId' | 'streetId' | 'householdId' | 'source' | 'overdue' | 'open' | 'handlerUserId' | 'recordedByUserId'
>;

/** "A need the caller may read that the filter keeps", on `needs`; 403 for a role that reads none. */
export function needFilter(actor: Actor, q: NeedFilter): Expression<SqlBool> {
  const grants = needPolicy.grants(actor, 'read');
  if (grants.length === 0) throw new AppError('access.forbidden');
  const districts = store.tenantFilter(actor);
  const eb = expressionBuilder<DB, 'needs'>();
  const all: Expression<SqlBool>[] = [store.readableBy(actor, grants)];
  if (districts) all.push(eb('needs.district_id', 'in', districts));
  if (q.state) all.push(eb('needs.state', '=', q.state));
  if (q.categoryId) all.push(eb('needs.category_id', '=', q.categoryId));
  if (q.gridId) all.push(eb('needs.grid_id', '=', q.gridId));
  if (q.communityId) all.push(eb('needs.community_id', '=', q.communityId));
  if (q.streetId) all.push(eb('needs.street_id', '=', q.streetId));
  if (q.householdId) all.push(eb('needs.household_id', '=', q.householdId));
  if (q.source) all.push(eb('needs.source', '=', q.source));
  if (q.overdue !== undefined) all.push(q.overdue ? store.overdueSql : store.notOverdueSql);
  if (q.open !== undefined) all.push(eb('needs.state', q.open ? 'in' : 'not in', [...store.OPEN_STATES]));
  if (q.handlerUserId) all.push(eb('needs.handler_user_id', '=', q.handlerUserId));
  if (q.recordedByUserId) all.push(eb('needs.recorded_by_user_id', '=', q.recordedByUserId));
  return eb.and(all);
}

/** The needs the caller may read, narrowed by the filter, as their views show them. */
export function filteredNeeds(ctx: RequestContext, actor: Actor, q: NeedFilter) {
  return store.selectNeedViews(ctx.db).where(needFilter(actor, q));
}

export async function listNeeds(ctx: RequestContext, q: S.NeedListQuery) {
  const actor = requireActor(ctx);
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, ['uuid']);
  let query = filteredNeeds(ctx, actor, q);
  if (q.q !== undefined) {
    const text = q.q.trim();
    if (text.length < 2) throw invalid({ field: 'q', code: 'validation.too_short', params: { limit: 2 } });
    query = query.where(store.matchesText(text));
  }
  // UUIDv7 ids grow with time, so newest first is a keyset on the id alone.
  if (after) query = query.where('needs.id', '<', after[0]);
  const rows = await query.orderBy('needs.id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.id]);
  return { items: (await inReaderLanguage(ctx, page.items)).map((r) => present(actor, r)), nextCursor: page.nextCursor };
}

/** Possible duplicates of a need or a report, among the needs the caller may open (their descriptions are shown). */
export async function duplicatesOf(ctx: RequestContext, actor: Actor, target: store.DuplicateTarget): Promise<S.Duplicate[]> {
  const grants = needPolicy.grants(actor, 'read');
  if (grants.length === 0) return [];
  const rows = await store.duplicates(ctx.db, target, store.readableBy(actor, grants));
  return rows.map((c) => ({
    id: c.id,
    refNo: c.ref_no,
    state: c.state,
    description: c.description,
    similarity: Math.round(c.similarity * 100) / 100,
    sameHousehold: !!target.household_id && c.household_id === target.household_id,
  }));
}

const RELATED_HOUSEHOLD_DAYS = 365;
const RELATED_HOUSEHOLD_MAX = 10;

/**
 * Needs linked to this one — split from or into it, merged into or from it, and recent needs of
 * the same household — as far as the caller may read them.
 */
export async function relatedOf(ctx: RequestContext, actor: Actor, row: store.NeedRow): Promise<S.RelatedNeed[]> {
  const grants = needPolicy.grants(actor, 'read');
  if (grants.length === 0) return [];
  const readable = store.readableBy(actor, grants);
  const [linked, household] = await Promise.all([
    store.linkedNeeds(ctx.db, row, readable).then((rows) => inReaderLanguage(ctx, rows)),
    row.household_id ? store.householdNeeds(ctx.db, row, readable, RELATED_HOUSEHOLD_DAYS, RELATED_HOUSEHOLD_MAX).then((rows) => inReaderLanguage(ctx, rows)) : Promise.resolve([]),
  ]);
  const relationOf = (n: store.RelatedRow): S.RelatedNeed['relation'] => {
    if (n.id === row.split_from_id) return 'split_from';
    if (n.id === row.merged_into_id) return 'merged_into';
    if (n.split_from_id === row.id) return 'split_into';
    return 'merged_from';
  };
  const view = (n: store.RelatedRow, relation: S.RelatedNeed['relation']): S.RelatedNeed => ({
    id: n.id,
    refNo: n.ref_no,
    state: n.state,
    categoryName: n.category_name,
    description: n.description,
    relation,
  });
  const seen = new Set(linked.map((n) => n.id));
  return [...linked.map((n) => view(n, relationOf(n))), ...household.filter((n) => !seen.has(n.id)).slice(0, RELATED_HOUSEHOLD_MAX).map((n) => view(n, 'same_household'))];
}

export async function getNeed(ctx: RequestContext, id: string): Promise<S.NeedDetail> {
  const actor = requireActor(ctx);
  const { row, followers } = await loadVisible(ctx, actor, id);
  const [timeline, duplicates, related, servicePhone, project] = await Promise.all([
    store.timelineOf(ctx.db, row.district_id, row.id),
    duplicatesOf(ctx, actor, row),
    relatedOf(ctx, actor, row),
    communityServicePhone(ctx.db, row.district_id, row.community_id),
    projectOfNeed(ctx.db, row),
  ]);
  // A resident reading the need by their relation to it reads what they were told, nothing staff wrote to each other.
  const internal = needPolicy.can(actor, 'read_internal', recordOf(row, followers));
  return {
    ...present(actor, row, followers),
    timeline: timeline.map((e) => ({
      id: e.id,
      at: iso(e.at),
      actorUserId: e.actor_user_id,
      actorName: e.actor_name,
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      note: internal ? e.note : '',
      reply: e.reply,
      data: internal ? (e.data ?? null) : null,
    })),
    duplicates,
    related,
    servicePhone,
    project,
  };
}

export async function getDuplicates(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const { row } = await loadVisible(ctx, actor, id);
  return { items: await duplicatesOf(ctx, actor, row) };
}
