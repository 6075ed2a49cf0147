import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Static } from 'typebox';
import { referenceChanged } from '../../platform/cache/reference-cache.ts';
import { oneStatementCommand } from '../../platform/http/context.ts';
import { subscriptionsKey } from '../../platform/webhooks/webhooks.ts';
import { anonymousContext, auditCount, clientAs, createTestApp, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { buildCommunity, buildGrid, buildHousehold } from '../territory/testing.ts';
import { buildOrganization } from '../organizations/testing.ts';
import { insertNeed } from './needs.record.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { NeedDetail, NeedView, CalendarList as CalendarListSchema, NotificationView as NotificationSchema } from './needs.schemas.ts';

type CalendarList = Static<typeof CalendarListSchema>;
type NotificationView = Static<typeof NotificationSchema>;

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
    const need = res.json<NeedView>();
    expect(need).toMatchObject({ source: 'resident', reporterUserId: resident.user.id, recordedByUserId: null, state: 'reported', gridId: w.grid.id, communityId: w.community.id, urgency: 'normal' });
    expect(need.refNo).toMatch(/^N-\d{4}-\d{6}$/);
    // The answer is the need as written; its timeline and duplicates are the detail's.
    expect(need).not.toHaveProperty('timeline');
    expect(need).not.toHaveProperty('duplicates');
    const detail = (await resident.get(`/api/v1/needs/${need.id}`)).json<NeedDetail>();
    expect(detail).toMatchObject({ ...need, allowedActions: detail.allowedActions });
    expect(detail.timeline).toEqual([expect.objectContaining({ action: 'report', toState: 'reported', actorUserId: resident.user.id })]);
    const next = (await report(resident, { source: 'resident', householdId: w.household.id, description: '垃圾没人清' })).json<NeedView>();
    expect(Number(next.refNo.slice(-6))).toBe(Number(need.refNo.slice(-6)) + 1);
    expect(await auditCount(t.db, 'need.create')).toBeGreaterThanOrEqual(2);
  });

  it('writes the need, its timeline entry and its audit record in one statement, all or nothing', async () => {
    const need = (await report(resident, { source: 'resident', householdId: w.household.id, description: '电梯异响' })).json<NeedView>();
    const audit = await t.db.selectFrom('audit_log').select(['actor_user_id', 'after']).where('action', '=', 'need.create').where('entity_id', '=', need.id).executeTakeFirstOrThrow();
    // The number the sequence gave is the one the audit record names.
    expect(audit.actor_user_id).toBe(resident.user.id);
    expect(audit.after).toMatchObject({ id: need.id, ref_no: need.refNo, state: 'reported' });
    expect(audit.after).not.toHaveProperty('description');

    const events = async () => Number((await t.db.selectFrom('need_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const [eventsBefore, auditsBefore] = [await events(), await auditCount(t.db, 'need.create')];
    const category = await t.db.selectFrom('need_categories').select('limits').where('id', '=', w.category('property_facilities')).executeTakeFirstOrThrow();
    const ctx = anonymousContext(t);
    // A category that does not exist: the need's row is refused, and with it the rest.
    const unwritable = oneStatementCommand(ctx, (scope) =>
      insertNeed(scope, {
        districtId: w.district.id,
        streetId: w.street.id,
        communityId: w.community.id,
        gridId: w.grid.id,
        householdId: w.household.id,
        buildingId: null,
        category: { id: '01900000-0000-7000-8000-00000000dead', limits: category.limits },
        source: 'staff',
        description: '写不进去',
        actor: { userId: null, displayName: '测试' },
      }),
    );
    await expect(unwritable).rejects.toThrow();
    expect([await events(), await auditCount(t.db, 'need.create')]).toEqual([eventsBefore, auditsBefore]);
  });

  it('records who took a report on behalf of a resident and requires the channel', async () => {
    const missing = await report(worker, { source: 'staff', householdId: w.household.id });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'intakeChannel', code: 'need.channel_required' });
    const res = await report(worker, { source: 'staff', intakeChannel: 'walk_in', gridId: w.grid.id, point: { lng: 118.701, lat: 32.151 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<NeedView>()).toMatchObject({ recordedByUserId: worker.user.id, reporterUserId: null, intakeChannel: 'walk_in', householdId: null, point: { lng: 118.701, lat: 32.151 } });
  });

  it('refuses a resident reporting for another household and staff outside their community', async () => {
    expect((await report(resident, { source: 'resident', householdId: w.neighbour.id })).statusCode).toBe(404);
    expect((await report(resident, { source: 'staff', intakeChannel: 'phone', householdId: w.household.id })).statusCode).toBe(403);
    const other = await buildCommunity(t.db, { street: w.street });
    const otherGrid = await buildGrid(t.db, { community: other });
    const far = await buildHousehold(t.db, { grid: otherGrid });
    const res = await report(worker, { source: 'staff', intakeChannel: 'phone', householdId: far.id });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'householdId', code: 'resource.not_found' });
  });

});

