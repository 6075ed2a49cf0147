import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { clientAs, createTestApp, type Page, type TestApp } from '../../testing.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from '../needs/needs.testing.ts';
import type { CommonNeedDetail, CommonNeedView, SuggestionList, ThreeLists } from './commonneeds.schemas.ts';

// The default tree's name, written out: the answers must carry it, not whatever the code computes.
const LIGHTING = { zh: '楼道照明', en: 'Stairwell lighting' };

let t: TestApp;
let w: NeedWorld;
type C = Awaited<ReturnType<typeof clientAs>>;
let adminEn: C, adminZh: C;
let group: Static<typeof CommonNeedView>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  const admin = [{ role: 'community_admin' as const, scopeType: 'community' as const, scopeId: w.community.id, districtId: w.district.id }];
  adminEn = await clientAs(t, admin, { locale: 'en' });
  adminZh = await clientAs(t, admin);
  for (let i = 0; i < 2; i++) await buildNeed(t.db, w, { state: 'accepted', category_id: w.category('facility_lighting') });
  const res = await adminEn.post('/api/v1/common-needs', { communityId: w.community.id, categoryId: w.category('facility_lighting'), title: '楼道灯集中更换' });
  expect(res.statusCode, res.body).toBe(201);
  group = res.json<Static<typeof CommonNeedView>>();
});
afterAll(() => t.close());

describe('category names of the three lists in the reader\'s language', () => {
  it('answers a new group in English', () => {
    expect(group.categoryName).toBe(LIGHTING.en);
  });

  it('names suggestions in English and in Chinese for a Chinese reader', async () => {
    const en = (await adminEn.get(`/api/v1/common-needs/suggestions?communityId=${w.community.id}`)).json<Static<typeof SuggestionList>>();
    expect(en.items.map((s) => s.categoryName)).toEqual([LIGHTING.en]);
    const zh = (await adminZh.get(`/api/v1/common-needs/suggestions?communityId=${w.community.id}`)).json<Static<typeof SuggestionList>>();
    expect(zh.items.map((s) => s.categoryName)).toEqual([LIGHTING.zh]);
  });

  it('names groups in English in the three lists, the group list and a group', async () => {
    const lists = (await adminEn.get(`/api/v1/communities/${w.community.id}/three-lists`)).json<Static<typeof ThreeLists>>();
    expect(lists.needs.map((n) => n.categoryName)).toEqual([LIGHTING.en]);
    const page = (await adminEn.get(`/api/v1/common-needs?communityId=${w.community.id}`)).json<Page<Static<typeof CommonNeedView>>>();
    expect(page.items.map((n) => n.categoryName)).toEqual([LIGHTING.en]);
    const detail = (await adminEn.get(`/api/v1/common-needs/${group.id}`)).json<Static<typeof CommonNeedDetail>>();
    expect(detail.categoryName).toBe(LIGHTING.en);
  });
});
