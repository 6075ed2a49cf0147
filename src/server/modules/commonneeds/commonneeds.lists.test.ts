import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { clientAs, createTestApp, type TestApp } from '../../testing.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from '../needs/needs.testing.ts';
import { buildCommunity, buildGrid, buildStreet, type CommunityRef, type GridRef } from '../territory/testing.ts';
import type { CommonNeedDetail as CommonNeedDetailSchema, SuggestionList as SuggestionListSchema, ThreeLists as ThreeListsSchema } from './commonneeds.schemas.ts';

type ThreeLists = Static<typeof ThreeListsSchema>;
type SuggestionList = Static<typeof SuggestionListSchema>;
type CommonNeedDetail = Static<typeof CommonNeedDetailSchema>;

let t: TestApp;
let w: NeedWorld;
let other: CommunityRef;
let otherGrid: GridRef;
let secondGrid: GridRef;
type C = Awaited<ReturnType<typeof clientAs>>;
let admin: C, worker: C, gridWorker: C, otherAdmin: C;

async function resource(o: { name: string; communityId?: string | null; streetId?: string | null; categories?: string[]; status?: 'active' | 'archived' }) {
  const id = newId();
  await t.db
    .insertInto('resources')
    .values({
      district_id: w.district.id,
      id,
      kind: 'volunteer_team',
      name: o.name,
      owner_type: 'other',
      owner_name: '测试',
      street_id: o.streetId ?? (o.communityId ? w.street.id : null),
      community_id: o.communityId ?? null,
      categories: o.categories ?? [],
      weekly_windows: '[]',
      status: o.status ?? 'active',
    })
    .execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  other = await buildCommunity(t.db, { street: w.street });
  otherGrid = await buildGrid(t.db, { community: other });
  secondGrid = await buildGrid(t.db, { community: w.community });
  const d = w.district.id;
  admin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: w.community.id, districtId: d }]);
  worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: d }]);
  gridWorker = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: d }]);
  otherAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: other.id, districtId: d }]);
});
afterAll(() => t.close());

