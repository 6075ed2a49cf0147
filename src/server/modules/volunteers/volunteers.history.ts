import { sql, type Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import { volunteerSessions } from '../services/index.ts';
import type { HoursItem, LedgerItem } from './volunteers.schemas.ts';
import type { VolunteerRow } from './volunteers.store.ts';

const HISTORY = 100;

/** A volunteer's hours, newest first, named by their activity. */
export async function hoursOf(db: Kysely<DB>, v: Pick<VolunteerRow, 'district_id' | 'id'>): Promise<HoursItem[]> {
  const rows = await db
    .selectFrom('volunteer_hours')
    .select(['id', 'session_id', 'minutes', 'status', 'reject_reason', sql<string>`to_char(served_on, 'YYYY-MM-DD')`.as('day')])
    .where('district_id', '=', v.district_id)
    .where('volunteer_id', '=', v.id)
    .orderBy('served_on', 'desc')
    .orderBy('id', 'desc')
    .limit(HISTORY)
    .execute();
  const sessions = new Map((await volunteerSessions(db, v.district_id, [...new Set(rows.map((r) => r.session_id))])).map((s) => [s.id, s]));
  return rows.map((r) => ({
    id: r.id,
    sessionId: r.session_id,
    activityId: sessions.get(r.session_id)?.activityId ?? '',
    activityTitle: sessions.get(r.session_id)?.title ?? '',
    servedOn: r.day,
    minutes: r.minutes,
    status: r.status,
    rejectReason: r.reject_reason,
  }));
}

/** A volunteer's ledger, newest first: earned points named by the activity, redeemed and refunded ones by the offer. */
export async function ledgerOf(db: Kysely<DB>, v: Pick<VolunteerRow, 'district_id' | 'id'>): Promise<LedgerItem[]> {
  const rows = await db
    .selectFrom('time_bank_entries as e')
    .leftJoin('volunteer_hours as h', (j) => j.onRef('h.district_id', '=', 'e.district_id').onRef('h.id', '=', 'e.hours_id'))
    .leftJoin('time_bank_redemptions as r', (j) => j.onRef('r.district_id', '=', 'e.district_id').onRef('r.id', '=', 'e.redemption_id'))
    .leftJoin('time_bank_offers as o', (j) => j.onRef('o.district_id', '=', 'r.district_id').onRef('o.id', '=', 'r.offer_id'))
    .select(['e.seq', 'e.kind', 'e.points', 'e.balance_after', 'e.at', 'h.session_id', 'o.title'])
    .where('e.district_id', '=', v.district_id)
    .where('e.volunteer_id', '=', v.id)
    .orderBy('e.seq', 'desc')
    .limit(HISTORY)
    .execute();
  const sessions = new Map((await volunteerSessions(db, v.district_id, [...new Set(rows.flatMap((r) => (r.session_id ? [r.session_id] : [])))])).map((s) => [s.id, s.title]));
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind,
    points: r.points,
    balanceAfter: r.balance_after,
    at: new Date(r.at).toISOString(),
    label: (r.session_id ? sessions.get(r.session_id) : r.title) ?? '',
  }));
}
