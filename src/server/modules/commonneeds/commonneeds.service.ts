import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError, invalid, notFoundAt, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, withinTransaction, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { activeCategory, assertPoolable, inReaderLanguage, transitionNeed, type PoolTarget } from '../needs/index.ts';
import { visibleUnit } from '../territory/index.ts';
import './commonneeds.errors.ts';
import { matchable, suggestFor } from './commonneeds.matching.ts';
import { commonNeedPolicy, type CommonNeedRecord } from './commonneeds.policy.ts';
import type * as S from './commonneeds.schemas.ts';
import type { CommonNeedLevel } from './commonneeds.tables.ts';
import * as store from './commonneeds.store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

type RecordRow = Pick<store.CommonNeedRow, 'district_id' | 'level' | 'street_id' | 'community_id' | 'grid_id' | 'status'> &
  Partial<Pick<store.CommonNeedRow, 'covered_street_ids' | 'covered_community_ids'>>;

export function recordOf(row: RecordRow): CommonNeedRecord {
  return {
    districtId: row.district_id,
    level: row.level,
    streetId: row.street_id,
    communityId: row.community_id,
    gridId: row.grid_id,
    coveredStreetIds: row.covered_street_ids ?? [],
    coveredCommunityIds: row.covered_community_ids ?? [],
    status: row.status,
  };
}

const ACTIONS_SENT = ['update', 'pool', 'group'];

export function present(actor: Actor, row: store.CommonNeedRow): S.CommonNeedView {
  return {
    id: row.id,
    districtId: row.district_id,
    level: row.level,
    streetId: row.street_id,
    communityId: row.community_id,
    gridId: row.grid_id,
    parentId: row.parent_id,
    coveredCommunityIds: row.covered_community_ids ?? [],
    categoryId: row.category_id,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    title: row.title,
    description: row.description,
    status: row.status,
    projectRef: row.project_ref,
    beneficiaryCount: Number(row.beneficiary_count),
    householdCount: Number(row.household_count),
    memberCount: Number(row.member_count),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    allowedActions: commonNeedPolicy.allowedActions(actor, recordOf(row)).filter((a) => ACTIONS_SENT.includes(a)),
  };
}

/** A group the caller may read; anything else answers exactly like a missing one. */
export async function loadVisible(ctx: RequestContext, id: string) {
  const actor = await store.readerActor(ctx.db, requireActor(ctx));
  const stored = await store.loadCommonNeed(ctx.db, id, store.tenantFilter(actor));
  if (!stored || !commonNeedPolicy.can(actor, 'read', recordOf(stored))) throw new AppError('resource.not_found');
  const [row] = await inReaderLanguage(ctx, [stored]);
  return { actor, row };
}

export const targetOf = (row: Pick<store.CommonNeedRow, 'id' | 'district_id' | 'street_id' | 'community_id' | 'grid_id' | 'category_id' | 'title' | 'status'>): PoolTarget => ({
  id: row.id,
  districtId: row.district_id,
  streetId: row.street_id,
  communityId: row.community_id,
  gridId: row.grid_id,
  categoryId: row.category_id,
  title: row.title,
  status: row.status,
});

export async function listCommonNeeds(ctx: RequestContext, q: S.ListQuery) {
  const actor = await store.readerActor(ctx.db, requireActor(ctx));
  if (commonNeedPolicy.grants(actor, 'read').length === 0) throw new AppError('access.forbidden');
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, ['uuid']);
  let query = store.selectCommonNeeds(ctx.db).where(store.readableCondition(actor));
  const districts = store.tenantFilter(actor);
  if (districts) query = query.where('cn.district_id', 'in', districts);
  if (q.communityId) query = query.where('cn.community_id', '=', q.communityId);
  if (q.status) query = query.where('cn.status', '=', q.status);
  // UUIDv7 ids grow with time: newest first is a keyset on the id alone.
  if (after) query = query.where('cn.id', '<', after[0]);
  const rows = await query.orderBy('cn.id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.id]);
  return { items: (await inReaderLanguage(ctx, page.items)).map((r) => present(actor, r)), nextCursor: page.nextCursor };
}

