import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import type { ReferenceCache } from '../cache/reference-cache.ts';
import type { Locale } from '../i18n/locale.ts';
import { NATIONAL_KINDS, nationalDays } from './national-calendar.ts';
import { WorkingCalendar, type DayKind } from './working-days.ts';

/** A local edit of the platform admin, kept in calendar_days over the national calendar. */
export interface LocalDay {
  date: string;
  kind: DayKind;
  name: string;
}

export interface CalendarDay extends LocalDay {
  /** national: from the national calendar; local: the platform admin's edit, which wins. */
  source: 'national' | 'local';
}

/** The key of the calendar in the reference cache; an edit announces it (referenceChanged). */
export const CALENDAR_KEY = 'calendar';

/**
 * The working-day calendar for a due time: from the process's reference cache when there is
 * one, so that a report does not read the local edits each time.
 */
export function workingCalendar(platform: { referenceCache?: ReferenceCache }, db: Kysely<DB>): Promise<WorkingCalendar> {
  return platform.referenceCache ? platform.referenceCache.get(CALENDAR_KEY, () => loadCalendar(db)) : loadCalendar(db);
}

/** The national calendar with the local edits on top, read whole (the edits are few). */
export async function loadCalendar(db: Kysely<DB>): Promise<WorkingCalendar> {
  const rows = await db.selectFrom('calendar_days').select(['date', 'kind']).execute();
  return new WorkingCalendar(new Map([...NATIONAL_KINDS, ...rows.map((r) => [r.date, r.kind] as const)]));
}

/** The exceptions of a year as they apply: national days in the caller's language, local edits over them. */
export async function listCalendarDays(db: Kysely<DB>, year: number, locale: Locale): Promise<CalendarDay[]> {
  const days = new Map<string, CalendarDay>(nationalDays(year).map((d) => [d.date, { date: d.date, kind: d.kind, name: d.name[locale], source: 'national' }]));
  const local = await db
    .selectFrom('calendar_days')
    .select(['date', 'kind', 'name'])
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  for (const d of local) days.set(d.date, { ...d, source: 'local' });
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export async function findLocalDay(db: Kysely<DB>, date: string): Promise<LocalDay | undefined> {
  return db.selectFrom('calendar_days').select(['date', 'kind', 'name']).where('date', '=', date).executeTakeFirst();
}

export async function putLocalDay(db: Kysely<DB>, day: LocalDay): Promise<void> {
  await db
    .insertInto('calendar_days')
    .values(day)
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: day.kind, name: day.name }))
    .execute();
}

export async function deleteLocalDay(db: Kysely<DB>, date: string): Promise<boolean> {
  const r = await db.deleteFrom('calendar_days').where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
