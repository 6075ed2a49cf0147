import { sql, type Kysely, type Selectable } from 'kysely';
import { DEFAULT_POINTS_PER_HOUR, DEFAULT_STAR_HOURS } from '../../../common/volunteers.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { DB } from '../../tables.ts';
import type { VolunteerRecord } from './volunteers.policy.ts';
import type { LedgerKind, VolunteersTable } from './volunteers.tables.ts';

export type VolunteerRow = Selectable<VolunteersTable>;

export async function settingsOf(db: Kysely<DB>, districtId: string): Promise<{ starHours: number[]; pointsPerHour: number }> {
  const row = await db.selectFrom('volunteer_settings').select(['star_hours', 'points_per_hour']).where('district_id', '=', districtId).executeTakeFirst();
  return row ? { starHours: row.star_hours, pointsPerHour: row.points_per_hour } : { starHours: [...DEFAULT_STAR_HOURS], pointsPerHour: DEFAULT_POINTS_PER_HOUR };
}

export const loadVolunteer = (db: Kysely<DB>, id: string) => db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirst();

export const volunteerOfUser = (db: Kysely<DB>, userId: string) => db.selectFrom('volunteers').selectAll().where('user_id', '=', userId).orderBy('created_at').executeTakeFirst();

export function recordOf(v: Pick<VolunteerRow, 'district_id' | 'street_id' | 'community_id' | 'service_community_ids' | 'user_id'>): VolunteerRecord {
  return { districtId: v.district_id, streetId: v.street_id, communityId: v.community_id, serviceCommunityIds: v.service_community_ids, userId: v.user_id };
}

/** Verified minutes and the points balance (the last ledger entry) of each volunteer. */
export async function standingOf(db: Kysely<DB>, districtId: string, ids: readonly string[]): Promise<Map<string, { verifiedMinutes: number; points: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('volunteers as v')
    .select([
      'v.id',
      sql<string>`coalesce((select sum(h.minutes) from volunteer_hours h where h.district_id = v.district_id and h.volunteer_id = v.id and h.status = 'verified'), 0)`.as('minutes'),
      sql<number>`coalesce((select e.balance_after from time_bank_entries e where e.district_id = v.district_id and e.volunteer_id = v.id order by e.seq desc limit 1), 0)`.as('points'),
    ])
    .where('v.district_id', '=', districtId)
    .where('v.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { verifiedMinutes: Number(r.minutes), points: Number(r.points) }]));
}

export interface LedgerChange {
  kind: LedgerKind;
  points: number;
  hoursId?: string;
  redemptionId?: string;
}

/**
 * Appends to a volunteer's ledger inside the caller's transaction. The volunteer's row is
 * locked first, so writers in any process append one after another; the balance is the last
 * entry's, and a change that would take it below zero is refused before anything is written.
 * The database's checks (balance ≥ 0, one number per entry) hold even if this code were wrong.
 */
export async function appendEntry(trx: Kysely<DB>, districtId: string, volunteerId: string, change: LedgerChange, byUser: string): Promise<number> {
  await trx.selectFrom('volunteers').select('id').where('district_id', '=', districtId).where('id', '=', volunteerId).forUpdate().executeTakeFirstOrThrow();
  const last = await trx.selectFrom('time_bank_entries').select(['seq', 'balance_after']).where('district_id', '=', districtId).where('volunteer_id', '=', volunteerId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const balance = last?.balance_after ?? 0;
  const after = balance + change.points;
  if (after < 0) throw new AppError('timebank.insufficient_points', { balance, points: -change.points });
  await trx
    .insertInto('time_bank_entries')
    .values({ district_id: districtId, volunteer_id: volunteerId, seq: (last?.seq ?? 0) + 1, kind: change.kind, points: change.points, balance_after: after, hours_id: change.hoursId ?? null, redemption_id: change.redemptionId ?? null, by_user: byUser })
    .execute();
  return after;
}
