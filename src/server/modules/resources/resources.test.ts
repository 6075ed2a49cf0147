import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, type Grant, type TestApp, type ErrorBody, fieldsOf, type Page } from '../../testing.ts';
import { buildOrganization } from '../organizations/testing.ts';
import { buildCommunity, buildDistrict, buildGrid, buildStreet, type CommunityRef, type StreetRef } from '../territory/testing.ts';
import type { ResourceView } from './resources.schemas.ts';

let t: TestApp;
let dA: { id: string };
let dB: { id: string };
let sA1: StreetRef;
let sA2: StreetRef;
let cA1: CommunityRef;
let cA2: CommunityRef;
let cA3: CommunityRef;
let cB: CommunityRef;
let gA1: { id: string };
let org: { id: string; name: string };
/** Resources made in beforeAll, by where they are offered. */
const r: Record<string, ResourceView> = {};

const DUMMY = '0190c4c8-0000-7000-8000-000000000000';
type C = Awaited<ReturnType<typeof clientAs>>;
const as = (...grants: Grant[]) => clientAs(t, grants);
const districtOfficer = (d: { id: string }) => as({ role: 'district_officer', scopeType: 'district', scopeId: d.id });
const streetOfficer = (s: StreetRef) => as({ role: 'street_officer', scopeType: 'street', scopeId: s.id, districtId: s.districtId });
const communityWorker = (c: CommunityRef) => as({ role: 'community_worker', scopeType: 'community', scopeId: c.id, districtId: c.districtId });
async function counts() {
  const n = Number((await t.db.selectFrom('resources').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const audits = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', 'like', 'resource.%')
    .executeTakeFirstOrThrow();
  return { resources: n, audits: Number(audits.n) };
}

async function make(c: C, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/resources', { kind: 'venue', ownerType: 'other', ownerName: '提供方', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ResourceView>();
}

beforeAll(async () => {
  t = await createTestApp();
  dA = await buildDistrict(t.db);
  dB = await buildDistrict(t.db);
  sA1 = await buildStreet(t.db, { district: dA });
  sA2 = await buildStreet(t.db, { district: dA });
  cA1 = await buildCommunity(t.db, { street: sA1 });
  cA2 = await buildCommunity(t.db, { street: sA1 });
  cA3 = await buildCommunity(t.db, { street: sA2 });
  cB = await buildCommunity(t.db, { street: await buildStreet(t.db, { district: dB }) });
  gA1 = await buildGrid(t.db, { community: cA1 });
  org = await buildOrganization(t.db, t.platform.pii, { district: dA, communities: [cA1] });

  const officer = await districtOfficer(dA);
  r.cA1 = await make(officer, {
    name: '阳光老年食堂',
    communityId: cA1.id,
    categories: ['elderly_meals'],
    weeklyWindows: [{ weekday: 1, from: '11:00', to: '13:30' }],
  });
  r.cA2 = await make(officer, { name: '二社区活动室', communityId: cA2.id, categories: ['culture_activities'] });
  r.cA3 = await make(officer, { name: '三社区议事厅', communityId: cA3.id, kind: 'venue' });
  r.sA1 = await make(officer, { name: '街道志愿服务队', streetId: sA1.id, kind: 'volunteer_team', categories: ['elderly_meals', 'elderly_home_care'] });
  r.sA2 = await make(officer, { name: '二街道法律顾问', streetId: sA2.id, kind: 'professional_service' });
  r.dA = await make(officer, {
    name: '区社区基金',
    districtId: dA.id,
    kind: 'fund',
    capacity: 5_000_000,
    availableFrom: '2026-01-01',
    availableUntil: '2026-12-31',
  });
  r.cB = await make(await districtOfficer(dB), { name: '外区场地', communityId: cB.id });
});
afterAll(() => t.close());

describe('POST /resources', () => {
  it('adds a resource of the worker\'s own community, encrypting and masking the phone, and audits', async () => {
    const c = await communityWorker(cA1);
    const before = await counts();
    const res = await c.post('/api/v1/resources', {
      kind: 'venue',
      name: ' 社区会议室 ',
      description: '可容纳 40 人',
      ownerType: 'community',
      ownerId: cA1.id,
      communityId: cA1.id,
      categories: ['other', 'culture_activities', 'culture_activities'],
      weeklyWindows: [
        { weekday: 3, from: '14:00', to: '17:00' },
        { weekday: 1, from: '09:00', to: '12:00' },
      ],
      capacity: 40,
      constraints: '需提前 3 天预约',
      contactName: '王主任',
      contactPhone: '138 0000 1111',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<ResourceView>();
    expect(body).toMatchObject({
      districtId: dA.id,
      streetId: sA1.id,
      communityId: cA1.id,
      name: '社区会议室',
      ownerType: 'community',
      ownerId: cA1.id,
      ownerName: cA1.name,
      categories: ['other', 'culture_activities'],
      weeklyWindows: [
        { weekday: 1, from: '09:00', to: '12:00' },
        { weekday: 3, from: '14:00', to: '17:00' },
      ],
      capacity: 40,
      contactPhoneMasked: '138****1111',
      status: 'active',
      allowedActions: ['read', 'update', 'reveal'],
    });
    expect(res.body).not.toContain('13800001111');
    const row = await t.db.selectFrom('resources').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(t.platform.pii.decrypt(row.contact_phone_cipher!)).toBe('13800001111');
    expect(await counts()).toEqual({ resources: before.resources + 1, audits: before.audits + 1 });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', body.id).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'resource.create', district_id: dA.id });
    expect(JSON.stringify(audit.after)).toContain('138****1111');
    expect(JSON.stringify(audit.after)).not.toContain('13800001111');
  });

  it('takes an organization as owner and a whole district as place', async () => {
    const res = await (await districtOfficer(dA)).post('/api/v1/resources', {
      kind: 'professional_service',
      name: '社工督导服务',
      ownerType: 'organization',
      ownerId: org.id,
      districtId: dA.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<ResourceView>()).toMatchObject({ ownerType: 'organization', ownerId: org.id, ownerName: org.name, streetId: null, communityId: null });
  });

  it('answers 400 with every field problem and writes nothing', async () => {
    const c = await districtOfficer(dA);
    const before = await counts();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ name: '  ' }, { name: 'validation.required' }],
      [{ communityId: cA3.id, streetId: sA1.id }, { communityId: 'resources.unknown_community' }],
      [{ communityId: undefined, streetId: sA1.id, districtId: dB.id }, { streetId: 'resources.unknown_street' }],
      [{ communityId: undefined }, { districtId: 'resources.location_required' }],
      [{ ownerType: 'community', ownerName: undefined }, { ownerId: 'resources.owner_required' }],
      [{ ownerName: ' ' }, { ownerName: 'resources.owner_required' }],
      [{ weeklyWindows: [{ weekday: 1, from: '13:00', to: '11:00' }] }, { 'weeklyWindows.0': 'resources.window_order' }],
      [{ weeklyWindows: [{ weekday: 8, from: '09:00', to: '11:00' }] }, { 'weeklyWindows.0.weekday': 'validation.too_large' }],
      [{ weeklyWindows: [{ weekday: 1, from: '9:00', to: '11:00' }] }, { 'weeklyWindows.0.from': 'validation.format' }],
      [{ availableFrom: '2026-05-01', availableUntil: '2026-04-30' }, { availableUntil: 'resources.date_order' }],
      [{ contactPhone: '12345' }, { contactPhone: 'resources.phone_format' }],
      [{ capacity: -1 }, { capacity: 'validation.too_small' }],
      [{ kind: 'castle' }, { kind: 'validation.not_allowed' }],
      [{ categories: ['Elderly Meal'] }, { 'categories.0': 'validation.format' }],
      [{ categories: ['elderly_meals', 'elderly.meal'] }, { 'categories.1': 'resources.unknown_category' }],
      [{ owner: 'x' }, { owner: 'validation.unknown_field' }],
      [{ name: '', communityId: DUMMY, contactPhone: 'abc' }, { name: 'validation.too_short' }],
      [
        { name: ' ', communityId: cA3.id, streetId: sA1.id, contactPhone: 'abc' },
        { name: 'validation.required', communityId: 'resources.unknown_community', contactPhone: 'resources.phone_format' },
      ],
    ];
    const body = (over: Record<string, unknown>) => ({ kind: 'venue', name: '场地', ownerType: 'other', ownerName: '提供方', communityId: cA1.id, ...over });
    for (const [over, fields] of cases) {
      const res = await c.post('/api/v1/resources', body(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json<ErrorBody>().error.code).toBe('validation.failed');
      expect(fieldsOf(res), JSON.stringify(over)).toEqual(fields);
    }
    // An id that names nothing the officer may read answers 404, like an id in the path.
    const unknown: [Record<string, unknown>, string][] = [
      [{ communityId: DUMMY }, 'communityId'],
      [{ communityId: cB.id, districtId: dA.id }, 'communityId'],
      [{ communityId: undefined, streetId: DUMMY }, 'streetId'],
      [{ communityId: undefined, districtId: DUMMY }, 'districtId'],
      [{ ownerType: 'community', ownerId: cB.id }, 'ownerId'],
      [{ ownerType: 'organization', ownerId: DUMMY }, 'ownerId'],
    ];
    for (const [over, field] of unknown) {
      const res = await c.post('/api/v1/resources', body(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(404);
      expect(fieldsOf(res), JSON.stringify(over)).toEqual({ [field]: 'resource.not_found' });
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses places outside the actor\'s area (404) or above it (403), and roles that may not add (403), writing nothing', async () => {
    const before = await counts();
    const body = { kind: 'venue', name: '场地', ownerType: 'other', ownerName: '提供方' };
    const worker = await communityWorker(cA1);
    // the worker reads their street and district as context, but may not offer resources there
    for (const place of [{ streetId: sA1.id }, { districtId: dA.id }]) {
      const res = await worker.post('/api/v1/resources', { ...body, ...place });
      expect(res.statusCode, JSON.stringify(place)).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('access.forbidden');
    }
    expect((await worker.post('/api/v1/resources', { ...body, communityId: cA2.id })).statusCode).toBe(404);
    expect((await (await streetOfficer(sA1)).post('/api/v1/resources', { ...body, communityId: cA3.id })).statusCode).toBe(404);
    expect((await (await districtOfficer(dB)).post('/api/v1/resources', { ...body, communityId: cA1.id })).statusCode).toBe(404);
    const grid = await as({ role: 'grid_worker', scopeType: 'grid', scopeId: gA1.id, districtId: dA.id });
    expect((await grid.post('/api/v1/resources', { ...body, communityId: cA1.id })).statusCode).toBe(403);
    const orgAdmin = await as({ role: 'org_admin', scopeType: 'organization', scopeId: org.id });
    expect((await orgAdmin.post('/api/v1/resources', { ...body, communityId: cA1.id })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });
});

async function names(c: C, query = '') {
  const res = await c.get(`/api/v1/resources?limit=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page<ResourceView>>().items.map((x) => x.id);
}
const ids = (...keys: string[]) => keys.map((k) => r[k].id);

describe('GET /resources', () => {
  it('shows each reader their area plus what their street and district offer, never more', async () => {
    const cw = await names(await communityWorker(cA1));
    expect(cw).toEqual(expect.arrayContaining(ids('cA1', 'sA1', 'dA')));
    expect(cw).not.toEqual(expect.arrayContaining([r.cA2.id]));
    for (const k of ['cA2', 'cA3', 'sA2', 'cB']) expect(cw).not.toContain(r[k].id);

    const grid = await names(await as({ role: 'grid_worker', scopeType: 'grid', scopeId: gA1.id, districtId: dA.id }));
    expect(grid.sort()).toEqual([...cw].sort());

    const so = await names(await streetOfficer(sA1));
    expect(so).toEqual(expect.arrayContaining(ids('cA1', 'cA2', 'sA1', 'dA')));
    for (const k of ['cA3', 'sA2', 'cB']) expect(so).not.toContain(r[k].id);

    const dob = await names(await districtOfficer(dB));
    expect(dob).toEqual([r.cB.id]);

    const orgAdmin = await as({ role: 'org_admin', scopeType: 'organization', scopeId: org.id });
    expect((await orgAdmin.get('/api/v1/resources')).statusCode).toBe(403);
  });

  it('filters by community (with its street and district offers), kind, category, name and status', async () => {
    const c = await districtOfficer(dA);
    const inA3 = await names(c, `&communityId=${cA3.id}`);
    expect(inA3).toEqual(expect.arrayContaining(ids('cA3', 'sA2', 'dA')));
    for (const k of ['cA1', 'cA2', 'sA1']) expect(inA3).not.toContain(r[k].id);
    expect(await names(c, '&kind=fund')).toEqual(ids('dA'));
    expect((await names(c, '&category=elderly_meals')).sort()).toEqual(ids('cA1', 'sA1').sort());
    expect(await names(c, `&q=${encodeURIComponent('食堂')}`)).toEqual(ids('cA1'));
    expect(await names(c, '&status=archived')).toEqual([]);
    const bad = await c.get('/api/v1/resources?kind=castle&availableAt=tuesday');
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual({ kind: 'validation.not_allowed', availableAt: 'validation.format' });
  });

  it('filters by availability at an instant, reading weekly windows in Shanghai time', async () => {
    const c = await districtOfficer(dA);
    // Monday 2026-11-30 11:30 in Shanghai is 03:30 UTC.
    const lunch = await names(c, `&availableAt=${encodeURIComponent('2026-11-30T03:30:00Z')}`);
    expect(lunch).toContain(r.cA1.id);
    expect(lunch).toContain(r.dA.id);
    const evening = await names(c, `&availableAt=${encodeURIComponent('2026-11-30T11:30:00Z')}`);
    expect(evening).not.toContain(r.cA1.id);
    expect(evening).toContain(r.cA2.id);
    // Monday 11:30 UTC is 19:30 in Shanghai; 2027 is outside the fund's dates.
    const nextYear = await names(c, `&availableAt=${encodeURIComponent('2027-01-04T03:30:00+00:00')}`);
    expect(nextYear).toContain(r.cA1.id);
    expect(nextYear).not.toContain(r.dA.id);
  });

  it('pages by name with an opaque cursor', async () => {
    const c = await districtOfficer(dA);
    const all = await names(c);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/v1/resources?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.json<Page<ResourceView>>().items.length).toBeLessThanOrEqual(2);
      seen.push(...res.json<Page<ResourceView>>().items.map((x) => x.id));
      cursor = res.json<Page<ResourceView>>().nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await c.get('/api/v1/resources?cursor=nonsense')).statusCode).toBe(400);
  });
});

describe('GET /resources/:id', () => {
  it('shows a resource in the reader\'s area and answers 404 outside it, like a missing one', async () => {
    const worker = await communityWorker(cA1);
    const ok = await worker.get(`/api/v1/resources/${r.sA1.id}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json<ResourceView>()).toMatchObject({ name: '街道志愿服务队', allowedActions: ['read', 'reveal'] });
    for (const id of [r.cA2.id, r.cB.id, DUMMY]) {
      const res = await worker.get(`/api/v1/resources/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorBody>().error.code).toBe('resource.not_found');
    }
  });
});

describe('PATCH /resources/:id', () => {
  it('changes and archives a resource, auditing only what changed', async () => {
    const officer = await districtOfficer(dA);
    const res0 = await make(officer, { name: '临时场地', communityId: cA1.id, contactPhone: '13900002222' });
    const worker = await communityWorker(cA1);
    const res = await worker.patch(`/api/v1/resources/${res0.id}`, { name: '临时场地（二楼）', capacity: 20, contactPhone: '13900003333' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ResourceView>()).toMatchObject({ name: '临时场地（二楼）', capacity: 20, contactPhoneMasked: '139****3333' });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', res0.id)
      .where('action', '=', 'resource.update')
      .executeTakeFirstOrThrow();
    expect(audit.before).toEqual({ name: '临时场地', capacity: null, contactPhoneMasked: '139****2222' });
    expect(audit.after).toEqual({ name: '临时场地（二楼）', capacity: 20, contactPhoneMasked: '139****3333' });

    const audits = await auditCount(t.db, 'resource.update');
    expect((await worker.patch(`/api/v1/resources/${res0.id}`, { capacity: 20 })).statusCode).toBe(200);
    expect(await auditCount(t.db, 'resource.update')).toBe(audits);

    const archived = await worker.patch(`/api/v1/resources/${res0.id}`, { status: 'archived' });
    expect(archived.json<ResourceView>().status).toBe('archived');
    expect(await names(worker, '&status=archived')).toEqual([res0.id]);
    expect(await auditCount(t.db, 'resource.update')).toBe(audits + 1);
  });

  it('moves a resource within the actor\'s area only', async () => {
    const so = await streetOfficer(sA1);
    const res0 = await make(so, { name: '可移动物资', communityId: cA1.id, kind: 'goods' });
    const moved = await so.patch(`/api/v1/resources/${res0.id}`, { communityId: cA2.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json<ResourceView>()).toMatchObject({ communityId: cA2.id, streetId: sA1.id });
    const wide = await so.patch(`/api/v1/resources/${res0.id}`, { communityId: null });
    expect(wide.json<ResourceView>()).toMatchObject({ communityId: null, streetId: sA1.id });
    const before = await counts();
    const out = await so.patch(`/api/v1/resources/${res0.id}`, { communityId: cA3.id });
    expect(out.statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('answers 403 for a visible resource the actor may not change, 404 outside the area, 400 for bad input; nothing written', async () => {
    const worker = await communityWorker(cA1);
    const before = await counts();
    const street = await worker.patch(`/api/v1/resources/${r.sA1.id}`, { name: '改名' });
    expect(street.statusCode).toBe(403);
    expect(street.json<ErrorBody>().error.code).toBe('access.forbidden');
    const grid = await as({ role: 'grid_worker', scopeType: 'grid', scopeId: gA1.id, districtId: dA.id });
    expect((await grid.patch(`/api/v1/resources/${r.cA1.id}`, { name: '改名' })).statusCode).toBe(403);
    const hidden = await worker.patch(`/api/v1/resources/${r.cA2.id}`, { name: '改名' });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<ErrorBody>().error.code).toBe('resource.not_found');
    const bad = await worker.patch(`/api/v1/resources/${r.cA1.id}`, { name: ' ', availableFrom: '2026-05-01', availableUntil: '2026-04-01' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual({ name: 'validation.required', availableUntil: 'resources.date_order' });
    const unknown = await worker.patch(`/api/v1/resources/${r.cA1.id}`, { districtId: dB.id });
    expect(fieldsOf(unknown)).toEqual({ districtId: 'validation.unknown_field' });
    expect(await counts()).toEqual(before);
    expect((await worker.get(`/api/v1/resources/${r.cA1.id}`)).json<ResourceView>().name).toBe('阳光老年食堂');
  });
});

describe('POST /resources/:id/reveal', () => {
  it('shows the full phone to a reader and audits the read; 404 outside the area', async () => {
    const officer = await districtOfficer(dA);
    const made = await make(officer, { name: '联系电话测试', communityId: cA1.id, contactPhone: '025-58123456' });
    const grid = await as({ role: 'grid_worker', scopeType: 'grid', scopeId: gA1.id, districtId: dA.id });
    const audits = await auditCount(t.db, 'resource.reveal');
    const res = await grid.post(`/api/v1/resources/${made.id}/reveal`, { field: 'contactPhone' });
    expect(res.statusCode).toBe(200);
    expect(res.json<ResourceView>()).toEqual({ value: '025-58123456' });
    expect(await auditCount(t.db, 'resource.reveal')).toBe(audits + 1);
    const other = await communityWorker(cA2);
    const hidden = await other.post(`/api/v1/resources/${made.id}/reveal`, { field: 'contactPhone' });
    expect(hidden.statusCode).toBe(404);
    const bad = await grid.post(`/api/v1/resources/${made.id}/reveal`, { field: 'name' });
    expect(bad.statusCode).toBe(400);
    expect(await auditCount(t.db, 'resource.reveal')).toBe(audits + 1);
  });
});
