import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { buildTree, grantIn, type Tree } from './test-world.ts';
import { buildBuilding, buildCommunity, buildGrid, buildHousehold, buildResident } from './testing.ts';
import type { HouseholdDetail, HouseholdListItem, HouseholdView } from './register.schemas.ts';

let t: TestApp;
let a: Tree;
let b: Tree;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildTree(t);
  b = await buildTree(t);
});
afterAll(() => t.close());

const as = (role: Parameters<typeof grantIn>[0], tree = a) => clientAs(t, [grantIn(role, tree)]);
const households = async () =>
  Number((await t.db.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('households', () => {
  it('a community worker registers a household; the address is de-duplicated by its key', async () => {
    const c = await as('community_worker');
    const res = await c.post('/api/v1/households', { gridId: a.grid.id, address: '泰山路 18 号 3 单元 301 室', householdNo: 'H-01' });
    expect(res.statusCode).toBe(201);
    const created = res.json<HouseholdView>();
    expect(created).toMatchObject({ gridId: a.grid.id, communityName: a.community.name, householdNo: 'H-01' });
    expect(created.allowedActions).toEqual(['read', 'create', 'update']);
    // The answer is the household as written; its page adds the members.
    const { members, ...page } = (await c.get(`/api/v1/households/${created.id}`)).json<HouseholdDetail>();
    expect(created).toEqual(page);
    expect(members).toEqual([]);
    expect(await auditCount(t.db, 'household.create')).toBe(1);
    const n = await households();
    const dup = await c.post('/api/v1/households', { gridId: a.grid.id, address: '泰山路１８号３单元３０１室' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<ErrorBody>().error.code).toBe('household.duplicate_address');
    expect(await households()).toBe(n);
  });

  it('rejects bad input with field codes and writes nothing', async () => {
    const c = await as('community_admin');
    const n = await households();
    const res = await c.post('/api/v1/households', { gridId: 'nope', address: '', color: 'red' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields.map((f: { field: string }) => f.field).sort()).toEqual(['address', 'color', 'gridId']);
    // a building of another district answers like a missing one
    const hidden = await c.post('/api/v1/households', { gridId: a.grid.id, address: '某路1号', buildingId: b.building.id });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'buildingId', code: 'resource.not_found' });
    // a building the caller sees in another community does not fit
    const sibling = await buildCommunity(t.db, { street: a.street });
    const there = await buildBuilding(t.db, { grid: await buildGrid(t.db, { community: sibling }) });
    const both = await clientAs(t, [grantIn('community_admin', a), { role: 'community_worker', scopeType: 'community', scopeId: sibling.id, districtId: a.district.id }]);
    const building = await both.post('/api/v1/households', { gridId: a.grid.id, address: '某路1号', buildingId: there.id });
    expect(building.statusCode).toBe(400);
    expect(building.json<ErrorBody>().error.details?.fields[0].code).toBe('household.building_mismatch');
    expect(await households()).toBe(n);
  });

  it('a grid worker registers households in their own grid only; officers may not register', async () => {
    const gw = await as('grid_worker');
    expect((await gw.post('/api/v1/households', { gridId: a.grid.id, address: '网格路1号' })).statusCode).toBe(201);
    const sibling = await buildGrid(t.db, { community: a.community });
    const other = await gw.post('/api/v1/households', { gridId: sibling.id, address: '网格路2号' });
    expect(other.statusCode).toBe(404);
    expect(other.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'gridId', code: 'resource.not_found' });
    const so = await as('street_officer');
    const n = await households();
    expect((await so.post('/api/v1/households', { gridId: a.grid.id, address: '网格路3号' })).statusCode).toBe(403);
    expect((await so.patch(`/api/v1/households/${a.household.id}`, { notes: 'x' })).statusCode).toBe(403);
    expect(await households()).toBe(n);
  });

  it('moving a household to another grid moves its members in the same transaction', async () => {
    const target = await buildGrid(t.db, { community: a.community });
    const h = await buildHousehold(t.db, { grid: a.grid });
    const r1 = await buildResident(t.db, t.platform.pii, { household: h });
    const r2 = await buildResident(t.db, t.platform.pii, { household: h, relation: 'child' });
    const gw = await as('grid_worker');
    const blocked = await gw.patch(`/api/v1/households/${h.id}`, { gridId: target.id });
    expect(blocked.statusCode).toBe(404);
    const c = await as('community_admin');
    const res = await c.patch(`/api/v1/households/${h.id}`, { gridId: target.id });
    expect(res.statusCode).toBe(200);
    const moved = res.json<HouseholdView>();
    expect(moved).toMatchObject({ gridId: target.id, gridName: target.name });
    expect(moved).not.toHaveProperty('members');
    const { members, ...page } = (await c.get(`/api/v1/households/${h.id}`)).json<HouseholdDetail>();
    expect(moved).toEqual(page);
    expect(members.map((m) => m.id).sort()).toEqual([r1.id, r2.id].sort());
    const rows = await t.db.selectFrom('residents').select(['id', 'grid_id']).where('id', 'in', [r1.id, r2.id]).execute();
    expect(rows.map((r) => r.grid_id)).toEqual([target.id, target.id]);
    // the grid worker of the old grid no longer sees it
    expect((await gw.get(`/api/v1/households/${h.id}`)).statusCode).toBe(404);
    const rec = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'household.update').where('entity_id', '=', h.id).executeTakeFirstOrThrow();
    expect(rec.before).toMatchObject({ grid_id: a.grid.id });
    expect(rec.after).toMatchObject({ grid_id: target.id });
  });

  it('a grid worker with two grids may move a household between them, never out of them', async () => {
    const g2 = await buildGrid(t.db, { community: a.community });
    const g3 = await buildGrid(t.db, { community: a.community });
    const h = await buildHousehold(t.db, { grid: a.grid });
    const gw = await clientAs(t, [grantIn('grid_worker', a), { role: 'grid_worker', scopeType: 'grid', scopeId: g2.id, districtId: a.district.id }]);
    expect((await gw.patch(`/api/v1/households/${h.id}`, { gridId: g2.id })).statusCode).toBe(200);
    // g3 lies outside their grids: to them it does not exist
    expect((await gw.patch(`/api/v1/households/${h.id}`, { gridId: g3.id })).statusCode).toBe(404);
    // seen (as social worker) but not theirs to move into: 403, nothing changes
    const both = await clientAs(t, [
      { role: 'grid_worker', scopeType: 'grid', scopeId: g2.id, districtId: a.district.id },
      { role: 'social_worker', scopeType: 'community', scopeId: a.community.id, districtId: a.district.id },
    ]);
    const res = await both.patch(`/api/v1/households/${h.id}`, { gridId: g3.id });
    expect(res.statusCode).toBe(403);
    const row = await t.db.selectFrom('households').select('grid_id').where('id', '=', h.id).executeTakeFirstOrThrow();
    expect(row.grid_id).toBe(g2.id);
  });

  it('shows members masked, with sensitive tags only for those who visit', async () => {
    const gw = await as('grid_worker');
    const member = (await gw.get(`/api/v1/households/${a.household.id}`)).json<HouseholdDetail>().members[0];
    expect(member.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(JSON.stringify(member)).not.toContain(a.resident.idNumber);
    expect(member.tags).toEqual(['elderly_alone', 'low_income']);
    const so = await as('street_officer');
    expect((await so.get(`/api/v1/households/${a.household.id}`)).json<HouseholdDetail>().members[0].tags).toEqual(['elderly_alone']);
  });

  it('hides households out of scope exactly like missing ones; a resident sees their own only', async () => {
    const c = await as('community_admin');
    const hidden = await c.get(`/api/v1/households/${b.household.id}`);
    const missing = await c.get(`/api/v1/households/${newId()}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<HouseholdDetail>()).toEqual(missing.json<HouseholdDetail>());
    expect((await c.patch(`/api/v1/households/${b.household.id}`, { notes: 'x' })).statusCode).toBe(404);
    const me = await as('resident');
    expect((await me.get(`/api/v1/households/${a.household.id}`)).json<HouseholdDetail>().allowedActions).toEqual(['read']);
    expect((await me.get('/api/v1/households')).json<Page<HouseholdView>>().items.map((h: { id: string }) => h.id)).toEqual([a.household.id]);
    expect((await (await as('platform_admin')).get(`/api/v1/households/${a.household.id}`)).statusCode).toBe(404);
  });

  it('searches by address prefix and fragment within scope, and pages through all', async () => {
    const grid = await buildGrid(t.db, { community: a.community });
    for (let i = 1; i <= 7; i++) await buildHousehold(t.db, { grid, address: `江北大道${i}号${100 + i}室` });
    await buildHousehold(t.db, { grid: b.grid, address: '江北大道1号999室' });
    const c = await as('community_admin');
    const prefix = (await c.get(`/api/v1/households?q=${encodeURIComponent('江北大道')}&limit=200`)).json<Page<HouseholdView>>().items;
    expect(prefix).toHaveLength(7);
    const fragment = (await c.get(`/api/v1/households?q=${encodeURIComponent('103 室')}`)).json<Page<HouseholdView>>().items;
    expect(fragment.map((h: { address: string }) => h.address)).toEqual(['江北大道3号103室']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/v1/households?gridId=${grid.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.json<Page<HouseholdView>>().items.map((h: { id: string }) => h.id));
      cursor = res.json<Page<HouseholdView>>().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect((await c.get('/api/v1/households?limit=201')).statusCode).toBe(400);
  });
});

describe('a list of households', () => {
  it('names each household\'s head with their age and the tags of its active members, sensitive ones only for those who may read them', async () => {
    const grid = await buildGrid(t.db, { community: a.community });
    const home = await buildHousehold(t.db, { grid });
    const empty = await buildHousehold(t.db, { grid });
    await buildResident(t.db, t.platform.pii, { household: home, name: '赵桂兰', birthDate: '1941-03-02', relation: 'head', tags: ['elderly_80'] });
    await buildResident(t.db, t.platform.pii, { household: home, relation: 'child', tags: ['low_income', 'elderly_80'] });
    await buildResident(t.db, t.platform.pii, { household: home, relation: 'grandchild', tags: ['veteran'], status: 'moved_out' });
    const row = async (role: 'community_worker' | 'street_officer', id: string) => {
      const res = await (await as(role)).get(`/api/v1/households?gridId=${grid.id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Page<HouseholdListItem>>().items.find((h) => h.id === id)!;
    };
    const staff = await row('community_worker', home.id);
    const age = new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 10) < '03-02' ? 1 : 0;
    expect(staff).toMatchObject({ headName: '赵桂兰', headAge: Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) - 1941 - age, memberCount: 2 });
    expect([...staff.tags].sort()).toEqual(['elderly_80', 'low_income']);
    expect((await row('street_officer', home.id)).tags).toEqual(['elderly_80']);
    expect(await row('community_worker', empty.id)).toMatchObject({ headName: null, headAge: null, memberCount: 0, tags: [] });
  });
});
