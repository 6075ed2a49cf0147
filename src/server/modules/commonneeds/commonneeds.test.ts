import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { auditCount, clientAs, createTestApp, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from '../needs/needs.testing.ts';
import { buildCommunity, buildGrid, type CommunityRef, type GridRef } from '../territory/testing.ts';
import type { CommonNeedView, CommonNeedDetail as CommonNeedDetailSchema } from './commonneeds.schemas.ts';
import type { NeedDetail, NeedView } from '../needs/needs.schemas.ts';

type CommonNeedDetail = Static<typeof CommonNeedDetailSchema>;

let t: TestApp;
let w: NeedWorld;
let other: CommunityRef;
let otherGrid: GridRef;
let secondGrid: GridRef;
type C = Awaited<ReturnType<typeof clientAs>>;
let admin: C, worker: C, gridWorker: C, street: C, otherAdmin: C;

const LIGHTING = () => w.category('facility_lighting');
const PROPERTY = () => w.category('property_facilities');

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
  street = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: w.street.id, districtId: d }]);
  otherAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: other.id, districtId: d }]);
});
afterAll(() => t.close());

const accepted = (o: Parameters<typeof buildNeed>[2] = {}) => buildNeed(t.db, w, { state: 'accepted', ...o });
const inOther = (o: Parameters<typeof buildNeed>[2] = {}) =>
  accepted({ household: null, community_id: other.id, grid_id: otherGrid.id, ...o });

async function createGroup(c: C, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/common-needs', { communityId: w.community.id, categoryId: PROPERTY(), title: '楼道灯集中更换', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CommonNeedView>();
}

describe('pooling a need into a common need', () => {
  it('works through the need transition: the need is pooled and its timeline names the group', async () => {
    const group = await createGroup(admin);
    const id = await accepted({ beneficiaries: 3 });
    const audits = await auditCount(t.db, 'need.pool');
    const res = await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'pool', commonNeedId: group.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<NeedView>().state).toBe('pooled');
    const entry = (await admin.get(`/api/v1/needs/${id}`)).json<NeedDetail>().timeline.at(-1);
    expect(entry).toMatchObject({ action: 'pool', fromState: 'accepted', toState: 'pooled', reply: '楼道灯集中更换', note: '' });
    expect(entry?.data).toMatchObject({ common_need_id: group.id });
    expect(await auditCount(t.db, 'need.pool')).toBe(audits + 1);
    const detail = (await admin.get(`/api/v1/common-needs/${group.id}`)).json<CommonNeedDetail>();
    expect(detail).toMatchObject({ memberCount: 1, beneficiaryCount: 3 });
    expect(detail.members.map((m: { id: string }) => m.id)).toEqual([id]);
  });

  it('asks for the group, and the pool transition is offered on accepted needs', async () => {
    const id = await accepted();
    expect((await admin.get(`/api/v1/needs/${id}`)).json<CommonNeedDetail>().allowedActions).toContain('pool');
    const res = await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'pool' });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'commonNeedId', code: 'validation.required' })]);
  });

  it('works through POST /common-needs/:id/needs, and the beneficiary count follows the members', async () => {
    const group = await createGroup(street);
    const a = await accepted({ beneficiaries: 2 });
    const b = await accepted({ beneficiaries: 5, grid_id: secondGrid.id, household: null });
    const first = await admin.post(`/api/v1/common-needs/${group.id}/needs`, { needId: a });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<CommonNeedView>()).toMatchObject({ memberCount: 1, beneficiaryCount: 2 });
    const second = await street.post(`/api/v1/common-needs/${group.id}/needs`, { needId: b, note: '同类问题' });
    expect(second.json<CommonNeedView>()).toMatchObject({ memberCount: 2, beneficiaryCount: 7 });
    const need = (await admin.get(`/api/v1/needs/${b}`)).json<NeedDetail>();
    expect(need.state).toBe('pooled');
    expect(need.timeline.at(-1)).toMatchObject({ action: 'pool', note: '同类问题' });
    // Beneficiaries are never typed: a corrected member count shows at once.
    await t.db.updateTable('needs').set({ beneficiaries: 10 }).where('id', '=', a).execute();
    expect((await admin.get(`/api/v1/common-needs/${group.id}`)).json<CommonNeedDetail>().beneficiaryCount).toBe(15);
    // A pooled need cannot be pooled again.
    expect((await admin.post(`/api/v1/common-needs/${group.id}/needs`, { needId: a })).statusCode).toBe(409);
  });

  it('refuses a need of another category or place, and one the caller cannot see', async () => {
    const group = await createGroup(admin);
    const gridGroup = await createGroup(admin, { gridId: w.grid.id });
    const wrongCategory = await accepted({ category_id: LIGHTING() });
    const res = await admin.post(`/api/v1/common-needs/${group.id}/needs`, { needId: wrongCategory });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'commonNeedId', code: 'need.bad_common_need' });
    const viaTransition = await admin.post(`/api/v1/needs/${wrongCategory}/transitions`, { action: 'pool', commonNeedId: group.id });
    expect(viaTransition.statusCode).toBe(400);
    const otherGridNeed = await accepted({ grid_id: secondGrid.id, household: null });
    expect((await admin.post(`/api/v1/common-needs/${gridGroup.id}/needs`, { needId: otherGridNeed })).statusCode).toBe(400);
    const elsewhere = await inOther();
    expect((await admin.post(`/api/v1/common-needs/${group.id}/needs`, { needId: elsewhere })).statusCode).toBe(404);
    // The street officer sees both communities; the place rule still refuses.
    expect((await street.post(`/api/v1/common-needs/${group.id}/needs`, { needId: elsewhere })).statusCode).toBe(400);
    expect((await street.post(`/api/v1/needs/${elsewhere}/transitions`, { action: 'pool', commonNeedId: group.id })).statusCode).toBe(400);
    const states = await t.db.selectFrom('needs').select('state').where('id', 'in', [wrongCategory, otherGridNeed, elsewhere]).execute();
    expect(states.every((s) => s.state === 'accepted')).toBe(true);
  });

  it('refuses pooling into a group a project has taken over', async () => {
    const group = await createGroup(admin);
    await t.db.updateTable('common_needs').set({ status: 'projected' }).where('id', '=', group.id).execute();
    const id = await accepted();
    expect((await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'pool', commonNeedId: group.id })).statusCode).toBe(400);
    expect((await admin.post(`/api/v1/common-needs/${group.id}/needs`, { needId: id })).statusCode).toBe(403);
  });
});

