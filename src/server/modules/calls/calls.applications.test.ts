import ExcelJS from 'exceljs';
import type { Static } from 'typebox';
import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, Client, clientAs, createTestApp, type ErrorBody, type TestApp } from '../../testing.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { buildOrganization, type OrganizationRef } from '../organizations/testing.ts';
import { buildProject } from '../projects/projects.testing.ts';
import { buildCommunity, buildDistrict, buildStreet, type CommunityRef, type DistrictRef, type StreetRef } from '../territory/testing.ts';
import { buildSocialWorker } from '../workforce/testing.ts';
import type { ApplicationDetail, ApplicationView } from './calls.applications.schemas.ts';
import type { ProjectContract as ProjectContractSchema } from '../projects/projects.contracts.schemas.ts';
import type { TrackRecord } from '../projects/projects.track-record.ts';
import type { Objection, PublicPage } from './calls.publicity.schemas.ts';
import type { MyReview, Progress, Ranking, ReviewSheet } from './calls.reviews.schemas.ts';
import { DEFAULT_CALL_RULES } from './calls.rules.ts';
import type { CallDetail } from './calls.schemas.ts';

/**
 * Applications and their review, story 3: organizations apply, the panel declares conflicts
 * before it reads, scores stay hidden until the panel closes, the ranking is computed.
 * Expected figures are worked out by hand in the comments, not taken from the code.
 */
type C = Awaited<ReturnType<typeof clientAs>>;
type ProjectContract = Static<typeof ProjectContractSchema>;
let t: TestApp;
let district: DistrictRef, street: StreetRef, otherStreet: StreetRef, community: CommunityRef;
let orgA: OrganizationRef, orgB: OrganizationRef, orgListed: OrganizationRef, orgFailed: OrganizationRef;
let officer: C, otherOfficer: C, districtOfficer: C, communityAdmin: C, resident: C, outsideReviewer: C;
let adminA: C, supervisorA: C, workerA: C, adminB: C, adminListed: C, adminFailed: C;
/** r1–r4 plain reviewers; r5 is also a social worker of organization A (tied to A). */
let r1: C, r2: C, r3: C, r4: C, r5: C;
let leadA: string, memberA: string, leadB: string;
let call: CallDetail;
let projectId: string;
let appA: ApplicationDetail, appB: ApplicationDetail;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const lastYear = Number(localDate(new Date()).slice(0, 4)) - 1;
const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;
const fields = (res: { json: <T>() => T }) => Object.fromEntries((res.json<ErrorBody>().error.details?.fields ?? []).map((f) => [f.field, f.code]));

async function annualReport(org: OrganizationRef, by: string) {
  await t.db
    .insertInto('organization_credit_records')
    .values({ id: newId(), organization_id: org.id, kind: 'annual_report', occurred_on: `${lastYear + 1}-03-01`, report_year: lastYear, source: '年报系统', recorded_by: by })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  street = await buildStreet(t.db, { district });
  otherStreet = await buildStreet(t.db, { district });
  community = await buildCommunity(t.db, { street });
  const d = district.id;
  officer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId: d }]);
  otherOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: otherStreet.id, districtId: d }]);
  districtOfficer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d }]);
  communityAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: community.id, districtId: d }]);
  resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: newId(), districtId: d }]);
  outsideReviewer = await clientAs(t, [{ role: 'reviewer', scopeType: 'street', scopeId: street.id, districtId: d }]);

  orgA = await buildOrganization(t.db, t.platform.pii, { name: '启航社工服务中心', district });
  orgB = await buildOrganization(t.db, t.platform.pii, { name: '乐龄社会工作服务社', district });
  orgListed = await buildOrganization(t.db, t.platform.pii, { name: '异常名录服务社', district });
  orgFailed = await buildOrganization(t.db, t.platform.pii, { name: '曾失败服务社', district });
  const org = (o: OrganizationRef, role: 'org_admin' | 'supervisor' | 'social_worker' = 'org_admin') => clientAs(t, [{ role, scopeType: 'organization', scopeId: o.id }]);
  [adminA, supervisorA, workerA, adminB, adminListed, adminFailed] = [await org(orgA), await org(orgA, 'supervisor'), await org(orgA, 'social_worker'), await org(orgB), await org(orgListed), await org(orgFailed)];
  for (const o of [orgA, orgB, orgListed, orgFailed]) await annualReport(o, officer.user.id);
  await t.db
    .insertInto('organization_list_entries')
    .values({ id: newId(), organization_id: orgListed.id, list: 'abnormal', entered_on: `${lastYear}-11-01`, authority: '区民政局', reason: '未按规定报送年报', recorded_by: officer.user.id })
    .execute();
  // A project of orgFailed failed six months ago: within the default 24-month exclusion.
  const failed = await buildProject(t.db, { districtId: d, streetId: street.id, purchaser: 'street', status: 'closed', createdBy: officer.user.id });
  const sixMonthsAgo = localDate(new Date(Date.now() - 182 * 86_400_000));
  await t.db.updateTable('projects').set({ contractor_organization_id: orgFailed.id, outcome: 'failed', ended_on: sixMonthsAgo }).where('id', '=', failed.id).execute();

  const reviewer = () => clientAs(t, [{ role: 'reviewer', scopeType: 'street', scopeId: street.id, districtId: d }]);
  [r1, r2, r3, r4, r5] = [await reviewer(), await reviewer(), await reviewer(), await reviewer(), await reviewer()];
  leadA = (await buildSocialWorker(t.db, t.platform.pii, { organization: orgA, communities: [community], name: '王娟' })).id;
  memberA = (await buildSocialWorker(t.db, t.platform.pii, { organization: orgA, communities: [community], name: '李敏' })).id;
  leadB = (await buildSocialWorker(t.db, t.platform.pii, { organization: orgB, communities: [community], name: '赵青' })).id;
  await buildSocialWorker(t.db, t.platform.pii, { organization: orgA, communities: [community], name: '周评', userId: r5.user.id });

  // 180,000 yuan offered; rules: trimmed mean from 4 reviews, 2 points for the 为老服务 theme.
  projectId = (await buildProject(t.db, { districtId: d, streetId: street.id, purchaser: 'street', status: 'approved', createdBy: districtOfficer.user.id, budgetFen: 18_000_000 })).id;
  const rules = { ...DEFAULT_CALL_RULES, trimFrom: 4, bonus: { ...DEFAULT_CALL_RULES.bonus, priorityThemes: [{ theme: '为老服务', points: 2 }] } };
  const created = await officer.post('/api/v1/calls', { title: '幸福食堂助餐服务', kind: 'government_purchase', streetId: street.id, themes: ['为老服务'], deadline: inDays(10), projectIds: [projectId], rules });
  expect(created.statusCode, created.body).toBe(201);
  call = created.json<CallDetail>();
  for (const r of [r1, r2, r3, r4, r5]) expect((await officer.post(`/api/v1/calls/${call.id}/panel`, { userId: r.user.id, kind: r === r4 ? 'juror' : 'expert' })).statusCode).toBe(200);
  expect((await officer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'open' })).statusCode).toBe(200);
});
afterAll(() => t.close());

