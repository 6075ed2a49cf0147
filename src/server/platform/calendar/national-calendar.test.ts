import { describe, expect, it } from 'vitest';
import { isPublished, NATIONAL_FIRST_YEAR, NATIONAL_LAST_YEAR, nationalDay, nationalDays } from './national-calendar.ts';

describe('national calendar from the chinese-days data', () => {
  it('covers every year from 2024 to the latest announced one', () => {
    expect(NATIONAL_FIRST_YEAR).toBe(2024);
    // The installed data announces 2026 at the latest. When an update brings a new year, add a
    // due-time test across one of its holidays (needs.test.ts) and move this number on.
    expect(NATIONAL_LAST_YEAR).toBe(2026);
    for (let year = NATIONAL_FIRST_YEAR; year <= NATIONAL_LAST_YEAR; year++) {
      const days = nationalDays(year);
      expect(days.filter((d) => d.kind === 'holiday' && d.name['zh-CN'] === '春节').length, `${year}`).toBeGreaterThanOrEqual(7);
      expect(days.filter((d) => d.kind === 'holiday' && d.name.en === 'National Day').length, `${year}`).toBeGreaterThanOrEqual(6);
      expect(days.some((d) => d.kind === 'workday'), `${year}`).toBe(true);
      expect(isPublished(year)).toBe(true);
    }
    expect(isPublished(2023)).toBe(false);
    expect(isPublished(2027)).toBe(false);
    expect(nationalDays(2023)).toEqual([]);
  });

  it('has the State Council arrangement of the 2025 Spring Festival', () => {
    const spring = nationalDays(2025).filter((d) => d.date >= '2025-01-20' && d.date <= '2025-02-10');
    expect(spring.map((d) => [d.date, d.kind])).toEqual([
      ['2025-01-26', 'workday'],
      ['2025-01-28', 'holiday'],
      ['2025-01-29', 'holiday'],
      ['2025-01-30', 'holiday'],
      ['2025-01-31', 'holiday'],
      ['2025-02-01', 'holiday'],
      ['2025-02-02', 'holiday'],
      ['2025-02-03', 'holiday'],
      ['2025-02-04', 'holiday'],
      ['2025-02-08', 'workday'],
    ]);
    expect(nationalDay('2025-01-28')).toEqual({ date: '2025-01-28', kind: 'holiday', name: { 'zh-CN': '春节', en: 'Spring Festival' } });
    expect(nationalDay('2025-01-27')).toBeUndefined();
  });
});
