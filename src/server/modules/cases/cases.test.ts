import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, fieldsOf, type ErrorBody, type TestApp } from '../../testing.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from '../needs/needs.testing.ts';
import { buildOrganization, type OrganizationRef } from '../organizations/testing.ts';
import { buildCommunity, buildGrid, buildHousehold, buildResident, type ResidentRef } from '../territory/testing.ts';
import { buildSocialWorker } from '../workforce/testing.ts';
import type { CaseDetail, CaseList } from './cases.schemas.ts';

/**
 * Story 5's casework: a social worker opens a case from a family-conflict need referred to the
 * organization, the supervisor approves the plan, sessions are recorded, the supervisor
 * approves the closing, and the need is resolved with words the reporter reads. What the
 * worker writes stays with the case's team: expected values below are written by hand.
 */
type C = Awaited<ReturnType<typeof clientAs>>;
type Step = { id: string; refNo: string; status: string; allowedActions: string[] };
let t: TestApp;
let w: NeedWorld;
let orgA: OrganizationRef, orgB: OrganizationRef;
let chen: C, liu: C, zheng: C, otherSupervisor: C, adminA: C, adminB: C, workerB: C, communityAdmin: C, communityWorker: C, streetOfficer: C, reporter: C;
let zhao: ResidentRef, zhaoWife: ResidentRef, neighbourResident: ResidentRef, farResident: ResidentRef;
let chenId: string, liuId: string, zhengId: string, loneId: string, workerBId: string;
let needId: string;

const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;
const NOTE = '赵先生与儿子因赡养问题多次争吵';
const SESSION_NOTE = '第一次面谈：父子双方情绪激动';
const assessment = (score = 3) => ({
  domains: Object.fromEntries(['living', 'health', 'family', 'finances', 'safety'].map((d) => [d, { score: d === 'family' ? 1 : score, note: d === 'family' ? '父子关系紧张' : '' }])),
  summary: '家庭关系为主要问题',
});
const plan = { goals: [{ title: '改善父子沟通', measure: '每周通话一次' }, { title: '链接社区调解资源', measure: '完成一次调解' }] };
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  const d = w.district.id;
  const far = await buildCommunity(t.db, { street: w.street, name: '远方社区' });
  const farHousehold = await buildHousehold(t.db, { grid: await buildGrid(t.db, { community: far }) });
  const served = [{ id: w.community.id, streetId: w.street.id }];
  orgA = await buildOrganization(t.db, t.platform.pii, { name: '启航社工服务中心', district: w.district, communities: served });
  orgB = await buildOrganization(t.db, t.platform.pii, { name: '另一机构', district: w.district, communities: served });
  const org = (role: 'social_worker' | 'supervisor' | 'org_admin', o: OrganizationRef, displayName: string) => clientAs(t, [{ role, scopeType: 'organization', scopeId: o.id }], { displayName });
  [chen, liu, zheng, otherSupervisor, adminA, adminB, workerB] = await Promise.all([
    org('social_worker', orgA, '陈社工'), org('social_worker', orgA, '刘社工'), org('supervisor', orgA, '郑督导'), org('supervisor', orgA, '别的督导'),
    org('org_admin', orgA, '何主任'), org('org_admin', orgB, '别家主任'), org('social_worker', orgB, '别家社工'),
  ]);
  communityAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: w.community.id, districtId: d }]);
  communityWorker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: d }]);
  streetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: w.street.id, districtId: d }]);
  const community = { ...w.community, districtId: d, streetId: w.street.id };
  const worker = async (o: OrganizationRef, c: C | null, name: string, supervisorId: string | null = null) => {
    const id = (await buildSocialWorker(t.db, t.platform.pii, { organization: o, communities: [community], name, userId: c?.user.id ?? null })).id;
    if (supervisorId) await t.db.updateTable('social_workers').set({ supervisor_id: supervisorId }).where('id', '=', id).execute();
    return id;
  };
  zhengId = await worker(orgA, zheng, '郑慧');
  const otherSupervisorId = await worker(orgA, otherSupervisor, '别的督导');
  chenId = await worker(orgA, chen, '陈浩', zhengId);
  liuId = await worker(orgA, liu, '刘洋', otherSupervisorId);
  loneId = await worker(orgA, null, '没有督导的社工');
  await t.db.updateTable('social_workers').set({ user_id: (await clientAs(t, [{ role: 'social_worker', scopeType: 'organization', scopeId: orgA.id }])).user.id }).where('id', '=', loneId).execute();
  const supervisorB = await worker(orgB, await org('supervisor', orgB, '别家督导'), '别家督导');
  workerBId = await worker(orgB, workerB, '别家社工', supervisorB);

  const h = { ...w.household, districtId: d, streetId: w.street.id, communityId: w.community.id, gridId: w.grid.id };
  zhao = await buildResident(t.db, t.platform.pii, { household: h, name: '赵建国', birthDate: '1950-03-01', gender: 'male', phone: '13912345678' });
  zhaoWife = await buildResident(t.db, t.platform.pii, { household: h, name: '钱秀英', birthDate: '1952-06-01' });
  neighbourResident = await buildResident(t.db, t.platform.pii, { household: { ...h, id: w.neighbour.id }, name: '孙邻居' });
  farResident = await buildResident(t.db, t.platform.pii, { household: { ...farHousehold, id: farHousehold.id }, name: '远方居民' });
  reporter = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: d }]);
  needId = await buildNeed(t.db, w, { state: 'referred', referral_org_id: orgA.id, description: '家庭矛盾，请社工介入', reporter_user_id: reporter.user.id, reporter_resident_id: zhao.id });
});

