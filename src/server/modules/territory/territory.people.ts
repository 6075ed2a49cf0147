import type { Kysely } from 'kysely';
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
