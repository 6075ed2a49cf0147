import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/roles.ts';
import { auditCount, clientAs, createTestApp, createUser, type Grant, type TestApp } from '../../testing.ts';
import { buildCommonNeed } from '../commonneeds/commonneeds.testing.ts';
import { buildOrganization } from '../organizations/testing.ts';
import { buildCommunity } from '../territory/testing.ts';
import { TRANSITIONS, type Transition } from './needs.lifecycle.ts';
import { API_ACTIONS } from './needs.policy.ts';
import type { TransitionBody } from './needs.schemas.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';

let t: TestApp;
let w: NeedWorld;
let orgId: string;
let handlerId: string;
const clients = new Map<Role, Awaited<ReturnType<typeof clientAs>>>();

const ROLES_IN_SCOPE: Role[] = ['district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker', 'org_admin', 'resident'];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  orgId = (await buildOrganization(t.db, t.platform.pii, { district: w.district })).id;
  const grants: Record<Role, Grant> = {
    district_officer: { role: 'district_officer', scopeType: 'district', scopeId: w.district.id },
    street_officer: { role: 'street_officer', scopeType: 'street', scopeId: w.street.id, districtId: w.district.id },
    community_admin: { role: 'community_admin', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id },
    community_worker: { role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id },
    grid_worker: { role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: w.district.id },
    org_admin: { role: 'org_admin', scopeType: 'organization', scopeId: orgId },
    resident: { role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: w.district.id },
  } as Record<Role, Grant>;
  for (const role of ROLES_IN_SCOPE) clients.set(role, await clientAs(t, [grants[role]]));
  handlerId = (await createUser(t.db, [grants.community_worker])).id;
});
afterAll(() => t.close());

/** A body carrying every field the transition requires. */
async function bodyFor(tr: Transition): Promise<TransitionBody> {
  const body: TransitionBody = { action: tr.action as TransitionBody['action'] };
  for (const r of tr.requires ?? []) {
    if (r === 'reason') body.reason = '理由';
    if (r === 'duplicateOf') body.duplicateOf = await buildNeed(t.db, w, { state: 'accepted' });
    if (r === 'commonNeed') body.commonNeedId = await buildCommonNeed(t.db, w, handlerId);
    if (r === 'handler') body.handlerUserId = handlerId;
    if (r === 'expectedDate') body.expectedDate = '2099-01-01';
    if (r === 'referralTarget') body.referralDepartment = '区住建局';
    if (r === 'outcome') body.outcome = 'fully';
    if (r === 'answer') body.answer = '已安排';
    if (r === 'rating') body.rating = 5;
  }
  return body;
}

/** A need in the transition's first source state, with the acting user as the party the transition asks for. */
async function needFor(tr: Transition, role: Role, userId: string, asParty: boolean): Promise<string> {
  const other = handlerId;
  return buildNeed(t.db, w, {
    // A resident account of the need's own household counts as its reporter, so a non-party lives next door.
    household: tr.party === 'reporter' && !asParty ? w.neighbour : undefined,
    state: tr.from[0],
    handler_user_id: tr.party === 'handler' && asParty ? userId : other,
    reporter_user_id: tr.party === 'reporter' && asParty ? userId : null,
    referral_org_id: tr.party === 'referral_target' && role === 'org_admin' ? orgId : null,
    referral_department: tr.party === 'referral_target' && role !== 'org_admin' ? '区住建局' : null,
  });
}

const cases = TRANSITIONS.filter((tr) => (API_ACTIONS as string[]).includes(tr.action)).flatMap((tr) =>
  ROLES_IN_SCOPE.map((role) => ({ tr, role, allowed: tr.roles.includes(role) })),
);