afterAll(async () => {
  await t?.close();
});

const openFromNeed = (c: C, extra: Record<string, unknown> = {}) => c.post('/api/v1/cases', { clientResidentId: zhao.id, needId, source: 'need', summary: NOTE, ...extra });
let caseId: string;

describe('opening a case', () => {
  it('refuses what the opener may not name, at the field', async () => {
    // A social worker opens cases for themselves only; another's record names nothing for them.
    const forLiu = await openFromNeed(chen, { workerId: liuId });
    expect([forLiu.statusCode, fieldsOf(forLiu)]).toEqual([404, { workerId: 'resource.not_found' }]);
    // The need is referred to 启航, not to the other organization.
    const foreign = await openFromNeed(workerB);
    expect([foreign.statusCode, fieldsOf(foreign)]).toEqual([404, { needId: 'resource.not_found' }]);
    // The client must be of the need's household.
    const notOfNeed = await openFromNeed(chen, { clientResidentId: neighbourResident.id });
    expect([notOfNeed.statusCode, fieldsOf(notOfNeed)]).toEqual([400, { clientResidentId: 'case.client_not_of_need' }]);
    // A resident of a community the organization does not serve is nobody it may take on.
    const far = await chen.post('/api/v1/cases', { clientResidentId: farResident.id, source: 'walk_in', summary: '求助' });
    expect([far.statusCode, fieldsOf(far)]).toEqual([404, { clientResidentId: 'resource.not_found' }]);
    // A worker without a supervisor cannot hold a case: the plan would have nobody to approve it.
    const lone = await adminA.post('/api/v1/cases', { clientResidentId: zhao.id, workerId: loneId, source: 'walk_in', summary: '求助' });
    expect([lone.statusCode, code(lone)]).toEqual([409, 'case.no_supervisor']);
    // Community staff do not open cases.
    expect((await communityAdmin.post('/api/v1/cases', { clientResidentId: zhao.id, workerId: chenId, source: 'walk_in', summary: '求助' })).statusCode).toBe(403);
    const blank = await chen.post('/api/v1/cases', { clientResidentId: zhao.id, source: 'walk_in', summary: ' \n ' });
    expect([blank.statusCode, fieldsOf(blank)]).toEqual([400, { summary: 'validation.required' }]);
    const fromNeedWithoutNeed = await chen.post('/api/v1/cases', { clientResidentId: zhao.id, source: 'need', summary: NOTE });
    expect([fromNeedWithoutNeed.statusCode, fieldsOf(fromNeedWithoutNeed)]).toEqual([400, { needId: 'validation.required' }]);
    expect(await t.db.selectFrom('cases').select('id').execute()).toEqual([]);
  });

  it('opens from the referred need, tells the reporter help has begun, and only once', async () => {
    const res = await openFromNeed(chen);
    expect(res.statusCode).toBe(201);
    const step = res.json<Step>();
    caseId = step.id;
    expect(step).toMatchObject({ refNo: `GA${today.slice(0, 4)}-0001`, status: 'intake', allowedActions: ['assess', 'record_consent', 'refer'] });
    const row = await t.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect([row.worker_id, row.supervisor_id, row.need_id, row.client_resident_id]).toEqual([chenId, zhengId, needId, zhao.id]);
    const need = await reporter.get(`/api/v1/needs/${needId}`);
    const last = need.json<{ state: string; timeline: { action: string; reply: string; note: string }[] }>();
    expect(last.state).toBe('referred');
    expect(last.timeline.at(-1)).toMatchObject({ action: 'open_case', reply: '社工已接手，将为您提供个案服务。' });
    expect(JSON.stringify(last)).not.toContain(NOTE);
    const again = await openFromNeed(chen);
    expect([again.statusCode, code(again)]).toEqual([409, 'case.need_has_case']);
    expect(await auditCount(t.db, 'case.create')).toBe(1);
  });
});

