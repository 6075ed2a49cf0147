import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';

/**
 * Households that took part through their needs in a span of time: reported one themselves, or
 * confirmed and rated the answer (an automatic confirmation is not theirs).
 */
export async function reportingHouseholds(db: Kysely<DB>, districtId: string, communityIds: string[], since: Date, until: Date): Promise<string[]> {
  if (communityIds.length === 0) return [];
  const rows = await db
    .selectFrom('needs')
    .select('household_id')
    .distinct()
    .where('district_id', '=', districtId)
    .where('community_id', 'in', communityIds)
    .where('household_id', 'is not', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('source', '=', 'resident'), eb('created_at', '>=', since), eb('created_at', '<=', until)]),
        eb.and([eb('rating', 'is not', null), eb('auto_confirmed', '=', false), eb('closed_at', '>=', since), eb('closed_at', '<=', until)]),
      ]),
    )
    .execute();
  return rows.map((r) => r.household_id!);
}
