/**
 * Working-day arithmetic for time limits (DESIGN 3.5). China has no daylight saving time, so
 * Asia/Shanghai is always UTC+8 and local dates are computed by shifting, not by a time-zone
 * database. Weekends are rest days unless the calendar marks them as make-up working days
 * (调休); weekdays are working days unless marked as public holidays.
 */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

export type DayKind = 'holiday' | 'workday';

/** Local (Asia/Shanghai) date of an instant, as 'YYYY-MM-DD'. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a local date starts (00:00 Asia/Shanghai). */
export function startOfLocalDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

/** The date `days` after (or before, when negative) a 'YYYY-MM-DD' date. */
export function nextDate(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export class WorkingCalendar {
  // Every report of a day asks for the same few ends ("5 working days after today"): counted
  // once per day and limit. A calendar never changes (a new one replaces it), so neither do they.
  private readonly ends = new Map<string, number>();

  /** @param overrides dates that differ from the Monday–Friday rule */
  constructor(private readonly overrides: ReadonlyMap<string, DayKind> = new Map()) {}

  isWorkingDay(date: string): boolean {
    const kind = this.overrides.get(date);
    if (kind) return kind === 'workday';
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * "Within N working days": the end of the Nth working day after the day of `from`
   * (the reporting day itself does not count, whatever the hour). N = 0 means the end of
   * the same day (on-the-spot fixes).
   */
  addWorkingDays(from: Date, days: number): Date {
    const start = localDate(from);
    const key = `${start}+${days}`;
    let end = this.ends.get(key);
    if (end === undefined) {
      let date = start;
      for (let left = days; left > 0; ) {
        date = nextDate(date);
        if (this.isWorkingDay(date)) left--;
      }
      end = startOfLocalDay(nextDate(date)).getTime() - 1000;
      if (this.ends.size >= 10_000) this.ends.clear();
      this.ends.set(key, end);
    }
    return new Date(end);
  }

  /** Working days from one instant to a later one, counting whole local days after the first. */
  workingDaysBetween(from: Date, to: Date): number {
    let n = 0;
    for (let d = nextDate(localDate(from)); d <= localDate(to); d = nextDate(d)) {
      if (this.isWorkingDay(d)) n++;
    }
    return n;
  }
}

export type LimitUnit = 'hours' | 'working_days';

/** A time limit: urgent matters count clock hours (weekends included), others working days. */
export function dueAt(calendar: WorkingCalendar, from: Date, amount: number, unit: LimitUnit): Date {
  return unit === 'hours' ? new Date(from.getTime() + amount * 3600_000) : calendar.addWorkingDays(from, amount);
}
