import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, createUser, type ErrorBody, type Page, type TestApp } from '../../testing.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { buildProject } from '../projects/projects.testing.ts';
import { buildCommunity, buildDistrict, buildStreet, type DistrictRef, type StreetRef } from '../territory/testing.ts';
import type { CallDetail, CallView } from './calls.schemas.ts';

type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let district: DistrictRef, street: StreetRef, otherStreet: StreetRef, otherDistrict: DistrictRef;
let districtOfficer: C, streetOfficer: C, otherStreetOfficer: C, otherDistrictOfficer: C, communityAdmin: C, orgAdmin: C, reviewerClient: C, resident: C;
const reviewers: string[] = [];

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  street = await buildStreet(t.db, { district });
  otherStreet = await buildStreet(t.db, { district });
  otherDistrict = await buildDistrict(t.db);
  const d = district.id;
  districtOfficer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d }]);
  streetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId: d }]);
  otherStreetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: otherStreet.id, districtId: d }]);
  otherDistrictOfficer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: otherDistrict.id }]);
  const community = await buildCommunity(t.db, { street });
  communityAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: community.id, districtId: d }]);
  orgAdmin = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: newId() }]);
  reviewerClient = await clientAs(t, [{ role: 'reviewer', scopeType: 'street', scopeId: street.id, districtId: d }]);
  resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: newId(), districtId: d }]);
  for (let i = 0; i < 3; i++) reviewers.push((await createUser(t.db, [{ role: 'reviewer', scopeType: 'district', scopeId: d }], { displayName: `专家${i + 1}` })).id);
});
afterAll(() => t.close());

async function draft(c: C = streetOfficer, body: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/calls', { title: '2027 年公益创投', kind: 'venture_philanthropy', streetId: street.id, themes: ['为老服务'], deadline: inDays(20), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CallDetail>();
}

async function withPanel(call: CallDetail, c: C = streetOfficer) {
  for (const userId of reviewers) expect((await c.post(`/api/v1/calls/${call.id}/panel`, { userId, kind: 'expert' })).statusCode).toBe(200);
}

async function opened() {
  const call = await draft();
  await withPanel(call);
  const res = await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'open' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CallDetail>();
}

describe('drafting a call', () => {
  it('copies the default rules, numbers it per district and year, and audits it', async () => {
    const before = await auditCount(t.db, 'call.create');
    const call = await draft();
    expect(call).toMatchObject({ status: 'draft', issuerLevel: 'street', issuerStreetId: street.id, publicityDays: 7, themes: ['为老服务'] });
    expect(call.refNo).toMatch(new RegExp(`^C-${localDate(new Date()).slice(0, 4)}-\\d{2}$`));
    expect(call.rules.criteria.map((c) => c.maxPoints)).toEqual([30, 25, 20, 15, 10]);
    expect(call.rules).toMatchObject({ trimFrom: 5, passMark: 60, minPanel: 3 });
    expect(call.events.map((e) => [e.action, e.toStatus])).toEqual([['create', 'draft']]);
    expect(call.allowedActions).toEqual(['update', 'panel', 'open', 'cancel']);
    expect(await auditCount(t.db, 'call.create')).toBe(before + 1);
    const second = await draft();
    expect(Number(second.refNo.slice(-2))).toBe(Number(call.refNo.slice(-2)) + 1);
  });

  it('refuses criteria that do not add up to 100 and a deadline in the past, naming the field', async () => {
    const call = await draft();
    const rules = { ...call.rules, criteria: call.rules.criteria.map((c, i) => (i === 0 ? { ...c, maxPoints: 29 } : c)) };
    const res = await streetOfficer.post('/api/v1/calls', { title: 'x', kind: 'government_purchase', streetId: street.id, deadline: inDays(5), rules });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'rules.criteria', code: 'call.criteria_not_100' })]);
    const past = await streetOfficer.patch(`/api/v1/calls/${call.id}`, { deadline: inDays(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'deadline', code: 'call.deadline_past' })]);
  });

  it('takes only reviewers of the call’s area onto the panel', async () => {
    const call = await draft();
    const outsider = await createUser(t.db, [{ role: 'reviewer', scopeType: 'district', scopeId: otherDistrict.id }]);
    const res = await streetOfficer.post(`/api/v1/calls/${call.id}/panel`, { userId: outsider.id, kind: 'juror' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'userId', code: 'resource.not_found' })]);
    const streetReviewer = await createUser(t.db, [{ role: 'reviewer', scopeType: 'street', scopeId: street.id, districtId: district.id }], { displayName: '居民评委' });
    const candidates = async () => (await streetOfficer.get(`/api/v1/calls/${call.id}/panel-candidates`)).json<{ items: { userId: string }[] }>().items.map((c) => c.userId);
    expect(await candidates()).toEqual(expect.arrayContaining([streetReviewer.id, ...reviewers]));
    expect(await candidates()).not.toContain(outsider.id);
    expect((await orgAdmin.get(`/api/v1/calls/${call.id}/panel-candidates`)).statusCode).toBe(404);
    const ok = await streetOfficer.post(`/api/v1/calls/${call.id}/panel`, { userId: streetReviewer.id, kind: 'juror' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<CallDetail>().panel).toEqual([{ userId: streetReviewer.id, displayName: '居民评委', kind: 'juror' }]);
    expect(await candidates()).not.toContain(streetReviewer.id);
    const removed = await streetOfficer.delete(`/api/v1/calls/${call.id}/panel/${streetReviewer.id}`);
    expect([removed.statusCode, removed.json<CallDetail>().panel]).toEqual([200, []]);
  });
});

