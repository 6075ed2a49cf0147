import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, Client, clientAs, createTestApp, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { isValidBoundary } from './boundary.ts';
import { buildTree, grantIn, type Tree } from './test-world.ts';
import { buildGrid, buildHousehold, squareBoundary } from './testing.ts';
import type { BuildingView, CommunityView, DistrictView, GridView, StreetView } from './structure.schemas.ts';

let t: TestApp;
let a: Tree;
let b: Tree;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildTree(t);
  b = await buildTree(t);
});
afterAll(() => t.close());

const count = async (table: 'districts' | 'streets' | 'communities' | 'grids' | 'buildings') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const as = (role: Parameters<typeof grantIn>[0], tree = a) => clientAs(t, [grantIn(role, tree)]);

/** Out of scope must be indistinguishable from missing. */
async function expectHidden(c: Client, base: string, id: string) {
  const hidden = await c.get(`${base}/${id}`);
  const missing = await c.get(`${base}/${newId()}`);
  expect(hidden.statusCode).toBe(404);
  expect(hidden.json()).toEqual(missing.json());
  expect(hidden.json<ErrorBody>().error.code).toBe('resource.not_found');
}

describe('districts', () => {
  it('platform admin creates and changes a district; both are audited', async () => {
    const c = await as('platform_admin');
    const before = await auditCount(t.db, 'district.create');
    const res = await c.post('/api/v1/districts', { code: 'JB-NEW', name: '江北新区', nameEn: 'Jiangbei', city: '南京市' });
    expect(res.statusCode).toBe(201);
    expect(res.json<DistrictView>()).toMatchObject({ code: 'JB-NEW', name: '江北新区', allowedActions: ['read', 'create', 'update'] });
    expect(await auditCount(t.db, 'district.create')).toBe(before + 1);
    const patched = await c.patch(`/api/v1/districts/${res.json<DistrictView>().id}`, { name: '江北新区（改）' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<DistrictView>().name).toBe('江北新区（改）');
    expect(await auditCount(t.db, 'district.update')).toBe(1);
    const dup = await c.post('/api/v1/districts', { code: 'JB-NEW', name: 'x' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<ErrorBody>().error.code).toBe('territory.duplicate_code');
  });

  it('rejects bad input with field codes and writes nothing', async () => {
    const c = await as('platform_admin');
    const n = await count('districts');
    const res = await c.post('/api/v1/districts', { code: 'has space', name: '', extra: 1 });
    expect(res.statusCode).toBe(400);
    const fields = res.json<ErrorBody>().error.details?.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`);
    expect(fields).toEqual(expect.arrayContaining(['code:validation.format', 'name:validation.too_short', 'extra:validation.unknown_field']));
    expect(await count('districts')).toBe(n);
  });

  it('a district officer reads their district but may not create or change one', async () => {
    const c = await as('district_officer');
    expect((await c.get(`/api/v1/districts/${a.district.id}`)).json<DistrictView>().allowedActions).toEqual(['read']);
    expect((await c.post('/api/v1/districts', { code: 'X1', name: 'x' })).statusCode).toBe(403);
    const res = await c.patch(`/api/v1/districts/${a.district.id}`, { name: 'x' });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('access.forbidden');
    await expectHidden(c, '/api/v1/districts', b.district.id);
    const list = await c.get('/api/v1/districts');
    expect(list.json<Page<DistrictView>>().items.map((d) => d.id)).toEqual([a.district.id]);
  });

  it('answers 401 without a session', async () => {
    expect((await new Client(t.app).get('/api/v1/districts')).statusCode).toBe(401);
  });
});

describe('streets and communities', () => {
  it('a district officer creates a street in their district only', async () => {
    const c = await as('district_officer');
    const ok = await c.post('/api/v1/streets', { districtId: a.district.id, code: 'ST-A2', name: '第二街道' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json<StreetView>()).toMatchObject({ districtId: a.district.id, districtName: a.district.name });
    expect(await auditCount(t.db, 'street.create')).toBeGreaterThan(0);
    const n = await count('streets');
    const other = await c.post('/api/v1/streets', { districtId: b.district.id, code: 'ST-B2', name: 'x' });
    expect(other.statusCode).toBe(404);
    expect(other.json<ErrorBody>().error.details?.fields).toEqual([
      expect.objectContaining({ field: 'districtId', code: 'resource.not_found' }),
    ]);
    expect(await count('streets')).toBe(n);
    const filtered = await c.get(`/api/v1/streets?districtId=${a.district.id}`);
    expect(filtered.json<Page<StreetView>>().items.every((s) => s.districtId === a.district.id)).toBe(true);
    expect((await (await as('street_officer')).post('/api/v1/streets', { districtId: a.district.id, code: 'ST-A3', name: 'x' })).statusCode).toBe(403);
  });

  it('a street officer creates and renames a community; the view names its street and district', async () => {
    const c = await as('street_officer');
    const res = await c.post('/api/v1/communities', { streetId: a.street.id, code: 'CM-A2', name: '新社区', serviceCenterAddress: '泰山路1号' });
    expect(res.statusCode).toBe(201);
    expect(res.json<CommunityView>()).toMatchObject({ streetName: a.street.name, districtName: a.district.name, serviceCenterAddress: '泰山路1号' });
    expect((await c.patch(`/api/v1/communities/${res.json<CommunityView>().id}`, { name: '新社区二' })).json<CommunityView>().name).toBe('新社区二');
    await expectHidden(c, '/api/v1/communities', b.community.id);
    expect((await c.patch(`/api/v1/communities/${b.community.id}`, { name: 'x' })).statusCode).toBe(404);
  });

  it('a community admin may change only the service-center address of their community', async () => {
    const c = await as('community_admin');
    const ok = await c.patch(`/api/v1/communities/${a.community.id}`, { serviceCenterAddress: '党群服务中心 江北路8号' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<CommunityView>().serviceCenterAddress).toBe('党群服务中心 江北路8号');
    expect(ok.json<CommunityView>().allowedActions).toEqual(['read', 'update_service_center']);
    const n = await auditCount(t.db, 'community.update');
    const no = await c.patch(`/api/v1/communities/${a.community.id}`, { name: '改名', serviceCenterAddress: 'x' });
    expect(no.statusCode).toBe(403);
    expect(await auditCount(t.db, 'community.update')).toBe(n);
    expect((await c.get(`/api/v1/communities/${a.community.id}`)).json<CommunityView>().name).toBe(a.community.name);
  });

  it('a community admin keeps the service phone residents are told to call; a malformed one is refused', async () => {
    const c = await as('community_admin');
    const ok = await c.patch(`/api/v1/communities/${a.community.id}`, { servicePhone: '025-58881234' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<CommunityView>().servicePhone).toBe('025-58881234');
    const bad = await c.patch(`/api/v1/communities/${a.community.id}`, { servicePhone: 'call me' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.details?.fields?.map((f) => f.field)).toEqual(['servicePhone']);
    expect((await c.get(`/api/v1/communities/${a.community.id}`)).json<CommunityView>().servicePhone).toBe('025-58881234');
  });

  it('a grid worker sees their community, street and district as read-only context', async () => {
    const c = await as('grid_worker');
    for (const [list, id] of [
      ['districts', a.district.id],
      ['streets', a.street.id],
      ['communities', a.community.id],
    ] as const) {
      const items = (await c.get(`/api/v1/${list}`)).json<Page<{ id: string; allowedActions: string[] }>>().items;
      expect(items.map((x) => x.id)).toEqual([id]);
      expect(items[0].allowedActions).toEqual(['read']);
    }
  });
});

describe('grids', () => {
  it('a community admin creates a grid with a boundary; the view counts households', async () => {
    const c = await as('community_admin');
    const res = await c.post('/api/v1/grids', {
      communityId: a.community.id,
      code: 'G-A-9',
      name: '第9网格',
      boundary: squareBoundary(),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<GridView>()).toMatchObject({ communityName: a.community.name, kind: 'comprehensive', householdCount: 0, boundary: squareBoundary() });
    await buildHousehold(t.db, { grid: res.json<GridView>() });
    expect((await c.get(`/api/v1/grids/${res.json<GridView>().id}`)).json<GridView>().householdCount).toBe(1);
    const listed = (await c.get(`/api/v1/grids?communityId=${a.community.id}`)).json<Page<GridView>>().items;
    expect(listed.find((g) => g.id === a.grid.id)?.householdCount).toBe(1);
    expect(await auditCount(t.db, 'grid.create')).toBeGreaterThan(0);
  });

  it('rejects an open ring, a dedicated grid without purpose, and writes nothing', async () => {
    const c = await as('community_admin');
    const n = await count('grids');
    const open = { type: 'Polygon', coordinates: [[[118.7, 32.1], [118.8, 32.1], [118.8, 32.2], [118.7, 32.2]]] };
    const res = await c.post('/api/v1/grids', { communityId: a.community.id, code: 'G-BAD', name: 'x', kind: 'dedicated', boundary: open });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields.map((f: { code: string }) => f.code).sort()).toEqual([
      'territory.boundary_invalid',
      'territory.dedicated_to_required',
    ]);
    expect(await count('grids')).toBe(n);
    const patch = await c.patch(`/api/v1/grids/${a.grid.id}`, { boundary: { type: 'Point', coordinates: [1, 2] } });
    expect(patch.statusCode).toBe(400);
  });

  it('a grid worker reads their grid but may not create or change grids; other grids are hidden', async () => {
    const c = await as('grid_worker');
    expect((await c.get(`/api/v1/grids/${a.grid.id}`)).json<GridView>().allowedActions).toEqual(['read']);
    expect((await c.patch(`/api/v1/grids/${a.grid.id}`, { name: 'x' })).statusCode).toBe(403);
    expect((await c.post('/api/v1/grids', { communityId: a.community.id, code: 'G-X', name: 'x' })).statusCode).toBe(403);
    await expectHidden(c, '/api/v1/grids', b.grid.id);
    const sibling = await buildGrid(t.db, { community: a.community });
    await expectHidden(c, '/api/v1/grids', sibling.id);
  });

  it('a district officer renames a grid (audited with before and after)', async () => {
    const c = await as('district_officer');
    const res = await c.patch(`/api/v1/grids/${a.grid.id}`, { name: '第一网格', kind: 'dedicated', dedicatedTo: '江北医院', boundary: null });
    expect(res.statusCode).toBe(200);
    expect(res.json<GridView>()).toMatchObject({ name: '第一网格', kind: 'dedicated', dedicatedTo: '江北医院', boundary: null });
    const rec = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'grid.update').where('entity_id', '=', a.grid.id).executeTakeFirstOrThrow();
    expect(rec.district_id).toBe(a.district.id);
    expect((rec.before as { name: string }).name).toBe(a.grid.name);
    expect((rec.after as { name: string }).name).toBe('第一网格');
  });

  it('walks all pages of a keyset list without duplicates', async () => {
    const community = a.community;
    for (let i = 0; i < 5; i++) await buildGrid(t.db, { community, code: `PG-${i}` });
    const c = await as('community_admin');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/v1/grids?communityId=${community.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      seen.push(...res.json<Page<GridView>>().items.map((g) => g.id));
      cursor = res.json<Page<GridView>>().nextCursor;
    } while (cursor);
    const all = await t.db.selectFrom('grids').select('id').where('community_id', '=', community.id).execute();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(all.map((g) => g.id).sort());
    expect((await c.get('/api/v1/grids?cursor=garbage')).json<ErrorBody>().error.code).toBe('validation.invalid_cursor');
  });
});

describe('buildings', () => {
  it('a grid worker adds a building to their grid only', async () => {
    const c = await as('grid_worker');
    const res = await c.post('/api/v1/buildings', { gridId: a.grid.id, name: '12栋', address: '泰山路12号', floors: 6 });
    expect(res.statusCode).toBe(201);
    expect(res.json<BuildingView>()).toMatchObject({ gridId: a.grid.id, gridName: expect.any(String) as unknown, name: '12栋', floors: 6 });
    expect(await auditCount(t.db, 'building.create')).toBe(1);
    const dup = await c.post('/api/v1/buildings', { gridId: a.grid.id, name: '12栋', address: 'x' });
    expect(dup.statusCode).toBe(409);
    const sibling = await buildGrid(t.db, { community: a.community });
    const n = await count('buildings');
    const other = await c.post('/api/v1/buildings', { gridId: sibling.id, name: '13栋', address: 'x' });
    expect(other.statusCode).toBe(404);
    expect(other.json<ErrorBody>().error.details?.fields[0].code).toBe('resource.not_found');
    expect(await count('buildings')).toBe(n);
    const bad = await c.post('/api/v1/buildings', { gridId: a.grid.id, name: '', address: 'x', floors: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.details?.fields.map((f: { field: string }) => f.field).sort()).toEqual(['floors', 'name']);
    const changed = await c.patch(`/api/v1/buildings/${res.json<BuildingView>().id}`, { floors: 7 });
    expect(changed.json<BuildingView>().floors).toBe(7);
    await expectHidden(c, '/api/v1/buildings', b.building.id);
    const list = (await c.get(`/api/v1/buildings?gridId=${a.grid.id}`)).json<Page<BuildingView>>().items;
    expect(list.map((x: { name: string }) => x.name)).toContain('12栋');
  });

  it('a street officer reads buildings but may not add one', async () => {
    const c = await as('street_officer');
    expect((await c.get(`/api/v1/buildings/${a.building.id}`)).json<BuildingView>().allowedActions).toEqual(['read']);
    expect((await c.post('/api/v1/buildings', { gridId: a.grid.id, name: '99栋', address: 'x' })).statusCode).toBe(403);
  });
});

describe('boundary check', () => {
  it('accepts polygons and multipolygons of closed [lng, lat] rings only', () => {
    expect(isValidBoundary(squareBoundary())).toBe(true);
    expect(isValidBoundary({ type: 'MultiPolygon', coordinates: [squareBoundary().coordinates] })).toBe(true);
    expect(isValidBoundary({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })).toBe(false);
    expect(isValidBoundary({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], ['0', 0], [0, 0]]] })).toBe(false);
    expect(isValidBoundary({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 91], [0, 0]]] })).toBe(false);
    expect(isValidBoundary({ type: 'MultiPolygon', coordinates: [] })).toBe(false);
  });
});

describe('answers of the register commands', () => {
  it('each create and change answers with the unit as written: exactly what reading it shows', async () => {
    const tree = await buildTree(t);
    const admin = await as('platform_admin', tree);
    const officer = await as('district_officer', tree);
    const street = await as('street_officer', tree);
    const community = await as('community_admin', tree);
    const grid = await as('grid_worker', tree);
    await buildHousehold(t.db, { grid: tree.grid });
    const steps: [Client, 'POST' | 'PATCH', string, string, object][] = [
      [admin, 'POST', '/api/v1/districts', '', { code: 'ANS-D', name: '答复区' }],
      [admin, 'PATCH', '/api/v1/districts', tree.district.id, { city: '南京市' }],
      [officer, 'POST', '/api/v1/streets', '', { districtId: tree.district.id, code: 'ANS-S', name: '答复街道' }],
      [officer, 'PATCH', '/api/v1/streets', tree.street.id, { nameEn: 'Answer Street' }],
      [street, 'POST', '/api/v1/communities', '', { streetId: tree.street.id, code: 'ANS-C', name: '答复社区' }],
      [street, 'PATCH', '/api/v1/communities', tree.community.id, { serviceCenterAddress: '答复路1号' }],
      [community, 'POST', '/api/v1/grids', '', { communityId: tree.community.id, code: 'ANS-G', name: '答复网格', boundary: squareBoundary() }],
      // The grid has a household: its count comes with the changed grid.
      [community, 'PATCH', '/api/v1/grids', tree.grid.id, { name: '改名网格' }],
      [grid, 'POST', '/api/v1/buildings', '', { gridId: tree.grid.id, name: '答复楼', address: '答复路2号', floors: 6 }],
      [grid, 'PATCH', '/api/v1/buildings', tree.building.id, { floors: 9 }],
    ];
    for (const [client, method, base, id, body] of steps) {
      const res = await client.request(method, id ? `${base}/${id}` : base, body);
      expect(res.statusCode, `${method} ${base}: ${res.body}`).toBe(method === 'POST' ? 201 : 200);
      const written = res.json<{ id: string }>();
      expect(written, `${method} ${base}`).toEqual((await client.get(`${base}/${written.id}`)).json());
    }
    const changedGrid = (await community.get(`/api/v1/grids/${tree.grid.id}`)).json<GridView>();
    expect(changedGrid).toMatchObject({ name: '改名网格', householdCount: 2 });
  });
});