const complete = (team: { socialWorkerId: string; role: 'lead' | 'member' }[]) => ({
  summary: '为 59 户老人提供午餐',
  proposal: '每周一至周五在社区食堂供应午餐，行动不便者送餐上门。',
  // 200,000 yuan in all, 40,000 co-funded (20 %): 160,000 requested, within the project's 180,000.
  budgetLines: [
    { item: '食材', amountFen: 12_000_000 },
    { item: '人员', amountFen: 8_000_000 },
  ],
  coFundingFen: 4_000_000,
  coFundingSource: '慈善基金会',
  coFundingKind: 'foundation',
  team,
});

describe('applying', () => {
  it('saves a draft numbered within the call, readable only by the applicant, and audits it', async () => {
    const before = await auditCount(t.db, 'application.create');
    const res = await adminA.post(`/api/v1/calls/${call.id}/applications`, { organizationId: orgA.id, projectId, title: '幸福食堂' });
    expect(res.statusCode, res.body).toBe(201);
    appA = res.json<ApplicationDetail>();
    expect(appA).toMatchObject({ status: 'draft', refNo: `${call.refNo}-01`, organizationName: '启航社工服务中心', projectId, theme: null, budgetFen: 0 });
    expect(appA.allowedActions).toEqual(['update', 'submit', 'withdraw']);
    expect(await auditCount(t.db, 'application.create')).toBe(before + 1);
    // A draft is the organization's working paper: the office, another organization, the panel do not see it.
    for (const c of [officer, adminB, r1]) expect((await c.get(`/api/v1/applications/${appA.id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/applications?callId=${call.id}`)).json<{ items: ApplicationView[] }>().items).toEqual([]);
  });

  it('refuses an incomplete submission, naming each gap', async () => {
    const res = await adminA.post(`/api/v1/applications/${appA.id}/transitions`, { action: 'submit' });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual({ summary: 'validation.required', proposal: 'validation.required', budgetLines: 'validation.required', team: 'application.one_lead' });
  });

  it('takes only the applicant\'s own active social workers on the team', async () => {
    const res = await adminA.patch(`/api/v1/applications/${appA.id}`, { team: [{ socialWorkerId: leadB, role: 'lead' }] });
    expect(res.statusCode).toBe(404);
    expect(fields(res)).toEqual({ 'team.0.socialWorkerId': 'resource.not_found' });
  });

  it('refuses a request above the project budget and co-funding above the budget', async () => {
    const over = await adminA.patch(`/api/v1/applications/${appA.id}`, { ...complete([{ socialWorkerId: leadA, role: 'lead' }]), coFundingFen: 0 });
    expect(over.statusCode).toBe(200);
    // 200,000 requested > 180,000 offered.
    const submit = await adminA.post(`/api/v1/applications/${appA.id}/transitions`, { action: 'submit' });
    expect([submit.statusCode, fields(submit)]).toEqual([400, { budgetLines: 'application.over_project_budget' }]);
    const co = await adminA.patch(`/api/v1/applications/${appA.id}`, { coFundingFen: 30_000_000 });
    expect([co.statusCode, fields(co)]).toEqual([400, { coFundingFen: 'application.co_funding_over_budget' }]);
  });

  it('asks where co-funding comes from, never government money, before submitting it', async () => {
    expect((await adminA.patch(`/api/v1/applications/${appA.id}`, complete([{ socialWorkerId: leadA, role: 'lead' }, { socialWorkerId: memberA, role: 'member' }]))).statusCode).toBe(200);
    expect((await adminA.patch(`/api/v1/applications/${appA.id}`, { coFundingKind: null })).statusCode).toBe(200);
    const unnamed = await adminA.post(`/api/v1/applications/${appA.id}/transitions`, { action: 'submit' });
    expect([unnamed.statusCode, fields(unnamed)]).toEqual([400, { coFundingKind: 'validation.required' }]);
    for (const kind of ['government_purchase', 'venture_philanthropy', 'lottery']) {
      expect([kind, (await adminA.patch(`/api/v1/applications/${appA.id}`, { coFundingKind: kind })).statusCode]).toEqual([kind, 400]);
    }
    const named = await adminA.patch(`/api/v1/applications/${appA.id}`, { coFundingKind: 'foundation' });
    expect([named.statusCode, named.json<ApplicationDetail>().coFundingKind]).toEqual([200, 'foundation']);
  });

  it('submits a complete application of an eligible organization and keeps the eligibility answer of that day', async () => {
    const res = await adminA.post(`/api/v1/applications/${appA.id}/transitions`, { action: 'submit' });
    expect(res.statusCode, res.body).toBe(200);
    appA = res.json<ApplicationDetail>();
    expect(appA).toMatchObject({ status: 'submitted', budgetFen: 20_000_000, coFundingFen: 4_000_000, requestedFen: 16_000_000, coFundingSource: '慈善基金会', coFundingKind: 'foundation' });
    expect(appA.eligibility).toMatchObject({ eligible: true, onDate: localDate(new Date()) });
    expect(appA.team.map((m) => [m.name, m.role])).toEqual([['王娟', 'lead'], ['李敏', 'member']]);
    expect((await adminA.patch(`/api/v1/applications/${appA.id}`, { title: 'x' })).statusCode).toBe(403);
    const again = await adminA.post(`/api/v1/calls/${call.id}/applications`, { organizationId: orgA.id, projectId, title: '再来一份' });
    expect([again.statusCode, code(again)]).toEqual([409, 'application.already_applied']);
  });

  it('explains ineligibility rule by rule and refuses the submission', async () => {
    const listed = await adminListed.get(`/api/v1/calls/${call.id}/eligibility?organizationId=${orgListed.id}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ eligible: boolean; checks: { rule: string; pass: boolean; reason: string }[] }>()).toMatchObject({ eligible: false });
    expect(listed.json<{ checks: { reason: string; pass: boolean }[] }>().checks.filter((c) => !c.pass).map((c) => c.reason)).toEqual(['on_abnormal_list']);
    const failed = await adminFailed.get(`/api/v1/calls/${call.id}/eligibility?organizationId=${orgFailed.id}`);
    expect(failed.json<{ checks: { reason: string; pass: boolean }[] }>().checks.filter((c) => !c.pass).map((c) => c.reason)).toEqual(['failed_project']);
    // Another organization's standing is its own people's and the office's business.
    expect((await adminB.get(`/api/v1/calls/${call.id}/eligibility?organizationId=${orgListed.id}`)).statusCode).toBe(403);
    expect((await officer.get(`/api/v1/calls/${call.id}/eligibility?organizationId=${orgListed.id}`)).statusCode).toBe(200);

    const draft = await adminListed.post(`/api/v1/calls/${call.id}/applications`, { organizationId: orgListed.id, theme: '为老服务', title: '助老', ...complete([]) });
    expect(draft.statusCode, draft.body).toBe(201);
    const sw = await buildSocialWorker(t.db, t.platform.pii, { organization: orgListed, communities: [community] });
    await adminListed.patch(`/api/v1/applications/${draft.json<ApplicationDetail>().id}`, { team: [{ socialWorkerId: sw.id, role: 'lead' }] });
    const res = await adminListed.post(`/api/v1/applications/${draft.json<ApplicationDetail>().id}/transitions`, { action: 'submit' });
    expect([res.statusCode, code(res)]).toEqual([409, 'application.not_eligible']);
    // Withdrawn without ever being submitted (and unfinished: its co-funding's kind taken out), the
    // draft stays the organization's own: the office never reads it.
    expect((await adminListed.patch(`/api/v1/applications/${draft.json<ApplicationDetail>().id}`, { coFundingKind: null })).statusCode).toBe(200);
    const withdrawn = await adminListed.post(`/api/v1/applications/${draft.json<ApplicationDetail>().id}/transitions`, { action: 'withdraw' });
    expect([withdrawn.statusCode, withdrawn.json<ApplicationDetail>().status]).toEqual([200, 'withdrawn']);
    expect((await officer.get(`/api/v1/applications/${draft.json<ApplicationDetail>().id}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/applications?callId=${call.id}`)).json<{ items: ApplicationView[] }>().items.map((a) => a.id)).not.toContain(draft.json<ApplicationDetail>().id);
  });

  it('lets a second organization apply on a theme', async () => {
    const res = await adminB.post(`/api/v1/calls/${call.id}/applications`, { organizationId: orgB.id, theme: '为老服务', title: '长者互助', ...complete([{ socialWorkerId: leadB, role: 'lead' }]), coFundingFen: 0 });
    expect(res.statusCode, res.body).toBe(201);
    const submitted = await adminB.post(`/api/v1/applications/${res.json<ApplicationDetail>().id}/transitions`, { action: 'submit' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    appB = submitted.json<ApplicationDetail>();
    const theme = await adminB.post(`/api/v1/calls/${call.id}/applications`, { organizationId: orgB.id, theme: '不在指南里', title: 'x' });
    expect([theme.statusCode, fields(theme)]).toEqual([400, { theme: 'application.theme_not_offered' }]);
  });

  it('lists the submitted applications to the office that runs the call and only those', async () => {
    const office = (await officer.get(`/api/v1/applications?callId=${call.id}`)).json<{ items: ApplicationView[] }>().items;
    expect(office.map((a) => a.id).sort()).toEqual([appA.id, appB.id].sort());
    expect((await otherOfficer.get(`/api/v1/applications?callId=${call.id}`)).json<{ items: ApplicationView[] }>().items).toEqual([]);
    const own = (await adminB.get('/api/v1/applications')).json<{ items: ApplicationView[] }>().items;
    expect(own.map((a) => a.id)).toEqual([appB.id]);
  });

  it('who may read a submitted application and who may start one (written out per role)', async () => {
    const read: [string, C, number][] = [
      ['applicant admin', adminA, 200],
      ['applicant supervisor', supervisorA, 200],
      ['applicant social worker', workerA, 200],
      ['other organization', adminB, 404],
      ['issuing street office', officer, 200],
      ['other street office', otherOfficer, 404],
      ['district office (street call)', districtOfficer, 404],
      ['community admin', communityAdmin, 404],
      ['resident', resident, 404],
      ['panel member while the call is open', r1, 404],
    ];
    for (const [who, c, status] of read) expect([who, (await c.get(`/api/v1/applications/${appA.id}`)).statusCode]).toEqual([who, status]);
    const start: [string, C, number][] = [
      ['applicant supervisor', supervisorA, 403],
      ['other organization\'s admin', adminB, 403],
      ['issuing street office', officer, 403],
      ['reviewer', r1, 403],
    ];
    for (const [who, c, status] of start) {
      const res = await c.post(`/api/v1/calls/${call.id}/applications`, { organizationId: orgA.id, theme: '为老服务', title: 'x' });
      expect([who, res.statusCode]).toEqual([who, status]);
    }
  });

  it('takes nothing after the deadline', async () => {
    await t.db.updateTable('calls').set({ deadline: new Date(Date.now() - 1000) }).where('id', '=', call.id).execute();
    const res = await adminFailed.post(`/api/v1/calls/${call.id}/applications`, { organizationId: orgFailed.id, theme: '为老服务', title: 'x' });
    expect([res.statusCode, code(res)]).toEqual([409, 'application.deadline_passed']);
    expect((await officer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'close' })).statusCode).toBe(200);
  });
});

// Scores per criterion [need_fit 30, design 25, team 20, budget 15, sustainability 10].
const sheet = (s: number[]) => ({ need_fit: s[0], design: s[1], team: s[2], budget: s[3], sustainability: s[4] });

describe('review', () => {
  it('withholds an application from a reviewer who works for the applicant, without naming it', async () => {
    const tied = (await r5.get(`/api/v1/calls/${call.id}/review-sheet`)).json<ReviewSheet>();
    expect(tied.withheld).toBe(1);
    expect(tied.items.map((i) => i.applicationId)).toEqual([appB.id]);
    expect((await r5.get(`/api/v1/applications/${appA.id}`)).statusCode).toBe(404);
    expect((await r5.post(`/api/v1/applications/${appA.id}/declaration`, { conflict: false })).statusCode).toBe(404);
    expect((await outsideReviewer.get(`/api/v1/calls/${call.id}/review-sheet`)).statusCode).toBe(403);
  });

  it('shows who applies for what before the declaration, the proposal only after declaring no conflict', async () => {
    const before = (await r1.get(`/api/v1/applications/${appA.id}`)).json<ApplicationDetail>();
    expect(before).toMatchObject({ title: '幸福食堂', organizationName: '启航社工服务中心', proposal: '', budgetLines: [], team: [], eligibility: null });
    const early = await r1.put(`/api/v1/applications/${appA.id}/review`, { scores: sheet([24, 20, 16, 12, 8]) });
    expect([early.statusCode, code(early)]).toEqual([409, 'review.declare_first']);
    const declared = await r1.post(`/api/v1/applications/${appA.id}/declaration`, { conflict: false });
    expect([declared.statusCode, declared.json<MyReview>().state]).toEqual([200, 'scoring']);
    expect((await r1.get(`/api/v1/applications/${appA.id}`)).json<ApplicationDetail>().proposal).toContain('社区食堂');
  });

  it('takes a declared conflict as final for that application', async () => {
    const res = await r2.post(`/api/v1/applications/${appB.id}/declaration`, { conflict: true, note: '曾任该机构理事' });
    expect([res.statusCode, res.json<MyReview>().state]).toEqual([200, 'conflict']);
    expect((await r2.get(`/api/v1/applications/${appB.id}`)).statusCode).toBe(404);
    expect((await r2.put(`/api/v1/applications/${appB.id}/review`, { scores: sheet([1, 1, 1, 1, 1]) })).statusCode).toBe(404);
  });

  it('refuses scores finer than a tenth, above a criterion\'s points, and an incomplete sheet handed in', async () => {
    const fine = await r1.put(`/api/v1/applications/${appA.id}/review`, { scores: { need_fit: 27.55 } });
    expect([fine.statusCode, fields(fine)]).toEqual([400, { 'scores.need_fit': 'review.not_tenths' }]);
    const high = await r1.put(`/api/v1/applications/${appA.id}/review`, { scores: { design: 26 } });
    expect([high.statusCode, fields(high)]).toEqual([400, { 'scores.design': 'review.out_of_range' }]);
    const unknown = await r1.put(`/api/v1/applications/${appA.id}/review`, { scores: { charm: 5 } });
    expect([unknown.statusCode, fields(unknown)]).toEqual([400, { 'scores.charm': 'review.unknown_criterion' }]);
    const partial = await r1.put(`/api/v1/applications/${appA.id}/review`, { scores: { need_fit: 24 }, submit: true });
    expect([partial.statusCode, fields(partial)]).toEqual([400, { 'scores.design': 'validation.required' }]);
    const draft = await r1.put(`/api/v1/applications/${appA.id}/review`, { scores: { need_fit: 24 } });
    expect([draft.statusCode, draft.json<MyReview>().total]).toEqual([200, 24]);
  });

  it('keeps each reviewer\'s scores from the others and from the office until the panel closes', async () => {
    const score = async (c: C, app: ApplicationDetail, s: number[]) => {
      expect((await c.post(`/api/v1/applications/${app.id}/declaration`, { conflict: false })).statusCode).toBe(200);
      const res = await c.put(`/api/v1/applications/${app.id}/review`, { scores: sheet(s), comment: '可行', submit: true });
      expect(res.statusCode, res.body).toBe(200);
    };
    // A: totals 80, 85, 90, 70.   B: totals 75, 80, 85, 90 (r2 stepped out).
    await score(r1, appA, [24, 20, 16, 12, 8]);
    await score(r2, appA, [25, 21, 17, 13, 9]);
    await score(r3, appA, [27, 22.5, 18, 13.5, 9]);
    await score(r4, appA, [21, 17.5, 14, 10.5, 7]);
    await score(r1, appB, [22, 19, 15, 11, 8]);
    await score(r3, appB, [24, 20, 16, 12, 8]);
    await score(r4, appB, [26, 21, 17, 12, 9]);
    const sheetOfR2 = (await r2.get(`/api/v1/calls/${call.id}/review-sheet`)).json<ReviewSheet>();
    expect(sheetOfR2.items.find((i) => i.applicationId === appA.id)).toMatchObject({ state: 'submitted', total: 85 });
    for (const c of [r2, officer, adminA]) expect((await c.get(`/api/v1/applications/${appA.id}`)).json<ApplicationDetail>().scoreSheets).toBeNull();
    expect((await officer.get(`/api/v1/calls/${call.id}/ranking`)).statusCode).toBe(403);
    const resubmit = await r1.put(`/api/v1/applications/${appA.id}/review`, { scores: sheet([30, 25, 20, 15, 10]) });
    expect([resubmit.statusCode, code(resubmit)]).toEqual([409, 'review.already_submitted']);
  });

  it('does not close the panel while a sheet is owed, and tells the office who owes what', async () => {
    const progress = (await officer.get(`/api/v1/calls/${call.id}/review-progress`)).json<Progress>();
    expect(progress.outstanding).toBe(1);
    const p5 = progress.panel.find((p) => p.userId === r5.user.id)!;
    expect(p5).toMatchObject({ tied: 1, undeclared: 1, submitted: 0 });
    expect(JSON.stringify(progress)).not.toContain('need_fit');
    const res = await officer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'rank' });
    expect([res.statusCode, code(res)]).toEqual([409, 'call.reviews_outstanding']);
    expect((await r1.get(`/api/v1/calls/${call.id}/review-progress`)).statusCode).toBe(403);
  });

  it('ranks by trimmed mean plus bonus points and breaks the tie by the stated rule', async () => {
    expect((await r5.post(`/api/v1/applications/${appB.id}/declaration`, { conflict: false })).statusCode).toBe(200);
    expect((await r5.put(`/api/v1/applications/${appB.id}/review`, { scores: sheet([27, 22.5, 18, 13.5, 9]), submit: true })).statusCode).toBe(200);
    const ranked = await officer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'rank' });
    expect([ranked.statusCode, ranked.json<CallDetail>().status]).toEqual([200, 'ranked']);
    const ranking = (await officer.get(`/api/v1/calls/${call.id}/ranking`)).json<Ranking>();
    // Four reviews ≥ trimFrom 4: the highest and lowest totals go. A: (80+85)/2 = 82.5, plus
    // 2 points for 20 % co-funding = 84.5. B: (80+85)/2 = 82.5, plus 2 for the 为老服务 theme = 84.5.
    // Same total, same base; the heaviest criterion (need_fit), trimmed the same way:
    // A (24, 25) → 24.5, B (24, 26) → 25. B first.
    expect(ranking.items.map((r) => [r.rank, r.applicationId, r.base, r.bonus, r.total, r.trimmed, r.tieBrokenBy, r.recommended])).toEqual([
      [1, appB.id, 82.5, 2, 84.5, true, null, true],
      [2, appA.id, 82.5, 2, 84.5, true, 'heaviest_criterion', true],
    ]);
    expect(ranking.items[1]!.requestedFen).toBe(16_000_000);
    // The panel sees it too; an applicant does not (publicity is the public face).
    expect((await r2.get(`/api/v1/calls/${call.id}/ranking`)).statusCode).toBe(200);
    expect((await adminA.get(`/api/v1/calls/${call.id}/ranking`)).statusCode).toBe(403);
  });

  it('shows the sheets named to the office and panel, numbered to the applicant', async () => {
    const office = (await officer.get(`/api/v1/applications/${appA.id}`)).json<ApplicationDetail>().scoreSheets!;
    expect(office.map((s) => s.total).sort()).toEqual([70, 80, 85, 90]);
    expect(office.every((s) => typeof s.reviewer === 'string')).toBe(true);
    const own = (await adminA.get(`/api/v1/applications/${appA.id}`)).json<ApplicationDetail>().scoreSheets!;
    expect(own.map((s) => [s.number, s.reviewer])).toEqual([[1, null], [2, null], [3, null], [4, null]]);
    expect(own.find((s) => s.total === 90)!.scores).toEqual(sheet([27, 22.5, 18, 13.5, 9]));
  });

  it('exports the ranking as a workbook with the figures as numbers', async () => {
    const res = await officer.get(`/api/v1/calls/${call.id}/ranking.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().slice(3).map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => [r[0], r[1], r[2], r[5], r[10], r[12]])).toEqual([
      [1, appB.refNo, '乐龄社会工作服务社', 200_000, 84.5, ''],
      [2, appA.refNo, '启航社工服务中心', 160_000, 84.5, '权重最高评分项得分'],
    ]);
    expect((await adminA.get(`/api/v1/calls/${call.id}/ranking.xlsx`)).statusCode).toBe(403);
  });
});