describe('who may do what (role × action, written out)', () => {
  // The case in intake: [client, may read, sees notes, actions offered].
  const TABLE: [string, () => C, boolean, boolean, string[]][] = [
    ['assigned worker 陈', () => chen, true, true, ['assess', 'record_consent', 'refer']],
    ['case supervisor 郑', () => zheng, true, true, ['transfer']],
    ['org admin of 启航', () => adminA, true, true, ['transfer']],
    ['another worker of 启航', () => liu, false, false, []],
    ['another supervisor of 启航', () => otherSupervisor, false, false, []],
    ['admin of another organization', () => adminB, false, false, []],
    ['community admin of the place', () => communityAdmin, true, false, []],
    ['community worker of the place', () => communityWorker, true, false, []],
    ['street officer of the place', () => streetOfficer, true, false, []],
    ['the reporting resident', () => reporter, false, false, []],
  ];
  it.each(TABLE)('%s', async (_who, client, reads, notes, actions) => {
    const res = await client().get(`/api/v1/cases/${caseId}`);
    expect(res.statusCode).toBe(reads ? 200 : 404);
    if (!reads) return;
    const c = res.json<CaseDetail>();
    expect([c.notes !== null, c.allowedActions]).toEqual([notes, actions]);
    const listed = (await client().get('/api/v1/cases')).json<CaseList>().items.map((i) => i.id);
    expect(listed).toContain(caseId);
  });

  it('answers 403 to a reader taking a step that is not theirs, 404 to one who cannot read', async () => {
    expect((await zheng.post(`/api/v1/cases/${caseId}/assessment`, assessment())).statusCode).toBe(403);
    expect((await communityAdmin.post(`/api/v1/cases/${caseId}/assessment`, assessment())).statusCode).toBe(403);
    expect((await liu.post(`/api/v1/cases/${caseId}/assessment`, assessment())).statusCode).toBe(404);
    expect((await adminB.post(`/api/v1/cases/${caseId}/review`, { action: 'approve_plan' })).statusCode).toBe(404);
  });
});