describe('suggestions', () => {
  it('groups accepted, ungrouped needs by category and place, with counts', async () => {
    const lighting = w.category('facility_lighting');
    const elevator = w.category('facility_elevator');
    const grid1 = [await buildNeed(t.db, w, { state: 'accepted', category_id: lighting, beneficiaries: 2 }), await buildNeed(t.db, w, { state: 'accepted', category_id: lighting })];
    const grid2 = await buildNeed(t.db, w, { state: 'accepted', category_id: lighting, grid_id: secondGrid.id, household: null });
    const elevators = [
      await buildNeed(t.db, w, { state: 'accepted', category_id: elevator, beneficiaries: 30 }),
      await buildNeed(t.db, w, { state: 'accepted', category_id: elevator, beneficiaries: 20 }),
    ];
    // Not material: a single need, needs not accepted, already pooled, or in another community.
    await buildNeed(t.db, w, { state: 'accepted', category_id: w.category('safety') });
    await buildNeed(t.db, w, { state: 'reported', category_id: lighting });
    await buildNeed(t.db, w, { state: 'in_progress', category_id: elevator });
    await buildNeed(t.db, w, { state: 'accepted', category_id: elevator, household: null, community_id: other.id, grid_id: otherGrid.id });

    const res = await admin.get(`/api/v1/common-needs/suggestions?communityId=${w.community.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<SuggestionList>().items.map((g) => ({ ...g, needIds: [...g.needIds].sort() }));
    expect(items).toEqual([
      { categoryId: lighting, categoryCode: 'facility_lighting', categoryName: '楼道照明', gridId: null, needCount: 3, beneficiaryCount: 4, needIds: [...grid1, grid2].sort() },
      { categoryId: elevator, categoryCode: 'facility_elevator', categoryName: '电梯', gridId: w.grid.id, needCount: 2, beneficiaryCount: 50, needIds: [...elevators].sort() },
      { categoryId: lighting, categoryCode: 'facility_lighting', categoryName: '楼道照明', gridId: w.grid.id, needCount: 2, beneficiaryCount: 3, needIds: [...grid1].sort() },
    ]);

    // Once pooled, the needs leave the suggestions.
    const group = (await admin.post('/api/v1/common-needs', { communityId: w.community.id, gridId: w.grid.id, categoryId: elevator, title: '加装电梯', needIds: elevators })).json<CommonNeedDetail>();
    expect(group.beneficiaryCount).toBe(50);
    const after = (await admin.get(`/api/v1/common-needs/suggestions?communityId=${w.community.id}`)).json<SuggestionList>().items;
    expect(after.some((g: { categoryId: string }) => g.categoryId === elevator)).toBe(false);
  });

  it('is for staff who read every need of the community', async () => {
    expect((await worker.get(`/api/v1/common-needs/suggestions?communityId=${w.community.id}`)).statusCode).toBe(200);
    expect((await gridWorker.get(`/api/v1/common-needs/suggestions?communityId=${w.community.id}`)).statusCode).toBe(403);
    expect((await otherAdmin.get(`/api/v1/common-needs/suggestions?communityId=${w.community.id}`)).statusCode).toBe(404);
  });
});

describe('three lists', () => {
  it('shows a community\'s groups, the resources it can draw on, the project candidates and matches', async () => {
    const property = w.category('property_facilities');
    const own = await resource({ name: '社区维修队', communityId: w.community.id, categories: ['property_facilities'] });
    const streetWide = await resource({ name: '街道志愿服务队', streetId: w.street.id, categories: ['property_facilities', 'elderly_care'] });
    const districtWide = await resource({ name: '区物业服务中心', categories: ['property_facilities'] });
    const unrelated = await resource({ name: '社区活动室', communityId: w.community.id, categories: ['culture_activities'] });
    await resource({ name: '已下架的资源', communityId: w.community.id, categories: ['property_facilities'], status: 'archived' });
    const theirs = await resource({ name: '他社区维修队', communityId: other.id, categories: ['property_facilities'] });
    const farStreet = await buildStreet(t.db, { district: w.district });
    const elsewhere = await resource({ name: '别的街道的队伍', streetId: farStreet.id, categories: ['property_facilities'] });

    const n = await buildNeed(t.db, w, { state: 'accepted', category_id: property, beneficiaries: 6 });
    const group = (await admin.post('/api/v1/common-needs', { communityId: w.community.id, categoryId: property, title: '楼道维修', needIds: [n] })).json<CommonNeedDetail>();
    const candidate = (await admin.post('/api/v1/common-needs', { communityId: w.community.id, categoryId: w.category('culture_activities'), title: '暑期托管' })).json<CommonNeedDetail>();
    await admin.patch(`/api/v1/common-needs/${candidate.id}`, { status: 'candidate', projectRef: 'P-1' });
    const foreign = (await otherAdmin.post('/api/v1/common-needs', { communityId: other.id, categoryId: property, title: '他社区的' })).json<CommonNeedDetail>();

    const res = await admin.get(`/api/v1/communities/${w.community.id}/three-lists`);
    expect(res.statusCode, res.body).toBe(200);
    const lists = res.json<ThreeLists>();
    const ids = (xs: { id?: string; commonNeedId?: string }[]) => xs.map((x) => x.id ?? x.commonNeedId).sort();
    // The elevator group of the suggestions test lives in this community too.
    expect(ids(lists.needs)).toEqual(expect.arrayContaining([group.id, candidate.id]));
    expect(lists.needs.every((g) => g.communityId === w.community.id)).toBe(true);
    expect(lists.needs.find((g) => g.id === group.id)?.beneficiaryCount).toBe(6);
    expect(ids(lists.resources)).toEqual([own, streetWide, districtWide, unrelated].sort());
    expect(lists.resources).not.toContainEqual(expect.objectContaining({ id: theirs }));
    expect(lists.resources).not.toContainEqual(expect.objectContaining({ id: elsewhere }));
    expect(lists.projects).toEqual([{ commonNeedId: candidate.id, title: '暑期托管', status: 'candidate', projectRef: 'P-1', beneficiaryCount: 0 }]);
    const matchOf = (id: string) => lists.matches.find((m) => m.commonNeedId === id)?.resources ?? [];
    // Own community first, then the street, then the district; resources of other categories are not suggested.
    expect(matchOf(group.id).map((r) => r.id)).toEqual([own, streetWide, districtWide]);
    expect(matchOf(group.id)[0]?.reasons).toEqual(['category', 'same_community', 'available']);
    expect(matchOf(candidate.id).map((r) => r.id)).toEqual([unrelated]);
    expect(ids(lists.needs)).not.toContain(foreign.id);

    const detail = (await admin.get(`/api/v1/common-needs/${group.id}`)).json<CommonNeedDetail>();
    expect(detail.suggestedResources.map((r: { id: string }) => r.id)).toEqual([own, streetWide, districtWide]);

    expect((await gridWorker.get(`/api/v1/communities/${w.community.id}/three-lists`)).statusCode).toBe(200);
    const theirLists = (await otherAdmin.get(`/api/v1/communities/${other.id}/three-lists`)).json<ThreeLists>();
    expect(ids(theirLists.needs)).toEqual([foreign.id]);
    expect(theirLists.resources.map((r) => r.id)).not.toContain(own);
  });

  it('answers 404 for a community outside the caller\'s scope or unknown', async () => {
    expect((await otherAdmin.get(`/api/v1/communities/${w.community.id}/three-lists`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/communities/${newId()}/three-lists`)).statusCode).toBe(404);
  });
});
