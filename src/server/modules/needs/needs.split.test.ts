import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceChanged } from '../../platform/cache/reference-cache.ts';
import { subscriptionsKey } from '../../platform/webhooks/webhooks.ts';
import { auditCount, clientAs, createTestApp, type TestApp, type ErrorBody } from '../../testing.ts';
import { buildCommunity, buildHousehold } from '../territory/testing.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { NeedDetail, NeedView } from './needs.schemas.ts';

type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let w: NeedWorld;
let admin: C;
let gridWorker: C;
let resident: C;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  admin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
  gridWorker = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: w.district.id }]);
  resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: w.district.id }]);
});
afterAll(() => t.close());

const meal = () => ({ categoryId: w.category('elderly_meals'), description: '老人吃饭困难，需要助餐', urgency: 'urgent' as const });

describe('splitting a need', () => {
  it('splits the meal part of a reported call into its own need with the same reporter and place', async () => {
    const original = (
      await resident.post('/api/v1/needs', { source: 'resident', householdId: w.household.id, categoryId: w.category('property_facilities'), description: '电梯坏了，老人下不了楼，也吃不上饭' })
    ).json<NeedView>();
    expect(original.allowedActions).not.toContain('split');
    const shown = (await admin.get(`/api/v1/needs/${original.id}`)).json<NeedDetail>();
    expect(shown.allowedActions).toContain('split');
    const audits = await auditCount(t.db, 'need.split');
    await t.db
      .insertInto('webhook_subscriptions')
      .values({ district_id: w.district.id, id: '01900000-0000-7000-8000-0000000000bb', url: 'http://127.0.0.1:9/hook', secret_cipher: t.platform.pii.encrypt('s'), event_types: ['need.split'] })
      .execute();
    await referenceChanged(t.platform, t.db, subscriptionsKey(w.district.id));

    const res = await admin.post(`/api/v1/needs/${original.id}/split`, meal());
    expect(res.statusCode, res.body).toBe(201);
    // The answer is the new need as written; its page reads the timeline and the related needs.
    const written = res.json<NeedView>();
    expect(written).not.toHaveProperty('timeline');
    const part = (await admin.get(`/api/v1/needs/${written.id}`)).json<NeedDetail>();
    const { timeline: _t, duplicates: _d, related: _r, servicePhone: _p, project: _j, ...shownPart } = part;
    expect(written).toEqual(shownPart);
    expect(part).toMatchObject({
      state: 'reported',
      source: 'resident',
      reporterUserId: resident.user.id,
      householdId: w.household.id,
      gridId: w.grid.id,
      categoryId: w.category('elderly_meals'),
      description: '老人吃饭困难，需要助餐',
      urgency: 'urgent',
      splitFromId: original.id,
    });
    expect(part.id).not.toBe(original.id);
    expect(part.refNo).not.toBe(original.refNo);
    // urgent has its own, shorter triage limit
    expect(new Date(part.triageDueAt).getTime()).toBeLessThan(new Date(original.triageDueAt).getTime());
    expect(part.timeline.map((e: { action: string }) => e.action)).toEqual(['report', 'split']);
    expect(part.timeline[1].reply).toBe(original.refNo);
    expect(part.related).toContainEqual(expect.objectContaining({ id: original.id, relation: 'split_from', refNo: original.refNo }));

    const after = (await resident.get(`/api/v1/needs/${original.id}`)).json<NeedDetail>();
    expect(after.state).toBe('reported');
    expect(after.timeline.at(-1)).toMatchObject({ action: 'split', reply: part.refNo });
    expect(after.related).toContainEqual(expect.objectContaining({ id: part.id, relation: 'split_into' }));
    expect(await auditCount(t.db, 'need.split')).toBe(audits + 1);
    const hooks = await t.db.selectFrom('webhook_deliveries').select(['event_type', 'payload']).where('event_type', '=', 'need.split').execute();
    expect(hooks.map((h) => (h.payload as { data: { needId: string } }).data.needId).sort()).toEqual([original.id, part.id].sort());
  });

  it('hands over an accepted need as accepted, with the acceptance on its timeline', async () => {
    const id = await buildNeed(t.db, w, { state: 'accepted', source: 'staff', intake_channel: 'walk_in', recorded_by_user_id: admin.user.id });
    const written = (await admin.post(`/api/v1/needs/${id}/split`, { ...meal(), beneficiaries: 2 })).json<NeedView>();
    expect(written).toMatchObject({ state: 'accepted', source: 'staff', intakeChannel: 'walk_in', recordedByUserId: admin.user.id, beneficiaries: 2, splitFromId: id });
    // The part is accepted: the actions offered with it are those of an accepted need.
    expect([...written.allowedActions].sort()).toEqual(['assign', 'merge', 'pool', 'split']);
    const part = (await admin.get(`/api/v1/needs/${written.id}`)).json<NeedDetail>();
    expect(part.timeline.map((e) => [e.action, e.toState])).toEqual([
      ['report', 'reported'],
      ['accept', 'accepted'],
      ['split', 'accepted'],
    ]);
  });

  it('refuses other states with need.cannot_split, and non-triagers with 403', async () => {
    for (const state of ['in_progress', 'closed', 'merged'] as const) {
      const id = await buildNeed(t.db, w, { state });
      const res = await admin.post(`/api/v1/needs/${id}/split`, meal());
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>().error.code).toBe('need.cannot_split');
      expect((await admin.get(`/api/v1/needs/${id}`)).json<NeedDetail>().allowedActions).not.toContain('split');
    }
    const id = await buildNeed(t.db, w);
    const grid = await gridWorker.post(`/api/v1/needs/${id}/split`, meal());
    expect(grid.statusCode).toBe(403);
    const other = await buildCommunity(t.db, { street: w.street });
    const stranger = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: other.id, districtId: w.district.id }]);
    expect((await stranger.post(`/api/v1/needs/${id}/split`, meal())).statusCode).toBe(404);
    const bad = await admin.post(`/api/v1/needs/${id}/split`, { ...meal(), categoryId: id });
    expect(bad.statusCode).toBe(404);
    expect(bad.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'categoryId', code: 'resource.not_found' });
    const count = await t.db.selectFrom('needs').select('id').where('split_from_id', '=', id).execute();
    expect(count).toEqual([]);
  });
});