describe('who may take each transition (table-driven over TRANSITIONS)', () => {
  it.each(cases.map((c) => [c.tr.action, c.role, c.allowed ? 'allowed' : 'forbidden', c] as const))(
    '%s by %s is %s',
    async (_a, role, _e, c) => {
      const client = clients.get(role)!;
      const id = await needFor(c.tr, role, client.user.id, true);
      const res = await client.post(`/api/v1/needs/${id}/transitions`, await bodyFor(c.tr));
      if (c.allowed) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().state).toBe(c.tr.to);
      } else {
        // org_admin sees only needs referred to its organization; elsewhere the need is not found.
        expect([403, 404]).toContain(res.statusCode);
        if (role !== 'org_admin') expect(res.statusCode).toBe(403);
        const row = await t.db.selectFrom('needs').select('state').where('id', '=', id).executeTakeFirstOrThrow();
        expect(row.state).toBe(c.tr.from[0]);
      }
    },
  );

  const partyCases = TRANSITIONS.filter((tr) => tr.party && tr.party !== 'system' && tr.party !== 'referral_target').flatMap((tr) =>
    tr.roles.filter((r) => ROLES_IN_SCOPE.includes(r)).map((role) => [tr.action, role, tr] as const),
  );
  it.each(partyCases)('%s by a %s who is not the party is forbidden', async (_a, role, tr) => {
    const client = clients.get(role)!;
    const id = await needFor(tr, role, client.user.id, false);
    const res = await client.post(`/api/v1/needs/${id}/transitions`, await bodyFor(tr));
    expect([403, 404]).toContain(res.statusCode);
    if (tr.party === 'handler') expect(res.statusCode).toBe(403);
  });

  it('lets community staff answer a department referral but not one sent to an organization', async () => {
    const worker = clients.get('community_worker')!;
    const toOrg = await buildNeed(t.db, w, { state: 'referred', referral_org_id: orgId });
    expect((await worker.post(`/api/v1/needs/${toOrg}/transitions`, { action: 'answer_referral', answer: 'x' })).statusCode).toBe(403);
    const org = clients.get('org_admin')!;
    const res = await org.post(`/api/v1/needs/${toOrg}/transitions`, { action: 'answer_referral', answer: '我们上门' });
    expect(res.statusCode).toBe(200);
    expect(res.json().referralAnswer).toBe('我们上门');
  });
});

describe('who a need may be assigned to', () => {
  it('lists active staff of its community, street and district to those who may assign it, nearest first', async () => {
    const admin = clients.get('community_admin')!;
    const id = await buildNeed(t.db, w, { state: 'accepted' });
    const disabled = await createUser(t.db, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', disabled.id).execute();
    const res = await admin.get(`/api/v1/needs/${id}/handlers`);
    expect(res.statusCode).toBe(200);
    const items: { userId: string; role: string }[] = res.json().items;
    const ids = items.map((i) => i.userId);
    expect(ids).toEqual(expect.arrayContaining([handlerId, admin.user.id, clients.get('street_officer')!.user.id, clients.get('district_officer')!.user.id]));
    expect(ids).not.toContain(disabled.id);
    expect(ids).not.toContain(clients.get('grid_worker')!.user.id);
    expect(items.findIndex((i) => i.role === 'district_officer')).toBeGreaterThan(items.findIndex((i) => i.role === 'community_worker'));
    for (const role of ['resident', 'grid_worker', 'community_worker'] as Role[]) {
      expect((await clients.get(role)!.get(`/api/v1/needs/${id}/handlers`)).statusCode, role).toBe(403);
    }
    const elsewhere = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: (await buildCommunity(t.db, { street: w.street })).id, districtId: w.district.id }]);
    expect((await elsewhere.get(`/api/v1/needs/${id}/handlers`)).statusCode).toBe(404);
  });
});

describe('refusals change nothing', () => {
  it('answers 409 need.invalid_transition for an action the state does not allow, with no timeline entry or audit', async () => {
    const admin = clients.get('community_admin')!;
    const id = await buildNeed(t.db, w, { state: 'reported' });
    const audits = await auditCount(t.db, 'need.resolve');
    const res = await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'resolve', outcome: 'fully' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('need.invalid_transition');
    const row = await t.db.selectFrom('needs').select(['state', 'outcome']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'reported', outcome: null });
    expect(await t.db.selectFrom('need_events').select('id').where('need_id', '=', id).execute()).toEqual([]);
    expect(await auditCount(t.db, 'need.resolve')).toBe(audits);
  });

  it('answers 400 with the missing fields and keeps the state', async () => {
    const admin = clients.get('community_admin')!;
    const id = await buildNeed(t.db, w, { state: 'reported' });
    const res = await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'reject' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([expect.objectContaining({ field: 'reason', code: 'validation.required' })]);
    const resolved = await buildNeed(t.db, w, { state: 'in_progress', handler_user_id: admin.user.id });
    const unresolved = await admin.post(`/api/v1/needs/${resolved}/transitions`, { action: 'resolve', outcome: 'closed_unresolved' });
    expect(unresolved.statusCode).toBe(400);
    expect(unresolved.json().error.details.fields[0].field).toBe('reason');
    const states = await t.db.selectFrom('needs').select('state').where('id', 'in', [id, resolved]).execute();
    expect(states.map((s) => s.state).sort()).toEqual(['in_progress', 'reported']);
  });

  it('refuses a handler who does not work at the need\'s place', async () => {
    const admin = clients.get('community_admin')!;
    const elsewhere = await buildCommunity(t.db, { street: w.street });
    const stranger = await createUser(t.db, [{ role: 'community_worker', scopeType: 'community', scopeId: elsewhere.id, districtId: w.district.id }]);
    const id = await buildNeed(t.db, w, { state: 'accepted' });
    const res = await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'assign', handlerUserId: stranger.id });
    // the handlers of the need's place are all an assigner sees of its staff: anyone else answers like a missing id
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'handlerUserId', code: 'resource.not_found' });
  });
});

