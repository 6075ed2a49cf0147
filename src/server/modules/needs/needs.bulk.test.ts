import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { auditCount, clientAs, createTestApp, createUser, type TestApp } from '../../testing.ts';
import { buildCommunity, buildGrid } from '../territory/testing.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { NeedDetail, BulkTransitionResponse as BulkTransitionResponseSchema } from './needs.schemas.ts';

type BulkTransitionResponse = Static<typeof BulkTransitionResponseSchema>;

type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let w: NeedWorld;
let admin: C;
let otherNeed: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  admin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
  const other = await buildCommunity(t.db, { street: w.street });
  const otherGrid = await buildGrid(t.db, { community: other });
  otherNeed = await buildNeed(t.db, w, { community_id: other.id, grid_id: otherGrid.id, household: null });
});
afterAll(() => t.close());

const stateOf = async (id: string) => (await t.db.selectFrom('needs').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;

describe('bulk triage', () => {
  it('moves each need on its own: two accepted, one illegal, one of another community not found', async () => {
    const a = await buildNeed(t.db, w);
    const b = await buildNeed(t.db, w);
    const done = await buildNeed(t.db, w, { state: 'in_progress' });
    const before = await auditCount(t.db, 'need.accept');
    const res = await admin.post('/api/v1/needs/bulk-transitions', { needIds: [a, done, otherNeed, b], action: 'accept', note: '批量受理' });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json<BulkTransitionResponse>().results;
    expect(results.map((r: { needId: string; ok: boolean }) => [r.needId, r.ok])).toEqual([
      [a, true],
      [done, false],
      [otherNeed, false],
      [b, true],
    ]);
    expect(results[0].need).toMatchObject({ id: a, state: 'accepted' });
    expect(results[0].need).not.toHaveProperty('timeline');
    expect(results[1].error).toMatchObject({ code: 'need.invalid_transition' });
    expect(results[1].error?.message).toBeTruthy();
    expect(results[2]).toEqual({ needId: otherNeed, ok: false, error: { code: 'resource.not_found', message: '未找到该记录' } });
    expect([await stateOf(a), await stateOf(b), await stateOf(done), await stateOf(otherNeed)]).toEqual(['accepted', 'accepted', 'in_progress', 'reported']);
    expect(await auditCount(t.db, 'need.accept')).toBe(before + 2);
    const timeline = (await admin.get(`/api/v1/needs/${b}`)).json<NeedDetail>().timeline;
    expect(timeline.at(-1)).toMatchObject({ action: 'accept', note: '批量受理' });
  });

  it('asks for the fields of the action per need, assigns a handler and merges into a survivor', async () => {
    const r1 = await buildNeed(t.db, w);
    const noReason = (await admin.post('/api/v1/needs/bulk-transitions', { needIds: [r1], action: 'reject' })).json<BulkTransitionResponse>().results[0];
    expect(noReason.ok).toBe(false);
    expect(noReason.error).toMatchObject({ code: 'validation.failed', fields: [expect.objectContaining({ field: 'reason', code: 'validation.required' })] });
    const rejected = (await admin.post('/api/v1/needs/bulk-transitions', { needIds: [r1], action: 'reject', reason: '不属于社区职责' })).json<BulkTransitionResponse>().results[0];
    expect(rejected).toMatchObject({ ok: true, need: { state: 'rejected' } });

    const handler = await createUser(t.db, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
    const [x, y] = [await buildNeed(t.db, w, { state: 'accepted' }), await buildNeed(t.db, w, { state: 'accepted' })];
    const assigned = (await admin.post('/api/v1/needs/bulk-transitions', { needIds: [x, y], action: 'assign', handlerUserId: handler.id })).json<BulkTransitionResponse>().results;
    expect(assigned.map((r) => [r.ok, r.need?.handlerUserId])).toEqual([
      [true, handler.id],
      [true, handler.id],
    ]);

    const survivor = await buildNeed(t.db, w);
    const [d1, d2] = [await buildNeed(t.db, w), await buildNeed(t.db, w)];
    const merged = (await admin.post('/api/v1/needs/bulk-transitions', { needIds: [d1, survivor, d2], action: 'merge', duplicateOf: survivor })).json<BulkTransitionResponse>().results;
    expect(merged.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
    expect(merged[1].error?.code).toBe('validation.failed');
    expect(merged[0].need).toMatchObject({ state: 'merged', mergedIntoId: survivor });
  });

  it('validates the batch and refuses callers who may take the action nowhere', async () => {
    const id = await buildNeed(t.db, w);
    expect((await admin.post('/api/v1/needs/bulk-transitions', { needIds: [], action: 'accept' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/needs/bulk-transitions', { needIds: [id, id], action: 'accept' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/needs/bulk-transitions', { needIds: [id], action: 'resolve' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/needs/bulk-transitions', { needIds: [id], action: 'accept', outcome: 'fully' })).statusCode).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`);
    expect((await admin.post('/api/v1/needs/bulk-transitions', { needIds: many, action: 'accept' })).statusCode).toBe(400);
    const grid = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: w.district.id }]);
    expect((await grid.post('/api/v1/needs/bulk-transitions', { needIds: [id], action: 'accept' })).statusCode).toBe(403);
    expect(await stateOf(id)).toBe('reported');
  });
});
