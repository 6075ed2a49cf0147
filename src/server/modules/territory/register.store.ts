import { sql, type Kysely } from 'kysely';
import type { Assignment } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { decodeCursor } from '../../platform/http/pagination.ts';
import type { DB } from '../../tables.ts';

/** Queries of households and residents. Lists filter by scope inside the SQL. */

export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const tenant = (districts: string[] | null, col: string) =>
  districts === null ? sql<boolean>`true` : districts.length ? sql<boolean>`${sql.ref(col)} in (${sql.join(districts)})` : sql<boolean>`false`;

function households(db: Kysely<DB>) {
  return db
    .selectFrom('households as h')
    .innerJoin('grids as g', (j) => j.onRef('g.district_id', '=', 'h.district_id').onRef('g.id', '=', 'h.grid_id'))
    .innerJoin('communities as c', 'c.id', 'h.community_id')
    .leftJoin('buildings as b', (j) => j.onRef('b.district_id', '=', 'h.district_id').onRef('b.id', '=', 'h.building_id'))
    .selectAll('h')
    .select(['g.name as grid_name', 'c.name as community_name', 'b.name as building_name']);
}
export function loadHousehold(db: Kysely<DB>, id: string, districts: string[] | null) {
  return households(db).where('h.id', '=', id).where(tenant(districts, 'h.district_id')).executeTakeFirst();
}
export type HouseholdRow = NonNullable<Awaited<ReturnType<typeof loadHousehold>>>;

export function listHouseholds(
  db: Kysely<DB>,
  grants: Assignment[],
  q: { gridId?: string; communityId?: string; streetId?: string; buildingId?: string; q?: string; limit: number; cursor?: string },
  key: (address: string) => string,
) {
  let qb = households(db).where(
    scopeCondition(grants, { district: 'district_id', street: 'street_id', community: 'community_id', grid: 'grid_id', household: 'id' }, 'h'),
  );
  if (q.gridId) qb = qb.where('h.grid_id', '=', q.gridId);
  if (q.communityId) qb = qb.where('h.community_id', '=', q.communityId);
  if (q.streetId) qb = qb.where('h.street_id', '=', q.streetId);
  if (q.buildingId) qb = qb.where('h.building_id', '=', q.buildingId);
  if (q.q) {
    const prefix = `${likeEscape(q.q)}%`;
    const fragment = `%${likeEscape(key(q.q))}%`;
    qb = qb.where(sql<boolean>`(h.address like ${prefix} or h.address_key like ${fragment})`);
  }
  const after = decodeCursor(q.cursor, ['uuid']);
  if (after) qb = qb.where('h.id', '>', after[0]);
  return qb.orderBy('h.id').limit(q.limit + 1).execute();
}

function withAddress(db: Kysely<DB>) {
  return db
    .selectFrom('residents as r')
    .innerJoin('households as h', (j) => j.onRef('h.district_id', '=', 'r.district_id').onRef('h.id', '=', 'r.household_id'))
    .select('h.address as household_address');
}
/** One record, sealed numbers included (their reveal and changes need them). */
export function loadResident(db: Kysely<DB>, id: string, districts: string[] | null) {
  return withAddress(db).selectAll('r').where('r.id', '=', id).where(tenant(districts, 'r.district_id')).executeTakeFirst();
}
export type ResidentRow = NonNullable<Awaited<ReturnType<typeof loadResident>>>;

// Lists show masked numbers only: the ciphertexts and keyed hashes stay in the database.
const LISTED = [
  'r.district_id', 'r.id', 'r.household_id', 'r.street_id', 'r.community_id', 'r.grid_id', 'r.name', 'r.gender', 'r.birth_date',
  'r.id_number_masked', 'r.phone_masked', 'r.relation', 'r.tags', 'r.status', 'r.notes', 'r.created_at', 'r.updated_at',
] as const;
function residents(db: Kysely<DB>) {
  return withAddress(db).select(LISTED);
}
export type ListedResidentRow = Awaited<ReturnType<ReturnType<typeof residents>['executeTakeFirstOrThrow']>>;

