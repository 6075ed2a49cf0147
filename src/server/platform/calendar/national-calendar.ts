/**
 * The national calendar: public holidays and make-up working days (调休) as the State Council
 * announces them each year, from the data file of the `chinese-days` package, for every year
 * from NATIONAL_FIRST_YEAR to the latest the installed version has. Updating the package brings
 * in a newly announced year; until then the platform admin enters that year's days as local
 * edits (calendar.store.ts).
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { Locale } from '../i18n/locale.ts';
import type { DayKind } from './working-days.ts';

/** The first year with needs (the demo history starts in it); earlier years are not loaded. */
export const NATIONAL_FIRST_YEAR = 2024;

export interface NationalDay {
  date: string;
  kind: DayKind;
  /** The holiday's name; a make-up working day bears the name of the holiday it makes up for. */
  name: Record<Locale, string>;
}

const DATE = /^(\d{4})-\d{2}-\d{2}$/;

/**
 * The package writes each day as "Spring Festival,春节,4" (English name, Chinese name, length
 * of the holiday). A change of that format fails the start rather than silently dropping
 * holidays from every due time.
 */
function load(): Map<string, NationalDay> {
  const source = data as { holidays?: Record<string, string>; workdays?: Record<string, string> };
  const days = new Map<string, NationalDay>();
  const add = (entries: Record<string, string> | undefined, kind: DayKind) => {
    if (!entries) throw new Error('chinese-days: holidays or workdays missing from its data file');
    for (const [date, value] of Object.entries(entries)) {
      const year = DATE.exec(date)?.[1];
      const parts = value.split(',');
      if (!year || parts.length < 3) throw new Error(`chinese-days: unexpected entry ${date}: ${value}`);
      if (Number(year) < NATIONAL_FIRST_YEAR) continue;
      if (days.has(date)) throw new Error(`chinese-days: ${date} is both a holiday and a working day`);
      days.set(date, { date, kind, name: { 'zh-CN': parts.at(-2)!.trim(), en: parts.slice(0, -2).join(',').trim() } });
    }
  };
  add(source.holidays, 'holiday');
  add(source.workdays, 'workday');
  return days;
}

const DAYS = load();

/** The latest year the installed data has announced. */
export const NATIONAL_LAST_YEAR = Math.max(...[...DAYS.keys()].map((d) => Number(d.slice(0, 4))));

/** Every national exception to the Monday–Friday rule, by date. */
export const NATIONAL_KINDS: ReadonlyMap<string, DayKind> = new Map([...DAYS].map(([date, d]) => [date, d.kind]));

/** Whether the national calendar of a year is in the installed data. */
export const isPublished = (year: number) => year >= NATIONAL_FIRST_YEAR && year <= NATIONAL_LAST_YEAR;

export function nationalDay(date: string): NationalDay | undefined {
  return DAYS.get(date);
}

export function nationalDays(year: number): NationalDay[] {
  return [...DAYS.values()].filter((d) => d.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
}