describe('the workflow', () => {
  it('goes from assessment to an approved plan; a returned plan says why', async () => {
    const early = await chen.post(`/api/v1/cases/${caseId}/plan`, plan);
    expect([early.statusCode, code(early)]).toEqual([409, 'case.wrong_status']);
    expect((await chen.post(`/api/v1/cases/${caseId}/assessment`, assessment())).json<Step>().status).toBe('assessment');
    expect((await chen.post(`/api/v1/cases/${caseId}/plan`, plan)).json<Step>()).toMatchObject({ status: 'plan_review', allowedActions: ['record_consent', 'refer'] });
    // The worker does not approve their own plan.
    expect((await chen.post(`/api/v1/cases/${caseId}/review`, { action: 'approve_plan' })).statusCode).toBe(403);
    expect((await zheng.get(`/api/v1/cases/${caseId}`)).json<CaseDetail>().allowedActions).toEqual(['approve_plan', 'return_plan', 'transfer']);
    const silent = await zheng.post(`/api/v1/cases/${caseId}/review`, { action: 'return_plan' });
    expect([silent.statusCode, fieldsOf(silent)]).toEqual([400, { comment: 'validation.required' }]);
    expect((await zheng.post(`/api/v1/cases/${caseId}/review`, { action: 'return_plan', comment: '目标需可衡量' })).json<Step>().status).toBe('assessment');
    expect((await chen.post(`/api/v1/cases/${caseId}/plan`, plan)).json<Step>().status).toBe('plan_review');
    const review = (await zheng.get('/api/v1/cases?view=review')).json<CaseList>().items.map((i) => i.id);
    expect(review).toEqual([caseId]);
    expect((await zheng.post(`/api/v1/cases/${caseId}/review`, { action: 'approve_plan' })).json<Step>().status).toBe('in_service');
    expect((await zheng.get('/api/v1/cases?view=review')).json<CaseList>().items).toEqual([]);
  });

  it('records sessions with progress against the approved goals', async () => {
    const future = await chen.post(`/api/v1/cases/${caseId}/sessions`, { heldOn: '2999-01-01', minutes: 60, note: SESSION_NOTE });
    expect([future.statusCode, fieldsOf(future)]).toEqual([400, { heldOn: 'case.date_in_future' }]);
    const blank = await chen.post(`/api/v1/cases/${caseId}/sessions`, { heldOn: today, minutes: 60, note: '   ' });
    expect([blank.statusCode, fieldsOf(blank)]).toEqual([400, { note: 'validation.required' }]);
    const noGoal = await chen.post(`/api/v1/cases/${caseId}/sessions`, { heldOn: today, minutes: 60, note: SESSION_NOTE, goalProgress: [{ goal: 3, progress: 10 }] });
    expect([noGoal.statusCode, fieldsOf(noGoal)]).toEqual([400, { 'goalProgress.0.goal': 'case.unknown_goal' }]);
    await chen.post(`/api/v1/cases/${caseId}/sessions`, { heldOn: today, minutes: 60, note: SESSION_NOTE, goalProgress: [{ goal: 1, progress: 30 }] });
    await chen.post(`/api/v1/cases/${caseId}/sessions`, { heldOn: today, minutes: 45, note: '第二次面谈', goalProgress: [{ goal: 1, progress: 70 }, { goal: 2, progress: 50 }] });
    const notes = (await chen.get(`/api/v1/cases/${caseId}`)).json<CaseDetail>().notes!;
    expect(notes.sessionMinutes).toBe(105);
    expect(notes.goals.map((g) => [g.goal, g.title, g.progress])).toEqual([[1, '改善父子沟通', 70], [2, '链接社区调解资源', 50]]);
    expect(notes.assessment?.domains.family).toEqual({ score: 1, note: '父子关系紧张' });
    expect(notes.journal.map((j) => j.kind)).toEqual(['intake', 'assessment', 'plan', 'review', 'plan', 'review', 'session', 'session']);
  });

  it('closes with the supervisor\'s approval, and the need is resolved with the reply its reporter reads', async () => {
    const partial = await chen.post(`/api/v1/cases/${caseId}/closing`, { outcome: 'fully', results: [{ goal: 1, result: 'achieved', note: '' }], summary: '结案' });
    expect([partial.statusCode, fieldsOf(partial)]).toEqual([400, { results: 'case.results_incomplete' }]);
    const results = [{ goal: 1, result: 'achieved', note: '' }, { goal: 2, result: 'partly', note: '调解一次' }];
    const noReply = await chen.post(`/api/v1/cases/${caseId}/closing`, { outcome: 'fully', results, summary: '结案' });
    expect([noReply.statusCode, fieldsOf(noReply)]).toEqual([400, { reply: 'validation.required' }]);
    const reply = '社工已与您家人多次面谈并协助调解，家庭关系明显改善。';
    expect((await chen.post(`/api/v1/cases/${caseId}/closing`, { outcome: 'fully', results, summary: '父子关系改善', reply })).json<Step>().status).toBe('closing');
    expect((await t.db.selectFrom('needs').select('state').where('id', '=', needId).executeTakeFirstOrThrow()).state).toBe('referred');
    expect((await zheng.post(`/api/v1/cases/${caseId}/review`, { action: 'return_closing', comment: '请补充第二个目标的说明' })).json<Step>().status).toBe('in_service');
    await chen.post(`/api/v1/cases/${caseId}/closing`, { outcome: 'fully', results, summary: '父子关系改善', reply });
    expect((await zheng.post(`/api/v1/cases/${caseId}/review`, { action: 'approve_closing' })).json<Step>().status).toBe('closed');
    const need = (await reporter.get(`/api/v1/needs/${needId}`)).json<{ state: string; outcome: string; timeline: { action: string; reply: string }[] }>();
    expect([need.state, need.outcome]).toEqual(['resolved', 'fully']);
    expect(need.timeline.at(-1)).toMatchObject({ action: 'resolve_by_case', reply });
    expect(JSON.stringify(need)).not.toContain('父子关系改善');
    const closed = (await communityAdmin.get(`/api/v1/cases/${caseId}`)).json<CaseDetail>();
    expect([closed.status, closed.closedAt !== null, closed.notes]).toEqual(['closed', true, null]);
  });
});