describe('related needs on the need page', () => {
  it('lists merged needs both ways and recent needs of the same household the caller may read', async () => {
    const h = await buildHousehold(t.db, { grid: w.grid });
    const survivor = await buildNeed(t.db, w, { household: h, description: '楼道灯坏了' });
    const merged = await buildNeed(t.db, w, { household: h, state: 'merged', merged_into_id: survivor });
    const older = await buildNeed(t.db, w, { household: h, description: '去年的需求', created_at: new Date(Date.now() - 400 * 24 * 3600_000) });
    const recent = await buildNeed(t.db, w, { household: h, category_id: w.category('elderly_care'), description: '需要助餐' });
    const elsewhere = await buildNeed(t.db, w);

    const detail = (await admin.get(`/api/v1/needs/${survivor}`)).json<NeedDetail>();
    const byId = Object.fromEntries(detail.related.map((r) => [r.id, r.relation]));
    expect(byId).toEqual({ [merged]: 'merged_from', [recent]: 'same_household' });
    expect(byId[older]).toBeUndefined();
    expect(byId[elsewhere]).toBeUndefined();
    const recentView = detail.related.find((r) => r.id === recent);
    expect(recentView).toMatchObject({ state: 'reported', description: '需要助餐' });
    expect(recentView?.categoryName).toBeTruthy();
    expect((await admin.get(`/api/v1/needs/${merged}`)).json<NeedDetail>().related).toContainEqual(expect.objectContaining({ id: survivor, relation: 'merged_into' }));

    // A resident of the household sees its needs; a follower of one need sees only what it may read.
    const member = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: h.id, districtId: w.district.id }]);
    expect((await member.get(`/api/v1/needs/${survivor}`)).json<NeedDetail>().related.map((r: { id: string }) => r.id).sort()).toEqual([merged, recent].sort());
    const outsider = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.neighbour.id, districtId: w.district.id }]);
    await t.db.insertInto('need_followers').values({ district_id: w.district.id, need_id: survivor, user_id: outsider.user.id }).execute();
    const seen = await outsider.get(`/api/v1/needs/${survivor}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<NeedDetail>().related).toEqual([]);
  });

  it('shows at most ten needs of the same household', async () => {
    const h = await buildHousehold(t.db, { grid: w.grid });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await buildNeed(t.db, w, { household: h }));
    const related = (await admin.get(`/api/v1/needs/${ids[0]}`)).json<NeedDetail>().related;
    expect(related).toHaveLength(10);
    expect(related.every((r: { relation: string }) => r.relation === 'same_household')).toBe(true);
    expect(related[0].id).toBe(ids[11]);
  });
});
