import { newId } from '../../platform/db/ids.ts';
import { AppError, invalid, referenced } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import type { Static } from '../../platform/http/schema.ts';
import { isValidBoundary } from './boundary.ts';
import { buildingPolicy } from './building.policy.ts';
import { gridPolicy } from './grid.policy.ts';
import type * as S from './structure.schemas.ts';
import * as store from './structure.store.ts';
import { actorDistricts, innerOf, type UnitScope } from './territory.reach.ts';
import { iso, viewerOf, type Viewer } from './territory.viewer.ts';
import { seeCommunity } from './units.service.ts';

/** Grids (with their boundaries) and buildings: district-owned rows of the tree. */

const notFound = () => new AppError('resource.not_found');

export const gridScope = (v: Viewer, r: { id: string; district_id: string; street_id: string; community_id: string }): UnitScope => ({
  districtId: r.district_id,
  streetId: r.street_id,
  communityId: r.community_id,
  gridId: r.id,
  inner: innerOf(v.reaches, 'grid', r.id),
});
export const buildingScope = (
  v: Viewer,
  r: { id: string; district_id: string; street_id: string; community_id: string; grid_id: string },
): UnitScope => ({
  districtId: r.district_id,
  streetId: r.street_id,
  communityId: r.community_id,
  gridId: r.grid_id,
  inner: innerOf(v.reaches, 'building', r.id),
});

function gridView(v: Viewer, r: store.GridRow, householdCount: number): S.GridView {
  return {
    id: r.id,
    districtId: r.district_id,
    streetId: r.street_id,
    communityId: r.community_id,
    communityName: r.community_name,
    code: r.code,
    name: r.name,
    kind: r.kind,
    dedicatedTo: r.dedicated_to,
    boundary: (r.boundary as object | null) ?? null,
    householdCount,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    allowedActions: gridPolicy.allowedActions(v.actor, gridScope(v, r)),
  };
}
function buildingView(v: Viewer, r: store.BuildingRow): S.BuildingView {
  return {
    id: r.id,
    districtId: r.district_id,
    streetId: r.street_id,
    communityId: r.community_id,
    gridId: r.grid_id,
    gridName: r.grid_name,
    name: r.name,
    address: r.address,
    floors: r.floors,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    allowedActions: buildingPolicy.allowedActions(v.actor, buildingScope(v, r)),
  };
}

export async function seeGrid(ctx: RequestContext, v: Viewer, id: string) {
  const row = await store.loadGrid(ctx.db, id, actorDistricts(v.actor));
  if (!row || !gridPolicy.can(v.actor, 'read', gridScope(v, row))) throw notFound();
  return row;
}
export async function seeBuilding(ctx: RequestContext, v: Viewer, id: string) {
  const row = await store.loadBuilding(ctx.db, id, actorDistricts(v.actor));
  if (!row || !buildingPolicy.can(v.actor, 'read', buildingScope(v, row))) throw notFound();
  return row;
}

function checkGridFields(kind: string, dedicatedTo: string | null | undefined, boundary: unknown) {
  const fields = [];
  if (boundary !== undefined && boundary !== null && !isValidBoundary(boundary)) {
    fields.push({ field: 'boundary', code: 'territory.boundary_invalid' });
  }
  if (kind === 'dedicated' && !dedicatedTo?.trim()) fields.push({ field: 'dedicatedTo', code: 'territory.dedicated_to_required' });
  if (fields.length) throw invalid(...fields);
}

async function gridCodeFree(ctx: RequestContext, districtId: string, code: string, except?: string) {
  let q = ctx.db.selectFrom('grids').select('id').where('district_id', '=', districtId).where('code', '=', code);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw new AppError('territory.duplicate_code', { code });
}

const snapshot = (r: Record<string, unknown>) => {
  const { created_at: _c, updated_at: _u, community_name: _n, grid_name: _g, household_count: _h, ...rest } = r;
  return rest;
};

