import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, type ErrorBody, type Page, type TestApp } from '../../testing.ts';
import type { CommonNeedView } from '../commonneeds/commonneeds.schemas.ts';
import type { NeedDetail } from '../needs/needs.schemas.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from '../needs/needs.testing.ts';
import { buildCommunity, buildDistrict, buildGrid, buildHousehold, buildStreet, type CommunityRef, type GridRef } from '../territory/testing.ts';
import type { CommitmentView, ProjectDetail, ProjectView } from './projects.schemas.ts';

let t: TestApp;
let w: NeedWorld;
let qb: CommunityRef, qbGrid: GridRef, far: CommunityRef, farGrid: GridRef;
type C = Awaited<ReturnType<typeof clientAs>>;
let zhou: C, qbAdmin: C, street: C, street2: C, district: C, district2: C, farStreet: C, farAdmin: C, worker: C, resident: C, stranger: C;
let kitchen: string, strangerResource: string;

const MEALS = () => w.category('elderly_meals');

async function resourceIn(districtId: string, streetId: string | null, name: string) {
  const id = newId();
  await t.db.insertInto('resources').values({ district_id: districtId, id, kind: 'venue', name, owner_type: 'other', street_id: streetId }).execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  qb = await buildCommunity(t.db, { street: w.street, name: '桥北社区' });
  qbGrid = await buildGrid(t.db, { community: qb });
  const farS = await buildStreet(t.db, { district: w.district });
  far = await buildCommunity(t.db, { street: { id: farS.id, districtId: w.district.id } });
  farGrid = await buildGrid(t.db, { community: far });
  const d = w.district.id;
  zhou = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: w.community.id, districtId: d }]);
  worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: d }]);
  qbAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: qb.id, districtId: d }]);
  street = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: w.street.id, districtId: d }]);
  street2 = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: w.street.id, districtId: d }]);
  district = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d, districtId: d }]);
  district2 = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d, districtId: d }]);
  farStreet = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: farS.id, districtId: d }]);
  farAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: far.id, districtId: d }]);
  resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: d }]);
  const other = await buildDistrict(t.db);
  stranger = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: other.id, districtId: other.id }]);
  kitchen = await resourceIn(d, w.street.id, '党群服务中心厨房');
  strangerResource = await resourceIn(other.id, null, '别区的场地');
});
afterAll(() => t.close());

const meal = (o: Parameters<typeof buildNeed>[2] = {}) => buildNeed(t.db, w, { state: 'accepted', category_id: MEALS(), description: '老人吃饭难', ...o });
async function inQb() {
  const h = await buildHousehold(t.db, { grid: qbGrid });
  return meal({ household: h, community_id: qb.id, grid_id: qbGrid.id });
}

/** Zhou's J community group (two needs of one household, one of another), and the street group holding it and two 桥北 needs. */
async function streetGroup() {
  const j = [await meal(), await meal(), await meal({ household: w.neighbour })];
  const jGroup = (await zhou.post('/api/v1/common-needs', { communityId: w.community.id, categoryId: MEALS(), title: 'J社区助餐', needIds: j })).json<CommonNeedView>();
  const q = [await inQb(), await inQb()];
  const res = await street.post('/api/v1/common-needs', { streetId: w.street.id, categoryId: MEALS(), title: '老年助餐', needIds: q, groupIds: [jGroup.id] });
  expect(res.statusCode, res.body).toBe(201);
  return { jGroup, group: res.json<CommonNeedView>(), jNeeds: j, qbNeeds: q };
}

const draftBody = (commonNeedIds: string[], o: Record<string, unknown> = {}) => ({
  commonNeedIds, title: '幸福食堂', objectives: '为老人提供午餐', budgetFen: 18_000_000, fundingSource: 'government_purchase', purchaserLevel: 'district', ...o,
});

async function draft(c: C, ids: string[], o: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/projects', draftBody(ids, o));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ProjectView>();
}

const act = (c: C, id: string, action: string, reason?: string) => c.post(`/api/v1/projects/${id}/transitions`, { action, ...(reason !== undefined && { reason }) });
const group = async (c: C, id: string) => (await c.get(`/api/v1/common-needs/${id}`)).json<CommonNeedView>();

