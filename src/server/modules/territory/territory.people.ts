import { sql, type Kysely } from 'kysely';
import type { PiiCipher } from '../../platform/crypto/pii.ts';
import type { DB } from '../../tables.ts';

/**
 * Register facts other modules show beside their own records (an activity's roster, a
 * household's members choosing whom to register): names and places, never identifiers.
 */
export function householdMembers(db: Kysely<DB>, districtId: string, householdId: string) {
  return db
    .selectFrom('residents')
    .select(['id', 'name', 'community_id as communityId', 'street_id as streetId'])
    .where('district_id', '=', districtId)
    .where('household_id', '=', householdId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
}

export async function residentNames(db: Kysely<DB>, districtId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('residents').select(['id', 'name']).where('district_id', '=', districtId).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function communityNames(db: Kysely<DB>, ids: string[]): Promise<Map<string, { name: string; nameEn: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('communities').select(['id', 'name', 'name_en']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, nameEn: r.name_en }]));
}

/** A resident as a case names its client: where they live (the case's place), nothing identifying. */
export function residentPlace(db: Kysely<DB>, districtId: string, id: string) {
  return db
    .selectFrom('residents')
    .select(['id', 'name', 'birth_date as birthDate', 'household_id as householdId', 'community_id as communityId', 'street_id as streetId'])
    .where('district_id', '=', districtId)
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/**
 * What a social worker may pass on about their client in a referral the client consented to:
 * name, gender, birth date, phone (decrypted: the caller sends it on and audits the sending)
 * and the household's address.
 */
export async function residentForReferral(db: Kysely<DB>, pii: PiiCipher, districtId: string, id: string) {
  const r = await db
    .selectFrom('residents')
    .innerJoin('households', (j) => j.onRef('households.district_id', '=', 'residents.district_id').onRef('households.id', '=', 'residents.household_id'))
    .select(['residents.name', 'residents.gender', 'residents.birth_date', 'residents.phone_cipher', 'households.address'])
    .where('residents.district_id', '=', districtId)
    .where('residents.id', '=', id)
    .executeTakeFirstOrThrow();
  return { name: r.name, gender: r.gender, birthDate: r.birth_date, phone: r.phone_cipher ? pii.decrypt(r.phone_cipher) : null, address: r.address };
}

/** Active residents per community (each named with its district, which leads the index): what staffing per 10,000 residents is counted against. */
export async function residentCounts(db: Kysely<DB>, communities: { districtId: string; id: string }[]): Promise<Map<string, number>> {
  if (communities.length === 0) return new Map();
  const rows = await db
    .selectFrom('residents')
    .select(['community_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where((eb) => eb.or(communities.map((c) => eb.and([eb('district_id', '=', c.districtId), eb('community_id', '=', c.id)]))))
    .where('status', '=', 'active')
    .groupBy('community_id')
    .execute();
  return new Map(rows.map((r) => [r.community_id, Number(r.n)]));
}

/** The communities of a street or of a district, by name. */
export function communitiesIn(db: Kysely<DB>, place: { districtId: string; streetId?: string | null }) {
  let q = db.selectFrom('communities').select(['id', 'name']).where('district_id', '=', place.districtId);
  if (place.streetId) q = q.where('street_id', '=', place.streetId);
  return q.orderBy('code').limit(1000).execute();
}

/** Communities by id with their district and street: where another module's record lies. */
export async function communityPlaces(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, { districtId: string; streetId: string; name: string; nameEn: string | null }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('communities').select(['id', 'district_id', 'street_id', 'name', 'name_en']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { districtId: r.district_id, streetId: r.street_id, name: r.name, nameEn: r.name_en }]));
}

/** Households by id with where they lie: the place a resident takes part in. */
export async function householdPlaces(db: Kysely<DB>, districtId: string, ids: readonly string[]): Promise<Map<string, { streetId: string; communityId: string; gridId: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('households').select(['id', 'street_id', 'community_id', 'grid_id']).where('district_id', '=', districtId).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, { streetId: r.street_id, communityId: r.community_id, gridId: r.grid_id }]));
}

/** Households per grid of some communities, with the grid's name: the denominator of turnout and engagement. */
export async function householdsPerGrid(db: Kysely<DB>, districtId: string, communityIds: readonly string[]) {
  if (communityIds.length === 0) return [];
  const rows = await db
    .selectFrom('grids as g')
    .leftJoin('households as h', (j) => j.onRef('h.district_id', '=', 'g.district_id').onRef('h.grid_id', '=', 'g.id'))
    .select(['g.id', 'g.name', 'g.community_id', (eb) => eb.fn.count<string>('h.id').as('n')])
    .where('g.district_id', '=', districtId)
    .where('g.community_id', 'in', [...communityIds])
    .groupBy(['g.id', 'g.name', 'g.community_id'])
    .orderBy('g.name')
    .execute();
  return rows.map((r) => ({ gridId: r.id, name: r.name, communityId: r.community_id, households: Number(r.n) }));
}

/** The grid of each household among some (engagement counts households by grid). */
export async function gridsOfHouseholds(db: Kysely<DB>, districtId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('households').select(['id', 'grid_id']).where('district_id', '=', districtId).where(sql<boolean>`id = any(${sql.val([...ids])}::uuid[])`).execute();
  return new Map(rows.map((r) => [r.id, r.grid_id]));
}

/** The households of some residents (engagement counts households, other modules know residents). */
export async function householdsOfResidents(db: Kysely<DB>, districtId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('residents').select('household_id').distinct().where('district_id', '=', districtId).where(sql<boolean>`id = any(${sql.val([...ids])}::uuid[])`).execute();
  return rows.map((r) => r.household_id);
}
