import { sql, type Kysely } from 'kysely';
import { decodeCursor } from '../../platform/http/pagination.ts';
import type { DB } from '../../tables.ts';
import { readCondition, type Reach } from './territory.reach.ts';

/** Queries of the structure registers (districts → buildings). Lists filter by scope in SQL. */

export function afterKey(cursor: string | undefined, first: string, second: string) {
  const c = decodeCursor(cursor, ['text', 'uuid']);
  return c ? sql<boolean>`(${sql.ref(first)}, ${sql.ref(second)}) > (${c[0]}, ${c[1]})` : sql<boolean>`true`;
}

export function loadDistrict(db: Kysely<DB>, id: string) {
  return db.selectFrom('districts').selectAll().where('id', '=', id).executeTakeFirst();
}
export type DistrictRow = NonNullable<Awaited<ReturnType<typeof loadDistrict>>>;

export function listDistricts(db: Kysely<DB>, reaches: Reach[], q: { limit: number; cursor?: string }) {
  return db
    .selectFrom('districts')
    .selectAll()
    .where(readCondition(reaches, 'district', { district: 'districts.id' }))
    .where(afterKey(q.cursor, 'districts.code', 'districts.id'))
    .orderBy('code')
    .orderBy('id')
    .limit(q.limit + 1)
    .execute();
}

function streets(db: Kysely<DB>) {
  return db
    .selectFrom('streets')
    .innerJoin('districts', 'districts.id', 'streets.district_id')
    .selectAll('streets')
    .select('districts.name as district_name');
}
export function loadStreet(db: Kysely<DB>, id: string) {
  return streets(db).where('streets.id', '=', id).executeTakeFirst();
}
export type StreetRow = NonNullable<Awaited<ReturnType<typeof loadStreet>>>;

export function listStreets(db: Kysely<DB>, reaches: Reach[], q: { districtId?: string; limit: number; cursor?: string }) {
  let qb = streets(db)
    .where(readCondition(reaches, 'street', { district: 'streets.district_id', street: 'streets.id' }))
    .where(afterKey(q.cursor, 'streets.code', 'streets.id'));
  if (q.districtId) qb = qb.where('streets.district_id', '=', q.districtId);
  return qb.orderBy('streets.code').orderBy('streets.id').limit(q.limit + 1).execute();
}

function communities(db: Kysely<DB>) {
  return db
    .selectFrom('communities')
    .innerJoin('streets', 'streets.id', 'communities.street_id')
    .innerJoin('districts', 'districts.id', 'communities.district_id')
    .selectAll('communities')
    .select(['streets.name as street_name', 'districts.name as district_name']);
}
export function loadCommunity(db: Kysely<DB>, id: string) {
  return communities(db).where('communities.id', '=', id).executeTakeFirst();
}
export type CommunityRow = NonNullable<Awaited<ReturnType<typeof loadCommunity>>>;

export function listCommunities(
  db: Kysely<DB>,
  reaches: Reach[],
  q: { districtId?: string; streetId?: string; limit: number; cursor?: string },
) {
  let qb = communities(db)
    .where(
      readCondition(reaches, 'community', {
        district: 'communities.district_id',
        street: 'communities.street_id',
        community: 'communities.id',
      }),
    )
    .where(afterKey(q.cursor, 'communities.code', 'communities.id'));
  if (q.districtId) qb = qb.where('communities.district_id', '=', q.districtId);
  if (q.streetId) qb = qb.where('communities.street_id', '=', q.streetId);
  return qb.orderBy('communities.code').orderBy('communities.id').limit(q.limit + 1).execute();
}

function grids(db: Kysely<DB>) {
  return db
    .selectFrom('grids')
    .innerJoin('communities', 'communities.id', 'grids.community_id')
    .selectAll('grids')
    .select('communities.name as community_name');
}
/** `districts` is the tenant filter (the actor's districts); null only for the platform scope. */
export function loadGrid(db: Kysely<DB>, id: string, districts: string[] | null) {
  let qb = grids(db).where('grids.id', '=', id);
  if (districts) qb = districts.length ? qb.where('grids.district_id', 'in', districts) : qb.where(sql<boolean>`false`);
  return qb.executeTakeFirst();
}
export type GridRow = NonNullable<Awaited<ReturnType<typeof loadGrid>>>;

