import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, fieldsOf, type ErrorBody, type TestApp } from '../../testing.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { buildReviewedRound } from '../calls/calls.testing.ts';
import { buildOrganization, type OrganizationRef } from '../organizations/testing.ts';
import { buildCommonNeed } from '../commonneeds/commonneeds.testing.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from '../needs/needs.testing.ts';
import type { ProjectEvaluations } from './projects.evaluations.schemas.ts';
import { buildProject } from './projects.testing.ts';

/**
 * Story 4's evaluation: the street assigns a third-party evaluator tied to none of the
 * delivering organizations; the mid-term scores 78 (合格) with one rectification; 启航 reports
 * it, the evaluator re-checks it, and only then is the second tranche released. Scores are the
 * sums of points worked out by hand below, graded by the default bands (≥ 90 优秀 … < 60 不合格).
 */
type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let w: NeedWorld;
let resident: C;
let pooled: string[];
let contractor: OrganizationRef, firm: OrganizationRef;
let officer: C, adminA: C, evaluator: C, otherEvaluator: C, tiedEvaluator: C;
let projectId: string, contractId: string;

const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;
/** The default template's 12 level-3 indicators at their maximum: 100 points. */
const FULL: Record<string, number> = {
  'management.plan.schedule': 8, 'management.plan.records': 6, 'management.team.staffing': 6, 'management.team.supervision': 5,
  'outputs.volume.sessions': 10, 'outputs.volume.people': 10, 'outputs.reach.beneficiaries': 10,
  'outcomes.goals.met': 15, 'outcomes.satisfaction.residents': 10, 'outcomes.satisfaction.community': 5,
  'finance.use.budget': 10, 'finance.use.vouchers': 5,
};

async function deliveringProject(d: string, streetId: string) {
  const id = (await buildProject(t.db, { districtId: d, streetId, communityIds: [w.community.id], purchaser: 'street', status: 'in_delivery', createdBy: officer.user.id })).id;
  await t.db.updateTable('projects').set({ contractor_organization_id: contractor.id }).where('id', '=', id).execute();
  const { callId, applicationIds } = await buildReviewedRound(t.db, { districtId: d, streetId, organizationIds: [contractor.id], reviewerIds: [], createdBy: officer.user.id, status: 'concluded' });
  const contract = newId();
  await t.db.insertInto('contracts').values({ district_id: d, id: contract, project_id: id, call_id: callId, application_id: applicationIds[0]!, organization_id: contractor.id, amount_fen: 300_000, term_start: '2026-01-01', term_end: '2027-12-31', status: 'signed', signed_at: new Date(), signed_by: officer.user.id, created_by: officer.user.id }).execute();
  await t.db.insertInto('contract_tranches').values((['signed', 'midterm_passed', 'final_accepted'] as const).map((precondition, i) => ({ district_id: d, contract_id: contract, seq: i + 1, amount_fen: 100_000, precondition, milestone_id: null }))).execute();
  await t.db.insertInto('contract_payments').values({ district_id: d, id: newId(), contract_id: contract, seq: 1, amount_fen: 100_000, paid_by: officer.user.id }).execute();
  return { id, contract };
}

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  const { district, street } = w;
  contractor = await buildOrganization(t.db, t.platform.pii, { name: '启航社工服务中心', district, communities: [{ id: w.community.id, streetId: street.id }] });
  firm = await buildOrganization(t.db, t.platform.pii, { name: '明鉴评估事务所', district });
  officer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId: district.id }]);
  adminA = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: contractor.id }]);
  evaluator = await clientAs(t, [{ role: 'evaluator', scopeType: 'organization', scopeId: firm.id }], { displayName: '评估师 钱' });
  otherEvaluator = await clientAs(t, [{ role: 'evaluator', scopeType: 'organization', scopeId: firm.id }], { displayName: '评估师 孙' });
  // Evaluates for the firm but also holds a role in the contractor: never its evaluator.
  tiedEvaluator = await clientAs(t, [{ role: 'evaluator', scopeType: 'organization', scopeId: firm.id }, { role: 'supervisor', scopeType: 'organization', scopeId: contractor.id }], { displayName: '评估师 李' });
  ({ id: projectId, contract: contractId } = await deliveringProject(district.id, street.id));
  // The project answers a group of two pooled meal needs; the resident reported the first.
  resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: district.id }]);
  const group = await buildCommonNeed(t.db, w, officer.user.id, { status: 'projected' });
  pooled = [
    await buildNeed(t.db, w, { state: 'pooled', common_need_id: group, reporter_user_id: resident.user.id }),
    await buildNeed(t.db, w, { state: 'pooled', common_need_id: group, household: w.neighbour }),
  ];
  await t.db.insertInto('project_common_needs').values({ district_id: district.id, project_id: projectId, common_need_id: group }).execute();
});

