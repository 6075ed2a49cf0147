import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Static } from 'typebox';
import { auditCount, clientAs, createTestApp, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { buildCommunity, buildGrid, buildHousehold } from '../territory/testing.ts';
import { buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { NeedDetail, NeedView, CalendarList as CalendarListSchema } from './needs.schemas.ts';

type CalendarList = Static<typeof CalendarListSchema>;

let t: TestApp;
let w: NeedWorld;
let worker: Awaited<ReturnType<typeof clientAs>>;
let resident: Awaited<ReturnType<typeof clientAs>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
  resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: w.district.id }]);
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const report = (c: typeof worker, body: Record<string, unknown>) =>
  c.post('/api/v1/needs', { categoryId: w.category('property_facilities'), description: '楼道灯坏了', ...body });

describe('reporting a need', () => {
  it('takes a resident\'s own report and numbers it per district', async () => {
    const res = await report(resident, { source: 'resident', householdId: w.household.id });
    expect(res.statusCode, res.body).toBe(201);
    const need = res.json<NeedDetail>();
    expect(need).toMatchObject({ source: 'resident', reporterUserId: resident.user.id, recordedByUserId: null, state: 'reported', gridId: w.grid.id, communityId: w.community.id, urgency: 'normal' });
    expect(need.refNo).toMatch(/^N-\d{4}-\d{6}$/);
    expect(need.timeline).toEqual([expect.objectContaining({ action: 'report', toState: 'reported', actorUserId: resident.user.id })]);
    const next = (await report(resident, { source: 'resident', householdId: w.household.id, description: '垃圾没人清' })).json<NeedDetail>();
    expect(Number(next.refNo.slice(-6))).toBe(Number(need.refNo.slice(-6)) + 1);
    expect(await auditCount(t.db, 'need.create')).toBeGreaterThanOrEqual(2);
  });

  it('records who took a report on behalf of a resident and requires the channel', async () => {
    const missing = await report(worker, { source: 'staff', householdId: w.household.id });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'intakeChannel', code: 'need.channel_required' });
    const res = await report(worker, { source: 'staff', intakeChannel: 'walk_in', gridId: w.grid.id, point: { lng: 118.701, lat: 32.151 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<NeedDetail>()).toMatchObject({ recordedByUserId: worker.user.id, reporterUserId: null, intakeChannel: 'walk_in', householdId: null, point: { lng: 118.701, lat: 32.151 } });
  });

  it('refuses a resident reporting for another household and staff outside their community', async () => {
    expect((await report(resident, { source: 'resident', householdId: w.neighbour.id })).statusCode).toBe(400);
    expect((await report(resident, { source: 'staff', intakeChannel: 'phone', householdId: w.household.id })).statusCode).toBe(403);
    const other = await buildCommunity(t.db, { street: w.street });
    const otherGrid = await buildGrid(t.db, { community: other });
    const far = await buildHousehold(t.db, { grid: otherGrid });
    const res = await report(worker, { source: 'staff', intakeChannel: 'phone', householdId: far.id });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields[0].code).toBe('need.unknown_place');
  });

  it('counts time limits in working days across the National Day holiday and its make-up Saturday', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-09-30T10:00:00+08:00'));
    const res = await report(worker, { source: 'staff', intakeChannel: 'phone', householdId: w.household.id });
    expect(res.statusCode, res.body).toBe(201);
    // triage 1 working day: 10-01..10-07 off, so Thursday 10-08; resolve 3: 10-08, 10-09, Saturday 10-10 (调休).
    expect(res.json<NeedDetail>()).toMatchObject({ triageDueAt: '2026-10-08T15:59:59.000Z', resolveDueAt: '2026-10-10T15:59:59.000Z', dueAt: '2026-10-08T15:59:59.000Z' });
  });

  it('follows the calendar as edited by the platform admin', async () => {
    const admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
    const officer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: w.district.id }]);
    const days = (await officer.get('/api/v1/calendar-days?year=2026')).json<CalendarList>().items;
    expect(days).toContainEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节调休' });
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect((await officer.request('PUT', '/api/v1/calendar-days/2026-10-08', { kind: 'holiday', name: 'x' })).statusCode).toBe(403);
    const put = await admin.request('PUT', '/api/v1/calendar-days/2026-10-08', { kind: 'holiday', name: '临时休假' });
    expect(put.statusCode, put.body).toBe(200);
    expect(await auditCount(t.db, 'calendar.put')).toBe(1);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-09-30T10:00:00+08:00'));
    const res = await report(worker, { source: 'staff', intakeChannel: 'phone', householdId: w.household.id });
    expect(res.json<NeedDetail>().triageDueAt).toBe('2026-10-09T15:59:59.000Z');
    vi.useRealTimers();
    expect((await admin.delete('/api/v1/calendar-days/2026-10-08')).statusCode).toBe(204);
    expect((await admin.delete('/api/v1/calendar-days/2026-10-08')).statusCode).toBe(404);
  });
});