describe('working days from the national calendar, with local edits over it', () => {
  const reportAt = async (instant: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(instant));
    const res = await report(worker, { source: 'staff', intakeChannel: 'phone', householdId: w.household.id });
    vi.useRealTimers();
    expect(res.statusCode, res.body).toBe(201);
    return res.json<NeedView>();
  };

  it('counts time limits in working days across the National Day holiday and its make-up Saturday', async () => {
    // triage 1 working day: 10-01..10-07 off, so Thursday 10-08; resolve 3: 10-08, 10-09, Saturday 10-10 (调休).
    expect(await reportAt('2026-09-30T10:00:00+08:00')).toMatchObject({ triageDueAt: '2026-10-08T15:59:59.000Z', resolveDueAt: '2026-10-10T15:59:59.000Z', dueAt: '2026-10-08T15:59:59.000Z' });
  });

  it('counts the Spring Festival of 2025 (the demo history): the make-up Sunday before it works, 28 Jan–4 Feb rest', async () => {
    // Reported Friday 24 January 2025: triage 1 working day is Sunday 26 January (调休);
    // resolve 3: 26 and 27 January, then Wednesday 5 February after the holiday.
    expect(await reportAt('2025-01-24T10:00:00+08:00')).toMatchObject({ triageDueAt: '2025-01-26T15:59:59.000Z', resolveDueAt: '2025-02-05T15:59:59.000Z' });
  });

  it('counts the Spring Festival of 2026, the latest year the national calendar has', async () => {
    // Reported Friday 13 February 2026: Saturday 14 February is a make-up working day; 15–23 February rest.
    expect(await reportAt('2026-02-13T10:00:00+08:00')).toMatchObject({ triageDueAt: '2026-02-14T15:59:59.000Z', resolveDueAt: '2026-02-25T15:59:59.000Z' });
  });

  it('lists a year\'s national days in the caller\'s language, marked as national', async () => {
    const officer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: w.district.id }]);
    const zh = (await officer.get('/api/v1/calendar-days?year=2025')).json<CalendarList>();
    expect(zh.national).toEqual({ published: true, firstYear: 2024, lastYear: 2026 });
    expect(zh.items).toContainEqual({ date: '2025-01-28', kind: 'holiday', name: '春节', source: 'national' });
    expect(zh.items).toContainEqual({ date: '2025-02-08', kind: 'workday', name: '春节', source: 'national' });
    expect(zh.items.filter((d) => d.kind === 'holiday')).toHaveLength(28);
    expect(zh.items.filter((d) => d.kind === 'workday')).toHaveLength(5);
    expect(zh.items.every((d) => d.source === 'national')).toBe(true);
    officer.lang = 'en';
    const en = (await officer.get('/api/v1/calendar-days?year=2025')).json<CalendarList>();
    officer.lang = undefined;
    expect(en.items).toContainEqual({ date: '2025-01-28', kind: 'holiday', name: 'Spring Festival', source: 'national' });
    const y2024 = (await officer.get('/api/v1/calendar-days?year=2024')).json<CalendarList>().items;
    expect(y2024).toContainEqual({ date: '2024-02-10', kind: 'holiday', name: '春节', source: 'national' });
    const unpublished = (await officer.get('/api/v1/calendar-days?year=2027')).json<CalendarList>();
    expect(unpublished).toEqual({ items: [], national: { published: false, firstYear: 2024, lastYear: 2026 } });
  });

  it('applies the platform admin\'s local edits over the national calendar; removing one returns the date to it', async () => {
    const admin = await clientAs(t, [{ role: 'platform_admin', scopeType: 'platform' }]);
    const officer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: w.district.id }]);
    const day = async (date: string) => (await officer.get(`/api/v1/calendar-days?year=${date.slice(0, 4)}`)).json<CalendarList>().items.find((d) => d.date === date);
    expect((await officer.request('PUT', '/api/v1/calendar-days/2026-10-08', { kind: 'holiday', name: 'x' })).statusCode).toBe(403);

    // A day off of this deployment's own, on a national working day.
    const put = await admin.request('PUT', '/api/v1/calendar-days/2026-10-08', { kind: 'holiday', name: '临时休假' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ date: '2026-10-08', kind: 'holiday', name: '临时休假', source: 'local' });
    expect(await day('2026-10-08')).toEqual({ date: '2026-10-08', kind: 'holiday', name: '临时休假', source: 'local' });
    expect(await auditCount(t.db, 'calendar.put')).toBe(1);
    expect((await reportAt('2026-09-30T10:00:00+08:00')).triageDueAt).toBe('2026-10-09T15:59:59.000Z');

    // Over a national make-up Saturday: the local edit wins until it is removed.
    expect((await admin.request('PUT', '/api/v1/calendar-days/2026-10-10', { kind: 'holiday', name: '不调休' })).statusCode).toBe(200);
    expect(await day('2026-10-10')).toEqual({ date: '2026-10-10', kind: 'holiday', name: '不调休', source: 'local' });
    // resolve 3 working days from Thursday 8 October: 9, (10 now off), 12 and 13 October.
    expect((await reportAt('2026-10-08T10:00:00+08:00')).resolveDueAt).toBe('2026-10-13T15:59:59.000Z');
    expect((await admin.delete('/api/v1/calendar-days/2026-10-10')).statusCode).toBe(204);
    expect(await day('2026-10-10')).toEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节', source: 'national' });
    expect((await reportAt('2026-10-08T10:00:00+08:00')).resolveDueAt).toBe('2026-10-12T15:59:59.000Z');

    expect((await admin.delete('/api/v1/calendar-days/2026-10-08')).statusCode).toBe(204);
    // A national day without a local edit cannot be removed, only edited.
    const national = await admin.delete('/api/v1/calendar-days/2026-10-01');
    expect(national.statusCode).toBe(404);
    expect(national.json<ErrorBody>().error.code).toBe('calendar.not_edited');
    expect(await day('2026-10-01')).toMatchObject({ kind: 'holiday', source: 'national' });
    expect(await auditCount(t.db, 'calendar.delete')).toBe(2);
  });
});

