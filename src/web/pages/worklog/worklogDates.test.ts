import { describe, expect, it } from 'vitest';
import { hours, isDay, nextPeriod, periodEnd, periodStart, shiftDay, thisWeek, todayInShanghai, weekdayIndex } from './worklogDates.ts';

describe('work log dates', () => {
  it('takes today in Asia/Shanghai, not in the device\'s time zone', () => {
    expect(todayInShanghai(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
    expect(todayInShanghai(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('knows real dates', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('counts weeks from Monday and months by the calendar', () => {
    expect(weekdayIndex('2026-03-02')).toBe(0); // a Monday
    expect(periodStart('week', '2026-03-08')).toBe('2026-03-02');
    expect(periodEnd('week', '2026-03-02')).toBe('2026-03-08');
    expect(periodStart('month', '2026-02-17')).toBe('2026-02-01');
    expect(periodEnd('month', '2026-02-01')).toBe('2026-02-28');
    expect(periodEnd('month', '2024-02-01')).toBe('2024-02-29');
    expect(nextPeriod('month', '2026-12-01', 1)).toBe('2027-01-01');
    expect(nextPeriod('month', '2026-01-01', -1)).toBe('2025-12-01');
    expect(nextPeriod('week', '2026-03-02', -1)).toBe('2026-02-23');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(thisWeek(new Date('2026-03-08T17:00:00Z'))).toEqual({ from: '2026-03-09', to: '2026-03-15' });
  });

  it('shows minutes as hours to one decimal', () => {
    expect(hours(850)).toBe('14.2');
    expect(hours(30)).toBe('0.5');
    expect(hours(0)).toBe('0.0');
  });
});