describe('creating and changing common needs', () => {
  it('pools the given needs at once, and refuses the whole request when one does not fit', async () => {
    const a = await accepted();
    const b = await accepted({ beneficiaries: 4 });
    const created = await createGroup(admin, { needIds: [a, b], description: ' 三栋楼 ' });
    expect(created).toMatchObject({ memberCount: 2, beneficiaryCount: 5, status: 'open', description: '三栋楼', allowedActions: ['update', 'pool'] });
    const c = await accepted();
    const bad = await accepted({ category_id: LIGHTING() });
    const groups = await t.db.selectFrom('common_needs').select('id').execute();
    const audits = await auditCount(t.db, 'common_need.create');
    const res = await admin.post('/api/v1/common-needs', { communityId: w.community.id, categoryId: PROPERTY(), title: 'x', needIds: [c, bad] });
    expect(res.statusCode).toBe(400);
    expect((await t.db.selectFrom('common_needs').select('id').execute()).length).toBe(groups.length);
    expect(await auditCount(t.db, 'common_need.create')).toBe(audits);
    expect((await t.db.selectFrom('needs').select('state').where('id', '=', c).executeTakeFirstOrThrow()).state).toBe('accepted');
  });

  it('answers each command with the group as written — what its page shows but its members and resources', async () => {
    const a = await accepted({ beneficiaries: 3 });
    const b = await accepted({ beneficiaries: 2 });
    const page = async (id: string) => {
      const { members: _m, children: _c, suggestedResources: _r, ...group } = (await admin.get(`/api/v1/common-needs/${id}`)).json<CommonNeedDetail>();
      return group;
    };
    const created = await createGroup(admin, { needIds: [a] });
    expect(created).not.toHaveProperty('members');
    expect(created).toEqual(await page(created.id));
    const pooled = (await admin.post(`/api/v1/common-needs/${created.id}/needs`, { needId: b })).json<CommonNeedView>();
    expect(pooled).toMatchObject({ memberCount: 2, beneficiaryCount: 5 });
    expect(pooled).toEqual(await page(created.id));
    const changed = (await admin.patch(`/api/v1/common-needs/${created.id}`, { status: 'candidate', description: '两栋楼' })).json<CommonNeedView>();
    expect(changed).toMatchObject({ status: 'candidate', description: '两栋楼', memberCount: 2, beneficiaryCount: 5 });
    expect(changed).toEqual(await page(created.id));
  });

  it('lets only the community admin and the street officer form and change groups', async () => {
    const body = { communityId: w.community.id, categoryId: PROPERTY(), title: '加装电梯' };
    expect((await worker.post('/api/v1/common-needs', body)).statusCode).toBe(403);
    // a community or grid the caller may not read answers 404; a grid the street officer sees elsewhere does not fit
    expect((await otherAdmin.post('/api/v1/common-needs', body)).statusCode).toBe(404);
    expect((await admin.post('/api/v1/common-needs', { ...body, gridId: otherGrid.id })).statusCode).toBe(404);
    const misplaced = await street.post('/api/v1/common-needs', { ...body, gridId: otherGrid.id });
    expect(misplaced.statusCode).toBe(400);
    expect(misplaced.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'gridId', code: 'common_need.unknown_grid' });
    const group = await createGroup(admin);
    expect((await worker.patch(`/api/v1/common-needs/${group.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await worker.get(`/api/v1/common-needs/${group.id}`)).json<CommonNeedDetail>().allowedActions).toEqual([]);
    expect((await gridWorker.get(`/api/v1/common-needs/${group.id}`)).statusCode).toBe(200);
    expect((await otherAdmin.get(`/api/v1/common-needs/${group.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.patch(`/api/v1/common-needs/${group.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/common-needs/${newId()}`)).statusCode).toBe(404);
  });

  it('marks a group as project candidate and back, with an audit record; projected groups keep their status', async () => {
    const group = await createGroup(admin);
    const audits = await auditCount(t.db, 'common_need.update');
    const res = await admin.patch(`/api/v1/common-needs/${group.id}`, { status: 'candidate', projectRef: 'P-2026-001' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CommonNeedView>()).toMatchObject({ status: 'candidate', projectRef: 'P-2026-001' });
    expect((await street.patch(`/api/v1/common-needs/${group.id}`, { status: 'open', projectRef: null })).json<CommonNeedView>()).toMatchObject({ status: 'open', projectRef: null });
    expect(await auditCount(t.db, 'common_need.update')).toBe(audits + 2);
    expect((await admin.patch(`/api/v1/common-needs/${group.id}`, { status: 'projected' })).statusCode).toBe(400);
    await t.db.updateTable('common_needs').set({ status: 'projected' }).where('id', '=', group.id).execute();
    const locked = await admin.patch(`/api/v1/common-needs/${group.id}`, { status: 'open' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json<ErrorBody>().error.code).toBe('common_need.status_locked');
    expect((await admin.patch(`/api/v1/common-needs/${group.id}`, { title: '新标题' })).json<CommonNeedView>().title).toBe('新标题');
  });

  it('lists the groups of the caller\'s scope, filtered by community and status', async () => {
    const mine = await createGroup(admin);
    await admin.patch(`/api/v1/common-needs/${mine.id}`, { status: 'candidate' });
    const theirs = (await otherAdmin.post('/api/v1/common-needs', { communityId: other.id, categoryId: PROPERTY(), title: '他社区' })).json<CommonNeedView>();
    const ids = async (c: C, q = '') => (await c.get(`/api/v1/common-needs?limit=200${q}`)).json<Page<CommonNeedView>>().items.map((g: { id: string }) => g.id);
    expect(await ids(admin)).toContain(mine.id);
    expect(await ids(admin)).not.toContain(theirs.id);
    expect(await ids(gridWorker)).toContain(mine.id);
    expect(await ids(street)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(await ids(street, `&communityId=${other.id}`)).toEqual([theirs.id]);
    expect(await ids(admin, '&status=candidate')).toContain(mine.id);
    expect(await ids(admin, '&status=open')).not.toContain(mine.id);
    const page = (await street.get('/api/v1/common-needs?limit=1')).json<Page<CommonNeedView>>();
    expect(page.items).toHaveLength(1);
    const next = (await street.get(`/api/v1/common-needs?limit=1&cursor=${page.nextCursor}`)).json<Page<CommonNeedView>>();
    expect(next.items[0].id < page.items[0].id).toBe(true);
  });
});