describe('opening, closing and cancelling', () => {
  it('opens only with something offered and a full panel, then freezes the call', async () => {
    const bare = await draft(streetOfficer, { themes: [] });
    const nothing = await streetOfficer.post(`/api/v1/calls/${bare.id}/transitions`, { action: 'open' });
    expect([nothing.statusCode, nothing.json<ErrorBody>().error.code]).toEqual([409, 'call.nothing_offered']);

    const call = await draft();
    await streetOfficer.post(`/api/v1/calls/${call.id}/panel`, { userId: reviewers[0], kind: 'expert' });
    const small = await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'open' });
    expect([small.statusCode, small.json<ErrorBody>().error.code]).toEqual([409, 'call.panel_too_small']);
    expect(small.json<ErrorBody>().error.message).toContain('3');

    await withPanel(call);
    const open = await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'open' });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json<CallDetail>()).toMatchObject({ status: 'open', allowedActions: ['panel', 'close', 'cancel'] });
    const edit = await streetOfficer.patch(`/api/v1/calls/${call.id}`, { title: '改名' });
    expect([edit.statusCode, edit.json<ErrorBody>().error.code]).toEqual([409, 'call.not_editable']);
  });

  it('does not close before the deadline: applicants keep the time they were given', async () => {
    const call = await opened();
    const res = await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' });
    expect([res.statusCode, res.json<ErrorBody>().error.code]).toEqual([409, 'call.before_deadline']);
    await t.db.updateTable('calls').set({ deadline: new Date(Date.now() - 1000) }).where('id', '=', call.id).execute();
    const closed = await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' });
    expect(closed.statusCode, closed.body).toBe(200);
    // The panel sits: members may join (to replace one who stepped out) but nobody leaves.
    expect(closed.json<CallDetail>()).toMatchObject({ status: 'closed', allowedActions: ['panel', 'rank', 'cancel'] });
    const late = await streetOfficer.delete(`/api/v1/calls/${call.id}/panel/${reviewers[0]}`);
    expect([late.statusCode, late.json<ErrorBody>().error.code]).toEqual([409, 'call.not_editable']);
  });

  it('cancels with a reason only, and the timeline keeps it', async () => {
    const call = await opened();
    const none = await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'cancel' });
    expect(none.statusCode).toBe(400);
    const res = await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'cancel', reason: '资金调整' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CallDetail>().events.map((e) => [e.action, e.fromStatus, e.toStatus, e.reason])).toEqual([
      ['create', null, 'draft', ''],
      ['open', 'draft', 'open', ''],
      ['cancel', 'open', 'cancelled', '资金调整'],
    ]);
    const again = await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'open' });
    expect([again.statusCode, again.json<ErrorBody>().error.code]).toEqual([409, 'call.invalid_transition']);
  });
});