export async function getCommonNeed(ctx: RequestContext, id: string) {
  const { actor, row } = await loadVisible(ctx, id);
  const place = { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id };
  const [members, children, resources] = await Promise.all([
    store.membersOf(ctx.db, row.district_id, row.id),
    row.level === 'community' ? [] : store.childrenOf(ctx.db, row.district_id, row.id),
    store.resourcesFor(ctx.db, place),
  ]);
  const group = { ...place, categoryId: row.category_id };
  return {
    ...present(actor, row),
    members: members.map((m) => ({
      id: m.id,
      refNo: m.ref_no,
      state: m.state,
      description: m.description,
      streetId: m.street_id,
      communityId: m.community_id,
      gridId: m.grid_id,
      commonNeedId: m.common_need_id!,
      beneficiaries: m.beneficiaries,
      createdAt: iso(m.created_at),
    })),
    children: children.map((c) => present(actor, c)),
    suggestedResources: await suggestFor(ctx.db, group, resources.map(matchable), 10),
  };
}

/** The unit a new group is about: exactly one of community, street or district, as the caller may read it. */
async function placeOf(ctx: RequestContext, body: S.CreateBody) {
  const named = (['communityId', 'streetId', 'districtId'] as const).filter((k) => body[k] !== undefined);
  if (named.length !== 1) throw invalid({ field: 'communityId', code: 'common_need.one_place' });
  if (body.gridId && !body.communityId) throw invalid({ field: 'gridId', code: 'common_need.unknown_grid' });
  const field = named[0]!;
  const kind: CommonNeedLevel = field === 'communityId' ? 'community' : field === 'streetId' ? 'street' : 'district';
  const unit = await referenced(field, () => visibleUnit(ctx, kind, body[field]!));
  return { field, place: { district_id: unit.districtId, level: kind, street_id: unit.streetId, community_id: unit.communityId, grid_id: body.gridId ?? null, status: 'open' as const } };
}

export async function createCommonNeed(ctx: RequestContext, body: S.CreateBody) {
  const actor = await store.readerActor(ctx.db, requireActor(ctx));
  const { field, place } = await placeOf(ctx, body);
  // A unit whose groups the caller may not read answers like one that does not exist.
  if (!commonNeedPolicy.can(actor, 'read', recordOf({ ...place, grid_id: null }))) throw notFoundAt(field);
  if (body.gridId) {
    const grid = await referenced('gridId', () => visibleUnit(ctx, 'grid', body.gridId!));
    if (grid.communityId !== place.community_id) throw invalid({ field: 'gridId', code: 'common_need.unknown_grid' });
  }
  commonNeedPolicy.authorize(actor, 'create', recordOf(place));
  if (body.groupIds?.length && place.level === 'community') throw invalid({ field: 'groupIds', code: 'common_need.bad_child' });
  const category = await activeCategory(ctx, ctx.db, place.district_id, body.categoryId);
  const id = newId();
  const title = body.title.trim();
  const target = targetOf({ id, ...place, category_id: category.id, title });
  // Every need and group is checked before anything is written, so one bad id refuses the whole request.
  for (const [i, needId] of (body.needIds ?? []).entries()) await referenced(`needIds.${i}`, () => assertPoolable(ctx, needId, target));
  const children: ChildRow[] = [];
  for (const [i, childId] of (body.groupIds ?? []).entries()) children.push(await childFor(ctx, `groupIds.${i}`, childId, { ...place, category_id: category.id }));
  const values = { ...place, id, category_id: category.id, title, description: body.description?.trim() ?? '', created_by: actor.userId };
  // The group, the pooling of its needs and the groups added into it commit together: a need that moved meanwhile refuses the whole request.
  await withinTransaction(ctx, async (tx) => {
    await command(tx, async ({ trx, audit }) => {
      await trx.insertInto('common_needs').values(values).execute();
      await audit({ action: 'common_need.create', entityType: 'common_need', entityId: id, districtId: place.district_id, after: { ...values, needIds: body.needIds ?? [], groupIds: body.groupIds ?? [] } });
    });
    for (const child of children) await attachChild(tx, id, child);
    // Pooling goes through the need lifecycle itself (timeline, audit, notifications per need).
    for (const needId of body.needIds ?? []) await transitionNeed(tx, needId, { action: 'pool', commonNeedId: id });
  });
  const [row] = await inReaderLanguage(ctx, [(await store.loadCommonNeed(ctx.db, id, [place.district_id]))!]);
  return present(actor, row!);
}

