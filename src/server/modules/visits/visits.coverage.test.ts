import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { auditCount, clientAs, createTestApp, createUser, type TestApp } from '../../testing.ts';
import { buildCommunity, buildGrid, buildHousehold, buildResident, buildTerritory, type HouseholdRef } from '../territory/testing.ts';
import type { VisitKind } from './visits.tables.ts';
import type { Worklist as WorklistSchema, CoverageView as CoverageViewSchema } from './visits.schemas.ts';

type CoverageView = Static<typeof CoverageViewSchema>;
type Worklist = Static<typeof WorklistSchema>;

const DAY = 24 * 3600_000;
let t: TestApp;
let world: Awaited<ReturnType<typeof buildTerritory>>;
let workerId: string;

/** A visit some days back, written directly: the API only takes the last 30 days. */
async function pastVisit(h: HouseholdRef, daysAgo: number, o: { residentId?: string; kind?: VisitKind } = {}) {
  await t.db
    .insertInto('visits')
    .values({
      district_id: h.districtId,
      id: newId(),
      street_id: h.streetId,
      community_id: h.communityId,
      grid_id: h.gridId,
      household_id: h.id,
      resident_id: o.residentId ?? null,
      worker_user_id: workerId,
      kind: o.kind ?? (o.residentId ? 'care' : 'routine'),
      visited_at: new Date(Date.now() - daysAgo * DAY),
      notes: '',
      findings: '',
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  world = await buildTerritory(t.db);
  workerId = (await createUser(t.db, [])).id;
});
afterAll(() => t.close());

const gridWorkerOf = (gridId: string) =>
  clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: gridId, districtId: world.district.id }]);

describe('visit coverage of a grid', () => {
  it('counts households visited in the last 30 and 90 days', async () => {
    const grid = await buildGrid(t.db, { community: world.community });
    const hs = await Promise.all([1, 2, 3, 4].map(() => buildHousehold(t.db, { grid })));
    await pastVisit(hs[0]!, 10);
    await pastVisit(hs[0]!, 40);
    await pastVisit(hs[1]!, 60);
    await pastVisit(hs[2]!, 100);
    const worker = await gridWorkerOf(grid.id);
    const res = await worker.get(`/api/v1/grids/${grid.id}/visit-coverage`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ gridId: grid.id, households: 4, visited30: 1, visited90: 2, share30: 0.25, share90: 0.5 });

    const officer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: world.district.id }]);
    expect((await officer.get(`/api/v1/grids/${grid.id}/visit-coverage`)).json<CoverageView>().visited90).toBe(2);
    const empty = await buildGrid(t.db, { community: world.community });
    expect((await officer.get(`/api/v1/grids/${empty.id}/visit-coverage`)).json()).toMatchObject({ households: 0, share30: 0, share90: 0 });
  });

  it('answers 404 for a grid outside the caller\'s scope', async () => {
    const grid = await buildGrid(t.db, { community: world.community });
    const neighbourWorker = await gridWorkerOf(world.grid.id);
    expect((await neighbourWorker.get(`/api/v1/grids/${grid.id}/visit-coverage`)).statusCode).toBe(404);
    const otherCommunity = await buildCommunity(t.db, { street: world.street });
    const staff = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: otherCommunity.id, districtId: world.district.id }]);
    expect((await staff.get(`/api/v1/grids/${grid.id}/visit-coverage`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/visit-worklist?gridId=${grid.id}`)).statusCode).toBe(404);
  });
});

describe('care visit worklist', () => {
  it('lists tagged residents due a visit, never visited and most overdue first, sensitive tags only for those who visit', async () => {
    const grid = await buildGrid(t.db, { community: world.community });
    const [h1, h2, h3, h4] = await Promise.all([1, 2, 3, 4].map(() => buildHousehold(t.db, { grid })));
    const pii = t.platform.pii;
    const alone = await buildResident(t.db, pii, { household: h1!, tags: ['elderly_alone'] }); // 7 days
    const aged = await buildResident(t.db, pii, { household: h1!, tags: ['elderly_80'] }); // 30 days
    const veteran = await buildResident(t.db, pii, { household: h2!, tags: ['veteran', 'party_member'] }); // 90 days
    const disabled = await buildResident(t.db, pii, { household: h3!, tags: ['disabled', 'veteran'] }); // 30 (sensitive) / 90
    const seenWithFamily = await buildResident(t.db, pii, { household: h4!, tags: ['elderly_alone'] });
    const careForOther = await buildResident(t.db, pii, { household: h4!, tags: ['elderly_alone'] });
    await buildResident(t.db, pii, { household: h4!, tags: ['volunteer'] });
    await buildResident(t.db, pii, { household: h4!, tags: ['elderly_alone'], status: 'moved_out' });
    await pastVisit(h1!, 10, { residentId: alone.id });
    await pastVisit(h1!, 20, { residentId: aged.id });
    await pastVisit(h3!, 40);
    await pastVisit(h4!, 2);
    await pastVisit(h4!, 3, { residentId: seenWithFamily.id });
    await pastVisit(h4!, 1, { residentId: seenWithFamily.id, kind: 'routine' });

    const worker = await gridWorkerOf(grid.id);
    const res = await worker.get(`/api/v1/visit-worklist?gridId=${grid.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<Worklist>().items;
    // careForOther counts the household visit of 2 days ago: not due.
    expect(items.map((i) => i.residentId)).toEqual([veteran.id, disabled.id, alone.id]);
    expect(items[0]).toMatchObject({ tags: ['veteran'], careIntervalDays: 90, lastVisitAt: null, daysOverdue: null });
    expect(items[1]).toMatchObject({ tags: ['disabled', 'veteran'], careIntervalDays: 30, daysOverdue: 10, householdAddress: h3!.address });
    expect(items[2]).toMatchObject({ tags: ['elderly_alone'], careIntervalDays: 7, daysOverdue: 3, residentName: alone.name });
    expect(res.json<Worklist>().total).toBe(3);
    expect(items.some((i) => i.residentId === careForOther.id)).toBe(false);

    // A street officer may not see the disability: it neither shows nor sets the interval.
    const officer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: world.street.id, districtId: world.district.id }]);
    const seen = (await officer.get(`/api/v1/visit-worklist?gridId=${grid.id}`)).json<Worklist>().items;
    expect(seen.map((i: { residentId: string }) => i.residentId)).toEqual([veteran.id, alone.id]);
    expect(JSON.stringify(seen)).not.toContain('disabled');

    const resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: h1!.id, districtId: world.district.id }]);
    expect((await resident.get(`/api/v1/visit-worklist?gridId=${grid.id}`)).statusCode).toBe(404);

    // The interval is a setting per tag: shortening it puts the aged resident on the list.
    const admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
    const district = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: world.district.id }]);
    expect((await district.patch('/api/v1/resident-tags/elderly_80', { careIntervalDays: 14 })).statusCode).toBe(403);
    expect((await admin.patch('/api/v1/resident-tags/nope', { careIntervalDays: 14 })).statusCode).toBe(404);
    const set = await admin.patch('/api/v1/resident-tags/elderly_80', { careIntervalDays: 14 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ code: 'elderly_80', careIntervalDays: 14 });
    expect(await auditCount(t.db, 'resident_tag.set_care_interval')).toBe(1);
    const after = (await worker.get(`/api/v1/visit-worklist?gridId=${grid.id}`)).json<Worklist>().items;
    expect(after.map((i: { residentId: string }) => i.residentId)).toEqual([veteran.id, disabled.id, aged.id, alone.id]);
    expect(after[2]).toMatchObject({ careIntervalDays: 14, daysOverdue: 6 });
  });
});