describe('reading needs', () => {
  it('lists only needs in scope and hides others as not found', async () => {
    const mine = (await report(worker, { source: 'staff', intakeChannel: 'phone', householdId: w.household.id, description: '电梯异响' })).json<NeedView>();
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

  it('lists for staff the needs of their scope only, for a resident also those they reported or follow elsewhere', async () => {
    const elsewhere = await buildCommunity(t.db, { street: w.street });
    const farGrid = await buildGrid(t.db, { community: elsewhere });
    const far = await buildHousehold(t.db, { grid: farGrid });
    const away = { community_id: elsewhere.id, grid_id: farGrid.id, household: far };
    const staffReported = await buildNeed(t.db, w, { ...away, reporter_user_id: worker.user.id });
    const staffFollowed = await buildNeed(t.db, w, { ...away });
    const residentReported = await buildNeed(t.db, w, { ...away, reporter_user_id: resident.user.id });
    const residentFollowed = await buildNeed(t.db, w, { ...away });
    await t.db
      .insertInto('need_followers')
      .values([
        { district_id: w.district.id, need_id: staffFollowed, user_id: worker.user.id },
        { district_id: w.district.id, need_id: residentFollowed, user_id: resident.user.id },
      ])
      .execute();
    const listed = async (c: typeof worker) => (await c.get('/api/v1/needs?limit=200')).json<Page<NeedView>>().items.map((n) => n.id);
    // The read rule gives reporting and following to residents: staff see neither in the list nor open them.
    const byWorker = await listed(worker);
    for (const id of [staffReported, staffFollowed]) {
      expect(byWorker).not.toContain(id);
      expect((await worker.get(`/api/v1/needs/${id}`)).statusCode).toBe(404);
    }
    const byResident = await listed(resident);
    for (const id of [residentReported, residentFollowed]) {
      expect(byResident).toContain(id);
      expect((await resident.get(`/api/v1/needs/${id}`)).statusCode).toBe(200);
    }
  });

  it('shows a visible need as forbidden to a grid worker who may not triage', async () => {
    const grid = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: w.district.id }]);
    const need = (await report(grid, { source: 'visit', householdId: w.household.id })).json<NeedView>();
    expect(need.allowedActions).toEqual([]);
    const res = await grid.post(`/api/v1/needs/${need.id}/transitions`, { action: 'accept' });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('access.forbidden');
  });

  it('filters by overdue and source', async () => {
    const late = (await report(worker, { source: 'council', householdId: w.household.id, description: '议事会提出加装扶手' })).json<NeedView>();
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

  it('filters by household, and names the handler', async () => {
    const next = (await report(worker, { source: 'staff', intakeChannel: 'phone', householdId: w.neighbour.id, description: '邻居家水管漏水' })).json<NeedView>();
    await t.db.updateTable('needs').set({ state: 'in_progress', handler_user_id: worker.user.id }).where('id', '=', next.id).execute();
    const items = (await worker.get(`/api/v1/needs?householdId=${w.neighbour.id}&limit=200`)).json<Page<NeedView>>().items;
    expect(items.map((n) => n.id)).toEqual([next.id]);
    expect(items[0]).toMatchObject({ handlerUserId: worker.user.id, handlerName: expect.any(String) as string, referralOrgName: null });
    const name = (await t.db.selectFrom('users').select('display_name').where('id', '=', worker.user.id).executeTakeFirstOrThrow()).display_name;
    expect(items[0]!.handlerName).toBe(name);
  });

  it('tells whoever reads a need the service phone of its community, once the community has one', async () => {
    const mine = (await report(resident, { source: 'resident', householdId: w.household.id, description: '楼下路灯不亮' })).json<NeedView>();
    expect((await resident.get(`/api/v1/needs/${mine.id}`)).json<NeedDetail>().servicePhone).toBeNull();
    await t.db.updateTable('communities').set({ service_phone: '025-58880000' }).where('id', '=', w.community.id).execute();
    expect((await resident.get(`/api/v1/needs/${mine.id}`)).json<NeedDetail>().servicePhone).toBe('025-58880000');
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
    const a = (await report(r1, { source: 'resident', householdId: h1.id, description: '三单元楼道的灯坏了，晚上很黑' })).json<NeedView>();
    await report(r1, { source: 'resident', householdId: h1.id, description: '小区门口的垃圾桶满了', categoryId: w.category('environment_sanitation') });
    // Before the report is made: the other household's need is suggested to staff only, r2 may not open it.
    const before = `/api/v1/needs/duplicates?householdId=${h2.id}&categoryId=${w.category('property_facilities')}&description=${encodeURIComponent('三单元楼道灯坏了好几天')}`;
    expect((await r2.get(before)).json<Page<NeedView>>().items).toEqual([]);
    expect((await worker.get(before)).json<Page<NeedView>>().items).toEqual([expect.objectContaining({ id: a.id, similarity: 0.38, sameHousehold: false })]);
    const b = (await report(r2, { source: 'resident', householdId: h2.id, description: '三单元楼道灯坏了好几天' })).json<NeedView>();
    expect((await worker.get(`/api/v1/needs/${b.id}`)).json<NeedDetail>().duplicates).toEqual([expect.objectContaining({ id: a.id, sameHousehold: false })]);
    expect((await worker.get(`/api/v1/needs/${b.id}/duplicates`)).json<Page<NeedView>>().items.map((d) => d.id)).toEqual([a.id]);
    expect((await r2.get(`/api/v1/needs/${a.id}`)).statusCode).toBe(404);

    const merged = await worker.post(`/api/v1/needs/${b.id}/transitions`, { action: 'merge', duplicateOf: a.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json<NeedDetail>()).toMatchObject({ state: 'merged', mergedIntoId: a.id });
    const notes = (await r2.get('/api/v1/notifications')).json<Page<NotificationView>>().items;
    expect(notes).toContainEqual(expect.objectContaining({ needId: a.id, kind: 'merged_into' }));
    const survivor = await r2.get(`/api/v1/needs/${a.id}`);
    expect(survivor.statusCode).toBe(200);
    expect(survivor.json<NeedDetail>().allowedActions).toEqual([]);
    // The board lists the followed need beside the resident's own, and nothing else of the grid.
    expect((await r2.get('/api/v1/needs')).json<Page<NeedView>>().items.map((n) => n.id).sort()).toEqual([a.id, b.id].sort());
    await worker.post(`/api/v1/needs/${a.id}/transitions`, { action: 'accept' });
    const after = (await r2.get('/api/v1/notifications?unread=true')).json<Page<NeedView>>().items;
    expect(after[0]).toMatchObject({ needId: a.id, kind: 'state_changed', state: 'accepted' });
    expect((await worker.post(`/api/v1/needs/${a.id}/transitions`, { action: 'merge', duplicateOf: a.id })).statusCode).toBe(400);
  });
});

describe('duplicate suggestions are limited to needs the caller may open', () => {
  it('shows a resident and an organization admin only the needs they may read, staff all of their scope', async () => {
    const grid = await buildGrid(t.db, { community: w.community });
    const home = await buildHousehold(t.db, { grid });
    const nextDoor = await buildHousehold(t.db, { grid });
    const org = await buildOrganization(t.db, t.platform.pii, { district: w.district });
    const mine = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: home.id, districtId: w.district.id }]);
    const orgAdmin = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: org.id }]);
    const place = { grid_id: grid.id, category_id: w.category('property_facilities') };
    const own = await buildNeed(t.db, w, { ...place, household: home, description: '二单元楼道的灯坏了，晚上很黑', referral_org_id: org.id, state: 'referred' });
    const ownToo = await buildNeed(t.db, w, { ...place, household: home, description: '二单元楼道灯又坏了' });
    const neighbours = await buildNeed(t.db, w, { ...place, household: nextDoor, description: '二单元楼道的灯坏了好几天' });
    const referred = await buildNeed(t.db, w, { ...place, household: nextDoor, description: '二单元楼道灯坏了，很黑', referral_org_id: org.id, state: 'referred' });
    const ids = async (c: typeof worker, id: string) => {
      const detail = (await c.get(`/api/v1/needs/${id}`)).json<NeedDetail>().duplicates.map((d) => d.id).sort();
      const list = (await c.get(`/api/v1/needs/${id}/duplicates`)).json<Page<NeedView>>().items.map((d) => d.id).sort();
      expect(list).toEqual(detail);
      return detail;
    };
    expect(await ids(worker, own)).toEqual([ownToo, neighbours, referred].sort());
    expect(await ids(mine, own)).toEqual([ownToo]);
    expect(await ids(orgAdmin, own)).toEqual([referred]);
  });
});

