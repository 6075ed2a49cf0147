/** Days of a work log as the server keeps them: YYYY-MM-DD dates in Asia/Shanghai. */

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Asia/Shanghai, whatever the device's own time zone. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A real calendar date (2026-02-30 is not). */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !DATE.test(value)) return false;
  const t = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
}

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export type Period = 'week' | 'month';

/** The first day of the week (Monday) or of the calendar month holding the day. */
export function periodStart(period: Period, day: string): string {
  return period === 'week' ? shiftDay(day, -weekdayIndex(day)) : `${day.slice(0, 8)}01`;
}

/** The last day of the period that starts on the given day. */
export function periodEnd(period: Period, start: string): string {
  if (period === 'week') return shiftDay(start, 6);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The start of the period before (-1) or after (+1) the one starting on the given day. */
export function nextPeriod(period: Period, start: string, step: 1 | -1): string {
  if (period === 'week') return shiftDay(start, 7 * step);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + step, 1)).toISOString().slice(0, 10);
}

/** The current week, Monday to Sunday, in Asia/Shanghai. */
export function thisWeek(now: Date = new Date()): { from: string; to: string } {
  const from = periodStart('week', todayInShanghai(now));
  return { from, to: periodEnd('week', from) };
}

/** Minutes as hours to one decimal (850 → "14.2"). */
export function hours(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1);
}

/** A date in words in the reader's language: "12月4日 周四" or "Thu 4 Dec". */
export function dayLabel(day: string, locale: string, options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', weekday: 'short' }): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
