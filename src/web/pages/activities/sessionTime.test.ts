import { describe, expect, it } from 'vitest';
import { ACTIVITY_METHODS, RECURRENCES } from '../../../server/modules/services/services.tables.ts';
import { MEASURES } from '../../../server/modules/projects/projects.tables.ts';
import en from '../../i18n/en.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { sessionPhase } from './sessionTime.ts';

const at = (iso: string) => Date.parse(iso);
const session = { startsAt: '2026-12-09T03:00:00.000Z', endsAt: '2026-12-09T04:30:00.000Z' };

describe('where a session stands', () => {
  it('opens its door half an hour before the start and closes it at the end, as the server signs residents in', () => {
    expect(sessionPhase(session, at('2026-12-09T02:29:59.000Z'))).toBe('upcoming');
    expect(sessionPhase(session, at('2026-12-09T02:30:00.000Z'))).toBe('open');
    expect(sessionPhase(session, at('2026-12-09T04:30:00.000Z'))).toBe('open');
    expect(sessionPhase(session, at('2026-12-09T04:30:00.001Z'))).toBe('over');
  });
});

describe('delivery labels', () => {
  it('name every method, recurrence and measure the server knows, in both languages', () => {
    for (const catalogue of [zhCN, en]) {
      for (const m of ACTIVITY_METHODS) expect(catalogue.activityMethod[m], m).toBeTruthy();
      for (const r of RECURRENCES) expect(catalogue.recurrence[r], r).toBeTruthy();
      for (const m of MEASURES) expect([catalogue.measure[m], catalogue.measureUnit[m], catalogue.measureValue[m]].every(Boolean), m).toBe(true);
    }
  });
});
