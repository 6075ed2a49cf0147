import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError, invalid, notFoundAt, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, withinTransaction, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { activeCategory, assertPoolable, categoryNameIn, inReaderLanguage, transitionNeed, type PoolTarget } from '../needs/index.ts';
import { visibleUnit } from '../territory/index.ts';
import './commonneeds.errors.ts';
import { matchable, suggestFor } from './commonneeds.matching.ts';
import { commonNeedPolicy, type CommonNeedRecord } from './commonneeds.policy.ts';
import type * as S from './commonneeds.schemas.ts';
import * as store from './commonneeds.store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function recordOf(row: Pick<store.CommonNeedRow, 'district_id' | 'street_id' | 'community_id' | 'grid_id' | 'status'>): CommonNeedRecord {
  return { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id, gridId: row.grid_id, status: row.status };
}

export function present(actor: Actor, row: store.CommonNeedRow): S.CommonNeedView {
  return {
    id: row.id,
    districtId: row.district_id,
    streetId: row.street_id,
    communityId: row.community_id,
    gridId: row.grid_id,
    categoryId: row.category_id,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    title: row.title,
    description: row.description,
    status: row.status,
    projectRef: row.project_ref,
    beneficiaryCount: Number(row.beneficiary_count),
    memberCount: Number(row.member_count),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    allowedActions: commonNeedPolicy.allowedActions(actor, recordOf(row)).filter((a) => a === 'update' || a === 'pool'),
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

export const targetOf = (row: Pick<store.CommonNeedRow, 'id' | 'district_id' | 'community_id' | 'grid_id' | 'category_id' | 'title' | 'status'>): PoolTarget => ({
  id: row.id,
  districtId: row.district_id,
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
  const [members, resources] = await Promise.all([
    store.membersOf(ctx.db, row.district_id, row.id),
    store.resourcesFor(ctx.db, { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id }),
  ]);
  const group = { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id, categoryId: row.category_id };
  return {
    ...present(actor, row),
    members: members.map((m) => ({
      id: m.id,
      refNo: m.ref_no,
      state: m.state,
      description: m.description,
      gridId: m.grid_id,
      beneficiaries: m.beneficiaries,
      createdAt: iso(m.created_at),
    })),
    suggestedResources: await suggestFor(ctx.db, group, resources.map(matchable), 10),
  };
}

export async function createCommonNeed(ctx: RequestContext, body: S.CreateBody) {
  const actor = await store.readerActor(ctx.db, requireActor(ctx));
  const community = await referenced('communityId', () => visibleUnit(ctx, 'community', body.communityId));
  const place = { district_id: community.districtId, street_id: community.streetId!, community_id: community.id, grid_id: body.gridId ?? null, status: 'open' as const };
  // A community whose groups the caller may not read answers like one that does not exist.
  if (!commonNeedPolicy.can(actor, 'read', recordOf({ ...place, grid_id: null }))) throw notFoundAt('communityId');
  if (body.gridId) {
    const grid = await referenced('gridId', () => visibleUnit(ctx, 'grid', body.gridId!));
    if (grid.communityId !== place.community_id) throw invalid({ field: 'gridId', code: 'common_need.unknown_grid' });
  }
  commonNeedPolicy.authorize(actor, 'create', recordOf(place));
  const category = await activeCategory(ctx, ctx.db, place.district_id, body.categoryId);
  const id = uuidv7();
  const title = body.title.trim();
  const target = targetOf({ id, ...place, category_id: category.id, title });
  // Every need is checked before anything is written, so one bad id refuses the whole request.
  for (const [i, needId] of (body.needIds ?? []).entries()) await referenced(`needIds.${i}`, () => assertPoolable(ctx, needId, target));
  const values = { ...place, id, category_id: category.id, title, description: body.description?.trim() ?? '', created_by: actor.userId };
  // The group and the pooling of its needs commit together: a need that moved meanwhile refuses the whole request.
  const { group, members } = await withinTransaction(ctx, async (tx) => {
    const group = await command(tx, async ({ trx, audit }) => {
      const r = await trx.insertInto('common_needs').values(values).returningAll().executeTakeFirstOrThrow();
      await audit({ action: 'common_need.create', entityType: 'common_need', entityId: id, districtId: place.district_id, after: { ...values, needIds: body.needIds ?? [] } });
      return r;
    });
    // Pooling goes through the need lifecycle itself (timeline, audit, notifications per need).
    const members = [];
    for (const needId of body.needIds ?? []) members.push(await transitionNeed(tx, needId, { action: 'pool', commonNeedId: id }));
    return { group, members };
  });
  // Nobody else could pool into the group before it was committed: its members are exactly these.
  return present(actor, {
    ...group,
    category_code: category.code,
    category_name: categoryNameIn(category, ctx.locale),
    member_count: members.length,
    beneficiary_count: members.reduce((sum, n) => sum + n.beneficiaries, 0),
  });
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
  const pooled = await referenced('needId', () => transitionNeed(ctx, body.needId, { action: 'pool', commonNeedId: row.id, ...(body.note ? { note: body.note } : {}) }));
  return present(actor, { ...row, member_count: Number(row.member_count) + 1, beneficiary_count: Number(row.beneficiary_count) + pooled.beneficiaries });
}
