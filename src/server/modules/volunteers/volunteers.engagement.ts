import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';

/** Residents of the register (volunteers living in these communities) with hours served in a span of days. */
export async function volunteeringResidents(db: Kysely<DB>, districtId: string, communityIds: string[], since: Date, until: Date): Promise<string[]> {
  if (communityIds.length === 0) return [];
  const rows = await db
    .selectFrom('volunteer_hours as h')
    .innerJoin('volunteers as v', (j) => j.onRef('v.district_id', '=', 'h.district_id').onRef('v.id', '=', 'h.volunteer_id'))
    .select('v.resident_id')
    .distinct()
    .where('h.district_id', '=', districtId)
    .where('v.community_id', 'in', communityIds)
    .where('v.resident_id', 'is not', null)
    .where('h.status', '!=', 'rejected')
    .where('h.served_on', '>=', since.toISOString().slice(0, 10))
    .where('h.served_on', '<=', until.toISOString().slice(0, 10))
    .execute();
  return rows.map((r) => r.resident_id!);
}