afterAll(async () => {
  await t?.close();
});

const evaluations = async (c: C = officer) => (await c.get(`/api/v1/projects/${projectId}/evaluations`)).json<ProjectEvaluations>();
const midterm = async () => (await evaluations()).evaluations.find((e) => e.kind === 'midterm')!;
const release = (seq: number, id = contractId) => officer.post(`/api/v1/contracts/${id}/tranches/${seq}/release`, {});

describe('assigning the evaluator', () => {
  it('offers and takes only evaluators tied to none of the delivering organizations', async () => {
    const candidates = (await officer.get(`/api/v1/projects/${projectId}/evaluator-candidates`)).json<{ items: { name: string; organizationName: string }[] }>().items;
    expect(candidates.filter((c) => c.organizationName === '明鉴评估事务所').map((c) => c.name).sort()).toEqual(['评估师 孙', '评估师 钱']);
    const tied = await officer.put(`/api/v1/projects/${projectId}/evaluator`, { userId: tiedEvaluator.user.id });
    expect([tied.statusCode, fieldsOf(tied)]).toEqual([400, { userId: 'evaluation.tied' }]);
    // Someone who is no evaluator names nobody to choose.
    const notOne = await officer.put(`/api/v1/projects/${projectId}/evaluator`, { userId: adminA.user.id });
    expect([notOne.statusCode, fieldsOf(notOne)]).toEqual([404, { userId: 'resource.not_found' }]);
    expect((await adminA.put(`/api/v1/projects/${projectId}/evaluator`, { userId: evaluator.user.id })).statusCode).toBe(403);
    const res = await officer.put(`/api/v1/projects/${projectId}/evaluator`, { userId: evaluator.user.id });
    expect(res.statusCode).toBe(200);
    expect(res.json<ProjectEvaluations>().evaluator).toEqual({ userId: evaluator.user.id, name: '评估师 钱', organizationName: '明鉴评估事务所' });
    expect(await auditCount(t.db, 'project.assign_evaluator')).toBe(1);
  });

  it('lets the evaluator assigned read the project, and no other evaluator', async () => {
    expect((await evaluator.get(`/api/v1/projects/${projectId}`)).statusCode).toBe(200);
    expect((await evaluator.get('/api/v1/projects')).json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([projectId]);
    expect((await otherEvaluator.get(`/api/v1/projects/${projectId}`)).statusCode).toBe(404);
    expect((await otherEvaluator.get('/api/v1/projects')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await evaluations(evaluator)).allowedActions).toEqual(['start_midterm']);
  });
});

describe('the mid-term with a rectification (story 4)', () => {
  it('opens the mid-term only in delivery, once; the final waits for a passed mid-term', async () => {
    expect(code(await evaluator.post(`/api/v1/projects/${projectId}/evaluations`, { kind: 'final' }))).toBe('evaluation.not_now');
    expect((await otherEvaluator.post(`/api/v1/projects/${projectId}/evaluations`, { kind: 'midterm' })).statusCode).toBe(404);
    expect((await evaluator.post(`/api/v1/projects/${projectId}/evaluations`, { kind: 'midterm' })).statusCode).toBe(201);
    expect((await t.db.selectFrom('projects').select('status').where('id', '=', projectId).executeTakeFirstOrThrow()).status).toBe('midterm');
    expect(code(await evaluator.post(`/api/v1/projects/${projectId}/evaluations`, { kind: 'midterm' }))).toBe('evaluation.exists');
  });

  it('keeps points within the template, and submits only when every indicator is scored', async () => {
    const m = await midterm();
    const save = (body: object) => evaluator.patch(`/api/v1/evaluations/${m.id}`, body);
    expect(fieldsOf(await save({ awarded: { 'outputs.volume.hugs': 3 } }))).toEqual({ 'awarded.outputs.volume.hugs': 'evaluation.unknown_indicator' });
    expect(fieldsOf(await save({ awarded: { 'finance.use.vouchers': 6 } }))).toEqual({ 'awarded.finance.use.vouchers': 'evaluation.points_over' });
    expect((await save({ awarded: { 'management.plan.schedule': 7.5 } })).statusCode).toBe(200);
    // The draft's points are the evaluator's own: the funder and the contractor see none yet.
    expect((await evaluations(evaluator)).evaluations[0]!.awarded).toEqual({ 'management.plan.schedule': 7.5 });
    for (const c of [officer, adminA]) expect((await evaluations(c)).evaluations[0]).toMatchObject({ awarded: {}, score: 0 });
    expect((await adminA.patch(`/api/v1/evaluations/${m.id}`, { awarded: { 'management.plan.schedule': 8 } })).statusCode).toBe(403);
    const early = await evaluator.post(`/api/v1/evaluations/${m.id}/submit`, { conclusion: 'passed' });
    expect([early.statusCode, Object.values(fieldsOf(early))]).toEqual([400, ['evaluation.incomplete']]);
  });

  it('scores 78 (合格): the conclusion must fit the grade, a rectification needs what and by when', async () => {
    const m = await midterm();
    // 100 less 22: schedule 7.5 (−0.5), records 4 (−2), goals met 9 (−6), residents' satisfaction 7.5 (−2.5),
    // vouchers 0 (−5), people 4 (−6): 100 − 22 = 78.
    const awarded = { ...FULL, 'management.plan.schedule': 7.5, 'management.plan.records': 4, 'outcomes.goals.met': 9, 'outcomes.satisfaction.residents': 7.5, 'finance.use.vouchers': 0, 'outputs.volume.people': 4 };
    expect((await evaluator.patch(`/api/v1/evaluations/${m.id}`, { awarded, findings: '服务记录完整，饮食禁忌未登记。' })).json<ProjectEvaluations>().evaluations[0]!.score).toBe(78);
    const submit = (body: object) => evaluator.post(`/api/v1/evaluations/${m.id}/submit`, body);
    expect(fieldsOf(await submit({ conclusion: 'failed' }))).toEqual({ conclusion: 'evaluation.conclusion_grade' });
    expect(fieldsOf(await submit({ conclusion: 'accepted' }))).toEqual({ conclusion: 'evaluation.conclusion_kind' });
    expect(fieldsOf(await submit({ conclusion: 'rectify', rectification: '登记每位长者的饮食禁忌' }))).toEqual({ rectifyBy: 'evaluation.rectification_needed' });
    const rectifyBy = localDate(new Date(Date.now() + 30 * 86_400_000));
    const res = await submit({ conclusion: 'rectify', rectification: '登记每位长者的饮食禁忌', rectifyBy });
    expect(res.statusCode).toBe(200);
    const after = res.json<ProjectEvaluations>();
    expect(after.evaluations[0]).toMatchObject({ score: 78, grade: 'pass', conclusion: 'rectify', rectification: '登记每位长者的饮食禁忌', rectifyBy });
    expect(after.midterm).toBe('rectify');
    expect(code(await submit({ conclusion: 'passed' }))).toBe('evaluation.submitted');
    // Delivery goes on while the rectification is made; the second tranche waits for it.
    expect((await t.db.selectFrom('projects').select('status').where('id', '=', projectId).executeTakeFirstOrThrow()).status).toBe('in_delivery');
    expect(code(await release(2))).toBe('contract.block.precondition_not_met');
  });

  it('is re-checked once the contractor reports the rectification; then the second tranche is released', async () => {
    const m = await midterm();
    expect(code(await evaluator.post(`/api/v1/evaluations/${m.id}/recheck`, { result: 'passed' }))).toBe('evaluation.not_rectified');
    expect((await evaluator.post(`/api/v1/evaluations/${m.id}/rectification`, { note: '已登记' })).statusCode).toBe(403);
    expect((await adminA.post(`/api/v1/evaluations/${m.id}/rectification`, { note: '已为 52 位长者登记饮食禁忌，见附表' })).statusCode).toBe(200);
    expect(code(await adminA.post(`/api/v1/evaluations/${m.id}/rectification`, { note: '再次' }))).toBe('evaluation.not_rectifying');
    const rechecked = await evaluator.post(`/api/v1/evaluations/${m.id}/recheck`, { result: 'passed', note: '抽查 10 户，登记属实' });
    expect(rechecked.json<ProjectEvaluations>().midterm).toBe('passed');
    expect(code(await evaluator.post(`/api/v1/evaluations/${m.id}/recheck`, { result: 'failed' }))).toBe('evaluation.rechecked');
    expect((await release(2)).statusCode).toBe(200);
    expect(code(await release(3))).toBe('contract.block.precondition_not_met');
  });

  it('opens the final after the mid-term passed and grades 91 优秀', async () => {
    expect((await evaluator.post(`/api/v1/projects/${projectId}/evaluations`, { kind: 'final' })).statusCode).toBe(201);
    const f = (await evaluations()).evaluations.find((e) => e.kind === 'final')!;
    // 100 less 9: records 3 (−3), goals met 12 (−3), community's assessment 2 (−3).
    await evaluator.patch(`/api/v1/evaluations/${f.id}`, { awarded: { ...FULL, 'management.plan.records': 3, 'outcomes.goals.met': 12, 'outcomes.satisfaction.community': 2 } });
    expect(fieldsOf(await evaluator.post(`/api/v1/evaluations/${f.id}/submit`, { conclusion: 'passed' }))).toEqual({ conclusion: 'evaluation.conclusion_kind' });
    const res = await evaluator.post(`/api/v1/evaluations/${f.id}/submit`, { conclusion: 'accepted' });
    expect(res.json<ProjectEvaluations>().evaluations.find((e) => e.kind === 'final')).toMatchObject({ score: 91, grade: 'excellent', conclusion: 'accepted' });
    expect((await t.db.selectFrom('projects').select('status').where('id', '=', projectId).executeTakeFirstOrThrow()).status).toBe('final');
  });
});

describe('final acceptance (结项验收)', () => {
  const transition = (c: C, action: string, reason?: string) => c.post(`/api/v1/projects/${projectId}/transitions`, { action, ...(reason && { reason }) });

  it('is the funder\'s, on the final report: the project ends accepted, the last tranche is released', async () => {
    const offered = (await officer.get(`/api/v1/projects/${projectId}`)).json<{ allowedActions: string[] }>().allowedActions;
    expect(offered).toEqual(expect.arrayContaining(['accept', 'accept_with_conditions', 'fail']));
    expect((await transition(evaluator, 'accept')).statusCode).toBe(403);
    expect((await transition(adminA, 'accept')).statusCode).toBe(403);
    expect(fieldsOf(await transition(officer, 'accept_with_conditions'))).toEqual({ reason: 'validation.required' });
    const res = await transition(officer, 'accept');
    expect(res.statusCode).toBe(200);
    const project = await t.db.selectFrom('projects').select(['status', 'outcome', 'ended_on']).where('id', '=', projectId).executeTakeFirstOrThrow();
    expect(project).toEqual({ status: 'accepted', outcome: 'accepted', ended_on: localDate(new Date()) });
    expect((await release(3)).statusCode).toBe(200);
    expect((await transition(officer, 'close')).statusCode).toBe(200);
  });

  it('resolves the needs the project answered, and their reporters are asked to confirm', async () => {
    const needs = await t.db.selectFrom('needs').select(['id', 'state', 'outcome']).where('id', 'in', pooled).orderBy('id').execute();
    expect(needs.map((n) => [n.state, n.outcome])).toEqual([['resolved', 'fully'], ['resolved', 'fully']]);
    const mine = (await resident.get(`/api/v1/needs/${pooled[0]}`)).json<{ state: string; allowedActions: string[]; timeline: { action: string }[] }>();
    expect(mine.state).toBe('resolved');
    expect(mine.allowedActions).toEqual(expect.arrayContaining(['confirm', 'dispute']));
    expect(mine.timeline.at(-1)!.action).toBe('resolve_by_project');
    const confirmed = await resident.post(`/api/v1/needs/${pooled[0]}/transitions`, { action: 'confirm', rating: 5 });
    expect([confirmed.statusCode, confirmed.json<{ state: string }>().state]).toEqual([200, 'closed']);
    expect(await auditCount(t.db, 'need.resolve_by_project')).toBe(2);
  });

  it('waits for the evaluator\'s final report', async () => {
    const { id } = await deliveringProject(w.district.id, w.street.id);
    await t.db.updateTable('projects').set({ status: 'final' }).where('id', '=', id).execute();
    // Not offered before the report is in, and refused if asked for.
    const offered = (await officer.get(`/api/v1/projects/${id}`)).json<{ allowedActions: string[] }>().allowedActions;
    expect(offered.filter((a) => ['accept', 'accept_with_conditions', 'fail'].includes(a))).toEqual([]);
    const early = await officer.post(`/api/v1/projects/${id}/transitions`, { action: 'accept' });
    expect([early.statusCode, code(early)]).toEqual([409, 'project.final_not_evaluated']);
  });
});

describe('a failed mid-term', () => {
  it('stops every later tranche, and the funder terminates the project', async () => {
    const district = (await t.db.selectFrom('projects').select(['district_id', 'purchaser_street_id']).where('id', '=', projectId).executeTakeFirstOrThrow());
    const { id, contract } = await deliveringProject(district.district_id, district.purchaser_street_id!);
    await officer.put(`/api/v1/projects/${id}/evaluator`, { userId: evaluator.user.id });
    await evaluator.post(`/api/v1/projects/${id}/evaluations`, { kind: 'midterm' });
    const m = (await evaluator.get(`/api/v1/projects/${id}/evaluations`)).json<ProjectEvaluations>().evaluations[0]!;
    // Half of every indicator: 50, 不合格.
    await evaluator.patch(`/api/v1/evaluations/${m.id}`, { awarded: Object.fromEntries(Object.entries(FULL).map(([k, v]) => [k, v / 2])) });
    expect(fieldsOf(await evaluator.post(`/api/v1/evaluations/${m.id}/submit`, { conclusion: 'passed' }))).toEqual({ conclusion: 'evaluation.conclusion_grade' });
    const failed = await evaluator.post(`/api/v1/evaluations/${m.id}/submit`, { conclusion: 'failed' });
    expect(failed.json<ProjectEvaluations>()).toMatchObject({ midterm: 'failed', evaluations: [{ score: 50, grade: 'fail' }] });
    expect(code(await release(2, contract))).toBe('contract.block.midterm_failed');
    const ended = await officer.post(`/api/v1/contracts/${contract}/terminate`, { reason: '中期评估不合格', clawbackFen: 50_000 });
    expect(ended.statusCode).toBe(200);
    const project = await t.db.selectFrom('projects').select(['status', 'outcome']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(project).toEqual({ status: 'terminated', outcome: 'terminated' });
    const last = await t.db.selectFrom('project_events').select('action').where('project_id', '=', id).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last.action).toBe('fail_midterm');
  });
});

describe('the track record', () => {
  it('is computed from the contractor\'s projects: won, outcomes, first-try acceptance, final grades, funding mix', async () => {
    const record = (await resident.get(`/api/v1/organizations/${contractor.id}/track-record`)).json<{
      won: number; inDelivery: number; outcomes: Record<string, number>; acceptedFirstTry: number; projects: { id: string; finalGrade: string | null; finalScore: number | null; rectified: boolean }[];
      fundingMix: { totalFen: number; governmentShare: number; bySource: Record<string, number> };
    }>();
    // Three contracts of 3,000 yuan: the accepted one (rectified at mid-term, so not on first try),
    // the one terminated after its failed mid-term, and the one waiting in final.
    expect([record.won, record.inDelivery, record.outcomes]).toEqual([3, 1, { accepted: 1, accepted_with_conditions: 0, failed: 0, terminated: 1 }]);
    expect(record.acceptedFirstTry).toBe(0);
    expect(record.projects.find((p) => p.id === projectId)).toMatchObject({ finalGrade: 'excellent', finalScore: 91, rectified: true });
    expect(record.fundingMix).toMatchObject({ totalFen: 900_000, governmentShare: 1, bySource: { government_purchase: 900_000, venture_philanthropy: 0 } });
    expect((await resident.get(`/api/v1/organizations/${newId()}/track-record`)).statusCode).toBe(404);
  });
});
