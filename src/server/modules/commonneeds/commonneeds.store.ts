import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import type { DB } from '../../tables.ts';
import { COMMON_NEED_READERS } from './commonneeds.policy.ts';
import type { CommonNeedsTable } from './commonneeds.tables.ts';

export type CommonNeedRow = Selectable<CommonNeedsTable> & {
  category_code: string;
  category_name: string;
  beneficiary_count: number;
  household_count: number;
  member_count: number;
  covered_street_ids: string[];
  covered_community_ids: string[];
};

export const SCOPE_COLUMNS = { district: 'district_id', street: 'street_id', community: 'community_id', grid: 'grid_id' } as const;
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Districts an actor's territorial assignments lie in; null when not limited (platform or organization roles). */
export function tenantFilter(actor: Actor): string[] | null {
  if (actor.assignments.some((a) => a.scopeType === 'platform' || a.scopeType === 'organization' || !a.districtId)) return null;
  const ids = [...new Set(actor.assignments.map((a) => a.districtId!))];
  return ids.length ? ids : [NO_ID];
}

/**
 * A grid worker works for the whole community's groups, not only those tied to the grid:
 * reading, their grid assignment counts as one on the grid's community.
 */
export async function readerActor(db: Kysely<DB>, actor: Actor): Promise<Actor> {
  const grids = actor.assignments.filter((a) => a.scopeType === 'grid' && a.scopeId && COMMON_NEED_READERS.includes(a.role));
  if (!grids.length) return actor;
  const rows = await db.selectFrom('grids').select(['id', 'community_id']).where('id', 'in', grids.map((a) => a.scopeId!)).execute();
  const communityOf = new Map(rows.map((r) => [r.id, r.community_id]));
  return {
    ...actor,
    assignments: actor.assignments.map((a) =>
      a.scopeType === 'grid' && communityOf.has(a.scopeId!) ? { ...a, scopeType: 'community', scopeId: communityOf.get(a.scopeId!)! } : a,
    ),
  };
}

/**
 * The needs a group answers for: its own members and those of the community groups added into
 * it. Written once here, for the counts, the member list and what projects ask of a group.
 */
export function memberCondition(group: string) {
  const g = sql.ref(group);
  // The group and its children as one array: an index probe per id (needs_common_need). Written
  // as `= … or in (subquery)` it made PostgreSQL read every need of the district for each count.
  return sql<SqlBool>`n.common_need_id = any(array(select ${g}.id union all select ch.id from common_needs ch where ch.district_id = ${g}.district_id and ch.parent_id = ${g}.id))`;
}

/**
 * Common needs with their category and the figures computed from the needs they answer for
 * (never stored): beneficiaries as the needs state them, and distinct households (a need
 * without a household, located at a point, counts as one).
 */
export function selectCommonNeeds(db: Kysely<DB>) {
  const members = sql`from needs n where n.district_id = cn.district_id and ${memberCondition('cn')}`;
  return db
    .selectFrom('common_needs as cn')
    .innerJoin('need_categories as c', (j) => j.onRef('c.district_id', '=', 'cn.district_id').onRef('c.id', '=', 'cn.category_id'))
    .selectAll('cn')
    .select([
      'c.code as category_code',
      'c.name as category_name',
      sql<number>`(select coalesce(sum(n.beneficiaries), 0)::int ${members})`.as('beneficiary_count'),
      sql<number>`(select count(distinct coalesce(n.household_id, n.id))::int ${members})`.as('household_count'),
      sql<number>`(select count(*)::int ${members})`.as('member_count'),
      sql<string[]>`(case when cn.level = 'community' then array[]::uuid[] else array(
        select n.community_id ${members} union select ch.community_id from common_needs ch where ch.district_id = cn.district_id and ch.parent_id = cn.id) end)`.as('covered_community_ids'),
      sql<string[]>`(case when cn.level <> 'district' then array[]::uuid[] else array(
        select n.street_id ${members} union select ch.street_id from common_needs ch where ch.district_id = cn.district_id and ch.parent_id = cn.id) end)`.as('covered_street_ids'),
    ]);
}

/** Does the group hold needs of this unit (directly or through a community group added into it)? */
function coversUnit(column: 'community_id' | 'street_id', id: string) {
  const c = sql.ref(column);
  return sql<SqlBool>`(cn.level <> 'community' and (exists (select 1 from needs n where n.district_id = cn.district_id and n.common_need_id = cn.id and n.${c} = ${id})
    or exists (select 1 from common_needs ch where ch.district_id = cn.district_id and ch.parent_id = cn.id and ch.${c} = ${id})))`;
}

