import { sql } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { addressKey } from '../../../common/address.ts';
import { AppError, invalid, referenced } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import type { Static } from '../../platform/http/schema.ts';
import { seeBuilding, seeGrid } from './grids.service.ts';
import { householdPolicy } from './household.policy.ts';
import type * as S from './register.schemas.ts';
import * as store from './register.store.ts';
import { ageOn, dateOf, residentView, tagCatalogue } from './resident.fields.ts';
import { residentPolicy } from './resident.policy.ts';
import { actorDistricts, type UnitScope } from './territory.reach.ts';
import { iso, viewerOf, type Viewer } from './territory.viewer.ts';

const householdScope = (r: { id: string; district_id: string; street_id: string; community_id: string; grid_id: string }): UnitScope => ({
  districtId: r.district_id,
  streetId: r.street_id,
  communityId: r.community_id,
  gridId: r.grid_id,
  householdId: r.id,
});
const gridPath = (g: { id: string; district_id: string; street_id: string; community_id: string }): UnitScope => ({
  districtId: g.district_id,
  streetId: g.street_id,
  communityId: g.community_id,
  gridId: g.id,
});

function householdView(v: Viewer, r: store.HouseholdRow): S.HouseholdView {
  return {
    id: r.id,
    districtId: r.district_id,
    streetId: r.street_id,
    communityId: r.community_id,
    communityName: r.community_name,
    gridId: r.grid_id,
    gridName: r.grid_name,
    buildingId: r.building_id,
    buildingName: r.building_name,
    address: r.address,
    householdNo: r.household_no,
    notes: r.notes,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    allowedActions: householdPolicy.allowedActions(v.actor, householdScope(r)),
  };
}

export async function seeHousehold(ctx: RequestContext, v: Viewer, id: string) {
  const row = await store.loadHousehold(ctx.db, id, actorDistricts(v.actor));
  if (!row || !householdPolicy.can(v.actor, 'read', householdScope(row))) throw new AppError('resource.not_found');
  return row;
}

/**
 * Households of the caller's scope, each with its head and the care tags its active members
 * carry (sensitive ones only where the caller may read them, as on the household's page), so a
 * list of one building's flats tells them apart.
 */
export async function listHouseholds(ctx: RequestContext, q: Static<typeof S.HouseholdQuery>): Promise<{ items: S.HouseholdListItem[]; nextCursor: string | null }> {
  const v = await viewerOf(ctx);
  const limit = q.limit ?? 50;
  const rows = await store.listHouseholds(ctx.db, householdPolicy.grants(v.actor, 'read'), { ...q, limit }, addressKey);
  const p = pageOf(rows, limit, (r) => [r.id]);
  const [members, catalogue] = await Promise.all([store.activeMembersOf(ctx.db, p.items), tagCatalogue(ctx.db)]);
  const items = p.items.map((r) => {
    const own = members.filter((m) => m.household_id === r.id);
    const head = own.find((m) => m.relation === 'head');
    const sensitive = residentPolicy.can(v.actor, 'read_sensitive', householdScope(r));
    const tags = [...new Set(own.flatMap((m) => m.tags))].filter((t) => sensitive || !catalogue.sensitive.has(t));
    return {
      ...householdView(v, r),
      headName: head?.name ?? null,
      headAge: head ? ageOn(dateOf(head.birth_date)) : null,
      memberCount: own.length,
      tags,
    };
  });
  return { items, nextCursor: p.nextCursor };
}

export async function getHousehold(ctx: RequestContext, id: string): Promise<S.HouseholdDetail> {
  const v = await viewerOf(ctx);
  const row = await seeHousehold(ctx, v, id);
  const [members, catalogue] = await Promise.all([store.membersOf(ctx.db, row.district_id, row.id), tagCatalogue(ctx.db)]);
  return { ...householdView(v, row), members: members.map((m) => residentView(v, m, catalogue)) };
}

/** A building named in a body: one the caller may not read is 404; one of another community does not fit. */
async function checkBuilding(ctx: RequestContext, v: Viewer, communityId: string, buildingId: string | null | undefined) {
  if (!buildingId) return null;
  const b = await referenced('buildingId', () => seeBuilding(ctx, v, buildingId));
  if (b.community_id !== communityId) throw invalid({ field: 'buildingId', code: 'household.building_mismatch' });
  return b;
}