describe('common needs across communities', () => {
  it('a street group holds a community group and needs of another community; households are counted once', async () => {
    const { jGroup, group: g } = await streetGroup();
    expect(g).toMatchObject({ level: 'street', streetId: w.street.id, communityId: null, memberCount: 5, householdCount: 4 });
    expect([...g.coveredCommunityIds].sort()).toEqual([w.community.id, qb.id].sort());
    // Zhou's group stays, with its members, inside the street group.
    expect(await group(zhou, jGroup.id)).toMatchObject({ level: 'community', parentId: g.id, memberCount: 3, householdCount: 2 });
  });

  it('is read by the communities it covers and the officers above; changed only by its officers', async () => {
    const { group: g } = await streetGroup();
    for (const c of [zhou, qbAdmin, worker, street, district]) expect((await c.get(`/api/v1/common-needs/${g.id}`)).statusCode).toBe(200);
    for (const c of [farAdmin, farStreet, stranger]) expect((await c.get(`/api/v1/common-needs/${g.id}`)).statusCode).toBe(404);
    expect((await group(zhou, g.id)).allowedActions).toEqual([]);
    expect((await group(street, g.id)).allowedActions).toEqual(['update', 'pool', 'group']);
    expect((await zhou.post(`/api/v1/common-needs/${g.id}/needs`, { needId: await meal() })).statusCode).toBe(403);
    const listed = (await qbAdmin.get('/api/v1/common-needs?limit=100')).json<Page<CommonNeedView>>().items.map((x) => x.id);
    expect(listed).toContain(g.id);
    expect((await farAdmin.get('/api/v1/common-needs?limit=100')).json<Page<CommonNeedView>>().items.map((x) => x.id)).not.toContain(g.id);
  });

  it('only officers form a street group, and it takes only needs of its own street and category', async () => {
    // A community admin does not reach the street's groups at all: the street answers like a missing one.
    const res = await zhou.post('/api/v1/common-needs', { streetId: w.street.id, categoryId: MEALS(), title: 'x' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'streetId' })]);
    expect((await district.post('/api/v1/common-needs', { communityId: w.community.id, categoryId: MEALS(), title: 'x' })).statusCode).toBe(403);
    const both = await street.post('/api/v1/common-needs', { streetId: w.street.id, communityId: w.community.id, categoryId: MEALS(), title: 'x' });
    expect(both.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'communityId', code: 'common_need.one_place' })]);
    const g = (await street.post('/api/v1/common-needs', { streetId: w.street.id, categoryId: MEALS(), title: '助餐' })).json<CommonNeedView>();
    const farNeed = await meal({ household: null, street_id: far.streetId, community_id: far.id, grid_id: farGrid.id });
    const farRes = await district.post(`/api/v1/common-needs/${g.id}/needs`, { needId: farNeed });
    expect(farRes.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'commonNeedId', code: 'need.bad_common_need' })]);
    const mine = await street.post(`/api/v1/common-needs/${g.id}/needs`, { needId: await meal({ category_id: w.category('property_facilities') }) });
    expect(mine.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'commonNeedId', code: 'need.bad_common_need' })]);
  });

  it('adds a community group later, once', async () => {
    const jGroup = (await zhou.post('/api/v1/common-needs', { communityId: w.community.id, categoryId: MEALS(), title: 'J', needIds: [await meal()] })).json<CommonNeedView>();
    const g = (await street.post('/api/v1/common-needs', { streetId: w.street.id, categoryId: MEALS(), title: '助餐' })).json<CommonNeedView>();
    const audits = await auditCount(t.db, 'common_need.group');
    const res = await street.post(`/api/v1/common-needs/${g.id}/groups`, { commonNeedId: jGroup.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CommonNeedView>()).toMatchObject({ memberCount: 1, householdCount: 1 });
    expect(await auditCount(t.db, 'common_need.group')).toBe(audits + 1);
    expect((await street.post(`/api/v1/common-needs/${g.id}/groups`, { commonNeedId: jGroup.id })).statusCode).toBe(400);
    expect((await zhou.post(`/api/v1/common-needs/${g.id}/groups`, { commonNeedId: jGroup.id })).statusCode).toBe(403);
  });
});

