import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDistrict } from '../../modules/territory/testing.ts';
import { createTestApp, type TestApp } from '../../testing.ts';
import { nextYearlyNumber } from './yearly-numbers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('numbers per district and year', () => {
  it('count in the Asia/Shanghai year, per district and per counter', async () => {
    const [a, b] = [await buildDistrict(t.db), await buildDistrict(t.db)];
    const next = (table: 'call_counters' | 'project_counters', district: string, at: string) =>
      t.db.transaction().execute((trx) => nextYearlyNumber(trx, table, district, new Date(at)));
    expect(await next('call_counters', a.id, '2026-12-31T15:59:59Z')).toEqual({ year: 2026, n: 1 });
    // 00:00 on 1 January in Shanghai is 16:00 UTC the day before.
    expect(await next('call_counters', a.id, '2026-12-31T16:00:00Z')).toEqual({ year: 2027, n: 1 });
    expect(await next('call_counters', a.id, '2027-03-01T08:00:00Z')).toEqual({ year: 2027, n: 2 });
    expect(await next('call_counters', b.id, '2027-03-01T08:00:00Z')).toEqual({ year: 2027, n: 1 });
    expect(await next('project_counters', a.id, '2027-03-01T08:00:00Z')).toEqual({ year: 2027, n: 1 });
  });
});
