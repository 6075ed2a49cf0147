import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import type { Role } from '../../../common/roles.ts';
import { auditCount, clientAs, createTestApp, createUser, type ErrorBody, type Grant, type Page, type TestApp } from '../../testing.ts';
import { buildCommonNeed } from '../commonneeds/commonneeds.testing.ts';
import { buildOrganization } from '../organizations/testing.ts';
import { buildCommunity, buildDistrict, buildGrid, buildStreet } from '../territory/testing.ts';
import type { NeedState } from './needs.lifecycle.ts';
import { API_ACTIONS, type ApiAction } from './needs.policy.ts';
import type { HandlerList, NeedDetail, NeedView, NotificationView as NotificationSchema, TransitionBody } from './needs.schemas.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';

type NotificationView = Static<typeof NotificationSchema>;

let t: TestApp;
let w: NeedWorld;
let orgId: string;
let handlerId: string;
type Client = Awaited<ReturnType<typeof clientAs>>;
const clients = new Map<Role, Client>();
/** The same roles assigned somewhere that does not cover the need. */
const strangers = new Map<Role, Client>();

const ROLES_IN_SCOPE = ['district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker', 'org_admin', 'resident'] as const;
type PlacedRole = (typeof ROLES_IN_SCOPE)[number];

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  orgId = (await buildOrganization(t.db, t.platform.pii, { district: w.district })).id;
  const grants = (p: { district: string; street: string; community: string; grid: string; org: string; household: string }): Record<PlacedRole, Grant> => ({
    district_officer: { role: 'district_officer', scopeType: 'district', scopeId: p.district },
    street_officer: { role: 'street_officer', scopeType: 'street', scopeId: p.street, districtId: p.district },
    community_admin: { role: 'community_admin', scopeType: 'community', scopeId: p.community, districtId: p.district },
    community_worker: { role: 'community_worker', scopeType: 'community', scopeId: p.community, districtId: p.district },
    grid_worker: { role: 'grid_worker', scopeType: 'grid', scopeId: p.grid, districtId: p.district },
    org_admin: { role: 'org_admin', scopeType: 'organization', scopeId: p.org },
    resident: { role: 'resident', scopeType: 'household', scopeId: p.household, districtId: p.district },
  });
  const here = grants({ district: w.district.id, street: w.street.id, community: w.community.id, grid: w.grid.id, org: orgId, household: w.household.id });
  // Each stranger's scope is the nearest one that does not contain the need: another district,
  // another street or community of the same district, another grid of the same community,
  // another organization, the neighbouring household.
  const otherDistrict = await buildDistrict(t.db);
  const otherStreet = await buildStreet(t.db, { district: w.district });
  const otherCommunity = await buildCommunity(t.db, { street: w.street });
  const otherGrid = await buildGrid(t.db, { community: w.community });
  const otherOrg = await buildOrganization(t.db, t.platform.pii, { district: w.district });
  const there = {
    ...grants({ district: w.district.id, street: otherStreet.id, community: otherCommunity.id, grid: otherGrid.id, org: otherOrg.id, household: w.neighbour.id }),
    district_officer: { role: 'district_officer', scopeType: 'district', scopeId: otherDistrict.id },
  } satisfies Record<PlacedRole, Grant>;
  for (const role of ROLES_IN_SCOPE) {
    clients.set(role, await clientAs(t, [here[role]]));
    strangers.set(role, await clientAs(t, [there[role]]));
  }
  handlerId = (await createUser(t.db, [here.community_worker])).id;
});
afterAll(() => t.close());