describe('each transition leaves a trace', () => {
  it('writes a timeline entry with actor and note, an audit record, and notifies the reporter', async () => {
    const admin = clients.get('community_admin')!;
    const resident = clients.get('resident')!;
    const id = await buildNeed(t.db, w, { state: 'reported', reporter_user_id: resident.user.id });
    const before = await auditCount(t.db, 'need.accept');
    const res = await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'accept', note: '已受理' });
    expect(res.statusCode).toBe(200);
    const entry = res.json().timeline.at(-1);
    expect(entry).toMatchObject({ action: 'accept', fromState: 'reported', toState: 'accepted', note: '已受理', actorUserId: admin.user.id });
    expect(await auditCount(t.db, 'need.accept')).toBe(before + 1);
    const notes = (await resident.get('/api/v1/notifications')).json().items;
    expect(notes[0]).toMatchObject({ needId: id, kind: 'state_changed', state: 'accepted', readAt: null });
    const read = await resident.post(`/api/v1/notifications/${notes[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await admin.post(`/api/v1/notifications/${notes[0].id}/read`)).statusCode).toBe(404);
  });

  it('treats the resident account bound to the household as the reporter of a need staff recorded for it', async () => {
    const admin = clients.get('community_admin')!;
    const resident = clients.get('resident')!;
    const id = await buildNeed(t.db, w, { state: 'in_progress', source: 'visit', reporter_user_id: null, handler_user_id: admin.user.id });
    await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'resolve', outcome: 'partly', note: '志愿者每周上门' });
    const notes = (await resident.get('/api/v1/notifications')).json().items;
    expect(notes.some((n: { needId: string; state: string }) => n.needId === id && n.state === 'resolved')).toBe(true);
    expect((await resident.get(`/api/v1/needs/${id}`)).json().allowedActions.sort()).toEqual(['confirm', 'dispute']);
    const res = await resident.post(`/api/v1/needs/${id}/transitions`, { action: 'confirm', rating: 4 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'closed', rating: 4 });

    // The neighbour's account neither sees nor confirms it.
    const neighbour = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.neighbour.id, districtId: w.district.id }]);
    const other = await buildNeed(t.db, w, { state: 'resolved', reporter_user_id: null });
    expect((await neighbour.post(`/api/v1/needs/${other}/transitions`, { action: 'confirm', rating: 5 })).statusCode).toBe(404);
  });

  it('walks the whole loop to a rated close and offers only the next actions', async () => {
    const admin = clients.get('community_admin')!;
    const resident = clients.get('resident')!;
    const id = await buildNeed(t.db, w, { state: 'reported', reporter_user_id: resident.user.id });
    expect((await admin.get(`/api/v1/needs/${id}`)).json().allowedActions.sort()).toEqual(['accept', 'merge', 'reject', 'split']);
    const step = async (c: typeof admin, body: object) => {
      const r = await c.post(`/api/v1/needs/${id}/transitions`, body);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    await step(admin, { action: 'accept' });
    await step(admin, { action: 'assign', handlerUserId: admin.user.id });
    await step(admin, { action: 'resolve', outcome: 'partly', note: '换了灯泡' });
    expect((await resident.get(`/api/v1/needs/${id}`)).json().allowedActions.sort()).toEqual(['confirm', 'dispute']);
    await step(resident, { action: 'dispute', reason: '还是不亮' });
    await step(admin, { action: 'assign', handlerUserId: admin.user.id });
    await step(admin, { action: 'resolve', outcome: 'fully' });
    const closed = await step(resident, { action: 'confirm', rating: 4, comment: '谢谢' });
    expect(closed).toMatchObject({ state: 'closed', rating: 4, ratingComment: '谢谢', autoConfirmed: false, outcome: 'fully', allowedActions: [] });
    expect(closed.timeline.map((e: { action: string }) => e.action)).toEqual(['accept', 'assign', 'resolve', 'dispute', 'assign', 'resolve', 'confirm']);
  });
});