export function listGrids(
  db: Kysely<DB>,
  reaches: Reach[],
  q: { communityId?: string; streetId?: string; limit: number; cursor?: string },
) {
  let qb = grids(db)
    .where(
      readCondition(reaches, 'grid', {
        district: 'grids.district_id',
        street: 'grids.street_id',
        community: 'grids.community_id',
        grid: 'grids.id',
      }),
    )
    .where(afterKey(q.cursor, 'grids.code', 'grids.id'));
  if (q.communityId) qb = qb.where('grids.community_id', '=', q.communityId);
  if (q.streetId) qb = qb.where('grids.street_id', '=', q.streetId);
  return qb.orderBy('grids.code').orderBy('grids.id').limit(q.limit + 1).execute();
}

/**
 * Names and codes of the given grids, for another module that already holds their ids from rows the
 * caller may read (the needs map's per-grid counts); one query whatever the number of grids.
 */
export async function gridLabels(db: Kysely<DB>, keys: { districtId: string; gridId: string }[]) {
  if (keys.length === 0) return new Map<string, { name: string; code: string }>();
  const rows = await db
    .selectFrom('grids')
    .select(['id', 'name', 'code'])
    .where('district_id', 'in', [...new Set(keys.map((k) => k.districtId))])
    .where('id', 'in', keys.map((k) => k.gridId))
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, code: r.code }]));
}

/** The households of the grid a statement on `grids` touches, as SQL (e.g. in an UPDATE's RETURNING). */
export const householdCount = sql<string>`(select count(*) from households h where h.district_id = grids.district_id and h.grid_id = grids.id)`;

/** Households per grid, for one page of grids at once. */
export async function householdCounts(db: Kysely<DB>, rows: { id: string; district_id: string }[]) {
  const counts = new Map<string, number>();
  if (!rows.length) return counts;
  const result = await db
    .selectFrom('households')
    .select(['grid_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('district_id', 'in', [...new Set(rows.map((r) => r.district_id))])
    .where('grid_id', 'in', rows.map((r) => r.id))
    .groupBy('grid_id')
    .execute();
  result.forEach((r) => counts.set(r.grid_id, Number(r.n)));
  return counts;
}

function buildings(db: Kysely<DB>) {
  return db
    .selectFrom('buildings')
    .innerJoin('grids', (j) =>
      j.onRef('grids.district_id', '=', 'buildings.district_id').onRef('grids.id', '=', 'buildings.grid_id'),
    )
    .selectAll('buildings')
    .select('grids.name as grid_name');
}
export function loadBuilding(db: Kysely<DB>, id: string, districts: string[] | null) {
  let qb = buildings(db).where('buildings.id', '=', id);
  if (districts) qb = districts.length ? qb.where('buildings.district_id', 'in', districts) : qb.where(sql<boolean>`false`);
  return qb.executeTakeFirst();
}
export type BuildingRow = NonNullable<Awaited<ReturnType<typeof loadBuilding>>>;

export function listBuildings(
  db: Kysely<DB>,
  reaches: Reach[],
  q: { gridId?: string; communityId?: string; limit: number; cursor?: string },
) {
  let qb = buildings(db)
    .where(
      readCondition(reaches, 'building', {
        district: 'buildings.district_id',
        street: 'buildings.street_id',
        community: 'buildings.community_id',
        grid: 'buildings.grid_id',
        building: 'buildings.id',
      }),
    )
    .where(afterKey(q.cursor, 'buildings.name', 'buildings.id'));
  if (q.gridId) qb = qb.where('buildings.grid_id', '=', q.gridId);
  if (q.communityId) qb = qb.where('buildings.community_id', '=', q.communityId);
  return qb.orderBy('buildings.name').orderBy('buildings.id').limit(q.limit + 1).execute();
}

/** The phone residents call about their requests, for a community whose need the caller reads; null until entered. */
export async function communityServicePhone(db: Kysely<DB>, districtId: string, communityId: string): Promise<string | null> {
  const r = await db.selectFrom('communities').select('service_phone').where('district_id', '=', districtId).where('id', '=', communityId).executeTakeFirst();
  return r?.service_phone || null;
}

/**
 * A street or community as a public page names it (unit names are public, as on the Open311
 * discovery): its names and the units above it. Undefined when there is none.
 */
export async function publicPlace(db: Kysely<DB>, kind: 'street' | 'community', id: string) {
  if (kind === 'street') {
    const r = await db.selectFrom('streets').select(['id', 'name', 'name_en', 'district_id']).where('id', '=', id).executeTakeFirst();
    return r && { name: r.name, nameEn: r.name_en, districtId: r.district_id, streetId: r.id };
  }
  const r = await db.selectFrom('communities').select(['id', 'name', 'name_en', 'district_id', 'street_id']).where('id', '=', id).executeTakeFirst();
  return r && { name: r.name, nameEn: r.name_en, districtId: r.district_id, streetId: r.street_id };
}