describe('projects from common needs', () => {
  it('drafts 幸福食堂 from the street group: numbered, the needs it answers listed, groups projected, audited', async () => {
    const { jGroup, group: g, jNeeds, qbNeeds } = await streetGroup();
    const audits = await auditCount(t.db, 'project.create');
    const p = await draft(street, [g.id]);
    expect(p).toMatchObject({ status: 'draft', budgetFen: 18_000_000, purchaserLevel: 'district', streetIds: [w.street.id] });
    expect(p.refNo).toMatch(/^P-20\d\d-\d{4}$/);
    expect(await auditCount(t.db, 'project.create')).toBe(audits + 1);
    const detail = (await street.get(`/api/v1/projects/${p.id}`)).json<ProjectDetail>();
    expect(detail.needs.map((n) => n.id).sort()).toEqual([...jNeeds, ...qbNeeds].sort());
    expect(detail).toMatchObject({ householdCount: 4 });
    expect([...detail.communityIds].sort()).toEqual([w.community.id, qb.id].sort());
    expect(detail.timeline.map((e) => e.action)).toEqual(['create']);
    expect(await group(street, g.id)).toMatchObject({ status: 'projected', projectRef: p.refNo });
    expect(await group(zhou, jGroup.id)).toMatchObject({ status: 'projected', projectRef: p.refNo });
    // A projected group takes no more needs and no second project.
    expect((await street.post(`/api/v1/common-needs/${g.id}/needs`, { needId: await inQb() })).statusCode).toBe(403);
    const again = await street.post('/api/v1/projects', draftBody([g.id]));
    expect(again.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'commonNeedIds.0', code: 'project.origin_taken' })]);
  });

  it('numbers projects one after another per district and year', async () => {
    const a = await draft(street, [(await streetGroup()).group.id]);
    const b = await draft(street, [(await streetGroup()).group.id]);
    const n = (ref: string) => Number(ref.slice(-4));
    expect(n(b.refNo)).toBe(n(a.refNo) + 1);
  });

  it('is approved by the funding unit only, never by its drafter', async () => {
    const forDistrict = await draft(street, [(await streetGroup()).group.id]);
    expect((await act(street, forDistrict.id, 'approve')).statusCode).toBe(403);
    expect((await act(street2, forDistrict.id, 'approve')).statusCode).toBe(403);
    const audits = await auditCount(t.db, 'project.approve');
    const ok = await act(district, forDistrict.id, 'approve');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ProjectView>()).toMatchObject({ status: 'approved', approvedBy: district.user.id });
    expect(await auditCount(t.db, 'project.approve')).toBe(audits + 1);
    expect((await act(district, forDistrict.id, 'approve')).statusCode).toBe(409);

    const forStreet = await draft(street, [(await streetGroup()).group.id], { purchaserLevel: 'street', purchaserStreetId: w.street.id });
    expect((await act(street, forStreet.id, 'approve')).statusCode).toBe(403);
    expect((await act(district, forStreet.id, 'approve')).statusCode).toBe(403);
    expect((await act(street2, forStreet.id, 'approve')).json<ProjectView>().status).toBe('approved');

    const byDistrict = await draft(district, [(await streetGroup()).group.id]);
    expect((await act(district, byDistrict.id, 'approve')).statusCode).toBe(403);
    expect((await act(district2, byDistrict.id, 'submit')).json<ProjectView>().status).toBe('submitted');
    expect((await act(district2, byDistrict.id, 'approve')).json<ProjectView>().status).toBe('approved');
  });

  it('a street buys only for its own street', async () => {
    const { group: g } = await streetGroup();
    const res = await district.post('/api/v1/projects', draftBody([g.id], { purchaserLevel: 'street', purchaserStreetId: far.streetId }));
    expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'purchaserStreetId', code: 'project.purchaser_street' })]);
  });

  it('is returned to draft with a reason, edited, and cancelled with a reason, which releases its common needs', async () => {
    const { jGroup, group: g } = await streetGroup();
    const p = await draft(street, [g.id]);
    expect((await act(street, p.id, 'submit')).json<ProjectView>().status).toBe('submitted');
    expect((await street.patch(`/api/v1/projects/${p.id}`, { budgetFen: 1 })).statusCode).toBe(403);
    const noReason = await act(district, p.id, 'return', '  ');
    expect(noReason.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'reason', code: 'validation.required' })]);
    expect((await act(district, p.id, 'return', '预算偏高')).json<ProjectView>().status).toBe('draft');
    const edited = await street.patch(`/api/v1/projects/${p.id}`, { budgetFen: 15_000_000 });
    expect(edited.json<ProjectView>().budgetFen).toBe(15_000_000);
    expect((await zhou.patch(`/api/v1/projects/${p.id}`, { budgetFen: 1 })).statusCode).toBe(403);
    const audits = await auditCount(t.db, 'common_need.release');
    expect((await act(street, p.id, 'cancel', '改由社区基金解决')).json<ProjectView>().status).toBe('cancelled');
    expect(await group(street, g.id)).toMatchObject({ status: 'open', projectRef: null });
    expect(await group(zhou, jGroup.id)).toMatchObject({ status: 'open', projectRef: null });
    expect(await auditCount(t.db, 'common_need.release')).toBe(audits + 2);
    const timeline = (await street.get(`/api/v1/projects/${p.id}`)).json<ProjectDetail>().timeline;
    expect(timeline.map((e) => [e.action, e.toStatus, e.reason])).toEqual([
      ['create', 'draft', ''], ['submit', 'submitted', ''], ['return', 'draft', '预算偏高'], ['update', 'draft', ''], ['cancel', 'cancelled', '改由社区基金解决'],
    ]);
    expect((await act(street, p.id, 'cancel', 'x')).statusCode).toBe(409);
    // Released, the groups can go into another project.
    await draft(street, [g.id]);
  });

  it('answers 404 for an id out of scope, in the path and in the body', async () => {
    const p = await draft(street, [(await streetGroup()).group.id]);
    for (const c of [farStreet, farAdmin, stranger]) {
      expect((await c.get(`/api/v1/projects/${p.id}`)).statusCode).toBe(404);
      expect((await act(c, p.id, 'approve')).statusCode).toBe(404);
    }
    expect((await zhou.get(`/api/v1/projects/${p.id}`)).statusCode).toBe(200);
    expect((await farStreet.get('/api/v1/projects?limit=100')).json<Page<ProjectView>>().items.map((x) => x.id)).not.toContain(p.id);
    expect((await qbAdmin.get('/api/v1/projects?limit=100')).json<Page<ProjectView>>().items.map((x) => x.id)).toContain(p.id);
    const { group: g } = await streetGroup();
    const res = await farStreet.post('/api/v1/projects', draftBody([g.id]));
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'commonNeedIds.0', code: 'resource.not_found' })]);
    const commit = await street.post(`/api/v1/projects/${p.id}/commitments`, { resourceId: strangerResource, terms: 'x' });
    expect(commit.statusCode).toBe(404);
    expect(commit.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'resourceId' })]);
  });

  it('lists the projects awaiting the caller\'s approval', async () => {
    const p = await draft(street, [(await streetGroup()).group.id]);
    expect((await district.get('/api/v1/projects?awaitingMe=true&limit=100')).json<Page<ProjectView>>().items.map((x) => x.id)).toContain(p.id);
    expect((await street.get('/api/v1/projects?awaitingMe=true&limit=100')).json<Page<ProjectView>>().items.map((x) => x.id)).not.toContain(p.id);
    // A newer street purchase awaits the street office, not the district's: a page of one is still full.
    const streetBuys = await draft(street2, [(await streetGroup()).group.id], { purchaserLevel: 'street', purchaserStreetId: w.street.id });
    const page = (await district.get('/api/v1/projects?awaitingMe=true&limit=1')).json<Page<ProjectView>>();
    expect(page.items.map((x) => x.id)).toEqual([p.id]);
    expect((await street.get('/api/v1/projects?awaitingMe=true&limit=1')).json<Page<ProjectView>>().items.map((x) => x.id)).toEqual([streetBuys.id]);
  });
});