describe('confidentiality', () => {
  it('gives community staff the case\'s existence, its worker and status, never a note, in the detail and the list', async () => {
    for (const c of [communityAdmin, communityWorker, streetOfficer]) {
      const detail = await c.get(`/api/v1/cases/${caseId}`);
      const list = await c.get(`/api/v1/cases?clientResidentId=${zhao.id}`);
      expect(list.json<CaseList>().items.map((i) => [i.client.name, i.worker.name, i.supervisor.name, i.status])).toEqual([['赵建国', '陈浩', '郑慧', 'closed']]);
      for (const res of [detail, list]) for (const secret of [NOTE, SESSION_NOTE, '父子关系紧张', '改善父子沟通', '父子关系改善']) expect(res.body).not.toContain(secret);
    }
  });

  it('keeps notes encrypted at rest and out of the audit log, and audits every read of them', async () => {
    const bodies = await t.db.selectFrom('case_records').select('body').execute();
    expect(bodies.length).toBe(12);
    for (const b of bodies) for (const secret of [NOTE, SESSION_NOTE, '父子关系紧张']) expect(Buffer.from(b.body).toString('utf8')).not.toContain(secret);
    const audit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity_type', '=', 'case').execute();
    for (const secret of [NOTE, SESSION_NOTE, '父子关系紧张', '改善父子沟通']) expect(JSON.stringify(audit)).not.toContain(secret);
    const before = await auditCount(t.db, 'case.read_notes');
    await communityAdmin.get(`/api/v1/cases/${caseId}`);
    expect(await auditCount(t.db, 'case.read_notes')).toBe(before);
    await adminA.get(`/api/v1/cases/${caseId}`);
    await zheng.get(`/api/v1/cases/${caseId}`);
    expect(await auditCount(t.db, 'case.read_notes')).toBe(before + 2);
  });
});

