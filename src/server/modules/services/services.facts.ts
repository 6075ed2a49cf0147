import { sql, type Kysely } from 'kysely';
import { localDate } from '../../platform/calendar/working-days.ts';
import type { DB } from '../../tables.ts';
import type { CountMeasure, DateRange, DeliveryFacts } from '../projects/index.ts';

/** Attendance at the project's sessions that were not cancelled (starting within the dates, if given). */
function attendanceOf(db: Kysely<DB>, districtId: string, projectId: string, within?: DateRange) {
  const q = db
    .selectFrom('activity_attendance as t')
    .innerJoin('activity_sessions as s', (j) => j.onRef('s.district_id', '=', 't.district_id').onRef('s.id', '=', 't.session_id'))
    .innerJoin('activities as a', (j) => j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'))
    .where('a.district_id', '=', districtId)
    .where('a.project_id', '=', projectId)
    .where('s.cancelled_at', 'is', null);
  return within ? q.where('s.starts_at', '>=', new Date(`${within.from}T00:00:00+08:00`)).where('s.starts_at', '<', new Date(new Date(`${within.to}T00:00:00+08:00`).getTime() + 86_400_000)) : q;
}

/** A project's delivery counted from its activities' records (DESIGN 3.6: actuals are computed). */
export async function totals(db: Kysely<DB>, districtId: string, projectId: string, within?: DateRange): Promise<DeliveryFacts> {
  const [attendance, feedback] = await Promise.all([
    attendanceOf(db, districtId, projectId, within)
      .select([sql<string>`count(distinct t.session_id)`.as('sessions'), sql<string>`count(distinct t.resident_id)`.as('people'), sql<string>`count(*)`.as('attendances')])
      .executeTakeFirstOrThrow(),
    attendanceOf(db, districtId, projectId, within)
      .innerJoin('activity_feedback as f', (j) => j.onRef('f.district_id', '=', 't.district_id').onRef('f.session_id', '=', 't.session_id').onRef('f.resident_id', '=', 't.resident_id'))
      .select([sql<string>`count(*)`.as('ratings'), sql<string>`count(*) filter (where f.rating >= 4)`.as('satisfied')])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    sessionsHeld: Number(attendance.sessions),
    peopleServed: Number(attendance.people),
    attendances: Number(attendance.attendances),
    ratings: Number(feedback.ratings),
    satisfied: Number(feedback.satisfied),
  };
}

/**
 * The day the running count reached the threshold: the start of the session at which the
 * threshold-th held session, attendance or newly served person was recorded.
 */
export async function reachedOn(db: Kysely<DB>, districtId: string, projectId: string, measure: CountMeasure, threshold: number): Promise<string | null> {
  const base = attendanceOf(db, districtId, projectId);
  const q =
    measure === 'attendances'
      ? base.select('s.starts_at as at').orderBy('s.starts_at')
      : measure === 'sessions_held'
        ? base.select('s.starts_at as at').groupBy(['s.id', 's.starts_at']).orderBy('s.starts_at')
        : base.select(sql<Date>`min(s.starts_at)`.as('at')).groupBy('t.resident_id').orderBy(sql`min(s.starts_at)`);
  const row = await q.offset(threshold - 1).limit(1).executeTakeFirst();
  return row ? localDate(new Date(row.at)) : null;
}
