import { sql, type Kysely } from 'kysely';
import type { ProfessionalCategory } from '../../../common/worklogs.ts';
import { startOfLocalDay } from '../../platform/calendar/working-days.ts';
import type { DB } from '../../tables.ts';
import type { RecordedWork } from '../workforce/index.ts';
import type { ActivityMethod } from './services.tables.ts';

/** Group work is its own category; every other method of an activity is community work. */
const CATEGORY: Record<ActivityMethod, ProfessionalCategory> = {
  casework: 'casework',
  group_work: 'group_work',
  community_activity: 'community_work',
  training: 'community_work',
  outreach: 'community_work',
};

/**
 * The activity sessions a worker staffed that have ended and were not cancelled: a shift counts
 * from the session's start to its end, on the day it started (Asia/Shanghai).
 */
export async function activityShifts(db: Kysely<DB>, districtId: string, workerIds: readonly string[], from: string, to: string): Promise<RecordedWork[]> {
  const end = new Date(startOfLocalDay(to).getTime() + 86_400_000);
  const rows = await db
    .selectFrom('activity_staff as st')
    .innerJoin('activities as a', (j) => j.onRef('a.district_id', '=', 'st.district_id').onRef('a.id', '=', 'st.activity_id'))
    .innerJoin('activity_sessions as s', (j) => j.onRef('s.district_id', '=', 'st.district_id').onRef('s.activity_id', '=', 'st.activity_id'))
    .select([
      'st.social_worker_id',
      sql<string>`to_char(s.starts_at at time zone 'UTC' + interval '8 hours', 'YYYY-MM-DD')`.as('day'),
      'a.method',
      'a.title',
      sql<string>`sum(round(extract(epoch from s.ends_at - s.starts_at) / 60))`.as('minutes'),
    ])
    .where('st.district_id', '=', districtId)
    .where('st.social_worker_id', 'in', workerIds)
    .where('s.cancelled_at', 'is', null)
    .where('s.starts_at', '>=', startOfLocalDay(from))
    .where('s.starts_at', '<', end)
    .where('s.ends_at', '<=', sql<Date>`now()`)
    .groupBy(['st.social_worker_id', 'day', 'a.method', 'a.title'])
    .execute();
  return rows.map((r) => ({ workerId: r.social_worker_id, day: r.day, category: CATEGORY[r.method], minutes: Number(r.minutes), source: 'activity_shift', label: r.title }));
}
