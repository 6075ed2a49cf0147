import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAs, createTestApp, type ErrorBody, type Page, type TestApp } from '../../testing.ts';
import { buildCommunity, buildGrid, buildStreet } from '../territory/testing.ts';
import { buildNeed, buildNeeds, buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { NeedMap, NeedMapGrid, NeedMapItem, NeedView } from './needs.schemas.ts';

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

async function mapOf(client: C, query = ''): Promise<NeedMap> {
  const res = await client.get(`/api/v1/needs/map${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<NeedMap>();
}
async function pointsOf(client: C, query = ''): Promise<NeedMapItem[]> {
  const map = await mapOf(client, query);
  if (map.mode !== 'points') throw new Error(`expected points, got ${map.mode} (${map.total})`);
  return map.points;
}
async function gridsOf(client: C, query = ''): Promise<{ total: number; grids: NeedMapGrid[] }> {
  const map = await mapOf(client, query);
  if (map.mode !== 'grids') throw new Error(`expected grids, got ${map.mode} (${map.total})`);
  return map;
}

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

    const map = await mapOf(worker);
    expect(map).toMatchObject({ mode: 'points', total: 3 });
    const points = await pointsOf(worker);
    expect(ids(points)).toEqual([late, atHome, inGrid]);
    expect(points.find((i) => i.id === inGrid)).toMatchObject({ urgency: 'urgent', state: 'reported', point: { lng: 118.7, lat: 32.15 }, gridId: w.grid.id, overdue: false });
    expect(points.find((i) => i.id === atHome)?.point).toBeNull();
    expect(points.find((i) => i.id === late)?.overdue).toBe(true);
    expect(ids(points)).not.toContain(closed);
    expect(ids(points)).not.toContain(rejected);
    expect(ids(points)).not.toContain(foreign);

    expect(ids(await pointsOf(worker, '?overdue=true'))).toEqual([late]);
    expect(ids(await pointsOf(worker, '?state=in_progress'))).toEqual([atHome]);
    expect(ids(await pointsOf(worker, '?source=resident'))).toEqual([]);
    expect(ids(await pointsOf(worker, `?gridId=${otherGrid.id}`))).toEqual([]);
    const resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: w.district.id }]);
    expect(ids(await pointsOf(resident))).toEqual([late, atHome]);
  });

  describe('above the points limit (300 by default)', () => {
    // One street of two communities: grids A and B in the first, C in the second.
    let officer: C;
    let firstWorker: C;
    let secondWorker: C;
    let grids: { a: string; b: string; c: string };
    let streetId: string;
    let firstId: string;
    beforeAll(async () => {
      const street = await buildStreet(t.db, { district: w.district });
      streetId = street.id;
      const first = await buildCommunity(t.db, { street });
      const second = await buildCommunity(t.db, { street });
      firstId = first.id;
      const a = await buildGrid(t.db, { community: first, code: 'A', name: '甲网格' });
      const b = await buildGrid(t.db, { community: first, code: 'B', name: '乙网格' });
      const c = await buildGrid(t.db, { community: second, code: 'C', name: '丙网格' });
      grids = { a: a.id, b: b.id, c: c.id };
      const inFirst = { street_id: street.id, community_id: first.id, household: null };
      const inSecond = { street_id: street.id, community_id: second.id, household: null };
      // A: 200 open (at its own point) and 50 closed; B: 100 open, 7 overdue and 3 urgent among them, at another point.
      await buildNeeds(t.db, w, 200, { ...inFirst, grid_id: a.id, lng: 118.70, lat: 32.15 });
      await buildNeeds(t.db, w, 50, { ...inFirst, grid_id: a.id, state: 'closed' });
      await buildNeeds(t.db, w, 90, { ...inFirst, grid_id: b.id, lng: 118.72, lat: 32.17 });
      await buildNeeds(t.db, w, 7, { ...inFirst, grid_id: b.id, lng: 118.72, lat: 32.17, triage_due_at: new Date(Date.now() - 60_000) });
      await buildNeeds(t.db, w, 3, { ...inFirst, grid_id: b.id, lng: 118.72, lat: 32.17, urgency: 'urgent' });
      // C: 40 open, away from both.
      await buildNeeds(t.db, w, 40, { ...inSecond, grid_id: c.id, lng: 118.8, lat: 32.25 });
      officer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId: w.district.id }]);
      firstWorker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: first.id, districtId: w.district.id }]);
      secondWorker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: second.id, districtId: w.district.id }]);
    });

    it('answers per-grid counts, counted among the needs the caller may read', async () => {
      expect(await gridsOf(officer)).toEqual({
        mode: 'grids',
        total: 340,
        pointsMax: 300,
        grids: [
          { gridId: grids.a, name: '甲网格', count: 200, overdue: 0, urgent: 0 },
          { gridId: grids.b, name: '乙网格', count: 100, overdue: 7, urgent: 3 },
          { gridId: grids.c, name: '丙网格', count: 40, overdue: 0, urgent: 0 },
        ],
      });
      // The first community's worker, asking for the whole street, reads 300: points, without C.
      const first = await pointsOf(firstWorker, `?streetId=${streetId}`);
      expect(first).toHaveLength(300);
      expect(new Set(first.map((p) => p.gridId))).toEqual(new Set([grids.a, grids.b]));
      // The second community's worker gets only C's needs, whatever it asks for.
      expect(await pointsOf(secondWorker, `?streetId=${streetId}`)).toHaveLength(40);
      expect(await pointsOf(secondWorker, `?gridId=${grids.a}`)).toEqual([]);
    });

    it('shows points for a selected grid or a zoomed area', async () => {
      const b = await pointsOf(officer, `?gridId=${grids.b}`);
      expect(b).toHaveLength(100);
      expect(b.every((p) => p.gridId === grids.b)).toBe(true);
      expect(b.filter((p) => p.overdue)).toHaveLength(7);
      // A box around B's point (118.72, 32.17) holds B's 100 needs with that point; one around A's, 200.
      expect(await pointsOf(officer, '?bbox=118.715,32.165,118.725,32.175')).toHaveLength(100);
      expect(await pointsOf(officer, `?bbox=118.69,32.14,118.705,32.155&gridId=${grids.a}`)).toHaveLength(200);
      // A and B's together are 300, still points; taking in C's point too, counts.
      expect(await pointsOf(officer, '?bbox=118.69,32.14,118.73,32.18')).toHaveLength(300);
      const wide = await gridsOf(officer, '?bbox=118.69,32.14,118.81,32.26');
      expect(wide.grids.map((g) => [g.gridId, g.count])).toEqual([
        [grids.a, 200],
        [grids.b, 100],
        [grids.c, 40],
      ]);
    });

    it('refuses a malformed area with a translated error', async () => {
      const english = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: streetId, districtId: w.district.id }], { locale: 'en' });
      for (const bbox of ['118.7,32.1,118.8', '118.8,32.1,118.7,32.2', '118.7,32.2,118.8,32.1', 'a,b,c,d', '118.7,,118.8,32.2', '190,0,191,1', '0,-91,1,0', '118.7,32.1,118.8,32.2,1']) {
        const res = await english.get(`/api/v1/needs/map?bbox=${encodeURIComponent(bbox)}`);
        expect(res.statusCode, bbox).toBe(400);
        expect(res.json<ErrorBody>().error.details?.fields, bbox).toEqual([
          { field: 'bbox', code: 'need.bad_bbox', message: 'The map area must be "minLng,minLat,maxLng,maxLat" with each minimum below its maximum' },
        ]);
      }
      const zh = await officer.get('/api/v1/needs/map?bbox=1,2,3');
      expect(zh.statusCode).toBe(400);
      expect(zh.json<ErrorBody>().error.details?.fields?.[0]?.message).toBe('地图范围应为“最小经度,最小纬度,最大经度,最大纬度”，且最小值小于最大值');
    });

    it('switches to counts as soon as a view holds one need more than the limit', async () => {
      await buildNeed(t.db, w, { street_id: streetId, community_id: firstId, grid_id: grids.b, household: null });
      expect(await gridsOf(firstWorker, `?streetId=${streetId}`)).toEqual({
        mode: 'grids',
        total: 301,
        pointsMax: 300,
        grids: [
          { gridId: grids.a, name: '甲网格', count: 200, overdue: 0, urgent: 0 },
          { gridId: grids.b, name: '乙网格', count: 101, overdue: 7, urgent: 3 },
        ],
      });
      // The same filters as the board: the overdue ones alone are few enough to show.
      expect(await pointsOf(firstWorker, `?streetId=${streetId}&overdue=true`)).toHaveLength(7);
    });
  });
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