/** Each action from a state it leaves, and the state it leads to (DESIGN 3.5). */
const STEPS: Record<ApiAction, { from: NeedState; to: NeedState }> = {
  accept: { from: 'reported', to: 'accepted' },
  reject: { from: 'reported', to: 'rejected' },
  merge: { from: 'reported', to: 'merged' },
  pool: { from: 'accepted', to: 'pooled' },
  assign: { from: 'accepted', to: 'in_progress' },
  wait: { from: 'in_progress', to: 'waiting' },
  resume: { from: 'waiting', to: 'in_progress' },
  refer: { from: 'in_progress', to: 'referred' },
  answer_referral: { from: 'referred', to: 'in_progress' },
  resolve: { from: 'in_progress', to: 'resolved' },
  confirm: { from: 'resolved', to: 'closed' },
  dispute: { from: 'resolved', to: 'reopened' },
};
const ACTIONS = Object.keys(STEPS) as ApiAction[];

/**
 * Who may take each action on a need of their place, being the party the action asks for (the
 * need's handler, its reporter, the target of its referral): 200 done, 403 seen but forbidden,
 * 404 not seen at all (an organization sees only the needs referred to it).
 */
const IN_SCOPE: Record<ApiAction, Record<PlacedRole, 200 | 403 | 404>> = {
  accept: { district_officer: 403, street_officer: 403, community_admin: 200, community_worker: 200, grid_worker: 403, org_admin: 404, resident: 403 },
  reject: { district_officer: 403, street_officer: 403, community_admin: 200, community_worker: 200, grid_worker: 403, org_admin: 404, resident: 403 },
  merge: { district_officer: 403, street_officer: 403, community_admin: 200, community_worker: 200, grid_worker: 403, org_admin: 404, resident: 403 },
  pool: { district_officer: 403, street_officer: 200, community_admin: 200, community_worker: 403, grid_worker: 403, org_admin: 404, resident: 403 },
  assign: { district_officer: 200, street_officer: 200, community_admin: 200, community_worker: 403, grid_worker: 403, org_admin: 404, resident: 403 },
  wait: { district_officer: 200, street_officer: 200, community_admin: 200, community_worker: 200, grid_worker: 403, org_admin: 404, resident: 403 },
  resume: { district_officer: 200, street_officer: 200, community_admin: 200, community_worker: 200, grid_worker: 403, org_admin: 404, resident: 403 },
  refer: { district_officer: 200, street_officer: 200, community_admin: 200, community_worker: 200, grid_worker: 403, org_admin: 404, resident: 403 },
  answer_referral: { district_officer: 403, street_officer: 403, community_admin: 200, community_worker: 200, grid_worker: 403, org_admin: 200, resident: 403 },
  resolve: { district_officer: 200, street_officer: 200, community_admin: 200, community_worker: 200, grid_worker: 403, org_admin: 404, resident: 403 },
  confirm: { district_officer: 403, street_officer: 403, community_admin: 403, community_worker: 403, grid_worker: 403, org_admin: 404, resident: 200 },
  dispute: { district_officer: 403, street_officer: 403, community_admin: 403, community_worker: 403, grid_worker: 403, org_admin: 404, resident: 200 },
};

/** A body carrying every field the action requires. */
async function bodyFor(action: ApiAction): Promise<TransitionBody> {
  const body: TransitionBody = { action };
  if (action === 'reject' || action === 'dispute') body.reason = '理由';
  if (action === 'merge') body.duplicateOf = await buildNeed(t.db, w, { state: 'accepted' });
  if (action === 'pool') body.commonNeedId = await buildCommonNeed(t.db, w, handlerId);
  if (action === 'assign') body.handlerUserId = handlerId;
  if (action === 'wait') Object.assign(body, { reason: '等配件', expectedDate: '2099-01-01' });
  if (action === 'refer') body.referralDepartment = '区住建局';
  if (action === 'resolve') body.outcome = 'fully';
  if (action === 'answer_referral') body.answer = '已安排';
  if (action === 'confirm') body.rating = 5;
  return body;
}

/**
 * A need of the world in the action's source state. With `party`, the acting user is its
 * handler or reporter; a referral goes to the organization when an org_admin acts, else to a
 * department whose answer community staff record.
 */