describe('transfer and reopening', () => {
  let walkIn: string;
  it('hands a case to another worker with a note: the new worker and their supervisor read it, the old one no longer', async () => {
    const res = await adminA.post('/api/v1/cases', { clientResidentId: zhaoWife.id, workerId: chenId, source: 'walk_in', summary: '老伴住院后情绪低落' });
    expect(res.statusCode).toBe(201);
    walkIn = res.json<Step>().id;
    expect(res.json<Step>().refNo).toBe(`GA${today.slice(0, 4)}-0002`);
    const same = await zheng.post(`/api/v1/cases/${walkIn}/transfer`, { workerId: chenId, note: '交接' });
    expect([same.statusCode, fieldsOf(same)]).toEqual([400, { workerId: 'case.same_worker' }]);
    const foreign = await zheng.post(`/api/v1/cases/${walkIn}/transfer`, { workerId: workerBId, note: '交接' });
    expect([foreign.statusCode, fieldsOf(foreign)]).toEqual([404, { workerId: 'resource.not_found' }]);
    expect((await chen.post(`/api/v1/cases/${walkIn}/transfer`, { workerId: liuId, note: '交接' })).statusCode).toBe(403);
    expect((await zheng.post(`/api/v1/cases/${walkIn}/transfer`, { workerId: liuId, note: '陈社工休产假，转刘社工跟进' })).statusCode).toBe(200);
    expect((await chen.get(`/api/v1/cases/${walkIn}`)).statusCode).toBe(404);
    expect((await zheng.get(`/api/v1/cases/${walkIn}`)).statusCode).toBe(404);
    const liuView = (await liu.get(`/api/v1/cases/${walkIn}`)).json<CaseDetail>();
    expect([liuView.worker.name, liuView.supervisor.name, liuView.allowedActions]).toEqual(['刘洋', '别的督导', ['assess', 'record_consent', 'refer']]);
    expect(liuView.notes!.journal.at(-1)).toMatchObject({ kind: 'handover', body: { fromWorkerId: chenId, toWorkerId: liuId, note: '陈社工休产假，转刘社工跟进' } });
    expect((await otherSupervisor.get(`/api/v1/cases/${walkIn}`)).json<CaseDetail>().notes).not.toBeNull();
    expect((await liu.get('/api/v1/cases?view=mine')).json<CaseList>().items.map((i) => i.id)).toEqual([walkIn]);
  });

  it('reopens a closed case for a new assessment, without reopening its need', async () => {
    const res = await chen.post(`/api/v1/cases/${caseId}/reopen`, { reason: '父子再次发生冲突' });
    expect(res.json<Step>().status).toBe('assessment');
    const row = await t.db.selectFrom('cases').select(['reopened', 'closed_at', 'outcome']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toEqual({ reopened: 1, closed_at: null, outcome: null });
    expect((await t.db.selectFrom('needs').select('state').where('id', '=', needId).executeTakeFirstOrThrow()).state).toBe('resolved');
    const closedAgain = await chen.post(`/api/v1/cases/${caseId}/reopen`, { reason: 'x' });
    expect([closedAgain.statusCode, code(closedAgain)]).toEqual([409, 'case.wrong_status']);
  });
});

describe('consent and referrals', () => {
  let referralCase: string;
  it('refers only with consent, and only the fields consented to; a minor\'s consent is a guardian\'s', async () => {
    const grandson = await buildResident(t.db, t.platform.pii, { household: { ...w.household, districtId: w.district.id, streetId: w.street.id, communityId: w.community.id, gridId: w.grid.id }, name: '赵小明', birthDate: '2014-02-01' });
    const minor = (await chen.post('/api/v1/cases', { clientResidentId: grandson.id, source: 'walk_in', summary: '厌学' })).json<Step>().id;
    const own = await chen.post(`/api/v1/cases/${minor}/consents`, { givenBy: 'client', fields: ['name'], givenOn: today });
    expect([own.statusCode, fieldsOf(own)]).toEqual([400, { givenBy: 'case.guardian_consent_required' }]);
    const nameless = await chen.post(`/api/v1/cases/${minor}/consents`, { givenBy: 'guardian', fields: ['name'], givenOn: today });
    expect([nameless.statusCode, fieldsOf(nameless)]).toEqual([400, { guardianName: 'validation.required' }]);
    expect((await chen.post(`/api/v1/cases/${minor}/consents`, { givenBy: 'guardian', guardianName: '赵建国', guardianRelation: '祖父', fields: ['name'], givenOn: today })).statusCode).toBe(200);

    referralCase = (await chen.post('/api/v1/cases', { clientResidentId: zhao.id, source: 'walk_in', summary: '需要法律援助' })).json<Step>().id;
    const refer = (body: Record<string, unknown>) => chen.post(`/api/v1/cases/${referralCase}/referrals`, { toOrganizationId: orgB.id, reason: '需要专业调解', fields: ['name', 'phone'], ...body });
    const without = await refer({});
    expect([without.statusCode, code(without)]).toEqual([409, 'case.no_consent']);
    expect((await chen.post(`/api/v1/cases/${referralCase}/consents`, { givenBy: 'client', fields: ['name', 'gender_age', 'presenting_problem'], givenOn: today })).statusCode).toBe(200);
    const phone = await refer({});
    expect([phone.statusCode, fieldsOf(phone)]).toEqual([400, { 'fields.1': 'case.field_without_consent' }]);
    const reasonless = await refer({ reason: ' ', fields: ['name'] });
    expect([reasonless.statusCode, fieldsOf(reasonless)]).toEqual([400, { reason: 'validation.required' }]);
    const self = await refer({ toOrganizationId: orgA.id, fields: ['name'] });
    expect([self.statusCode, fieldsOf(self)]).toEqual([400, { toOrganizationId: 'case.refer_to_own_organization' }]);
    expect((await zheng.post(`/api/v1/cases/${referralCase}/referrals`, { toDepartment: '区司法局', reason: 'x', fields: ['name'] })).statusCode).toBe(403);
    expect((await refer({ fields: ['name', 'gender_age', 'presenting_problem'] })).statusCode).toBe(200);
    expect(await t.db.selectFrom('case_referrals').select('fields').where('case_id', '=', referralCase).execute()).toEqual([{ fields: ['name', 'gender_age', 'presenting_problem'] }]);
  });

  it('lets the receiving organization read only what was sent, answer once, and the answer comes back into the case', async () => {
    expect((await adminA.get('/api/v1/referrals')).json<{ items: unknown[] }>().items).toEqual([]);
    const inbox = (await adminB.get('/api/v1/referrals')).json<{ items: { id: string; status: string; fields: string[] }[] }>().items;
    // The list opens nothing sealed: what was sent, and why, is read (and audited) one by one.
    expect(inbox.map((r) => [r.status, r.fields, 'shared' in r, 'reason' in r, 'answer' in r])).toEqual([['sent', ['name', 'gender_age', 'presenting_problem'], false, false, false]]);
    const id = inbox[0]!.id;
    const before = await auditCount(t.db, 'case_referral.read');
    const received = await adminB.get(`/api/v1/referrals/${id}`);
    const view = received.json<{ shared: Record<string, string>; reason: string; fromOrganization: { name: string } }>();
    expect(view.shared).toEqual({ name: '赵建国', gender_age: `男 · ${Number(today.slice(0, 4)) - 1950 - (today.slice(5) < '03-01' ? 1 : 0)}岁`, presenting_problem: '需要法律援助' });
    expect([view.reason, view.fromOrganization.name]).toEqual(['需要专业调解', '启航社工服务中心']);
    for (const secret of [NOTE, '父子关系紧张', '13912345678']) expect(received.body).not.toContain(secret);
    expect(await auditCount(t.db, 'case_referral.read')).toBe(before + 1);
    // Nobody else reads or answers it: not the sender's people, not a worker of the receiver.
    for (const c of [adminA, workerB, communityAdmin]) expect((await c.get(`/api/v1/referrals/${id}`)).statusCode).toBe(404);
    expect((await workerB.post(`/api/v1/referrals/${id}/answer`, { decision: 'accepted', answer: 'x' })).statusCode).toBe(404);
    const wordless = await adminB.post(`/api/v1/referrals/${id}/answer`, { decision: 'accepted', answer: '  ' });
    expect([wordless.statusCode, fieldsOf(wordless)]).toEqual([400, { answer: 'validation.required' }]);
    expect((await adminB.post(`/api/v1/referrals/${id}/answer`, { decision: 'accepted', answer: '已安排律师下周面谈' })).statusCode).toBe(200);
    const again = await adminB.post(`/api/v1/referrals/${id}/answer`, { decision: 'declined', answer: '改主意' });
    expect([again.statusCode, code(again)]).toEqual([409, 'case.referral_answered']);
    const notes = (await chen.get(`/api/v1/cases/${referralCase}`)).json<CaseDetail>().notes!;
    expect(notes.referrals.map((r) => [r.toOrganization?.name, r.status, r.answer])).toEqual([['另一机构', 'accepted', '已安排律师下周面谈']]);
    expect(notes.consents.map((c) => [c.givenBy, c.fields])).toEqual([['client', ['name', 'gender_age', 'presenting_problem']]]);
  });

  it('has the worker record a department\'s answer, and a withdrawn consent covers nothing more', async () => {
    await chen.post(`/api/v1/cases/${referralCase}/referrals`, { toDepartment: '区司法局', reason: '申请法律援助', fields: ['name'] });
    const department = (await chen.get(`/api/v1/cases/${referralCase}`)).json<CaseDetail>().notes!.referrals.at(-1)!;
    expect((await adminB.post(`/api/v1/referrals/${department.id}/answer`, { decision: 'accepted', answer: 'x' })).statusCode).toBe(404);
    expect((await chen.post(`/api/v1/referrals/${department.id}/answer`, { decision: 'accepted', answer: '司法局已受理' })).statusCode).toBe(200);
    const consent = (await chen.get(`/api/v1/cases/${referralCase}`)).json<CaseDetail>().notes!.consents[0]!;
    expect((await chen.post(`/api/v1/cases/${referralCase}/consents/${consent.id}/withdraw`)).statusCode).toBe(200);
    const twice = await chen.post(`/api/v1/cases/${referralCase}/consents/${consent.id}/withdraw`);
    expect([twice.statusCode, code(twice)]).toEqual([409, 'case.consent_withdrawn']);
    const after = await chen.post(`/api/v1/cases/${referralCase}/referrals`, { toDepartment: '区民政局', reason: 'x', fields: ['name'] });
    expect([after.statusCode, code(after)]).toEqual([409, 'case.no_consent']);
    const audit = await t.db.selectFrom('audit_log').select(['before', 'after']).where('entity_type', 'in', ['case', 'case_referral']).execute();
    for (const secret of ['需要专业调解', '已安排律师下周面谈', '司法局已受理']) expect(JSON.stringify(audit)).not.toContain(secret);
  });
});

describe('case numbers', () => {
  it('gives cases opened at the same moment distinct numbers, one after another', async () => {
    const before = await t.db.selectFrom('cases').select('ref_no').where('district_id', '=', w.district.id).execute();
    const opened = await Promise.all(Array.from({ length: 6 }, () => adminA.post('/api/v1/cases', { clientResidentId: zhaoWife.id, workerId: chenId, source: 'walk_in', summary: '求助' })));
    expect(opened.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const numbers = opened.map((r) => Number(r.json<Step>().refNo.slice(-4))).sort((a, b) => a - b);
    const start = before.length + 1;
    expect(numbers).toEqual([start, start + 1, start + 2, start + 3, start + 4, start + 5]);
  });
});

describe('supervisors in the register', () => {
  it('names a colleague of the same employer as supervisor, nobody else', async () => {
    const url = `/api/v1/social-workers/${loneId}`;
    const other = await adminA.patch(url, { supervisorId: workerBId });
    expect([other.statusCode, fieldsOf(other)]).toEqual([404, { supervisorId: 'resource.not_found' }]);
    const self = await adminA.patch(url, { supervisorId: loneId });
    expect([self.statusCode, fieldsOf(self)]).toEqual([400, { supervisorId: 'social_worker.supervisor_not_colleague' }]);
    const missing = await adminA.patch(url, { supervisorId: newId() });
    expect(missing.statusCode).toBe(404);
    const ok = await adminA.patch(url, { supervisorId: zhengId });
    expect([ok.statusCode, ok.json<{ supervisorId: string }>().supervisorId]).toEqual([200, zhengId]);
  });
});