describe('who may do what (written out, not read from the policy)', () => {
  type Who = 'districtOfficer' | 'streetOfficer' | 'otherStreetOfficer' | 'otherDistrictOfficer' | 'communityAdmin' | 'orgAdmin' | 'reviewer' | 'resident';
  const client = (w: Who): C => ({ districtOfficer, streetOfficer, otherStreetOfficer, otherDistrictOfficer, communityAdmin, orgAdmin, reviewer: reviewerClient, resident })[w];
  // Status codes for a street call of `street`. 404: cannot see it (for createHere: cannot see
  // the street named in the body); 403: sees it, may not act.
  const table: [Who, { readDraft: number; readOpen: number; createHere: number; updateDraft: number; openDraft: number; cancelOpen: number }][] = [
    ['streetOfficer', { readDraft: 200, readOpen: 200, createHere: 201, updateDraft: 200, openDraft: 200, cancelOpen: 200 }],
    ['districtOfficer', { readDraft: 200, readOpen: 200, createHere: 403, updateDraft: 403, openDraft: 403, cancelOpen: 403 }],
    ['otherStreetOfficer', { readDraft: 404, readOpen: 200, createHere: 404, updateDraft: 404, openDraft: 404, cancelOpen: 403 }],
    ['otherDistrictOfficer', { readDraft: 404, readOpen: 200, createHere: 404, updateDraft: 404, openDraft: 404, cancelOpen: 403 }],
    ['communityAdmin', { readDraft: 404, readOpen: 200, createHere: 403, updateDraft: 404, openDraft: 404, cancelOpen: 403 }],
    ['orgAdmin', { readDraft: 404, readOpen: 200, createHere: 404, updateDraft: 404, openDraft: 404, cancelOpen: 403 }],
    ['reviewer', { readDraft: 404, readOpen: 200, createHere: 403, updateDraft: 404, openDraft: 404, cancelOpen: 403 }],
    ['resident', { readDraft: 404, readOpen: 200, createHere: 404, updateDraft: 404, openDraft: 404, cancelOpen: 403 }],
  ];
  for (const [who, expected] of table) {
    it(who, async () => {
      const c = client(who);
      const d = await draft();
      await withPanel(d);
      const o = await opened();
      const got = {
        readDraft: (await c.get(`/api/v1/calls/${d.id}`)).statusCode,
        readOpen: (await c.get(`/api/v1/calls/${o.id}`)).statusCode,
        createHere: (await c.post('/api/v1/calls', { title: 'x', kind: 'government_purchase', streetId: street.id, themes: ['t'], deadline: inDays(9) })).statusCode,
        updateDraft: (await c.patch(`/api/v1/calls/${d.id}`, { title: '新标题' })).statusCode,
        openDraft: (await c.post(`/api/v1/calls/${d.id}/transitions`, { action: 'open' })).statusCode,
        cancelOpen: (await c.post(`/api/v1/calls/${o.id}/transitions`, { action: 'cancel', reason: '测试' })).statusCode,
      };
      expect(got).toEqual(expected);
    });
  }

  it('lists published calls for everyone and drafts only for the offices holding them', async () => {
    const d = await draft();
    const o = await opened();
    const ids = async (c: C) => (await c.get('/api/v1/calls?limit=200')).json<Page<CallView>>().items.map((i) => i.id);
    expect(await ids(streetOfficer)).toEqual(expect.arrayContaining([d.id, o.id]));
    expect(await ids(districtOfficer)).toEqual(expect.arrayContaining([d.id, o.id]));
    for (const c of [otherStreetOfficer, orgAdmin, resident]) {
      const seen = await ids(c);
      expect(seen).toContain(o.id);
      expect(seen).not.toContain(d.id);
    }
  });

  it('names the panel to the issuing office only', async () => {
    const o = await opened();
    expect((await streetOfficer.get(`/api/v1/calls/${o.id}`)).json<CallDetail>().panel).toHaveLength(3);
    expect((await orgAdmin.get(`/api/v1/calls/${o.id}`)).json<CallDetail>().panel).toBeNull();
    expect((await reviewerClient.get(`/api/v1/calls/${o.id}`)).json<CallDetail>().panel).toBeNull();
  });
});

describe('default rules (settings)', () => {
  it('are the built-in ones until the district office sets its own; a new version leaves drafted calls as they were', async () => {
    const first = await streetOfficer.get(`/api/v1/call-settings?districtId=${district.id}`);
    expect(first.statusCode, first.body).toBe(200);
    const before = first.json<{ version: number; rules: CallDetail['rules'] }>();
    expect(before.rules.criteria.map((c) => c.id)).toEqual(['need_fit', 'design', 'team', 'budget', 'sustainability']);
    const drafted = await draft();

    const rules = { ...before.rules, passMark: 70, criteria: [{ id: 'fit', name: { 'zh-CN': '契合度', en: 'Fit' }, maxPoints: 100 }] };
    expect((await streetOfficer.put(`/api/v1/call-settings?districtId=${district.id}`, { rules })).statusCode).toBe(403);
    const bad = await districtOfficer.put('/api/v1/call-settings', { rules: { ...rules, criteria: [{ ...rules.criteria[0], maxPoints: 90 }] } });
    expect(bad.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'rules.criteria', code: 'call.criteria_not_100' })]);
    const audits = await auditCount(t.db, 'call_settings.put');
    const put = await districtOfficer.put('/api/v1/call-settings', { rules });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<{ version: number }>().version).toBe(before.version + 1);
    expect(await auditCount(t.db, 'call_settings.put')).toBe(audits + 1);

    const next = await draft();
    expect([next.rules.passMark, next.rules.criteria.length, next.rulesVersion]).toEqual([70, 1, before.version + 1]);
    const old = (await streetOfficer.get(`/api/v1/calls/${drafted.id}`)).json<CallDetail>();
    expect([old.rules.passMark, old.rules.criteria.length, old.rulesVersion]).toEqual([60, 5, before.version]);

    expect((await otherDistrictOfficer.get(`/api/v1/call-settings?districtId=${district.id}`)).statusCode).toBe(404);
    expect((await orgAdmin.get(`/api/v1/call-settings?districtId=${district.id}`)).statusCode).toBe(404);
  });
});

