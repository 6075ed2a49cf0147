/**
 * Reference numbers under parallel intake: a district's hotline reports at once, and every
 * need still gets its own number of the district's year, with none skipped. On PostgreSQL the
 * reports run in parallel transactions that take numbers from the district's sequence of the
 * year (decision 0018) without waiting for each other's commit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { localDate } from '../../platform/calendar/working-days.ts';
import { anonymousContext, clientAs, createTestApp, type TestApp } from '../../testing.ts';
import { createSystemNeed } from './needs.external.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';
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

  const year = () => localDate(new Date()).slice(0, 4);
  const report = (worker: Awaited<ReturnType<typeof clientAs>>, description: string) =>
    worker.post('/api/v1/needs', { source: 'staff', intakeChannel: 'phone', householdId: w.household.id, categoryId: w.category('property_facilities'), description });

  it('lets a second report of the district commit while the first is still in its transaction', async () => {
    const worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
    const ctx = anonymousContext(t, '127.0.0.1');
    const input = {
      source: 'open311' as const, districtId: w.district.id, streetId: w.street.id, communityId: w.community.id, gridId: w.grid.id,
      categoryId: w.category('property_facilities'), description: '12345 转来', point: { lng: 118.7, lat: 32.15 }, reportedVia: '12345',
    };
    let second: string | undefined;
    const first = await createSystemNeed(ctx, input, async () => {
      // PGlite has one connection, so its transactions run one after another by design: there
      // the second report follows the first's commit.
      if (t.platform.dbKind === 'pglite') return;
      const answer = await Promise.race([report(worker, '同时来电'), new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
      expect(answer?.statusCode, 'the second report waited for the first one to commit').toBe(201);
      second = answer!.json<NeedView>().refNo;
    });
    second ??= (await report(worker, '随后来电')).json<NeedView>().refNo;
    const n = (ref: string) => Number(ref.slice(7));
    expect(first.refNo.slice(0, 7)).toBe(`N-${year()}-`);
    expect(n(second)).toBe(n(first.refNo) + 1);
  });

  it('carries on after the highest number stored when the numbering starts again', async () => {
    const other = await buildNeedWorld(t.db);
    const worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: other.community.id, districtId: other.district.id }]);
    const answer = (r: Awaited<ReturnType<typeof report>>) => r.json<NeedView>().refNo;
    const reportOther = (d: string) =>
      worker.post('/api/v1/needs', { source: 'staff', intakeChannel: 'phone', householdId: other.household.id, categoryId: other.category('property_facilities'), description: d });
    expect(answer(await reportOther('第一件'))).toBe(`N-${year()}-000001`);
    // History written in bulk (as the demo and the benchmark load it), then numbering restarts.
    await buildNeed(t.db, other, { ref_no: `N-${year()}-000417` });
    await buildNeed(t.db, other, { ref_no: `N-${Number(year()) - 1}-000900` });
    await sql`select need_ref_forget()`.execute(t.db);
    expect(answer(await reportOther('第二件'))).toBe(`N-${year()}-000418`);
    // Past six digits the number grows a digit rather than being cut.
    await buildNeed(t.db, other, { ref_no: `N-${year()}-999999` });
    await sql`select need_ref_forget()`.execute(t.db);
    expect(answer(await reportOther('第三件'))).toBe(`N-${year()}-1000000`);
    // The other district's numbers are its own.
    expect(answer(await report(await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]), '本区'))).not.toMatch(/-00041[89]$/);
  });
});
