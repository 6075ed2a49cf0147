import { sql, type Kysely } from 'kysely';
import { localDate } from '../calendar/working-days.ts';
import type { DB } from '../../tables.ts';

/** Counter tables of the shape (district_id, year, last_no): one row per district and local year. */
type CounterTable = 'project_counters' | 'call_counters';

/**
 * The next number of a district's year, for records made a few times a month (projects, calls):
 * the counter row stays locked until the caller's transaction commits, which only matters for
 * records made many times a second (needs take sequences instead, decision 0018). The year is
 * Asia/Shanghai's, so a record made at 00:30 on 1 January counts in the new year.
 */
export async function nextYearlyNumber(trx: Kysely<DB>, table: CounterTable, districtId: string, now = new Date()): Promise<{ year: number; n: number }> {
  const year = Number(localDate(now).slice(0, 4));
  const row = await trx
    .insertInto(table)
    .values({ district_id: districtId, year, last_no: 1 })
    .onConflict((oc) => oc.columns(['district_id', 'year']).doUpdateSet({ last_no: sql`${sql.ref(`${table}.last_no`)} + 1` }))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return { year, n: row.last_no };
}
