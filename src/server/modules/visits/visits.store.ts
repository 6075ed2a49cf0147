import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import type { DB } from '../../tables.ts';

export const SCOPE_COLUMNS = { district: 'district_id', street: 'street_id', community: 'community_id', grid: 'grid_id' } as const;
const NO_DISTRICT = '00000000-0000-0000-0000-000000000000';

/** Districts the actor's assignments lie in; null when not limited (a platform-wide role). */
export function districtsOf(actor: Actor): string[] | null {
  if (actor.assignments.some((a) => a.scopeType === 'platform' || !a.districtId)) return null;
  const ids = [...new Set(actor.assignments.map((a) => a.districtId!))];
  return ids.length ? ids : [NO_DISTRICT];
}

export async function loadHousehold(db: Kysely<DB>, id: string, districts: string[] | null) {
  let q = db
    .selectFrom('households')
    .select(['district_id', 'id', 'street_id', 'community_id', 'grid_id', 'building_id', 'address'])
    .where('id', '=', id);
  if (districts) q = q.where('district_id', 'in', districts);
  return q.executeTakeFirst();
}

export async function loadGrid(db: Kysely<DB>, id: string, districts: string[] | null) {
  let q = db.selectFrom('grids').select(['district_id', 'id', 'street_id', 'community_id']).where('id', '=', id);
  if (districts) q = q.where('district_id', 'in', districts);
  return q.executeTakeFirst();
}

export function selectVisits(db: Kysely<DB>) {
  return db
    .selectFrom('visits as v')
    .innerJoin('households as h', (j) => j.onRef('h.district_id', '=', 'v.district_id').onRef('h.id', '=', 'v.household_id'))
    .leftJoin('residents as r', (j) => j.onRef('r.district_id', '=', 'v.district_id').onRef('r.id', '=', 'v.resident_id'))
    .innerJoin('users as u', 'u.id', 'v.worker_user_id')
    .selectAll('v')
    .select(['h.address as household_address', 'r.name as resident_name', 'u.display_name as worker_name']);
}
export type VisitRow = Awaited<ReturnType<ReturnType<typeof selectVisits>['executeTakeFirstOrThrow']>>;

/** Households of a grid (where they live now) visited since each of two instants. */
export async function coverageOf(db: Kysely<DB>, districtId: string, gridId: string, since30: Date, since90: Date) {
  const visitedSince = (since: Date) => sql<boolean>`exists (select 1 from visits v where v.district_id = h.district_id
    and v.household_id = h.id and v.visited_at >= ${since})`;
  const r = await db
    .selectFrom('households as h')
    .select([
      sql<number>`count(*)::int`.as('households'),
      sql<number>`(count(*) filter (where ${visitedSince(since30)}))::int`.as('visited30'),
      sql<number>`(count(*) filter (where ${visitedSince(since90)}))::int`.as('visited90'),
    ])
    .where('h.district_id', '=', districtId)
    .where('h.grid_id', '=', gridId)
    .executeTakeFirstOrThrow();
  return { households: Number(r.households), visited30: Number(r.visited30), visited90: Number(r.visited90) };
}

/** The last visit of a resident: one that named them, or a household visit that named no one in particular (seen with the family). */
const lastVisitAt = sql<Date | null>`greatest(
  (select max(v.visited_at) from visits v where v.district_id = r.district_id and v.resident_id = r.id),
  (select max(v.visited_at) from visits v where v.district_id = r.district_id and v.household_id = r.household_id
     and v.resident_id is null))`;

/** Active residents matching a condition on `residents as r` and carrying any of these tags, with their last visit. */
function selectTagged(db: Kysely<DB>, where: Expression<SqlBool>, tags: string[]) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', (j) => j.onRef('h.district_id', '=', 'r.district_id').onRef('h.id', '=', 'r.household_id'))
    .select(['r.district_id', 'r.street_id', 'r.community_id', 'r.grid_id', 'r.id', 'r.name', 'r.household_id', 'r.tags', 'h.address as household_address', lastVisitAt.as('last_visit_at')])
    .where(where)
    .where('r.status', '=', 'active')
    .where(sql<boolean>`r.tags && array[${sql.join(tags)}]::text[]`);
}

/** Active residents of a grid carrying any of these tags, with their last visit. */
export async function taggedResidents(db: Kysely<DB>, districtId: string, gridId: string, tags: string[]) {
  if (tags.length === 0) return [];
  return selectTagged(db, sql<SqlBool>`(r.district_id = ${districtId} and r.grid_id = ${gridId})`, tags).execute();
}

/** The same, in every grid a scope condition on `r` keeps. */
export async function taggedResidentsIn(db: Kysely<DB>, where: Expression<SqlBool>, tags: string[]) {
  if (tags.length === 0) return [];
  return selectTagged(db, where, tags).execute();
}

export function careTags(db: Kysely<DB>) {
  return db
    .selectFrom('resident_tags')
    .select(['code', 'sensitive', 'care_interval_days'])
    .where('care_interval_days', 'is not', null)
    .execute();
}