describe('duplicate suggestions before a report is made', () => {
  const ask = (c: typeof worker, place: string, description = '楼道灯坏了') =>
    c.get(`/api/v1/needs/duplicates?${place}categoryId=${w.category('property_facilities')}&description=${encodeURIComponent(description)}`);

  it('answers a place the caller may not read like a missing one, and asks for a place', async () => {
    const hidden = await ask(resident, `householdId=${w.neighbour.id}&`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'householdId', code: 'resource.not_found' });
    const nowhere = await ask(worker, '');
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'householdId', code: 'need.place_required' });
  });

  it('finds similar needs of the category at a grid, most similar first, and not the unrelated ones', async () => {
    const grid = await buildGrid(t.db, { community: w.community });
    const home = await buildHousehold(t.db, { grid });
    const place = { grid_id: grid.id, category_id: w.category('property_facilities') };
    const close = await buildNeed(t.db, w, { ...place, household: home, description: '五单元楼道灯坏了' });
    const closer = await buildNeed(t.db, w, { ...place, household: home, description: '五单元楼道的灯坏了' });
    await buildNeed(t.db, w, { ...place, household: home, description: '五单元门口有积水' });
    await buildNeed(t.db, w, { ...place, household: home, description: '五单元楼道的灯坏了', state: 'rejected' });
    await buildNeed(t.db, w, { grid_id: grid.id, category_id: w.category('environment_sanitation'), household: home, description: '五单元楼道的灯坏了' });
    const res = await ask(worker, `gridId=${grid.id}&`, '五单元楼道的灯坏了');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Page<NeedView>>().items).toEqual([
      expect.objectContaining({ id: closer, similarity: 1, sameHousehold: false }),
      // 五单 单元 元楼 楼道 灯坏 坏了 shared, of 7 + 8 - 6 = 9 bigrams.
      expect.objectContaining({ id: close, similarity: 0.67 }),
    ]);
  });
});

describe('webhooks for need events', () => {
  it('queues a signed delivery per status change for the district\'s subscribers, without the note or the reply', async () => {
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
    // Written directly, so announced as the webhook admin does: the app keeps subscriptions in memory.
    await referenceChanged(t.platform, t.db, subscriptionsKey(w.district.id));
    const need = (await report(resident, { source: 'resident', householdId: w.household.id, description: '门禁坏了，王桂芳出不了门' })).json<NeedView>();
    await worker.post(`/api/v1/needs/${need.id}/transitions`, { action: 'accept', note: '已联系物业', reply: '明天上午上门查看' });
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
    expect(JSON.stringify(mine)).not.toContain('明天上午上门查看');
    expect(JSON.stringify(mine)).not.toContain('王桂芳');
  });
});
