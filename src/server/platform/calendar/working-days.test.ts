import { describe, expect, it } from 'vitest';
import { dueAt, localDate, WorkingCalendar } from './working-days.ts';

// National Day 2026: 1–7 October off; Saturday 10 October is a make-up working day.
const calendar = new WorkingCalendar(
  new Map([
    ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((d) => [d, 'holiday'] as const),
    ['2026-10-10', 'workday'] as const,
  ]),
);
const at = (iso: string) => new Date(iso);

describe('working-day calendar', () => {
  it('uses Asia/Shanghai local dates', () => {
    expect(localDate(at('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(localDate(at('2026-09-30T15:59:59Z'))).toBe('2026-09-30');
  });

  it('treats weekends as rest days and weekdays as working days by default', () => {
    expect(calendar.isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false); // Saturday
  });

  it('skips public holidays and counts a make-up Saturday', () => {
    expect(calendar.isWorkingDay('2026-10-05')).toBe(false); // Monday, holiday
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // Saturday, make-up day
    // Reported Wednesday 30 September: 1 Oct–7 Oct off, Thursday 8 and Friday 9 count, then
    // the make-up Saturday 10 October is the third working day.
    const due = calendar.addWorkingDays(at('2026-09-30T02:00:00Z'), 3);
    expect(due.toISOString()).toBe('2026-10-10T15:59:59.000Z'); // 23:59:59 on 10 Oct, Shanghai
  });

  it('does not count the reporting day, and 0 days means the end of the same day', () => {
    expect(calendar.addWorkingDays(at('2026-11-27T01:00:00Z'), 1).toISOString()).toBe('2026-11-30T15:59:59.000Z');
    expect(calendar.addWorkingDays(at('2026-11-27T01:00:00Z'), 0).toISOString()).toBe('2026-11-27T15:59:59.000Z');
  });

  it('answers a day and limit it has counted before as it did the first time', () => {
    // Same local day (30 Sep, Shanghai) at other hours, another limit, and another day: the
    // remembered ends must not leak from one to another.
    const asked: [string, number, string][] = [
      ['2026-09-29T16:30:00Z', 3, '2026-10-10T15:59:59.000Z'],
      ['2026-09-30T15:59:00Z', 3, '2026-10-10T15:59:59.000Z'],
      ['2026-09-30T02:00:00Z', 1, '2026-10-08T15:59:59.000Z'],
      ['2026-10-08T02:00:00Z', 3, '2026-10-12T15:59:59.000Z'],
      ['2026-09-30T02:00:00Z', 3, '2026-10-10T15:59:59.000Z'],
    ];
    for (const [from, days, due] of asked) expect(calendar.addWorkingDays(at(from), days).toISOString(), `${from} + ${days}`).toBe(due);
  });

  it('counts working days between two instants', () => {
    expect(calendar.workingDaysBetween(at('2026-09-30T02:00:00Z'), at('2026-10-12T02:00:00Z'))).toBe(4);
  });

  it('counts clock hours for urgent limits, weekends included', () => {
    expect(dueAt(calendar, at('2026-11-28T02:00:00Z'), 2, 'hours').toISOString()).toBe('2026-11-28T04:00:00.000Z');
    expect(dueAt(calendar, at('2026-11-27T01:00:00Z'), 2, 'working_days').toISOString()).toBe('2026-12-01T15:59:59.000Z');
  });
});
