import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { auditCount, clientAs, createTestApp, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { buildDistrict } from '../territory/testing.ts';
import { DEFAULT_TREE } from './needs.categories.ts';
import { buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { CategoryView as CategoryViewSchema, NeedView, SettingsView as SettingsViewSchema } from './needs.schemas.ts';

type SettingsView = Static<typeof SettingsViewSchema>;
type CategoryView = Static<typeof CategoryViewSchema>;

let t: TestApp;
let w: NeedWorld;
let officer: Awaited<ReturnType<typeof clientAs>>;
let worker: Awaited<ReturnType<typeof clientAs>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  officer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: w.district.id }]);
  worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
});
afterAll(() => t.close());

describe('need categories', () => {
  it('gives every district the default tree on first use', async () => {
    const fresh = await buildDistrict(t.db);
    const officer2 = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: fresh.id }]);
    const items = (await officer2.get('/api/v1/need-categories')).json<Page<CategoryView>>().items;
    const top = items.filter((c) => c.parentId === null).map((c) => c.code);
    expect(top).toEqual(DEFAULT_TREE.map((s) => s.code));
    expect(items.find((c) => c.code === 'facility_lighting')?.parentId).toBe(items.find((c) => c.code === 'property_facilities')?.id);
    expect(items[0].limits.urgent.triage).toEqual({ amount: 2, unit: 'hours' });
    expect((await officer2.get('/api/v1/need-categories')).json<Page<CategoryView>>().items).toHaveLength(items.length);
  });

  it('lets the district officer add and change categories, with unique codes', async () => {
    const body = { districtId: w.district.id, code: 'pets', name: '宠物管理', open311Code: 'P-01', defaultRoute: 'refer' };
    expect((await worker.post('/api/v1/need-categories', body)).statusCode).toBe(403);
    const res = await officer.post('/api/v1/need-categories', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<CategoryView>()).toMatchObject({ code: 'pets', open311Code: 'P-01', defaultRoute: 'refer', active: true });
    expect((await officer.post('/api/v1/need-categories', body)).json<ErrorBody>().error.code).toBe('need_category.duplicate_code');
    const clash = await officer.post('/api/v1/need-categories', { ...body, code: 'pets2' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json<ErrorBody>().error.code).toBe('need_category.duplicate_open311');
    expect(await auditCount(t.db, 'need_category.create')).toBe(1);

    const other = await buildDistrict(t.db);
    const stranger = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: other.id }]);
    expect((await stranger.patch(`/api/v1/need-categories/${res.json<CategoryView>().id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await worker.patch(`/api/v1/need-categories/${res.json<CategoryView>().id}`, { name: 'x' })).statusCode).toBe(403);
    const off = await officer.patch(`/api/v1/need-categories/${res.json<CategoryView>().id}`, { active: false });
    expect(off.json<CategoryView>().active).toBe(false);
    const report = await worker.post('/api/v1/needs', { source: 'staff', intakeChannel: 'phone', householdId: w.household.id, categoryId: res.json<CategoryView>().id, description: '狗叫' });
    expect(report.statusCode).toBe(400);
    expect(report.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'categoryId', code: 'need.unknown_category' });
  });

  it('uses the category\'s edited time limits for new needs', async () => {
    const id = w.category('safety');
    const limits = {
      urgent: { triage: { amount: 4, unit: 'hours' }, resolve: { amount: 24, unit: 'hours' } },
      normal: { triage: { amount: 1, unit: 'working_days' }, resolve: { amount: 3, unit: 'working_days' } },
      difficult: { triage: { amount: 2, unit: 'working_days' }, resolve: { amount: 7, unit: 'working_days' } },
    };
    expect((await officer.patch(`/api/v1/need-categories/${id}`, { limits })).statusCode).toBe(200);
    const before = Date.now();
    const need = (await worker.post('/api/v1/needs', { source: 'staff', intakeChannel: 'phone', householdId: w.household.id, categoryId: id, urgency: 'urgent', description: '燃气味' })).json<NeedView>();
    const triage = Date.parse(need.triageDueAt) - before;
    expect(triage).toBeGreaterThanOrEqual(4 * 3600_000 - 1000);
    expect(triage).toBeLessThan(4 * 3600_000 + 60_000);
    expect(Date.parse(need.resolveDueAt) - Date.parse(need.triageDueAt)).toBe(20 * 3600_000);
  });
});

describe('needs settings', () => {
  it('keeps the auto-confirmation days per district, 7 by default, changed by the district officer', async () => {
    expect((await officer.get('/api/v1/need-settings')).json<SettingsView>()).toEqual({ districtId: w.district.id, autoConfirmDays: 7 });
    // settings the caller may not read (GET answers 404) answer 404 to PUT as well
    expect((await worker.get(`/api/v1/need-settings?districtId=${w.district.id}`)).statusCode).toBe(404);
    expect((await worker.request('PUT', '/api/v1/need-settings', { districtId: w.district.id, autoConfirmDays: 3 })).statusCode).toBe(404);
    const res = await officer.request('PUT', '/api/v1/need-settings', { districtId: w.district.id, autoConfirmDays: 3 });
    expect(res.statusCode, res.body).toBe(200);
    expect((await officer.get('/api/v1/need-settings')).json<SettingsView>().autoConfirmDays).toBe(3);
    expect(await auditCount(t.db, 'need_settings.update')).toBe(1);
  });
});