describe('reading needs', () => {
  it('lists only needs in scope and hides others as not found', async () => {
    const mine = (await report(worker, { source: 'staff', intakeChannel: 'phone', householdId: w.household.id, description: '电梯异响' })).json<NeedDetail>();
    const otherCommunity = await buildCommunity(t.db, { street: w.street });
    const stranger = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: otherCommunity.id, districtId: w.district.id }]);
    expect((await stranger.get(`/api/v1/needs/${mine.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/v1/needs/${mine.id}/transitions`, { action: 'accept' })).statusCode).toBe(404);
    expect((await stranger.get('/api/v1/needs')).json<Page<NeedView>>().items).toEqual([]);
    const listed = (await worker.get(`/api/v1/needs?state=reported&limit=200`)).json<Page<NeedView>>().items.map((n: { id: string }) => n.id);
    expect(listed).toContain(mine.id);
    const neighbour = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.neighbour.id, districtId: w.district.id }]);
    expect((await neighbour.get(`/api/v1/needs/${mine.id}`)).statusCode).toBe(404);
  });

  it('shows a visible need as forbidden to a grid worker who may not triage', async () => {
    const grid = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: w.district.id }]);
    const need = (await report(grid, { source: 'visit', householdId: w.household.id })).json<NeedDetail>();
    expect(need.allowedActions).toEqual([]);
    const res = await grid.post(`/api/v1/needs/${need.id}/transitions`, { action: 'accept' });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('access.forbidden');
  });

  it('filters by overdue and source', async () => {
    const late = (await report(worker, { source: 'council', householdId: w.household.id, description: '议事会提出加装扶手' })).json<NeedDetail>();
    await t.db.updateTable('needs').set({ triage_due_at: new Date(Date.now() - 60_000) }).where('id', '=', late.id).execute();
    const overdue = (await worker.get('/api/v1/needs?overdue=true&limit=200')).json<Page<NeedView>>().items;
    // needs reported under the faked September clock above are overdue too
    expect(overdue.map((n: { id: string }) => n.id)).toContain(late.id);
    expect(overdue.every((n: { overdue: boolean }) => n.overdue)).toBe(true);
    const notOverdue = (await worker.get('/api/v1/needs?overdue=false&limit=200')).json<Page<NeedView>>().items.map((n: { id: string }) => n.id);
    expect(notOverdue).not.toContain(late.id);
    const council = (await worker.get('/api/v1/needs?source=council')).json<Page<NeedView>>().items.map((n: { id: string }) => n.id);
    expect(council).toEqual([late.id]);
  });

  it('pages with a cursor', async () => {
    const first = (await worker.get('/api/v1/needs?limit=2')).json<Page<NeedView>>();
    expect(first.items).toHaveLength(2);
    const second = (await worker.get(`/api/v1/needs?limit=2&cursor=${first.nextCursor}`)).json<Page<NeedView>>();
    expect(second.items[0].id < first.items[1].id).toBe(true);
  });
});

