import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAs, createTestApp, type TestApp, type Page } from '../../testing.ts';
import { buildCommunity, buildGrid, buildStreet } from '../territory/testing.ts';
import { MAP_MAX } from './needs.map.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { NeedMap, NeedView } from './needs.schemas.ts';

type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let w: NeedWorld;
let worker: C;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
});
afterAll(() => t.close());

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('board map', () => {
  it('shows unfinished needs in scope, newest first, with their point or null', async () => {
    const inGrid = await buildNeed(t.db, w, { household: null, urgency: 'urgent' });
    const atHome = await buildNeed(t.db, w, { state: 'in_progress' });
    const closed = await buildNeed(t.db, w, { state: 'closed' });
    const rejected = await buildNeed(t.db, w, { state: 'rejected' });
    const late = await buildNeed(t.db, w, { triage_due_at: new Date(Date.now() - 60_000) });
    const other = await buildCommunity(t.db, { street: w.street });
    const otherGrid = await buildGrid(t.db, { community: other });
    const foreign = await buildNeed(t.db, w, { community_id: other.id, grid_id: otherGrid.id, household: null });

    const res = await worker.get('/api/v1/needs/map');
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json<NeedMap>();
    expect(map.truncated).toBe(false);
    expect(ids(map.items)).toEqual([late, atHome, inGrid]);
    expect(map.items.find((i) => i.id === inGrid)).toMatchObject({ urgency: 'urgent', state: 'reported', point: { lng: 118.7, lat: 32.15 }, gridId: w.grid.id, overdue: false });
    expect(map.items.find((i) => i.id === atHome)?.point).toBeNull();
    expect(map.items.find((i) => i.id === late)?.overdue).toBe(true);
    expect(ids(map.items)).not.toContain(closed);
    expect(ids(map.items)).not.toContain(rejected);
    expect(ids(map.items)).not.toContain(foreign);

    expect(ids((await worker.get('/api/v1/needs/map?overdue=true')).json<Page<NeedView>>().items)).toEqual([late]);
    expect(ids((await worker.get('/api/v1/needs/map?state=in_progress')).json<Page<NeedView>>().items)).toEqual([atHome]);
    expect(ids((await worker.get(`/api/v1/needs/map?gridId=${otherGrid.id}`)).json<Page<NeedView>>().items)).toEqual([]);
    const resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: w.district.id }]);
    expect(ids((await resident.get('/api/v1/needs/map')).json<Page<NeedView>>().items)).toEqual([late, atHome]);
  });

  it(`stops at ${MAP_MAX} needs and says so`, async () => {
    const street = await buildStreet(t.db, { district: w.district });
    const community = await buildCommunity(t.db, { street });
    const grid = await buildGrid(t.db, { community });
    const base = { street_id: street.id, community_id: community.id, grid_id: grid.id, household: null };
    for (let i = 0; i < MAP_MAX + 1; i++) await buildNeed(t.db, w, base);
    const officer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId: w.district.id }]);
    const map = (await officer.get('/api/v1/needs/map')).json<NeedMap>();
    expect(map.items).toHaveLength(MAP_MAX);
    expect(map.truncated).toBe(true);
  }, 120_000);
});

describe('board list filters', () => {
  it('filters by street, text and reference number, and keeps paging', async () => {
    const lift = await buildNeed(t.db, w, { description: '三单元电梯异响_50%' });
    const other = await buildNeed(t.db, w, { description: '垃圾桶满了' });
    const refNo = (await t.db.selectFrom('needs').select('ref_no').where('id', '=', other).executeTakeFirstOrThrow()).ref_no;
    const q = (s: string) => worker.get(`/api/v1/needs?limit=200&${s}`).then((r) => r.json<Page<NeedView>>().items.map((i: { id: string }) => i.id));
    expect(await q(`q=${encodeURIComponent('电梯异响')}`)).toEqual([lift]);
    expect(await q(`q=${encodeURIComponent('_50%')}`)).toEqual([lift]);
    expect(await q(`q=${encodeURIComponent('%%')}`)).toEqual([]);
    expect(await q(`q=${encodeURIComponent(refNo)}`)).toEqual([other]);
    expect((await worker.get('/api/v1/needs?q=a')).statusCode).toBe(400);
    expect(await q(`streetId=${w.street.id}&q=${encodeURIComponent('垃圾桶')}`)).toEqual([other]);
    const elsewhere = await buildStreet(t.db, { district: w.district });
    expect(await q(`streetId=${elsewhere.id}`)).toEqual([]);
    const first = (await worker.get('/api/v1/needs?limit=1&overdue=false')).json<Page<NeedView>>();
    const second = (await worker.get(`/api/v1/needs?limit=1&overdue=false&cursor=${first.nextCursor}`)).json<Page<NeedView>>();
    expect(second.items[0].id < first.items[0].id).toBe(true);
  });
});