/** The active members of a page of households: who heads each, and the tags they carry. */
export async function activeMembersOf(db: Kysely<DB>, households: { id: string; district_id: string }[]) {
  if (households.length === 0) return [];
  return db
    .selectFrom('residents')
    .select(['household_id', 'name', 'birth_date', 'relation', 'tags'])
    .where('district_id', 'in', [...new Set(households.map((h) => h.district_id))])
    .where('household_id', 'in', households.map((h) => h.id))
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
}

export function membersOf(db: Kysely<DB>, districtId: string, householdId: string) {
  return residents(db)
    .where('r.district_id', '=', districtId)
    .where('r.household_id', '=', householdId)
    .orderBy('r.id')
    .execute();
}

/**
 * The household's active head other than `except`. The household row is locked first, so two
 * members cannot both become its head at the same moment.
 */
export async function otherHead(trx: Kysely<DB>, districtId: string, householdId: string, except?: string) {
  await trx.selectFrom('households').select('id').where('district_id', '=', districtId).where('id', '=', householdId).forUpdate().execute();
  let q = trx
    .selectFrom('residents')
    .select(['id', 'name'])
    .where('district_id', '=', districtId)
    .where('household_id', '=', householdId)
    .where('relation', '=', 'head')
    .where('status', '=', 'active');
  if (except) q = q.where('id', '!=', except);
  return q.executeTakeFirst();
}

export type ResidentSearch =
  | { kind: 'name'; prefix: string }
  | { kind: 'id_number'; hash: Buffer }
  | { kind: 'phone'; hash: Buffer };

const RESIDENT_SCOPE = {
  district: 'district_id',
  street: 'street_id',
  community: 'community_id',
  grid: 'grid_id',
  household: 'household_id',
} as const;

export function listResidents(
  db: Kysely<DB>,
  grants: Assignment[],
  q: {
    householdId?: string;
    gridId?: string;
    communityId?: string;
    status?: string;
    tag?: string;
    /** Filtering on a sensitive tag would disclose it: only rows the caller may see it on. */
    tagGrants?: Assignment[];
    search?: ResidentSearch;
    limit: number;
    cursor?: string;
  },
) {
  let qb = residents(db).where(scopeCondition(grants, RESIDENT_SCOPE, 'r'));
  if (q.householdId) qb = qb.where('r.household_id', '=', q.householdId);
  if (q.gridId) qb = qb.where('r.grid_id', '=', q.gridId);
  if (q.communityId) qb = qb.where('r.community_id', '=', q.communityId);
  if (q.status) qb = qb.where('r.status', '=', q.status as 'active');
  if (q.tag) {
    qb = qb.where(sql<boolean>`r.tags @> array[${q.tag}]::text[]`);
    if (q.tagGrants) qb = qb.where(scopeCondition(q.tagGrants, RESIDENT_SCOPE, 'r'));
  }
  const s = q.search;
  if (s?.kind === 'id_number') qb = qb.where('r.id_number_hash', '=', s.hash);
  if (s?.kind === 'phone') qb = qb.where('r.phone_hash', '=', s.hash);
  if (s?.kind === 'name') {
    // Name matches are listed by name (byte order, the "C" collation of the name indexes) so
    // that a page reads only its own index entries, even when a surname matches thousands.
    const name = sql<string>`r.name collate "C"`;
    qb = qb.where(sql<boolean>`${name} like ${`${likeEscape(s.prefix)}%`}`);
    const after = decodeCursor(q.cursor, ['text', 'uuid']);
    if (after) qb = qb.where(sql<boolean>`(${name}, r.id) > (${after[0]} collate "C", ${after[1]}::uuid)`);
    return qb.orderBy(name).orderBy('r.id').limit(q.limit + 1).execute();
  }
  const after = decodeCursor(q.cursor, ['uuid']);
  if (after) qb = qb.where('r.id', '>', after[0]);
  return qb.orderBy('r.id').limit(q.limit + 1).execute();
}

export function residentTags(db: Kysely<DB>) {
  return db.selectFrom('resident_tags').selectAll().orderBy('sort').orderBy('code').execute();
}