/** The policy's read rule as SQL: a group's own place, or the units whose needs it covers. */
export function readableCondition(actor: Actor) {
  const readers = actor.assignments.filter((a) => COMMON_NEED_READERS.includes(a.role));
  const covered = readers.flatMap((a) =>
    a.scopeId && a.districtId && (a.scopeType === 'community' || a.scopeType === 'street')
      ? [sql<SqlBool>`(cn.district_id = ${a.districtId} and ${coversUnit(a.scopeType === 'community' ? 'community_id' : 'street_id', a.scopeId)})`]
      : [],
  );
  const own = scopeCondition(readers, SCOPE_COLUMNS, 'cn');
  return covered.length ? sql<SqlBool>`(${own} or ${sql.join(covered, sql` or `)})` : own;
}

export async function loadCommonNeed(db: Kysely<DB>, id: string, districts: string[] | null): Promise<CommonNeedRow | undefined> {
  let q = selectCommonNeeds(db).where('cn.id', '=', id);
  if (districts) q = q.where('cn.district_id', 'in', districts);
  return q.executeTakeFirst();
}

export function membersOf(db: Kysely<DB>, districtId: string, id: string) {
  return db
    .selectFrom('needs as n')
    .select(['n.id', 'n.ref_no', 'n.state', 'n.description', 'n.street_id', 'n.community_id', 'n.grid_id', 'n.household_id', 'n.common_need_id', 'n.beneficiaries', 'n.created_at'])
    .where('n.district_id', '=', districtId)
    .where(sql<SqlBool>`n.common_need_id = any(array(select ${id}::uuid union all select ch.id from common_needs ch where ch.district_id = ${districtId} and ch.parent_id = ${id}))`)
    .orderBy('n.id')
    .limit(5000)
    .execute();
}

/** The community groups added into a street or district group. */
export function childrenOf(db: Kysely<DB>, districtId: string, id: string) {
  return selectCommonNeeds(db).where('cn.district_id', '=', districtId).where('cn.parent_id', '=', id).orderBy('cn.id').execute();
}

export function findCommunity(db: Kysely<DB>, id: string, districts: string[] | null) {
  let q = db.selectFrom('communities').select(['id', 'street_id', 'district_id']).where('id', '=', id);
  if (districts) q = q.where('district_id', 'in', districts);
  return q.executeTakeFirst();
}

export interface CommunityPlace {
  districtId: string;
  streetId: string;
  communityId: string;
}

/** Where a group lies: a community, a street (community null) or a district (both null). */
export interface GroupPlace {
  districtId: string;
  streetId: string | null;
  communityId: string | null;
}

/** Active resources a group can draw on: its unit's own and those of the units above it. */
export function resourcesFor(db: Kysely<DB>, p: GroupPlace) {
  return db
    .selectFrom('resources')
    .select(['id', 'name', 'kind', 'district_id', 'street_id', 'community_id', 'categories', 'weekly_windows', 'available_from', 'available_until', 'status'])
    .where('district_id', '=', p.districtId)
    .where('status', '=', 'active')
    .where(sql<SqlBool>`((community_id is not null and community_id = ${p.communityId}) or (community_id is null and (street_id is null or (street_id is not null and street_id = ${p.streetId}))))`)
    .orderBy('name')
    .orderBy('id')
    .limit(500)
    .execute();
}

/** Accepted needs of a community that no group holds yet: the material of suggestions. */
export function ungroupedNeeds(db: Kysely<DB>, p: CommunityPlace) {
  return db
    .selectFrom('needs as n')
    .innerJoin('need_categories as c', (j) => j.onRef('c.district_id', '=', 'n.district_id').onRef('c.id', '=', 'n.category_id'))
    .select(['n.id', 'n.category_id', 'n.grid_id', 'n.beneficiaries', 'c.code as category_code', 'c.name as category_name'])
    .where('n.district_id', '=', p.districtId)
    .where('n.community_id', '=', p.communityId)
    .where('n.state', '=', 'accepted')
    .where('n.common_need_id', 'is', null)
    .orderBy('n.id')
    .limit(2000)
    .execute();
}

/** The category a group is about, with its parent's code: resources may be tagged with either. */
export async function categoryCodes(db: Kysely<DB>, districtId: string, categoryId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('need_categories as c')
    .leftJoin('need_categories as p', (j) => j.onRef('p.district_id', '=', 'c.district_id').onRef('p.id', '=', 'c.parent_id'))
    .select(['c.code', 'p.code as parent_code'])
    .where('c.district_id', '=', districtId)
    .where('c.id', '=', categoryId)
    .execute();
  return rows.flatMap((r) => [r.code, r.parent_code].filter((c): c is string => !!c));
}