describe('award, publicity and objections', () => {
  it('awards from the ranking; leaving out a recommended application needs a publicised reason', async () => {
    const unknown = await officer.post(`/api/v1/calls/${call.id}/publicity`, { applicationIds: [newId()] });
    expect([unknown.statusCode, fields(unknown)]).toEqual([404, { 'applicationIds.0': 'resource.not_found' }]);
    const partial = await officer.post(`/api/v1/calls/${call.id}/publicity`, { applicationIds: [appB.id] });
    expect([partial.statusCode, fields(partial)]).toEqual([400, { reason: 'call.award_reason_required' }]);
    expect((await adminA.post(`/api/v1/calls/${call.id}/publicity`, { applicationIds: [appA.id, appB.id] })).statusCode).toBe(403);
    const res = await officer.post(`/api/v1/calls/${call.id}/publicity`, { applicationIds: [appA.id, appB.id] });
    expect(res.statusCode, res.body).toBe(200);
    const published = res.json<CallDetail>();
    expect(published.status).toBe('publicity');
    // Seven calendar days of publicity, from now.
    expect(Math.round((Date.parse(published.publicityEndsAt!) - Date.parse(published.publicizedAt!)) / 86_400_000)).toBe(7);
    const project = await t.db.selectFrom('projects').select('status').where('id', '=', projectId).executeTakeFirstOrThrow();
    expect(project.status).toBe('publicity');
  });

  it('shows the result to anyone, signed in or not, with organizations and amounts and never a person', async () => {
    const anonymous = new Client(t.app);
    const res = await anonymous.get(`/api/v1/public/publicity?streetId=${street.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<PublicPage>();
    const shown = page.items.find((i) => i.callId === call.id)!;
    expect(shown.awards.map((a) => [a.rank, a.organizationName, a.amountFen, a.revoked])).toEqual([
      [1, '乐龄社会工作服务社', 20_000_000, false],
      [2, '启航社工服务中心', 16_000_000, false],
    ]);
    for (const person of ['王娟', '李敏', '赵青', r1.user.username, r1.user.id]) expect(res.body).not.toContain(person);
    const byCommunity = (await anonymous.get(`/api/v1/public/publicity?communityId=${community.id}`)).json<PublicPage>();
    expect(byCommunity.items.map((i) => i.callId)).toContain(call.id);
    expect((await anonymous.get(`/api/v1/public/publicity?streetId=${otherStreet.id}`)).json<PublicPage>().items.map((i) => i.callId)).not.toContain(call.id);
    expect((await anonymous.get(`/api/v1/public/publicity?streetId=${newId()}`)).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/public/publicity')).statusCode).toBe(400);
  });

  it('takes objections from anyone signed in, names them to the office only, and concludes only once all are answered after the period', async () => {
    const lodged = await resident.post(`/api/v1/calls/${call.id}/objections`, { applicationId: appA.id, body: '活动场地太小，容纳不了 59 位老人' });
    expect(lodged.statusCode, lodged.body).toBe(201);
    const objection = lodged.json<Objection>();
    expect(objection.lodgedBy).toBeNull();
    expect((await officer.get(`/api/v1/calls/${call.id}/objections`)).json<{ items: Objection[] }>().items.map((o) => o.lodgedBy)).toEqual([resident.user.username]);
    expect((await resident.get(`/api/v1/calls/${call.id}/objections`)).json<{ items: Objection[] }>().items).toHaveLength(1);
    expect((await adminB.get(`/api/v1/calls/${call.id}/objections`)).json<{ items: Objection[] }>().items).toEqual([]);
    const early = await officer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'conclude' });
    expect([early.statusCode, code(early)]).toEqual([409, 'call.publicity_running']);
    expect((await adminA.post(`/api/v1/calls/${call.id}/objections/${objection.id}/answer`, { upheld: false, answer: 'x' })).statusCode).toBe(403);

    // An objection to the theme award, upheld: the award is revoked, and the public page says so.
    const second = (await resident.post(`/api/v1/calls/${call.id}/objections`, { applicationId: appB.id, body: '团队无为老服务经验' })).json<Objection>();
    const upheld = await officer.post(`/api/v1/calls/${call.id}/objections/${second.id}/answer`, { upheld: true, answer: '经核实，取消授予' });
    expect([upheld.statusCode, upheld.json<Objection>().upheld]).toEqual([200, true]);
    const again = await officer.post(`/api/v1/calls/${call.id}/objections/${second.id}/answer`, { upheld: false, answer: '改判' });
    expect([again.statusCode, code(again)]).toEqual([409, 'call.objection_answered']);

    await t.db.updateTable('calls').set({ publicity_ends_at: new Date(Date.now() - 1000) }).where('id', '=', call.id).execute();
    const late = await resident.post(`/api/v1/calls/${call.id}/objections`, { body: '再提一条' });
    expect([late.statusCode, code(late)]).toEqual([409, 'call.publicity_over']);
    const unanswered = await officer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'conclude' });
    expect([unanswered.statusCode, code(unanswered)]).toEqual([409, 'call.objections_open']);
    expect((await officer.post(`/api/v1/calls/${call.id}/objections/${objection.id}/answer`, { upheld: false, answer: '食堂可容纳 80 人，分两批用餐' })).statusCode).toBe(200);
    const concluded = await officer.post(`/api/v1/calls/${call.id}/transitions`, { action: 'conclude' });
    expect([concluded.statusCode, concluded.json<CallDetail>().status]).toEqual([200, 'concluded']);
    const page = (await new Client(t.app).get(`/api/v1/public/publicity?streetId=${street.id}`)).json<PublicPage>();
    const shown = page.items.find((i) => i.callId === call.id)!;
    expect(shown.awards.map((a) => [a.organizationName, a.revoked])).toEqual([['乐龄社会工作服务社', true], ['启航社工服务中心', false]]);
    expect([shown.objectionsLodged, shown.objectionsAnswered]).toEqual([2, 2]);
  });
});

describe('contract and tranches (story 3’s end)', () => {
  // The round concluded above with 启航's award on the project: 160,000 yuan requested.
  const contractOfProject = async (c: C = officer) => (await c.get(`/api/v1/projects/${projectId}/contract`)).json<ProjectContract>();
  const thirds = [
    { amountFen: 4_800_000, precondition: 'signed' },
    { amountFen: 6_400_000, precondition: 'midterm_passed' },
    { amountFen: 4_800_000, precondition: 'final_accepted' },
  ];
  const term = { termStart: '2027-01-01', termEnd: '2027-12-31' };
  let contractId = '';

  it('is drafted by the funder on the live award, its tranches adding up to the amount', async () => {
    const before = await contractOfProject();
    expect(before).toMatchObject({ contract: null, canDraft: true, award: { organizationName: '启航社工服务中心', amountFen: 16_000_000, callStatus: 'concluded' } });
    const pledged = { fen: 4_000_000, kind: 'foundation', source: '慈善基金会' };
    expect(before.award!.coFunding).toEqual(pledged);
    const short = await officer.post(`/api/v1/projects/${projectId}/contract`, { ...term, tranches: thirds.slice(0, 2) });
    expect([short.statusCode, fields(short)]).toEqual([400, { tranches: 'contract.sum_differs' }]);
    const backwards = await officer.post(`/api/v1/projects/${projectId}/contract`, { termStart: '2027-12-31', termEnd: '2027-01-01', tranches: thirds });
    expect([backwards.statusCode, fields(backwards)]).toEqual([400, { termEnd: 'contract.term_order' }]);
    // The district office reads the street's project but does not buy it; an organization does not read it.
    expect((await districtOfficer.post(`/api/v1/projects/${projectId}/contract`, { ...term, tranches: thirds })).statusCode).toBe(403);
    expect((await adminA.post(`/api/v1/projects/${projectId}/contract`, { ...term, tranches: thirds })).statusCode).toBe(404);
    // The delivery plan: one target per measure, a rate of at most 100%, milestones due within the term.
    const plan = {
      indicators: [{ measure: 'sessions_held', target: 48 }, { measure: 'satisfaction_rate', target: 90 }],
      milestones: [{ title: '上半年开展 24 次', dueOn: '2027-06-30', measure: 'sessions_held', threshold: 24 }],
    };
    const draft = (extra: object) => officer.post(`/api/v1/projects/${projectId}/contract`, { ...term, tranches: thirds, ...plan, ...extra });
    expect(fields(await draft({ indicators: [...plan.indicators, { measure: 'sessions_held', target: 50 }] }))).toEqual({ 'indicators.2.measure': 'contract.indicator_duplicate' });
    expect(fields(await draft({ indicators: [{ measure: 'satisfaction_rate', target: 101 }] }))).toEqual({ 'indicators.0.target': 'contract.rate_over_100' });
    expect(fields(await draft({ milestones: [{ ...plan.milestones[0], dueOn: '2028-01-01' }] }))).toEqual({ 'milestones.0.dueOn': 'contract.milestone_outside_term' });
    const byMilestone = [thirds[0], { amountFen: 6_400_000, precondition: 'milestone_reached', milestone: 2 }, thirds[2]];
    expect(fields(await draft({ tranches: byMilestone }))).toEqual({ 'tranches.1.milestone': 'contract.milestone_unknown' });
    expect(fields(await draft({ tranches: [thirds[0], { amountFen: 6_400_000, precondition: 'milestone_reached' }, thirds[2]] }))).toEqual({ tranches: 'contract.milestone_missing' });
    expect(await t.db.selectFrom('project_indicators').select('measure').where('project_id', '=', projectId).execute()).toEqual([]);
    const res = await draft({});
    expect(res.statusCode, res.body).toBe(201);
    const drafted = res.json<ProjectContract>().contract!;
    const delivery = (await officer.get(`/api/v1/projects/${projectId}/delivery`)).json<{ indicators: unknown[]; milestones: unknown[] }>();
    expect(delivery.indicators).toEqual([
      { measure: 'sessions_held', kind: 'output', target: 48, actual: 0, met: false },
      { measure: 'satisfaction_rate', kind: 'outcome', target: 90, actual: null, met: false },
    ]);
    expect(delivery.milestones).toMatchObject([{ seq: 1, title: '上半年开展 24 次', dueOn: '2027-06-30', threshold: 24, actual: 0, reachedOn: null, onTime: null }]);
    contractId = drafted.id;
    expect(drafted).toMatchObject({ status: 'draft', amountFen: 16_000_000, coFunding: pledged, paidFen: 0, allowedActions: ['sign'] });
    expect(drafted.tranches.map((t) => [t.seq, t.amountFen, t.blockedBy])).toEqual([[1, 4_800_000, 'precondition_not_met'], [2, 6_400_000, 'earlier_tranche_pending'], [3, 4_800_000, 'earlier_tranche_pending']]);
    const again = await officer.post(`/api/v1/projects/${projectId}/contract`, { ...term, tranches: thirds });
    expect([again.statusCode, code(again)]).toEqual([409, 'contract.exists']);
  });

  it('pays nothing before signing; signing contracts the project to the awarded organization', async () => {
    const early = await officer.post(`/api/v1/contracts/${contractId}/tranches/1/release`, {});
    expect([early.statusCode, code(early)]).toEqual([409, 'contract.block.precondition_not_met']);
    const signed = await officer.post(`/api/v1/contracts/${contractId}/sign`, {});
    expect([signed.statusCode, signed.json<ProjectContract>().contract!.status]).toEqual([200, 'signed']);
    const project = await t.db.selectFrom('projects').select(['status', 'contractor_organization_id']).where('id', '=', projectId).executeTakeFirstOrThrow();
    expect(project).toEqual({ status: 'contracted', contractor_organization_id: orgA.id });
    // Its funding mix: 160,000 yuan of government purchase and the 40,000 pledged by a foundation.
    const mix = (await adminB.get(`/api/v1/organizations/${orgA.id}/track-record`)).json<TrackRecord>().fundingMix;
    expect(mix).toMatchObject({ totalFen: 20_000_000, governmentShare: 0.8, bySource: { government_purchase: 16_000_000, foundation: 4_000_000, enterprise: 0 } });
    // Herfindahl: 0.8² + 0.2².
    expect(mix.concentration).toBeCloseTo(0.68, 3);
  });

  it('releases a tranche once, even when two requests race, and only when its precondition holds', async () => {
    const release = (seq: number, c: C = officer) => c.post(`/api/v1/contracts/${contractId}/tranches/${seq}/release`, { voucher: '财政支付凭证 2027-001' });
    const who: [string, C, number][] = [['district office', districtOfficer, 403], ['other street office', otherOfficer, 404], ['contractor (reads, does not pay)', adminA, 403], ['reviewer', r1, 404]];
    for (const [name, c, status] of who) expect([name, (await release(1, c)).statusCode]).toEqual([name, status]);
    const [a, b] = await Promise.all([release(1), release(1)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json<ErrorBody>().error.code).toBe('contract.block.already_released');
    const payments = await t.db.selectFrom('contract_payments').select('seq').where('contract_id', '=', contractId).execute();
    expect(payments.map((p) => p.seq)).toEqual([1]);
    // The second waits for a passed mid-term, the third for the second.
    expect(code(await release(2))).toBe('contract.block.precondition_not_met');
    expect(code(await release(3))).toBe('contract.block.earlier_tranche_pending');
    const now = await contractOfProject();
    expect(now.contract).toMatchObject({ paidFen: 4_800_000 });
  });

  it('terminates with a claw-back of at most what was paid, and pays nothing after', async () => {
    const over = await officer.post(`/api/v1/contracts/${contractId}/terminate`, { reason: '服务中止', clawbackFen: 4_800_001 });
    expect([over.statusCode, fields(over)]).toEqual([400, { clawbackFen: 'contract.clawback_over_paid' }]);
    const done = await officer.post(`/api/v1/contracts/${contractId}/terminate`, { reason: '服务中止', clawbackFen: 2_000_000 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<ProjectContract>().contract).toMatchObject({ status: 'terminated', clawbackFen: 2_000_000, terminationReason: '服务中止' });
    const project = await t.db.selectFrom('projects').select(['status', 'outcome', 'ended_on']).where('id', '=', projectId).executeTakeFirstOrThrow();
    expect(project).toEqual({ status: 'terminated', outcome: 'terminated', ended_on: localDate(new Date()) });
    expect(code(await officer.post(`/api/v1/contracts/${contractId}/tranches/2/release`, {}))).toBe('contract.block.terminated');
  });
});
