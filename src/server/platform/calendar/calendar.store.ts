import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import { WorkingCalendar, type DayKind } from './working-days.ts';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
}

/**
 * The calendar of exceptions is small (a few dozen rows a year), so it is read whole for each
 * computation rather than cached: an edit takes effect on the next due time without any
 * invalidation.
 */
export async function loadCalendar(db: Kysely<DB>): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('calendar_days').select(['date', 'kind']).execute();
  return new WorkingCalendar(new Map(rows.map((r) => [r.date, r.kind])));
}

export function listCalendarDays(db: Kysely<DB>, year: number): Promise<CalendarDay[]> {
  return db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
}

export async function findCalendarDay(db: Kysely<DB>, date: string): Promise<CalendarDay | undefined> {
  return db.selectFrom('calendar_days').select(['date', 'kind', 'name']).where('date', '=', date).executeTakeFirst();
}

export async function putCalendarDay(db: Kysely<DB>, day: CalendarDay): Promise<void> {
  await db
    .insertInto('calendar_days')
    .values(day)
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: day.kind, name: day.name }))
    .execute();
}

export async function deleteCalendarDay(db: Kysely<DB>, date: string): Promise<boolean> {
  const r = await db.deleteFrom('calendar_days').where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