function needFor(action: ApiAction, actor: { role: PlacedRole; id: string }, party = true, over: Parameters<typeof buildNeed>[2] = {}) {
  const handles = ['wait', 'resume', 'refer', 'resolve'].includes(action) && party;
  const reports = ['confirm', 'dispute'].includes(action) && party;
  const toOrg = action === 'answer_referral' && actor.role === 'org_admin';
  return buildNeed(t.db, w, {
    state: STEPS[action].from,
    handler_user_id: handles ? actor.id : handlerId,
    reporter_user_id: reports ? actor.id : null,
    referral_org_id: toOrg ? orgId : null,
    referral_department: action === 'answer_referral' && !toOrg ? '区住建局' : null,
    ...over,
  });
}

async function act(client: Client, id: string, action: ApiAction) {
  return client.post(`/api/v1/needs/${id}/transitions`, await bodyFor(action));
}

async function stateOf(id: string) {
  return (await t.db.selectFrom('needs').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state;
}

describe('who may take each transition', () => {
  it('states every API action (auto_confirm is the job\'s)', () => {
    expect([...API_ACTIONS].sort()).toEqual([...ACTIONS].sort());
  });

  const inScope = ACTIONS.flatMap((action) => ROLES_IN_SCOPE.map((role) => [action, role, IN_SCOPE[action][role]] as const));
  it.each(inScope)('%s by %s in scope → %i', async (action, role, status) => {
    const client = clients.get(role)!;
    const id = await needFor(action, { role, id: client.user.id });
    const res = await act(client, id, action);
    expect(res.statusCode, res.body).toBe(status);
    if (status === 200) expect(res.json<NeedView>().state).toBe(STEPS[action].to);
    else expect(await stateOf(id)).toBe(STEPS[action].from);
  });

  // Outside their scope nobody sees the need, even as its handler or with a referral sent to
  // their kind of organization: it answers 404 exactly like a missing one.
  const outOfScope = ACTIONS.flatMap((action) => ROLES_IN_SCOPE.map((role) => [action, role] as const));
  it.each(outOfScope)('%s by %s out of scope → 404', async (action, role) => {
    const client = strangers.get(role)!;
    const id = await needFor(action, { role, id: client.user.id }, false, { handler_user_id: client.user.id });
    const res = await act(client, id, action);
    expect(res.statusCode, res.body).toBe(404);
    expect(await stateOf(id)).toBe(STEPS[action].from);
  });
});

describe('party relations', () => {
  // The handler's own actions: staff of the place who may take them, but are not the handler.
  const notTheHandler = (['wait', 'resume', 'refer', 'resolve'] as const).flatMap((action) =>
    (['district_officer', 'street_officer', 'community_admin', 'community_worker'] as const).map((role) => [action, role] as const),
  );
  it.each(notTheHandler)('%s by a %s who is not the handler → 403', async (action, role) => {
    const client = clients.get(role)!;
    const id = await needFor(action, { role, id: client.user.id }, false);
    expect((await act(client, id, action)).statusCode).toBe(403);
    expect(await stateOf(id)).toBe(STEPS[action].from);
  });

  it.each(['confirm', 'dispute'] as const)('%s: the household speaks for a need staff recorded for it; a neighbour does not', async (action) => {
    const resident = clients.get('resident')!;
    const recorded = await needFor(action, { role: 'resident', id: resident.user.id }, false);
    expect((await act(resident, recorded, action)).statusCode).toBe(200);
    const neighbour = strangers.get('resident')!;
    const other = await needFor(action, { role: 'resident', id: resident.user.id }, false);
    expect((await act(neighbour, other, action)).statusCode).toBe(404);
    expect(await stateOf(other)).toBe('resolved');
  });

  it.each(['confirm', 'dispute'] as const)('%s: the reporter answers from wherever they live now', async (action) => {
    const movedAway = strangers.get('resident')!;
    const id = await needFor(action, { role: 'resident', id: movedAway.user.id });
    expect((await act(movedAway, id, action)).statusCode).toBe(200);
  });

  it('lets community staff answer a department referral but not one sent to an organization', async () => {
    for (const role of ['community_admin', 'community_worker'] as const) {
      const toOrg = await buildNeed(t.db, w, { state: 'referred', referral_org_id: orgId });
      expect((await clients.get(role)!.post(`/api/v1/needs/${toOrg}/transitions`, { action: 'answer_referral', answer: 'x' })).statusCode).toBe(403);
      expect(await stateOf(toOrg)).toBe('referred');
    }
    const org = clients.get('org_admin')!;
    const toOrg = await buildNeed(t.db, w, { state: 'referred', referral_org_id: orgId });
    const res = await org.post(`/api/v1/needs/${toOrg}/transitions`, { action: 'answer_referral', answer: '我们上门' });
    expect(res.statusCode).toBe(200);
    expect(res.json<NeedView>().referralAnswer).toBe('我们上门');
    // An organization does not see a referral to a department, nor one to another organization.
    const toDepartment = await buildNeed(t.db, w, { state: 'referred', referral_department: '区住建局' });
    expect((await org.post(`/api/v1/needs/${toDepartment}/transitions`, { action: 'answer_referral', answer: 'x' })).statusCode).toBe(404);
    expect((await strangers.get('org_admin')!.post(`/api/v1/needs/${toOrg}/transitions`, { action: 'answer_referral', answer: 'x' })).statusCode).toBe(404);
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
    const items = res.json<HandlerList>().items;
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
    expect(res.json<ErrorBody>().error.code).toBe('need.invalid_transition');
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
    expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'reason', code: 'validation.required' })]);
    const resolved = await buildNeed(t.db, w, { state: 'in_progress', handler_user_id: admin.user.id });
    const unresolved = await admin.post(`/api/v1/needs/${resolved}/transitions`, { action: 'resolve', outcome: 'closed_unresolved' });
    expect(unresolved.statusCode).toBe(400);
    expect(unresolved.json<ErrorBody>().error.details?.fields[0]?.field).toBe('reason');
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
    expect(res.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'handlerUserId', code: 'resource.not_found' });
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
    const entry = (await admin.get(`/api/v1/needs/${id}`)).json<NeedDetail>().timeline.at(-1);
    expect(entry).toMatchObject({ action: 'accept', fromState: 'reported', toState: 'accepted', note: '已受理', actorUserId: admin.user.id });
    expect(await auditCount(t.db, 'need.accept')).toBe(before + 1);
    const notes = (await resident.get('/api/v1/notifications')).json<Page<NotificationView>>().items;
    expect(notes[0]).toMatchObject({ needId: id, kind: 'state_changed', state: 'accepted', readAt: null });
    const read = await resident.post(`/api/v1/notifications/${notes[0].id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json<NotificationView>().readAt).not.toBeNull();
    expect((await admin.post(`/api/v1/notifications/${notes[0].id}/read`)).statusCode).toBe(404);
  });

  it('treats the resident account bound to the household as the reporter of a need staff recorded for it', async () => {
    const admin = clients.get('community_admin')!;
    const resident = clients.get('resident')!;
    const id = await buildNeed(t.db, w, { state: 'in_progress', source: 'visit', reporter_user_id: null, handler_user_id: admin.user.id });
    await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'resolve', outcome: 'partly', note: '志愿者每周上门' });
    const notes = (await resident.get('/api/v1/notifications')).json<Page<NotificationView>>().items;
    expect(notes.some((n) => n.needId === id && n.state === 'resolved')).toBe(true);
    expect((await resident.get(`/api/v1/needs/${id}`)).json<NeedDetail>().allowedActions.sort()).toEqual(['confirm', 'dispute']);
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
    expect((await admin.get(`/api/v1/needs/${id}`)).json<NeedDetail>().allowedActions.sort()).toEqual(['accept', 'merge', 'reject', 'split']);
    const step = async (c: typeof admin, body: object) => {
      const r = await c.post(`/api/v1/needs/${id}/transitions`, body);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<NeedView>();
    };
    await step(admin, { action: 'accept' });
    await step(admin, { action: 'assign', handlerUserId: admin.user.id });
    await step(admin, { action: 'resolve', outcome: 'partly', note: '换了灯泡' });
    expect((await resident.get(`/api/v1/needs/${id}`)).json<NeedDetail>().allowedActions.sort()).toEqual(['confirm', 'dispute']);
    await step(resident, { action: 'dispute', reason: '还是不亮' });
    await step(admin, { action: 'assign', handlerUserId: admin.user.id });
    await step(admin, { action: 'resolve', outcome: 'fully' });
    const closed = await step(resident, { action: 'confirm', rating: 4, comment: '谢谢' });
    expect(closed).toMatchObject({ state: 'closed', rating: 4, ratingComment: '谢谢', autoConfirmed: false, outcome: 'fully', allowedActions: [] });
    const { timeline } = (await resident.get(`/api/v1/needs/${id}`)).json<NeedDetail>();
    expect(timeline.map((e) => e.action)).toEqual(['accept', 'assign', 'resolve', 'dispute', 'assign', 'resolve', 'confirm']);
  });

  it('names the handler it assigns and the organization it refers to in its answer, as the page then shows them', async () => {
    const admin = clients.get('community_admin')!;
    const id = await buildNeed(t.db, w, { state: 'accepted' });
    const assigned = (await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'assign', handlerUserId: admin.user.id })).json<NeedView>();
    const adminName = (await t.db.selectFrom('users').select('display_name').where('id', '=', admin.user.id).executeTakeFirstOrThrow()).display_name;
    expect(assigned).toMatchObject({ handlerUserId: admin.user.id, handlerName: adminName, referralOrgName: null });
    const referred = await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'refer', referralOrgId: orgId });
    expect(referred.statusCode, referred.body).toBe(200);
    const orgName = (await t.db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow()).name;
    expect(referred.json<NeedView>()).toMatchObject({ handlerName: adminName, referralOrgId: orgId, referralOrgName: orgName });
    expect((await admin.get(`/api/v1/needs/${id}`)).json<NeedDetail>()).toMatchObject({ handlerName: adminName, referralOrgName: orgName });
  });

  it('answers with the need as written and the actions its new state offers the caller, not its page', async () => {
    const admin = clients.get('community_admin')!;
    const id = await buildNeed(t.db, w, { state: 'reported', updated_at: new Date('2026-01-05T00:00:00Z') });
    const res = await admin.post(`/api/v1/needs/${id}/transitions`, { action: 'accept', reply: '已受理' });
    expect(res.statusCode, res.body).toBe(200);
    const written = res.json<NeedView & Partial<NeedDetail>>();
    expect(written).toMatchObject({ id, state: 'accepted', categoryName: '物业与设施' });
    expect([...written.allowedActions].sort()).toEqual(['assign', 'merge', 'pool', 'split']);
    expect(new Date(written.updatedAt).getTime()).toBeGreaterThan(new Date('2026-01-05T00:00:00Z').getTime());
    expect(written).not.toHaveProperty('timeline');
    expect(written).not.toHaveProperty('duplicates');
    expect(written).not.toHaveProperty('related');
    // The rest of the need is the page's: exactly the row the detail reads.
    const { timeline, duplicates: _d, related: _r, servicePhone: _p, project: _j, ...detail } = (await admin.get(`/api/v1/needs/${id}`)).json<NeedDetail>();
    expect(written).toEqual(detail);
    expect(timeline.at(-1)).toMatchObject({ action: 'accept', toState: 'accepted', reply: '已受理' });
  });
});