async function addressFree(ctx: RequestContext, districtId: string, communityId: string, key: string, except?: string) {
  let q = ctx.db
    .selectFrom('households')
    .select('id')
    .where('district_id', '=', districtId)
    .where('community_id', '=', communityId)
    .where('address_key', '=', key);
  if (except) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw new AppError('household.duplicate_address');
}

const snapshot = (r: Record<string, unknown>) => ({
  grid_id: r.grid_id,
  community_id: r.community_id,
  building_id: r.building_id,
  address: r.address,
  household_no: r.household_no,
  notes: r.notes,
});

export async function createHousehold(ctx: RequestContext, body: Static<typeof S.HouseholdBody>) {
  const v = await viewerOf(ctx);
  const grid = await referenced('gridId', () => seeGrid(ctx, v, body.gridId));
  householdPolicy.authorize(v.actor, 'create', gridPath(grid));
  const building = await checkBuilding(ctx, v, grid.community_id, body.buildingId);
  const key = addressKey(body.address);
  if (!key) throw invalid({ field: 'address', code: 'validation.required' });
  await addressFree(ctx, grid.district_id, grid.community_id, key);
  const id = newId();
  const row = await command(ctx, async ({ trx, audit }) => {
    const values = {
      district_id: grid.district_id,
      id,
      street_id: grid.street_id,
      community_id: grid.community_id,
      grid_id: grid.id,
      building_id: body.buildingId ?? null,
      address: body.address.trim(),
      address_key: key,
      household_no: body.householdNo ?? null,
      notes: body.notes ?? '',
    };
    const r = await trx.insertInto('households').values(values).returningAll().executeTakeFirstOrThrow();
    await audit({ action: 'household.create', entityType: 'household', entityId: id, districtId: grid.district_id, after: snapshot(values) });
    return r;
  });
  return householdView(v, { ...row, community_name: grid.community_name, grid_name: grid.name, building_name: building?.name ?? null });
}

/**
 * A move to another grid is authorized on both grids (a grid worker cannot move a household
 * out of their own grids) and carries the members' grid and community columns with it.
 */
export async function updateHousehold(ctx: RequestContext, id: string, body: Static<typeof S.HouseholdPatch>) {
  const v = await viewerOf(ctx);
  const row = await seeHousehold(ctx, v, id);
  householdPolicy.authorize(v.actor, 'update', householdScope(row));
  let target = { id: row.grid_id, district_id: row.district_id, street_id: row.street_id, community_id: row.community_id, name: row.grid_name, community_name: row.community_name };
  if (body.gridId && body.gridId !== row.grid_id) {
    const grid = await referenced('gridId', () => seeGrid(ctx, v, body.gridId!));
    householdPolicy.authorize(v.actor, 'update', gridPath(grid));
    if (grid.district_id !== row.district_id) throw invalid({ field: 'gridId', code: 'household.move_other_district' });
    target = grid;
  }
  const movedCommunity = target.community_id !== row.community_id;
  // A building belongs to one community: a move across communities leaves the old one behind.
  const buildingId = body.buildingId !== undefined ? body.buildingId : movedCommunity ? null : row.building_id;
  const building = await checkBuilding(ctx, v, target.community_id, buildingId);
  const address = body.address?.trim() ?? row.address;
  const key = addressKey(address);
  if (!key) throw invalid({ field: 'address', code: 'validation.required' });
  await addressFree(ctx, row.district_id, target.community_id, key, id);
  const written = await command(ctx, async ({ trx, audit }) => {
    const after = await trx
      .updateTable('households')
      .set({
        grid_id: target.id,
        street_id: target.street_id,
        community_id: target.community_id,
        building_id: buildingId,
        address,
        address_key: key,
        household_no: body.householdNo,
        notes: body.notes,
        updated_at: new Date(),
      })
      .where('district_id', '=', row.district_id)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (target.id !== row.grid_id) {
      await trx
        .updateTable('residents')
        .set({ grid_id: target.id, street_id: target.street_id, community_id: target.community_id, updated_at: sql`now()` })
        .where('district_id', '=', row.district_id)
        .where('household_id', '=', id)
        .execute();
    }
    await audit({
      action: 'household.update',
      entityType: 'household',
      entityId: id,
      districtId: row.district_id,
      before: snapshot(row),
      after: snapshot(after),
    });
    return after;
  });
  // Its members are read with its page.
  return householdView(v, { ...written, community_name: target.community_name, grid_name: target.name, building_name: building?.name ?? null });
}
