/**
 * Reference numbers under parallel intake: a district's hotline reports at once, and every
 * need still gets its own number of the district's year, with none skipped. On PostgreSQL the
 * reports run in parallel transactions that meet at the district's counter row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../platform/calendar/working-days.ts';
import { clientAs, createTestApp, type TestApp } from '../../testing.ts';
import { buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { NeedView } from './needs.schemas.ts';

let t: TestApp;
let w: NeedWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
});
afterAll(() => t.close());

describe('reference numbers', () => {
  it('gives 30 reports made at once in one district the numbers 1 to 30 of its year', async () => {
    const worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        worker.post('/api/v1/needs', { source: 'staff', intakeChannel: 'phone', householdId: w.household.id, categoryId: w.category('property_facilities'), description: `热线来电 ${i}` }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 30 }, () => 201));
    const year = localDate(new Date()).slice(0, 4);
    const numbers = answers.map((a) => a.json<NeedView>().refNo).sort();
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => `N-${year}-${String(i + 1).padStart(6, '0')}`));
    const stored = await t.db.selectFrom('needs').select('ref_no').where('district_id', '=', w.district.id).orderBy('ref_no').execute();
    expect(stored.map((r) => r.ref_no)).toEqual(numbers);
  });
});
