import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { auditCount, clientAs, createTestApp, type TestApp, type Page } from '../../testing.ts';
import { autoConfirm, escalateOverdue } from './needs.jobs.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { NeedDetail, NeedView, Inbox as InboxSchema } from './needs.schemas.ts';

type Inbox = Static<typeof InboxSchema>;

let t: TestApp;
let w: NeedWorld;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
});
afterAll(() => t.close());

const need = (id: string) => t.db.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('escalation of overdue needs', () => {
  it('raises a need one level when its limit is missed and another when the limit passes again', async () => {
    const now = new Date('2026-11-10T10:00:00+08:00'); // a Tuesday
    const id = await buildNeed(t.db, w, { state: 'reported', urgency: 'urgent', triage_due_at: new Date(now.getTime() - HOUR) });
    const calm = await buildNeed(t.db, w, { state: 'reported', urgency: 'urgent', triage_due_at: new Date(now.getTime() + HOUR) });
    const waiting = await buildNeed(t.db, w, { state: 'waiting', resolve_due_at: new Date(now.getTime() - DAY) });
    const audits = await auditCount(t.db, 'need.escalate');

    expect(await escalateOverdue(t.db, now)).toBeGreaterThanOrEqual(1);
    expect((await need(id)).escalation_level).toBe(1);
    expect((await need(calm)).escalation_level).toBe(0);
    expect((await need(waiting)).escalation_level).toBe(0);
    expect(await auditCount(t.db, 'need.escalate')).toBe(audits + 1);
    const events = await t.db.selectFrom('need_events').selectAll().where('need_id', '=', id).execute();
    expect(events).toEqual([expect.objectContaining({ action: 'escalate', actor_user_id: null, data: expect.objectContaining({ level: 1 }) as unknown })]);

    // Urgent triage is 2 hours: one hour later nothing changes, three hours later the district gets it.
    await escalateOverdue(t.db, new Date(now.getTime() + HOUR));
    expect((await need(id)).escalation_level).toBe(1);
    await escalateOverdue(t.db, new Date(now.getTime() + 3 * HOUR));
    expect((await need(id)).escalation_level).toBe(2);
    await escalateOverdue(t.db, new Date(now.getTime() + 30 * DAY));
    expect((await need(id)).escalation_level).toBe(2);
  });

  it('puts escalated needs in the inbox of the street, and of the district at the second level', async () => {
    const streetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: w.street.id, districtId: w.district.id }]);
    const districtOfficer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: w.district.id }]);
    const one = await buildNeed(t.db, w, { state: 'in_progress', escalation_level: 1, resolve_due_at: new Date(Date.now() - DAY) });
    const two = await buildNeed(t.db, w, { state: 'accepted', escalation_level: 2, resolve_due_at: new Date(Date.now() - 2 * DAY) });
    const streetInbox = (await streetOfficer.get('/api/v1/inbox')).json<Page<NeedView>>().items;
    expect(streetInbox.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([one, two]));
    expect(streetInbox.find((n: { id: string }) => n.id === one)).toMatchObject({ reason: 'escalated', overdue: true });
    const districtInbox = (await districtOfficer.get('/api/v1/inbox')).json<Page<NeedView>>().items.map((n: { id: string }) => n.id);
    expect(districtInbox).toContain(two);
    expect(districtInbox).not.toContain(one);
  });
});

describe('auto-confirmation', () => {
  it('closes resolved needs after the district\'s N days, marked as auto-confirmed, and tells the reporter', async () => {
    const resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: w.district.id }]);
    const now = new Date('2026-11-20T10:00:00+08:00');
    const old = await buildNeed(t.db, w, { state: 'resolved', outcome: 'fully', resolved_at: new Date(now.getTime() - 8 * DAY), reporter_user_id: resident.user.id });
    const recent = await buildNeed(t.db, w, { state: 'resolved', outcome: 'fully', resolved_at: new Date(now.getTime() - 6 * DAY) });
    expect(await autoConfirm(t.db, now)).toBe(1);
    expect(await need(old)).toMatchObject({ state: 'closed', auto_confirmed: true });
    expect((await need(recent)).state).toBe('resolved');
    expect(await auditCount(t.db, 'need.auto_confirm')).toBe(1);
    const view = (await resident.get(`/api/v1/needs/${old}`)).json<NeedDetail>();
    expect(view).toMatchObject({ state: 'closed', autoConfirmed: true });
    expect(view.timeline.at(-1)).toMatchObject({ action: 'auto_confirm', actorUserId: null, toState: 'closed' });
    expect((await resident.get('/api/v1/notifications')).json<Page<NeedView>>().items[0]).toMatchObject({ needId: old, state: 'closed' });

    await t.db.insertInto('need_settings').values({ district_id: w.district.id, auto_confirm_days: 5 }).execute();
    expect(await autoConfirm(t.db, now)).toBe(1);
    expect(await need(recent)).toMatchObject({ state: 'closed', auto_confirmed: true });
  });
});

describe('inbox', () => {
  it('lists what awaits the caller, overdue first then by nearest due time', async () => {
    const { buildCommunity, buildGrid, buildHousehold } = await import('../territory/testing.ts');
    const community = await buildCommunity(t.db, { street: w.street });
    const grid = await buildGrid(t.db, { community });
    const household = await buildHousehold(t.db, { grid });
    const place = { community_id: community.id, grid_id: grid.id, household };
    const worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: community.id, districtId: w.district.id }]);
    const resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: household.id, districtId: w.district.id }]);
    const soon = await buildNeed(t.db, w, { ...place, state: 'reported', triage_due_at: new Date(Date.now() + HOUR) });
    const later = await buildNeed(t.db, w, { ...place, state: 'reported', triage_due_at: new Date(Date.now() + DAY) });
    const overdue = await buildNeed(t.db, w, { ...place, state: 'reported', triage_due_at: new Date(Date.now() - HOUR) });
    const mine = await buildNeed(t.db, w, { ...place, state: 'in_progress', handler_user_id: worker.user.id, resolve_due_at: new Date(Date.now() + 2 * HOUR) });
    await buildNeed(t.db, w, { ...place, state: 'in_progress', resolve_due_at: new Date(Date.now() - DAY) });
    const toConfirm = await buildNeed(t.db, w, { ...place, state: 'resolved', reporter_user_id: resident.user.id });
    // Recorded by staff for the household: its account confirms it too.
    const recorded = await buildNeed(t.db, w, { ...place, state: 'resolved', reporter_user_id: null, resolve_due_at: new Date(Date.now() + DAY) });
    await buildNeed(t.db, w, { state: 'resolved', reporter_user_id: null });

    const items = (await worker.get('/api/v1/inbox')).json<Inbox>().items;
    expect(items.map((n) => n.id)).toEqual([overdue, soon, mine, later]);
    expect(items.map((n) => n.reason)).toEqual(['triage', 'triage', 'handle', 'triage']);
    expect(items[0].overdue).toBe(true);
    const residentItems = (await resident.get('/api/v1/inbox')).json<Page<NeedView>>().items;
    expect(residentItems.map((n: { id: string }) => n.id).sort()).toEqual([toConfirm, recorded].sort());
    expect(residentItems[0]).toMatchObject({ reason: 'confirm', allowedActions: ['confirm', 'dispute'] });
  });
});
