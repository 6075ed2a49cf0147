import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, fieldsOf, type ErrorBody, type TestApp } from '../../testing.ts';
import { buildOrganization, type OrganizationRef } from '../organizations/testing.ts';
import { buildCommunity, buildDistrict, buildGrid, buildHousehold, buildResident, buildStreet, type CommunityRef } from '../territory/testing.ts';
import { cycleOf, standing } from './ce.service.ts';
import type { CeStatus, SupervisionDetail, SupervisionSummary, WorkforceView } from './supervision.schemas.ts';
import { buildSocialWorker } from './testing.ts';
import type { WorkDay } from './worklogs.schemas.ts';

/**
 * Supervision, continuing education and the workforce view of a community, a street and an
 * organization. Expected figures are worked out by hand.
 */
type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let j: CommunityRef, neighbour: CommunityRef;
let org: OrganizationRef;
let zheng: C, chen: C, liu: C, admin: C, otherAdmin: C, jAdmin: C, neighbourAdmin: C, streetOfficer: C, officer: C;
let zhengId: string, chenId: string, liuId: string, loneId: string;
let districtId: string;

const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;
const localToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(`${localToday()}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.db, { name: '江北区' });
  districtId = district.id;
  const street = await buildStreet(t.db, { district, name: '泰山街道' });
  j = await buildCommunity(t.db, { street: { id: street.id, districtId }, name: 'J社区' });
  neighbour = await buildCommunity(t.db, { street: { id: street.id, districtId }, name: '邻社区' });
  org = await buildOrganization(t.db, t.platform.pii, { name: '启航社工服务中心', district, communities: [{ id: j.id, streetId: street.id }] });
  const other = await buildOrganization(t.db, t.platform.pii, { name: '别家机构', district, communities: [{ id: j.id, streetId: street.id }] });
  const orgUser = (role: 'social_worker' | 'supervisor' | 'org_admin', o: OrganizationRef, name: string) => clientAs(t, [{ role, scopeType: 'organization', scopeId: o.id }], { displayName: name });
  [zheng, chen, liu, admin, otherAdmin] = await Promise.all([orgUser('supervisor', org, '郑督导'), orgUser('social_worker', org, '陈社工'), orgUser('social_worker', org, '刘社工'), orgUser('org_admin', org, '何主任'), orgUser('org_admin', other, '别家主任')]);
  jAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: j.id, districtId }]);
  neighbourAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: neighbour.id, districtId }]);
  streetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId }]);
  officer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: districtId, districtId }]);
  const place = (c: CommunityRef) => ({ ...c, districtId, streetId: street.id });
  const sw = async (o: { name: string; user?: C; communities: CommunityRef[]; level?: 'none' | 'assistant' | 'intermediate'; date?: string; grade?: string; supervisorId?: string }) => {
    const id = (await buildSocialWorker(t.db, t.platform.pii, { organization: org, communities: o.communities.map(place), name: o.name, userId: o.user?.user.id ?? null, certificateLevel: o.level ?? 'none' })).id;
    await t.db.updateTable('social_workers').set({ certificate_date: o.date ?? null, pay_grade: o.grade ?? null, supervisor_id: o.supervisorId ?? null }).where('id', '=', id).execute();
    return id;
  };
  zhengId = await sw({ name: '郑慧', user: zheng, communities: [j], level: 'intermediate', date: '2020-03-01', grade: '三级' });
  chenId = await sw({ name: '陈浩', user: chen, communities: [j, neighbour], level: 'assistant', date: `${Number(localToday().slice(0, 4)) - 1}-01-01`, grade: '三级', supervisorId: zhengId });
  liuId = await sw({ name: '刘洋', user: liu, communities: [j], grade: '三级', supervisorId: zhengId });
  loneId = await sw({ name: '孤社工', communities: [neighbour], grade: '一级' });
  // The community's own worker (社区社工) serves J too.
  await buildSocialWorker(t.db, t.platform.pii, { employerCommunity: place(j), name: '吴婷' });
  // 40 residents in J, 20 in the neighbour community.
  const residentsIn = async (c: CommunityRef, n: number) => {
    const household = await buildHousehold(t.db, { grid: await buildGrid(t.db, { community: c }) });
    for (let i = 0; i < n; i++) await buildResident(t.db, t.platform.pii, { household: { ...household, districtId, streetId: street.id, communityId: c.id } });
  };
  await residentsIn(j, 40);
  await residentsIn(neighbour, 20);
});

afterAll(async () => {
  await t?.close();
});

describe('supervision', () => {
  let session: SupervisionDetail;
  const body = () => ({ superviseeIds: [chenId, liuId], form: 'group', functions: ['educational', 'supportive'], heldOn: daysAgo(1), minutes: 90, notes: '讨论家庭冲突个案的介入策略' });

  it('is recorded by the supervisor with her supervisees only', async () => {
    let res = await zheng.post('/api/v1/supervision-sessions', { ...body(), superviseeIds: [chenId, loneId] });
    expect([res.statusCode, fieldsOf(res)['superviseeIds.1']]).toEqual([404, 'resource.not_found']);
    res = await zheng.post('/api/v1/supervision-sessions', { ...body(), form: 'individual' });
    expect(fieldsOf(res).form).toBe('supervision.form_mismatch');
    res = await zheng.post('/api/v1/supervision-sessions', { ...body(), heldOn: daysAgo(-1) });
    expect(fieldsOf(res).heldOn).toBe('workforce.date_in_future');
    // 陈 supervises nobody: his colleague is not his to supervise.
    res = await chen.post('/api/v1/supervision-sessions', { ...body(), superviseeIds: [liuId], form: 'individual' });
    expect(res.statusCode).toBe(404);
    res = await jAdmin.post('/api/v1/supervision-sessions', body());
    expect([res.statusCode, code(res)]).toEqual([409, 'supervision.not_a_supervisor']);
    const before = await auditCount(t.db, 'supervision.record');
    res = await zheng.post('/api/v1/supervision-sessions', body());
    expect(res.statusCode).toBe(201);
    session = res.json<SupervisionDetail>();
    expect(session).toMatchObject({ supervisorName: '郑慧', form: 'group', minutes: 90, notes: '讨论家庭冲突个案的介入策略' });
    expect(session.supervisees.map((s) => s.name).sort()).toEqual(['刘洋', '陈浩']);
    expect(await auditCount(t.db, 'supervision.record')).toBe(before + 1);
    const stored = await t.db.selectFrom('supervision_sessions').select('notes').where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(stored.notes.toString('utf8')).not.toContain('家庭冲突');
  });

  it('is read with its notes by those who took part, audited; the administrator sees that it happened; others nothing', async () => {
    const before = await auditCount(t.db, 'supervision.read_notes');
    expect((await chen.get(`/api/v1/supervision-sessions/${session.id}`)).json<SupervisionDetail>().notes).toBe('讨论家庭冲突个案的介入策略');
    expect(await auditCount(t.db, 'supervision.read_notes')).toBe(before + 1);
    const seen = (await admin.get(`/api/v1/supervision-sessions/${session.id}`)).json<SupervisionDetail>();
    expect([seen.minutes, seen.notes]).toEqual([90, null]);
    expect(await auditCount(t.db, 'supervision.read_notes')).toBe(before + 1);
    for (const c of [otherAdmin, jAdmin, streetOfficer]) expect((await c.get(`/api/v1/supervision-sessions/${session.id}`)).statusCode).toBe(404);
    const list = (await chen.get('/api/v1/supervision-sessions')).json<{ items: SupervisionSummary[] }>().items;
    expect(list.map((s) => s.id)).toEqual([session.id]);
    expect(JSON.stringify(list)).not.toContain('家庭冲突');
    expect((await admin.get(`/api/v1/supervision-sessions?socialWorkerId=${zhengId}`)).json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await otherAdmin.get(`/api/v1/supervision-sessions?socialWorkerId=${zhengId}`)).statusCode).toBe(404);
  });

  it('fills the supervisees\' logs as supervision received', async () => {
    const day = (await liu.get(`/api/v1/work-days/${daysAgo(1)}`)).json<WorkDay>();
    expect(day.recorded).toEqual([{ category: 'supervision_received', minutes: 90, source: 'supervision', label: '郑慧' }]);
    expect([day.professional, day.share]).toEqual([90, 100]);
  });
});

describe('continuing education', () => {
  it('counts three-year cycles from the certificate date', () => {
    expect(cycleOf('2020-03-01', '2026-12-04')).toEqual({ start: '2026-03-01', end: '2029-02-28' });
    expect(cycleOf('2020-03-01', '2026-02-28')).toEqual({ start: '2023-03-01', end: '2026-02-28' });
    expect(cycleOf('2024-02-29', '2026-12-04')).toEqual({ start: '2024-02-29', end: '2027-02-27' });
    // 72 hours over 1,096 days; on day 548 (half), 36 are expected; 35.5 done is behind.
    const cycle = { start: '2024-01-01', end: '2026-12-31' };
    expect(standing(35.5, 72, cycle, '2025-07-01')).toEqual({ required: 72, done: 35.5, expectedByNow: 36, behind: true });
    expect(standing(36, 72, cycle, '2025-07-01').behind).toBe(false);
  });

  it('is recorded by the worker or the employer\'s administrator, read by the supervisor, warned when behind', async () => {
    let status = (await chen.get(`/api/v1/social-workers/${chenId}/continuing-education`)).json<CeStatus>();
    const year = Number(localToday().slice(0, 4)) - 1;
    // Certified on 1 January last year: the cycle ends on 31 December next year; a year gone and nothing done is behind.
    expect(status.cycle).toMatchObject({ start: `${year}-01-01`, end: `${year + 2}-12-31`, required: 72, done: 0, behind: true });
    expect(status.canRecord).toBe(true);
    let res = await chen.post(`/api/v1/social-workers/${chenId}/continuing-education`, { completedOn: localToday(), hours: 72, title: '家庭社会工作实务', provider: '市社工协会' });
    expect(res.statusCode).toBe(201);
    res = await admin.post(`/api/v1/social-workers/${chenId}/continuing-education`, { completedOn: `${year - 1}-06-01`, hours: 10, title: '上一周期的课程' });
    status = res.json<CeStatus>();
    // The earlier course falls in the previous cycle.
    expect([status.cycle!.done, status.cycle!.behind, status.records.length]).toEqual([72, false, 2]);
    const supervisorView = (await zheng.get(`/api/v1/social-workers/${chenId}/continuing-education`)).json<CeStatus>();
    expect([supervisorView.cycle!.done, supervisorView.canRecord]).toEqual([72, false]);
    expect((await zheng.post(`/api/v1/social-workers/${chenId}/continuing-education`, { completedOn: localToday(), hours: 2, title: '督导代填' })).statusCode).toBe(403);
    for (const c of [liu, otherAdmin, jAdmin]) expect((await c.get(`/api/v1/social-workers/${chenId}/continuing-education`)).statusCode).toBe(404);
    expect(fieldsOf(await chen.post(`/api/v1/social-workers/${chenId}/continuing-education`, { completedOn: daysAgo(-1), hours: 2, title: '明天的课' })).completedOn).toBe('workforce.date_in_future');
    // No certificate, no requirement.
    expect((await liu.get(`/api/v1/social-workers/${liuId}/continuing-education`)).json<CeStatus>().cycle).toBeNull();
  });
});

describe('the workforce view', () => {
  const period = () => `from=${daysAgo(7)}&to=${localToday()}`;
  const view = async (c: C, unit: string, id: string) => {
    const res = await c.get(`/api/v1/workforce-view?unit=${unit}&id=${id}&${period()}`);
    expect(res.statusCode, `${unit} ${res.body}`).toBe(200);
    return res.json<WorkforceView>();
  };

  it('counts staffing per 10,000 residents, each worker shared among the communities they serve', async () => {
    const v = await view(jAdmin, 'community', j.id);
    // J is served by 郑 (1), 陈 (1/2), 刘 (1) and 吴 (1): 3.5 FTE for 40 residents = 875 per 10,000.
    expect(v.communities).toEqual([{ id: j.id, name: 'J社区', residents: 40, workers: 4, fte: 3.5, per10k: 875 }]);
    expect(v.totals.workers).toBe(4);
    const street = await view(streetOfficer, 'street', j.streetId);
    // The neighbour: 陈 (1/2) and 孤 (1) for 20 residents = 750.
    expect(street.communities.map((c) => [c.name, c.fte, c.per10k]).sort()).toEqual([['J社区', 3.5, 875], ['邻社区', 1.5, 750]]);
    expect(street.targets).toEqual({ adminShareTarget: 25, workersPer10kTarget: 12, supervisionRatioTarget: 8 });
  });

  it('shows a person\'s minutes only to who reads their log, and pay grades only as counts of three or more', async () => {
    await chen.put(`/api/v1/work-days/${daysAgo(2)}`, { entries: [{ category: 'casework', minutes: 300 }, { category: 'statistics_forms', minutes: 100, origin: 'community', originUnitId: j.id }] });
    const byCommunity = await view(jAdmin, 'community', j.id);
    const chenRow = byCommunity.workers.find((w) => w.id === chenId)!;
    expect([chenRow.share, chenRow.professional]).toEqual([null, null]);
    // 陈 300 + 100 logged and 90 of supervision received yesterday, 刘 the same 90: 480 professional of 580 = 82.8 %.
    expect([byCommunity.totals.professional, byCommunity.totals.administrative, byCommunity.totals.share]).toEqual([480, 100, 82.8]);
    // The neighbour community's staff read neither 陈's nor 孤's log: a total over those two would give them away.
    const neighbourTotals = (await view(neighbourAdmin, 'community', neighbour.id)).totals;
    expect([neighbourTotals.workers, neighbourTotals.professional, neighbourTotals.administrative, neighbourTotals.share, neighbourTotals.ceBehind]).toEqual([2, null, null, null, null]);
    const byOrganization = await view(admin, 'organization', org.id);
    expect(byOrganization.workers.find((w) => w.id === chenId)).toMatchObject({ professional: 390, administrative: 100, share: 79.6, ceBehind: false });
    // 三级: 郑, 陈, 刘; 一级: 孤 alone is not counted aloud (grades in pinyin order: sān before yī).
    expect(byOrganization.payGrades).toEqual([{ grade: '三级', workers: 3 }, { grade: '一级', workers: null }]);
    // One supervisor for two supervised workers; one session in the period.
    expect(byOrganization.supervision).toEqual({ supervisors: 1, supervised: 2, ratio: 2, sessions: 1 });
  });

  it('is read by the unit\'s own officers and staff only', async () => {
    for (const [c, unit, id] of [[neighbourAdmin, 'community', j.id], [otherAdmin, 'organization', org.id], [jAdmin, 'street', j.streetId], [chen, 'organization', org.id], [admin, 'community', j.id]] as const) {
      expect((await c.get(`/api/v1/workforce-view?unit=${unit}&id=${id}&${period()}`)).statusCode, `${unit}`).toBe(404);
    }
    expect((await officer.get(`/api/v1/workforce-view?unit=district&id=${districtId}&${period()}`)).statusCode).toBe(200);
  });

  it('keeps the settings\' new targets, and leaves them when a save does not name them', async () => {
    const base = { districtId, admittedMatters: [], adminShareTarget: 30 };
    let res = await officer.put('/api/v1/workforce-settings', { ...base, workersPer10kTarget: 18.5, supervisionRatioTarget: 6, ceHoursAssistant: 60, ceHoursOther: 80 });
    expect(res.json()).toMatchObject({ workersPer10kTarget: 18.5, supervisionRatioTarget: 6, ceHoursAssistant: 60, ceHoursOther: 80 });
    res = await officer.put('/api/v1/workforce-settings', base);
    expect(res.json()).toMatchObject({ adminShareTarget: 30, workersPer10kTarget: 18.5, supervisionRatioTarget: 6, ceHoursAssistant: 60 });
    // 陈 is an assistant: 60 hours now.
    expect((await chen.get(`/api/v1/social-workers/${chenId}/continuing-education`)).json<CeStatus>().cycle!.required).toBe(60);
  });
});