type ChildRow = store.CommonNeedRow;

/** A community group that may go into a new or existing outer group: readable, free, of its category and place. */
async function childFor(ctx: RequestContext, field: string, childId: string, parent: { district_id: string; level: string; street_id: string | null; category_id: string }): Promise<ChildRow> {
  const { row } = await referenced(field, () => loadVisible(ctx, childId));
  const fits =
    row.level === 'community' &&
    row.parent_id === null &&
    (row.status === 'open' || row.status === 'candidate') &&
    row.district_id === parent.district_id &&
    (parent.level === 'district' || row.street_id === parent.street_id) &&
    row.category_id === parent.category_id;
  if (!fits) throw invalid({ field, code: 'common_need.bad_child' });
  // The outer group's editors are the officers above the community: reading the group is enough
  // for them to add it (the community's own group stays as it is, with its members).
  return row;
}

function attachChild(ctx: RequestContext, parentId: string, child: ChildRow) {
  return command(ctx, async ({ trx, audit }) => {
    const moved = await trx
      .updateTable('common_needs')
      .set({ parent_id: parentId, updated_at: new Date() })
      .where('district_id', '=', child.district_id)
      .where('id', '=', child.id)
      .where('parent_id', 'is', null)
      .where('status', 'in', ['open', 'candidate'])
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new AppError('common_need.status_locked', { status: child.status });
    await audit({ action: 'common_need.group', entityType: 'common_need', entityId: child.id, districtId: child.district_id, before: { parent_id: null }, after: { parent_id: parentId } });
  });
}

/** Adds a community group into a street or district group; its needs then count for both. */
export async function groupIntoCommonNeed(ctx: RequestContext, id: string, body: S.GroupBody) {
  const { actor, row } = await loadVisible(ctx, id);
  commonNeedPolicy.authorize(actor, 'group', recordOf(row));
  const child = await childFor(ctx, 'commonNeedId', body.commonNeedId, row);
  await attachChild(ctx, row.id, child);
  return present(actor, (await store.loadCommonNeed(ctx.db, row.id, [row.district_id]))!);
}

export async function updateCommonNeed(ctx: RequestContext, id: string, body: S.UpdateBody) {
  const { actor, row } = await loadVisible(ctx, id);
  commonNeedPolicy.authorize(actor, 'update', recordOf(row));
  if (body.status !== undefined && body.status !== row.status && row.status !== 'open' && row.status !== 'candidate') {
    throw new AppError('common_need.status_locked', { status: row.status });
  }
  const changes = {
    ...(body.title !== undefined && { title: body.title.trim() }),
    ...(body.description !== undefined && { description: body.description.trim() }),
    ...(body.status !== undefined && { status: body.status }),
    ...(body.projectRef !== undefined && { project_ref: body.projectRef?.trim() || null }),
  };
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]]));
  const written = await command(ctx, async ({ trx, audit }) => {
    const updated = await trx
      .updateTable('common_needs')
      .set({ ...changes, updated_at: new Date() })
      .where('district_id', '=', row.district_id)
      .where('id', '=', row.id)
      // The status read is the one changed: a concurrent change makes this one fail instead of overwriting it.
      .where('status', '=', row.status)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('common_need.status_locked', { status: row.status });
    await audit({ action: 'common_need.update', entityType: 'common_need', entityId: row.id, districtId: row.district_id, before, after: changes });
    return updated;
  });
  // Its category and members are not changed here: they are as read.
  return present(actor, { ...row, ...written });
}

/**
 * Pools one need into the group through the need's own `pool` transition. Answers with the
 * group as read before, counting the need it now has.
 */
export async function poolIntoCommonNeed(ctx: RequestContext, id: string, body: S.PoolBody) {
  const { actor, row } = await loadVisible(ctx, id);
  commonNeedPolicy.authorize(actor, 'pool', recordOf(row));
  await referenced('needId', () => transitionNeed(ctx, body.needId, { action: 'pool', commonNeedId: row.id, ...(body.note ? { note: body.note } : {}) }));
  // Households are counted once across the group: the figures are read again, not added to.
  return present(actor, (await store.loadCommonNeed(ctx.db, row.id, [row.district_id]))!);
}
