import { sql, type Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import type { RecordedWork } from '../workforce/index.ts';

/** A worker's case sessions by day and case: only the readable day and minutes, never the notes. */
export async function caseSessions(db: Kysely<DB>, districtId: string, workerIds: readonly string[], from: string, to: string): Promise<RecordedWork[]> {
  const rows = await db
    .selectFrom('case_records as r')
    .innerJoin('cases as c', (j) => j.onRef('c.district_id', '=', 'r.district_id').onRef('c.id', '=', 'r.case_id'))
    .select(['r.worker_id', sql<string>`to_char(r.held_on, 'YYYY-MM-DD')`.as('day'), 'c.ref_no', sql<string>`sum(r.minutes)`.as('minutes')])
    .where('r.district_id', '=', districtId)
    .where('r.kind', '=', 'session')
    .where('r.worker_id', 'in', workerIds)
    .where('r.held_on', '>=', from)
    .where('r.held_on', '<=', to)
    .groupBy(['r.worker_id', 'r.held_on', 'c.ref_no'])
    .execute();
  return rows.map((r) => ({ workerId: r.worker_id, day: r.day, category: 'casework', minutes: Number(r.minutes), source: 'case_session', label: r.ref_no }));
}

/** Open cases (not closed) per worker: a caseload. */
export async function openCases(db: Kysely<DB>, districtId: string, workerIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('cases')
    .select(['worker_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('district_id', '=', districtId)
    .where('worker_id', 'in', workerIds)
    .where('status', '<>', 'closed')
    .groupBy('worker_id')
    .execute();
  return new Map(rows.map((r) => [r.worker_id, Number(r.n)]));
}
