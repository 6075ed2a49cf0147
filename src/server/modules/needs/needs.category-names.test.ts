import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAs, createTestApp, type Page, type TestApp } from '../../testing.ts';
import { categoryNameIn } from './needs.categories.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { NeedDetail, NeedMap, NeedView } from './needs.schemas.ts';

// The default tree's names, written out: the answers must carry these, not whatever the code computes.
const PROPERTY = { zh: '物业与设施', en: 'Property and facilities' };
const LIGHTING = { zh: '楼道照明', en: 'Stairwell lighting' };
const MEALS = { zh: '助餐', en: 'Meal help' };

let t: TestApp;
let w: NeedWorld;
type C = Awaited<ReturnType<typeof clientAs>>;
let adminEn: C, adminZh: C, gridWorkerEn: C;
let reported: string;
let accepted: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  const admin = [{ role: 'community_admin' as const, scopeType: 'community' as const, scopeId: w.community.id, districtId: w.district.id }];
  adminEn = await clientAs(t, admin, { locale: 'en' });
  adminZh = await clientAs(t, admin);
  gridWorkerEn = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: w.district.id }], { locale: 'en' });
  reported = await buildNeed(t.db, w, { state: 'reported', category_id: w.category('property_facilities') });
  accepted = await buildNeed(t.db, w, { state: 'accepted', category_id: w.category('facility_lighting') });
});
afterAll(() => t.close());

const nameOf = (items: { id: string; categoryName: string }[], id: string) => items.find((i) => i.id === id)?.categoryName;

describe('category names in the reader\'s language', () => {
  it('falls back to the stored name when a category has no English name', () => {
    expect(categoryNameIn({ name: '自定义', name_en: null }, 'en')).toBe('自定义');
    expect(categoryNameIn({ name: '自定义', name_en: 'Custom' }, 'en')).toBe('Custom');
    expect(categoryNameIn({ name: '自定义', name_en: 'Custom' }, 'zh-CN')).toBe('自定义');
  });

  it('names categories in English on the board list and in Chinese for a Chinese reader', async () => {
    const en = (await adminEn.get('/api/v1/needs?limit=100')).json<Page<NeedView>>();
    expect(nameOf(en.items, reported)).toBe(PROPERTY.en);
    expect(nameOf(en.items, accepted)).toBe(LIGHTING.en);
    const zh = (await adminZh.get('/api/v1/needs?limit=100')).json<Page<NeedView>>();
    expect(nameOf(zh.items, reported)).toBe(PROPERTY.zh);
  });

  it('names categories in English in the inbox', async () => {
    const res = await adminEn.get('/api/v1/inbox');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: NeedView[] }>().items;
    expect(nameOf(items, reported)).toBe(PROPERTY.en);
    expect(nameOf(items, accepted)).toBe(LIGHTING.en);
  });

  it('names the need and its related needs in English on the need page', async () => {
    const detail = (await adminEn.get(`/api/v1/needs/${reported}`)).json<NeedDetail>();
    expect(detail.categoryName).toBe(PROPERTY.en);
    expect(nameOf(detail.related, accepted)).toBe(LIGHTING.en);
  });

  it('names categories in English on the map', async () => {
    const map = (await adminEn.get('/api/v1/needs/map')).json<NeedMap>();
    if (map.mode !== 'points') throw new Error(`expected points, got ${map.mode}`);
    expect(nameOf(map.points, reported)).toBe(PROPERTY.en);
  });

  it('answers a report, a transition and a split in English', async () => {
    const created = await adminEn.post('/api/v1/needs', {
      categoryId: w.category('facility_lighting'),
      description: '三楼灯不亮',
      householdId: w.household.id,
      source: 'staff',
      intakeChannel: 'phone',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<NeedView>().categoryName).toBe(LIGHTING.en);
    const id = created.json<NeedView>().id;
    const acceptedNow = await adminEn.post(`/api/v1/needs/${id}/transitions`, { action: 'accept' });
    expect(acceptedNow.statusCode, acceptedNow.body).toBe(200);
    expect(acceptedNow.json<NeedView>().categoryName).toBe(LIGHTING.en);
    const part = await adminEn.post(`/api/v1/needs/${id}/split`, { categoryId: w.category('elderly_meals'), description: '老人吃饭不便' });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json<NeedView>().categoryName).toBe(MEALS.en);
  });

  it('names the needs found on a visit in English, as written and as read', async () => {
    const res = await gridWorkerEn.post('/api/v1/visits', {
      householdId: w.household.id,
      kind: 'routine',
      visitedAt: new Date().toISOString(),
      notes: '入户了解情况',
      findings: '',
      needs: [{ categoryId: w.category('elderly_meals'), description: '独居老人吃饭难' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const written = res.json<{ id: string; needs: { categoryName: string }[] }>();
    expect(written.needs.map((n) => n.categoryName)).toEqual([MEALS.en]);
    const read = (await gridWorkerEn.get(`/api/v1/visits/${written.id}`)).json<{ needs: { categoryName: string }[] }>();
    expect(read.needs.map((n) => n.categoryName)).toEqual([MEALS.en]);
  });
});