describe('duplicates and merging', () => {
  it('suggests a similar need of the same category and place, and merging makes its reporter follow the survivor', async () => {
    const grid = await buildGrid(t.db, { community: w.community });
    const h1 = await buildHousehold(t.db, { grid });
    const h2 = await buildHousehold(t.db, { grid });
    const r1 = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: h1.id, districtId: w.district.id }]);
    const r2 = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: h2.id, districtId: w.district.id }]);
    const a = (await report(r1, { source: 'resident', householdId: h1.id, description: '三单元楼道的灯坏了，晚上很黑' })).json<NeedDetail>();
    await report(r1, { source: 'resident', householdId: h1.id, description: '小区门口的垃圾桶满了', categoryId: w.category('environment_sanitation') });
    const b = (await report(r2, { source: 'resident', householdId: h2.id, description: '三单元楼道灯坏了好几天' })).json<NeedDetail>();
    expect(b.duplicates).toEqual([expect.objectContaining({ id: a.id, sameHousehold: false })]);
    expect((await worker.get(`/api/v1/needs/${b.id}/duplicates`)).json<Page<NeedView>>().items.map((d: { id: string }) => d.id)).toEqual([a.id]);
    expect((await r2.get(`/api/v1/needs/${a.id}`)).statusCode).toBe(404);

    const merged = await worker.post(`/api/v1/needs/${b.id}/transitions`, { action: 'merge', duplicateOf: a.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json<NeedDetail>()).toMatchObject({ state: 'merged', mergedIntoId: a.id });
    const notes = (await r2.get('/api/v1/notifications')).json<Page<NeedView>>().items;
    expect(notes).toContainEqual(expect.objectContaining({ needId: a.id, kind: 'merged_into' }));
    const survivor = await r2.get(`/api/v1/needs/${a.id}`);
    expect(survivor.statusCode).toBe(200);
    expect(survivor.json<NeedDetail>().allowedActions).toEqual([]);
    await worker.post(`/api/v1/needs/${a.id}/transitions`, { action: 'accept' });
    const after = (await r2.get('/api/v1/notifications?unread=true')).json<Page<NeedView>>().items;
    expect(after[0]).toMatchObject({ needId: a.id, kind: 'state_changed', state: 'accepted' });
    expect((await worker.post(`/api/v1/needs/${a.id}/transitions`, { action: 'merge', duplicateOf: a.id })).statusCode).toBe(400);
  });
});

describe('webhooks for need events', () => {
  it('queues a signed delivery per status change for the district\'s subscribers, without the note', async () => {
    await t.db
      .insertInto('webhook_subscriptions')
      .values({
        district_id: w.district.id,
        id: '01900000-0000-7000-8000-0000000000aa',
        url: 'http://127.0.0.1:9/hook',
        secret_cipher: t.platform.pii.encrypt('s3cret'),
        event_types: ['need.report', 'need.accept'],
      })
      .execute();
    const need = (await report(resident, { source: 'resident', householdId: w.household.id, description: '门禁坏了，王桂芳出不了门' })).json<NeedDetail>();
    await worker.post(`/api/v1/needs/${need.id}/transitions`, { action: 'accept', note: '已联系物业' });
    const deliveries = await t.db
      .selectFrom('webhook_deliveries')
      .select(['event_type', 'payload'])
      .where('district_id', '=', w.district.id)
      .orderBy('created_at')
      .execute();
    const mine = deliveries.filter((d) => JSON.stringify(d.payload).includes(need.id));
    expect(mine.map((d) => d.event_type)).toEqual(['need.report', 'need.accept']);
    expect(mine[1]!.payload).toMatchObject({ type: 'need.accept', data: { needId: need.id, fromState: 'reported', toState: 'accepted' } });
    expect(JSON.stringify(mine)).not.toContain('已联系物业');
    expect(JSON.stringify(mine)).not.toContain('王桂芳');
  });
});