describe('resources committed', () => {
  it('to a common need and to a project, with terms; withdrawn ones are kept, marked', async () => {
    const { group: g } = await streetGroup();
    const audits = await auditCount(t.db, 'resource_commitment.create');
    const res = await street.post(`/api/v1/common-needs/${g.id}/commitments`, { resourceId: kitchen, terms: '工作日中午免费使用', periodStart: '2027-01-01', periodEnd: '2027-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<CommitmentView>()).toMatchObject({ resourceName: '党群服务中心厨房', terms: '工作日中午免费使用', commonNeedId: g.id, withdrawnAt: null });
    expect(await auditCount(t.db, 'resource_commitment.create')).toBe(audits + 1);
    expect((await zhou.post(`/api/v1/common-needs/${g.id}/commitments`, { resourceId: kitchen, terms: 'x' })).statusCode).toBe(403);
    expect((await zhou.get(`/api/v1/common-needs/${g.id}/commitments`)).json<{ items: CommitmentView[] }>().items).toHaveLength(1);
    const p = await draft(street, [g.id]);
    const own = (await street.post(`/api/v1/projects/${p.id}/commitments`, { resourceId: kitchen, terms: '备餐间' })).json<CommitmentView>();
    expect((await street.get(`/api/v1/projects/${p.id}`)).json<ProjectDetail>().commitments.map((c) => c.terms).sort()).toEqual(['备餐间', '工作日中午免费使用']);
    expect((await farStreet.post(`/api/v1/resource-commitments/${own.id}/withdraw`, {})).statusCode).toBe(404);
    const withdrawn = await street.post(`/api/v1/resource-commitments/${own.id}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<CommitmentView>().withdrawnAt).not.toBeNull();
    expect((await street.post(`/api/v1/resource-commitments/${own.id}/withdraw`, {})).statusCode).toBe(409);
  });
});

describe('the reporter of a need', () => {
  it('sees the project answering their need, and no longer once it is cancelled', async () => {
    const { group: g, jNeeds } = await streetGroup();
    const mine = jNeeds[0]!;
    expect((await resident.get(`/api/v1/needs/${mine}`)).json<NeedDetail>().project).toBeNull();
    const p = await draft(street, [g.id]);
    const seen = await resident.get(`/api/v1/needs/${mine}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json<NeedDetail>().project).toEqual({ id: p.id, refNo: p.refNo, title: '幸福食堂', status: 'draft' });
    await act(street, p.id, 'cancel', '不再需要');
    expect((await resident.get(`/api/v1/needs/${mine}`)).json<NeedDetail>().project).toBeNull();
  });
});