export async function listGrids(ctx: RequestContext, q: Static<typeof S.GridQuery>) {
  const v = await viewerOf(ctx);
  const limit = q.limit ?? 50;
  const p = pageOf(await store.listGrids(ctx.db, v.reaches, { ...q, limit }), limit, (r) => [r.code, r.id]);
  const counts = await store.householdCounts(ctx.db, p.items);
  return { items: p.items.map((r) => gridView(v, r, counts.get(r.id) ?? 0)), nextCursor: p.nextCursor };
}
export async function getGrid(ctx: RequestContext, id: string) {
  const v = await viewerOf(ctx);
  const row = await seeGrid(ctx, v, id);
  const counts = await store.householdCounts(ctx.db, [row]);
  return gridView(v, row, counts.get(row.id) ?? 0);
}
export async function createGrid(ctx: RequestContext, body: Static<typeof S.GridBody>) {
  const v = await viewerOf(ctx);
  const community = await referenced('communityId', () => seeCommunity(ctx, v, body.communityId));
  gridPolicy.authorize(v.actor, 'create', {
    districtId: community.district_id,
    streetId: community.street_id,
    communityId: community.id,
  });
  const kind = body.kind ?? 'comprehensive';
  checkGridFields(kind, body.dedicatedTo, body.boundary);
  await gridCodeFree(ctx, community.district_id, body.code);
  const id = newId();
  const row = await command(ctx, async ({ trx, audit }) => {
    const values = {
      district_id: community.district_id,
      id,
      street_id: community.street_id,
      community_id: community.id,
      code: body.code,
      name: body.name,
      kind,
      dedicated_to: kind === 'dedicated' ? body.dedicatedTo ?? null : null,
      boundary: body.boundary == null ? undefined : JSON.stringify(body.boundary),
    };
    const r = await trx.insertInto('grids').values(values).returningAll().executeTakeFirstOrThrow();
    await audit({ action: 'grid.create', entityType: 'grid', entityId: id, districtId: community.district_id, after: { ...values, boundary: body.boundary ?? null } });
    return r;
  });
  return gridView(v, { ...row, community_name: community.name }, 0);
}
export async function updateGrid(ctx: RequestContext, id: string, body: Static<typeof S.GridPatch>) {
  const v = await viewerOf(ctx);
  const row = await seeGrid(ctx, v, id);
  gridPolicy.authorize(v.actor, 'update', gridScope(v, row));
  const kind = body.kind ?? row.kind;
  const dedicatedTo = body.dedicatedTo !== undefined ? body.dedicatedTo : row.dedicated_to;
  checkGridFields(kind, dedicatedTo, body.boundary);
  if (body.code !== undefined) await gridCodeFree(ctx, row.district_id, body.code, id);
  const written = await command(ctx, async ({ trx, audit }) => {
    const after = await trx
      .updateTable('grids')
      .set({
        code: body.code,
        name: body.name,
        kind: body.kind,
        dedicated_to: kind === 'dedicated' ? dedicatedTo : null,
        boundary: body.boundary === undefined ? undefined : body.boundary === null ? null : JSON.stringify(body.boundary),
        updated_at: new Date(),
      })
      .where('district_id', '=', row.district_id)
      .where('id', '=', id)
      .returningAll()
      .returning(store.householdCount.as('household_count'))
      .executeTakeFirstOrThrow();
    await audit({ action: 'grid.update', entityType: 'grid', entityId: id, districtId: row.district_id, before: snapshot(row), after: snapshot(after) });
    return after;
  });
  // A grid stays in its community: the name read is its community's.
  return gridView(v, { ...row, ...written }, Number(written.household_count));
}

async function buildingNameFree(ctx: RequestContext, r: { district_id: string; community_id: string }, name: string, except?: string) {
  let q = ctx.db
    .selectFrom('buildings')
    .select('id')
    .where('district_id', '=', r.district_id)
    .where('community_id', '=', r.community_id)
    .where('name', '=', name);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw new AppError('territory.duplicate_name', { name });
}

export async function listBuildings(ctx: RequestContext, q: Static<typeof S.BuildingQuery>) {
  const v = await viewerOf(ctx);
  const limit = q.limit ?? 50;
  const p = pageOf(await store.listBuildings(ctx.db, v.reaches, { ...q, limit }), limit, (r) => [r.name, r.id]);
  return { items: p.items.map((r) => buildingView(v, r)), nextCursor: p.nextCursor };
}
export async function getBuilding(ctx: RequestContext, id: string) {
  const v = await viewerOf(ctx);
  return buildingView(v, await seeBuilding(ctx, v, id));
}
export async function createBuilding(ctx: RequestContext, body: Static<typeof S.BuildingBody>) {
  const v = await viewerOf(ctx);
  const grid = await referenced('gridId', () => seeGrid(ctx, v, body.gridId));
  buildingPolicy.authorize(v.actor, 'create', {
    districtId: grid.district_id,
    streetId: grid.street_id,
    communityId: grid.community_id,
    gridId: grid.id,
  });
  await buildingNameFree(ctx, grid, body.name);
  const id = newId();
  const row = await command(ctx, async ({ trx, audit }) => {
    const values = {
      district_id: grid.district_id,
      id,
      street_id: grid.street_id,
      community_id: grid.community_id,
      grid_id: grid.id,
      name: body.name,
      address: body.address,
      floors: body.floors ?? null,
    };
    const r = await trx.insertInto('buildings').values(values).returningAll().executeTakeFirstOrThrow();
    await audit({ action: 'building.create', entityType: 'building', entityId: id, districtId: grid.district_id, after: values });
    return r;
  });
  return buildingView(v, { ...row, grid_name: grid.name });
}
export async function updateBuilding(ctx: RequestContext, id: string, body: Static<typeof S.BuildingPatch>) {
  const v = await viewerOf(ctx);
  const row = await seeBuilding(ctx, v, id);
  buildingPolicy.authorize(v.actor, 'update', buildingScope(v, row));
  if (body.name !== undefined) await buildingNameFree(ctx, row, body.name, id);
  const written = await command(ctx, async ({ trx, audit }) => {
    const after = await trx
      .updateTable('buildings')
      .set({ name: body.name, address: body.address, floors: body.floors, updated_at: new Date() })
      .where('district_id', '=', row.district_id)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'building.update',
      entityType: 'building',
      entityId: id,
      districtId: row.district_id,
      before: snapshot(row),
      after: snapshot(after),
    });
    return after;
  });
  // A building stays in its grid: the name read is its grid's.
  return buildingView(v, { ...row, ...written });
}