describe('offering projects', () => {
  const project = (purchaser: 'street' | 'district', status: 'approved' | 'draft' = 'approved', d = district, s = street) =>
    buildProject(t.db, { districtId: d.id, streetId: s.id, purchaser, status, createdBy: reviewers[0]! });
  const statusOf = async (id: string) => (await t.db.selectFrom('projects').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  it('takes the issuing office’s approved projects, and they open, close and return with the call', async () => {
    const p = await project('street');
    const call = await draft(streetOfficer, { projectIds: [p.id], themes: [] });
    expect(call.projects.map((x) => [x.id, x.refNo, x.budgetFen, x.status])).toEqual([[p.id, p.refNo, 18_000_000, 'approved']]);
    await withPanel(call);
    expect((await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'open' })).statusCode).toBe(200);
    expect(await statusOf(p.id)).toBe('open');
    const events = await t.db.selectFrom('project_events').select(['action', 'from_status', 'to_status', 'reason']).where('project_id', '=', p.id).execute();
    expect(events).toEqual([{ action: 'open_call', from_status: 'approved', to_status: 'open', reason: call.refNo }]);

    await t.db.updateTable('calls').set({ deadline: new Date(Date.now() - 1000) }).where('id', '=', call.id).execute();
    expect((await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' })).statusCode).toBe(200);
    expect(await statusOf(p.id)).toBe('reviewing');
    expect((await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'cancel', reason: '预算取消' })).statusCode).toBe(200);
    expect(await statusOf(p.id)).toBe('approved');

    // Back to approved, it may be offered again; a draft cancelled leaves its projects as they were.
    const again = await draft(streetOfficer, { projectIds: [p.id] });
    expect((await streetOfficer.post(`/api/v1/calls/${again.id}/transitions`, { action: 'cancel', reason: '重新安排' })).statusCode).toBe(200);
    expect(await statusOf(p.id)).toBe('approved');
  });

  it('refuses projects it may not offer, naming the field', async () => {
    const byDistrict = await project('district');
    const notApproved = await project('street', 'draft');
    const offered = await project('street');
    await draft(streetOfficer, { projectIds: [offered.id] });
    for (const id of [byDistrict.id, notApproved.id, offered.id]) {
      const res = await streetOfficer.post('/api/v1/calls', { title: 'x', kind: 'government_purchase', streetId: street.id, deadline: inDays(9), projectIds: [id] });
      expect([res.statusCode, res.json<ErrorBody>().error.details?.fields]).toEqual([400, [expect.objectContaining({ field: 'projectIds.0', code: 'call.project_not_offerable' })]]);
    }
    const elsewhere = await project('district', 'approved', otherDistrict, await buildStreet(t.db, { district: otherDistrict }));
    const res = await streetOfficer.post('/api/v1/calls', { title: 'x', kind: 'government_purchase', streetId: street.id, deadline: inDays(9), projectIds: [elsewhere.id] });
    expect([res.statusCode, res.json<ErrorBody>().error.details?.fields]).toEqual([404, [expect.objectContaining({ field: 'projectIds.0', code: 'resource.not_found' })]]);
  });

  it('leaves nothing half-done when a project moved meanwhile', async () => {
    const p = await project('street');
    const call = await draft(streetOfficer, { projectIds: [p.id] });
    await withPanel(call);
    await t.db.updateTable('projects').set({ status: 'cancelled' }).where('id', '=', p.id).execute();
    const res = await streetOfficer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'open' });
    expect(res.statusCode).toBe(409);
    expect((await streetOfficer.get(`/api/v1/calls/${call.id}`)).json<CallDetail>().status).toBe('draft');
  });
});
