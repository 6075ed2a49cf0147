import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';

/** Households with a member who attended an activity of these communities in a span of time. */
export async function attendingHouseholds(db: Kysely<DB>, districtId: string, communityIds: string[], since: Date, until: Date): Promise<string[]> {
  if (communityIds.length === 0) return [];
  const rows = await db
    .selectFrom('activity_attendance as t')
    .innerJoin('activity_registrations as r', (j) => j.onRef('r.district_id', '=', 't.district_id').onRef('r.session_id', '=', 't.session_id').onRef('r.resident_id', '=', 't.resident_id'))
    .innerJoin('activity_sessions as s', (j) => j.onRef('s.district_id', '=', 't.district_id').onRef('s.id', '=', 't.session_id'))
    .innerJoin('activities as a', (j) => j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'))
    .select('r.household_id')
    .distinct()
    .where('t.district_id', '=', districtId)
    .where('a.community_id', 'in', communityIds)
    .where('s.starts_at', '>=', since)
    .where('s.starts_at', '<=', until)
    .execute();
  return rows.map((r) => r.household_id);
}
