import { sql, type Kysely } from 'kysely';
import { localDate } from '../../platform/calendar/working-days.ts';
import type { DB } from '../../tables.ts';
import type { DateRange, DeliveryFacts, Threshold } from '../projects/index.ts';

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
 * For each threshold, the day its running count reached it: the start of the session at which
 * the threshold-th held session, attendance or newly served person was recorded. All in one
 * statement (a track record asks for every milestone of an organization's projects at once):
 * each count numbered in time order per project, the n-th row picked for a threshold of n.
 */
export async function reachedOn(db: Kysely<DB>, thresholds: readonly Threshold[]): Promise<(string | null)[]> {
  if (thresholds.length === 0) return [];
  const wanted = sql.join(thresholds.map((m, k) => sql`(${k}::int, ${m.districtId}::uuid, ${m.projectId}::uuid, ${m.measure}::text, ${m.threshold}::int)`));
  const { rows } = await sql<{ k: number; at: Date | null }>`
    with wanted(k, district_id, project_id, measure, threshold) as (values ${wanted}),
    att as (
      select a.project_id, t.session_id, t.resident_id, s.starts_at
      from activity_attendance t
      join activity_sessions s on s.district_id = t.district_id and s.id = t.session_id
      join activities a on a.district_id = s.district_id and a.id = s.activity_id
      where s.cancelled_at is null and (a.district_id, a.project_id) in (select district_id, project_id from wanted)
    ),
    counted as (
      select project_id, 'attendances' as measure, starts_at as at, row_number() over (partition by project_id order by starts_at) as n from att
      union all
      select project_id, 'sessions_held', starts_at, row_number() over (partition by project_id order by starts_at) from (select distinct project_id, session_id, starts_at from att) held
      union all
      select project_id, 'people_served', first_at, row_number() over (partition by project_id order by first_at) from (select project_id, resident_id, min(starts_at) as first_at from att group by project_id, resident_id) served
    )
    select w.k, c.at from wanted w left join counted c on c.project_id = w.project_id and c.measure = w.measure and c.n = w.threshold
  `.execute(db);
  const byK = new Map(rows.map((r) => [Number(r.k), r.at ? localDate(new Date(r.at)) : null]));
  return thresholds.map((_, k) => byK.get(k) ?? null);
}
