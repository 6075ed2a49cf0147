import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, fieldsOf, type ErrorBody, type TestApp } from '../../testing.ts';
import { buildOrganization, type OrganizationRef } from '../organizations/testing.ts';
import { buildCommunity, buildDistrict, buildGrid, buildHousehold, buildResident, buildStreet, type CommunityRef } from '../territory/testing.ts';
import type { AdminLoad, AdminTaskView, WorkDay, WorkSummary } from './worklogs.schemas.ts';
import { buildSocialWorker } from './testing.ts';

/**
 * Story 5's week and the dual role: what a social worker logs by hand, what their case sessions
 * and activity shifts already recorded, the administrative tasks given to them with their
 * origin, and the district's list of admitted matters. Every expected figure is worked out by
 * hand in the test.
 */
type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let j: CommunityRef, neighbour: CommunityRef, otherStreetCommunity: CommunityRef;
let orgA: OrganizationRef, orgB: OrganizationRef;
let chen: C, liu: C, zheng: C, otherSupervisor: C, adminA: C, adminB: C, jAdmin: C, jWorker: C, neighbourAdmin: C, streetOfficer: C, otherStreetOfficer: C, districtOfficer: C, otherDistrictOfficer: C, wu: C;
let chenId: string, liuId: string, wuId: string;
let districtId: string;

const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;
const DAY_MS = 86_400_000;
const localToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.parse(`${localToday()}T00:00:00Z`) - n * DAY_MS).toISOString().slice(0, 10);
const day1 = daysAgo(3);
const day2 = daysAgo(2);

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.db, { name: '江北区' });
  districtId = district.id;
  const street = await buildStreet(t.db, { district, name: '泰山街道' });
  const otherStreet = await buildStreet(t.db, { district, name: '顶山街道' });
  j = await buildCommunity(t.db, { street: { id: street.id, districtId }, name: 'J社区' });
  neighbour = await buildCommunity(t.db, { street: { id: street.id, districtId }, name: '邻社区' });
  otherStreetCommunity = await buildCommunity(t.db, { street: { id: otherStreet.id, districtId }, name: '远社区' });
  const otherDistrict = await buildDistrict(t.db, { name: '别的区' });
  const served = [{ id: j.id, streetId: street.id }];
  orgA = await buildOrganization(t.db, t.platform.pii, { name: '启航社工服务中心', district, communities: served });
  orgB = await buildOrganization(t.db, t.platform.pii, { name: '另一机构', district, communities: served });
  const org = (role: 'social_worker' | 'supervisor' | 'org_admin', o: OrganizationRef, displayName: string) => clientAs(t, [{ role, scopeType: 'organization', scopeId: o.id }], { displayName });
  const place = (role: 'community_admin' | 'community_worker' | 'street_officer' | 'district_officer', scopeType: 'community' | 'street' | 'district', scopeId: string, displayName: string, d = districtId) =>
    clientAs(t, [{ role, scopeType, scopeId, districtId: d }], { displayName });
  [chen, liu, zheng, otherSupervisor, adminA, adminB] = await Promise.all([
    org('social_worker', orgA, '陈社工'), org('social_worker', orgA, '刘社工'), org('supervisor', orgA, '郑督导'), org('supervisor', orgA, '别的督导'), org('org_admin', orgA, '何主任'), org('org_admin', orgB, '别家主任'),
  ]);
  [jAdmin, jWorker, neighbourAdmin, streetOfficer, otherStreetOfficer, districtOfficer, wu] = await Promise.all([
    place('community_admin', 'community', j.id, '周书记'), place('community_worker', 'community', j.id, '社区干事'), place('community_admin', 'community', neighbour.id, '邻社区书记'),
    place('street_officer', 'street', street.id, '街道科长'), place('street_officer', 'street', otherStreet.id, '顶山科长'), place('district_officer', 'district', districtId, '区民政'),
    place('community_worker', 'community', j.id, '吴社工'),
  ]);
  otherDistrictOfficer = await place('district_officer', 'district', otherDistrict.id, '别区民政', otherDistrict.id);
  const community = { ...j, districtId, streetId: street.id };
  const worker = async (user: C, name: string, supervisorId: string | null = null) => {
    const id = (await buildSocialWorker(t.db, t.platform.pii, { organization: orgA, communities: [community], name, userId: user.user.id })).id;
    if (supervisorId) await t.db.updateTable('social_workers').set({ supervisor_id: supervisorId }).where('id', '=', id).execute();
    return id;
  };
  const zhengId = await worker(zheng, '郑慧');
  const otherSupervisorId = await worker(otherSupervisor, '别的督导');
  chenId = await worker(chen, '陈浩', zhengId);
  liuId = await worker(liu, '刘洋', otherSupervisorId);
  // 吴 is on the community's staff and on the register: 社区社工.
  wuId = (await buildSocialWorker(t.db, t.platform.pii, { employerCommunity: community, name: '吴婷', userId: wu.user.id })).id;

  // Already on record for 陈 on day 1: a 90-minute case session and a two-hour group shift.
  const household = await buildHousehold(t.db, { grid: await buildGrid(t.db, { community: j }) });
  const client = await buildResident(t.db, t.platform.pii, { household: { ...household, districtId, streetId: street.id, communityId: j.id }, name: '赵建国' });
  const caseId = newId();
  await t.db
    .insertInto('cases')
    .values({ district_id: districtId, id: caseId, ref_no: 'GA2026-0042', organization_id: orgA.id, street_id: street.id, community_id: j.id, client_resident_id: client.id, household_id: household.id, worker_id: chenId, supervisor_id: zhengId, status: 'in_service', opened_by: chen.user.id })
    .execute();
  await t.db
    .insertInto('case_records')
    .values({ district_id: districtId, id: newId(), case_id: caseId, kind: 'session', body: t.platform.pii.encrypt('{}'), held_on: day1, minutes: 90, author_user_id: chen.user.id, worker_id: chenId })
    .execute();
  const activityId = newId();
  await t.db
    .insertInto('activities')
    .values({ district_id: districtId, id: activityId, street_id: street.id, community_id: j.id, organization_id: orgA.id, project_id: null, title: '长者午餐小组', method: 'group_work', venue_resource_id: null, capacity: 20, recurrence: 'once', created_by: chen.user.id })
    .execute();
  await t.db.insertInto('activity_staff').values({ district_id: districtId, activity_id: activityId, social_worker_id: chenId, user_id: chen.user.id }).execute();
  const at = (day: string, hh: string) => new Date(`${day}T${hh}:00+08:00`);
  await t.db
    .insertInto('activity_sessions')
    .values([
      { district_id: districtId, id: newId(), activity_id: activityId, seq: 1, starts_at: at(day1, '11:00'), ends_at: at(day1, '13:00'), checkin_code: '123456' },
      // A cancelled session is no shift.
      { district_id: districtId, id: newId(), activity_id: activityId, seq: 2, starts_at: at(day2, '11:00'), ends_at: at(day2, '13:00'), checkin_code: '234567', cancelled_at: new Date() },
      // A session still running is no shift yet.
      { district_id: districtId, id: newId(), activity_id: activityId, seq: 3, starts_at: new Date(Date.now() - 30 * 60_000), ends_at: new Date(Date.now() + 60 * 60_000), checkin_code: '345678' },
    ])
    .execute();
});

afterAll(async () => {
  await t?.close();
});

const entry = (category: string, minutes: number, more: Record<string, unknown> = {}) => ({ category, minutes, ...more });

describe('a social worker logs a day', () => {
  it('has the case session and the activity shift filled in before anything is typed, naming the case by number only', async () => {
    const res = await chen.get(`/api/v1/work-days/${day1}`);
    expect(res.statusCode).toBe(200);
    const day = res.json<WorkDay>();
    expect(day.name).toBe('陈浩');
    expect(day.recorded.map((r) => [r.source, r.category, r.minutes, r.label]).sort()).toEqual([
      ['activity_shift', 'group_work', 120, '长者午餐小组'],
      ['case_session', 'casework', 90, 'GA2026-0042'],
    ]);
    expect(JSON.stringify(day)).not.toContain('赵建国');
    expect([day.professional, day.administrative, day.share]).toEqual([210, 0, 100]);
    expect(day.origins.map((o) => `${o.origin}:${o.name}`)).toEqual(['community:J社区', 'street:泰山街道', 'district:江北区']);
    expect(day.editable).toBe(true);
  });

  it('counts an activity session only once it has ended', async () => {
    const running = (await chen.get(`/api/v1/work-days/${localToday()}`)).json<WorkDay>().recorded;
    expect(running.filter((r) => r.source === 'activity_shift')).toEqual([]);
  });

  it('computes the professional share exactly from what was logged and what was recorded', async () => {
    const before = await auditCount(t.db, 'work_log.update');
    const res = await chen.put(`/api/v1/work-days/${day1}`, {
      entries: [
        entry('casework', 60, { note: '个案记录整理' }),
        entry('group_work', 30),
        entry('statistics_forms', 120, { origin: 'community', originUnitId: j.id }),
        entry('meeting', 60, { origin: 'department', originUnitId: districtId, department: '区民政局' }),
      ],
    });
    expect(res.statusCode).toBe(200);
    const day = res.json<WorkDay>();
    // Professional 60 + 30 logged + 90 session + 120 shift = 300; administrative 120 + 60 = 180; 300 / 480 = 62.5 %.
    expect([day.professional, day.administrative, day.share]).toEqual([300, 180, 62.5]);
    expect(day.entries.map((e) => [e.category, e.minutes, e.originName]).sort()).toEqual([
      ['casework', 60, null],
      ['group_work', 30, null],
      ['meeting', 60, '区民政局'],
      ['statistics_forms', 120, 'J社区'],
    ]);
    expect(await auditCount(t.db, 'work_log.update')).toBe(before + 1);

    // Saving again replaces the day; nothing is added twice.
    const again = await chen.put(`/api/v1/work-days/${day1}`, { entries: [entry('casework', 60, { note: '个案记录整理' }), entry('group_work', 30), entry('statistics_forms', 120, { origin: 'community', originUnitId: j.id }), entry('meeting', 60, { origin: 'department', originUnitId: districtId, department: '区民政局' })] });
    expect(again.json<WorkDay>().entries).toHaveLength(4);
  });

  it('gives a week: per day, per category, per origin, with the district\'s target', async () => {
    expect((await chen.put(`/api/v1/work-days/${day2}`, { entries: [entry('community_work', 240), entry('inspection', 60, { origin: 'street', originUnitId: j.streetId })] })).statusCode).toBe(200);
    const res = await chen.get(`/api/v1/work-summary?from=${daysAgo(4)}&to=${day2}`);
    expect(res.statusCode).toBe(200);
    const s = res.json<WorkSummary>();
    expect(s.days).toEqual([
      { day: daysAgo(4), professional: 0, administrative: 0 },
      { day: day1, professional: 300, administrative: 180 },
      { day: day2, professional: 240, administrative: 60 },
    ]);
    // 540 / (540 + 240) = 69.23 %.
    expect([s.professional, s.administrative, s.share, s.adminShareTarget]).toEqual([540, 240, 69.2, 25]);
    expect(s.byCategory).toEqual([
      { category: 'casework', minutes: 150 },
      { category: 'group_work', minutes: 150 },
      { category: 'community_work', minutes: 240 },
      { category: 'statistics_forms', minutes: 120 },
      { category: 'inspection', minutes: 60 },
      { category: 'meeting', minutes: 60 },
    ]);
    // Most minutes first; equal ones by name (区 qū before 泰 tài).
    expect(s.byOrigin.map((o) => [o.origin, o.name, o.minutes])).toEqual([
      ['community', 'J社区', 120],
      ['department', '区民政局', 60],
      ['street', '泰山街道', 60],
    ]);
  });

  it('says who assigned administrative work, and only who may have', async () => {
    const put = (entries: unknown[]) => chen.put(`/api/v1/work-days/${day2}`, { entries });
    let res = await put([entry('statistics_forms', 60)]);
    expect([res.statusCode, code(res), fieldsOf(res)['entries.0.origin']]).toEqual([400, 'validation.failed', 'work_log.origin_required']);
    res = await put([entry('casework', 60, { origin: 'community', originUnitId: j.id })]);
    expect(fieldsOf(res)['entries.0.origin']).toBe('work_log.origin_not_for_professional');
    // A unit that is not one of his names nothing here.
    res = await put([entry('meeting', 60, { origin: 'community', originUnitId: neighbour.id })]);
    expect([res.statusCode, fieldsOf(res)['entries.0.originUnitId']]).toEqual([404, 'resource.not_found']);
    res = await put([entry('meeting', 60, { origin: 'street', originUnitId: otherStreetCommunity.streetId })]);
    expect([res.statusCode, fieldsOf(res)['entries.0.originUnitId']]).toEqual([404, 'resource.not_found']);
    res = await put([entry('meeting', 60, { origin: 'department', originUnitId: j.id, department: '区民政局' })]);
    expect([res.statusCode, fieldsOf(res)['entries.0.originUnitId']]).toEqual([404, 'resource.not_found']);
    res = await put([entry('meeting', 60, { origin: 'department', originUnitId: districtId })]);
    expect(fieldsOf(res)['entries.0.department']).toBe('validation.required');
    // Nothing was half-written: day 2 is as it was.
    const day = (await chen.get(`/api/v1/work-days/${day2}`)).json<WorkDay>();
    expect([day.professional, day.administrative]).toEqual([240, 60]);
  });

  it('refuses a day after today, a day older than a month, and more than 24 hours with what was recorded', async () => {
    let res = await chen.put(`/api/v1/work-days/${daysAgo(-1)}`, { entries: [] });
    expect([res.statusCode, fieldsOf(res).day]).toEqual([400, 'work_log.future_day']);
    res = await chen.put(`/api/v1/work-days/${daysAgo(40)}`, { entries: [] });
    expect([res.statusCode, code(res)]).toEqual([409, 'work_log.day_closed']);
    expect((await chen.get(`/api/v1/work-days/${daysAgo(40)}`)).json<WorkDay>().editable).toBe(false);
    // Day 1 has 210 recorded minutes: 1,230 more fit, 1,231 do not.
    res = await chen.put(`/api/v1/work-days/${day1}`, { entries: [entry('casework', 720), entry('training', 511)] });
    expect([res.statusCode, fieldsOf(res).entries]).toEqual([400, 'work_log.day_too_long']);
    res = await chen.put(`/api/v1/work-days/${daysAgo(5)}`, { entries: [entry('casework', 720), entry('training', 510)] });
    expect(res.statusCode).toBe(200);
    res = await chen.put(`/api/v1/work-days/${daysAgo(5)}`, { entries: [] });
    expect(res.json<WorkDay>().entries).toEqual([]);
  });

  it('keeps one save of a day when two arrive at once', async () => {
    const a = [entry('casework', 30)];
    const b = [entry('training', 45), entry('group_work', 15)];
    const [ra, rb] = await Promise.all([chen.put(`/api/v1/work-days/${daysAgo(6)}`, { entries: a }), chen.put(`/api/v1/work-days/${daysAgo(6)}`, { entries: b })]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    const kept = (await chen.get(`/api/v1/work-days/${daysAgo(6)}`)).json<WorkDay>().entries.map((e) => [e.category, e.minutes]).sort();
    expect([JSON.stringify([['casework', 30]]), JSON.stringify([['group_work', 15], ['training', 45]])]).toContain(JSON.stringify(kept));
  });

  it('is read by the worker, their supervisor and their employer\'s administrator; written by the worker alone', async () => {
    // Written by hand: who reads 陈's day (200) and who is told it does not exist (404).
    const readers: [string, C, number][] = [
      ['陈 himself', chen, 200],
      ['his supervisor 郑', zheng, 200],
      ['启航\'s administrator', adminA, 200],
      ['another supervisor of 启航', otherSupervisor, 404],
      ['another social worker of 启航', liu, 404],
      ['another organization\'s administrator', adminB, 404],
      ['J社区\'s administrator (not his employer)', jAdmin, 404],
      ['the street officer', streetOfficer, 404],
      ['the district officer', districtOfficer, 404],
    ];
    for (const [who, c, status] of readers) {
      expect([who, (await c.get(`/api/v1/work-days/${day1}?socialWorkerId=${chenId}`)).statusCode], who).toEqual([who, status]);
      expect([who, (await c.get(`/api/v1/work-summary?socialWorkerId=${chenId}&from=${day1}&to=${day2}`)).statusCode], who).toEqual([who, status]);
    }
    const supervisorView = (await zheng.get(`/api/v1/work-days/${day1}?socialWorkerId=${chenId}`)).json<WorkDay>();
    expect(supervisorView.editable).toBe(false);
    expect((await zheng.put(`/api/v1/work-days/${day1}`, { socialWorkerId: chenId, entries: [] })).statusCode).toBe(403);
    expect((await adminA.put(`/api/v1/work-days/${day1}`, { socialWorkerId: chenId, entries: [] })).statusCode).toBe(403);
    expect((await liu.put(`/api/v1/work-days/${day1}`, { socialWorkerId: chenId, entries: [] })).statusCode).toBe(404);
    // 吴's log is read by her employer, the community's administrator; not by 启航.
    expect((await jAdmin.get(`/api/v1/work-days/${day1}?socialWorkerId=${wuId}`)).statusCode).toBe(200);
    expect((await neighbourAdmin.get(`/api/v1/work-days/${day1}?socialWorkerId=${wuId}`)).statusCode).toBe(404);
    expect((await adminA.get(`/api/v1/work-days/${day1}?socialWorkerId=${wuId}`)).statusCode).toBe(404);
    // A caller who is not on the register has no log of their own.
    const res = await jAdmin.get(`/api/v1/work-days/${day1}`);
    expect([res.statusCode, code(res)]).toEqual([409, 'work_log.not_a_social_worker']);
    expect((await wu.get(`/api/v1/work-days/${day1}`)).json<WorkDay>().name).toBe('吴婷');
  });

  it('refuses a period longer than 92 days or backwards', async () => {
    expect(fieldsOf(await chen.get(`/api/v1/work-summary?from=${day2}&to=${day1}`)).to).toBe('work_log.range');
    expect(fieldsOf(await chen.get(`/api/v1/work-summary?from=${daysAgo(100)}&to=${day1}`)).to).toBe('work_log.range');
  });
});

describe('administrative tasks and the list of admitted matters', () => {
  let unlisted: AdminTaskView, listed: AdminTaskView, fromStreet: AdminTaskView, fromDepartment: AdminTaskView;
  const task = (more: Record<string, unknown> = {}) => ({ socialWorkerId: chenId, communityId: j.id, title: '季度低保台账报表', category: 'statistics_forms', expectedMinutes: 240, matterCode: null, ...more });

  it('keeps the district\'s list, set by the district alone', async () => {
    const body = { districtId, adminShareTarget: 25, admittedMatters: [{ code: 'A01', title: '居民基础信息统计' }, { code: 'A02', title: '社区安全检查' }] };
    expect((await streetOfficer.put('/api/v1/workforce-settings', body)).statusCode).toBe(403);
    expect((await otherDistrictOfficer.put('/api/v1/workforce-settings', body)).statusCode).toBe(404);
    let res = await districtOfficer.put('/api/v1/workforce-settings', { ...body, admittedMatters: [...body.admittedMatters, { code: 'A01', title: '重复' }] });
    expect(fieldsOf(res)['admittedMatters.2.code']).toBe('workforce_settings.duplicate_matter');
    const before = await auditCount(t.db, 'workforce_settings.update');
    res = await districtOfficer.put('/api/v1/workforce-settings', body);
    expect(res.statusCode).toBe(200);
    expect(await auditCount(t.db, 'workforce_settings.update')).toBe(before + 1);
    const read = (await jAdmin.get('/api/v1/workforce-settings')).json<{ admittedMatters: unknown[]; canUpdate: boolean }>();
    expect(read).toMatchObject({ admittedMatters: body.admittedMatters, canUpdate: false });
    expect((await chen.get(`/api/v1/workforce-settings?districtId=${districtId}`)).statusCode).toBe(404);
  });

  it('takes its origin from who assigns it, and marks a task outside the list', async () => {
    const before = await auditCount(t.db, 'admin_task.assign');
    let res = await jAdmin.post('/api/v1/admin-tasks', task());
    expect(res.statusCode).toBe(201);
    unlisted = res.json<AdminTaskView>();
    expect(unlisted).toMatchObject({ origin: 'community', originName: 'J社区', communityName: 'J社区', listed: false, matterTitle: null, workerName: '陈浩', assignedByName: '周书记', status: 'open', loggedMinutes: 0, allowedActions: ['withdraw'] });
    res = await jWorker.post('/api/v1/admin-tasks', task({ title: '安全检查', category: 'inspection', expectedMinutes: 120, matterCode: 'A02' }));
    listed = res.json<AdminTaskView>();
    expect(listed).toMatchObject({ listed: true, matterCode: 'A02', matterTitle: '社区安全检查', assignedByName: '社区干事' });
    fromStreet = (await streetOfficer.post('/api/v1/admin-tasks', task({ title: '创文迎检材料', category: 'campaign', expectedMinutes: 480 }))).json<AdminTaskView>();
    expect(fromStreet).toMatchObject({ origin: 'street', originName: '泰山街道', listed: false });
    fromDepartment = (await districtOfficer.post('/api/v1/admin-tasks', task({ title: '养老机构排查', category: 'inspection', expectedMinutes: 180, department: '区民政局', matterCode: 'A02' }))).json<AdminTaskView>();
    expect(fromDepartment).toMatchObject({ origin: 'department', originName: '区民政局', listed: true });
    expect(await auditCount(t.db, 'admin_task.assign')).toBe(before + 4);
  });

  it('refuses a matter not on the list, a community the worker does not serve, and assigners outside the place', async () => {
    let res = await jAdmin.post('/api/v1/admin-tasks', task({ title: '   ' }));
    expect(fieldsOf(res).title).toBe('validation.required');
    res = await jAdmin.post('/api/v1/admin-tasks', task({ matterCode: 'Z99' }));
    expect(fieldsOf(res).matterCode).toBe('admin_task.unknown_matter');
    res = await streetOfficer.post('/api/v1/admin-tasks', task({ communityId: neighbour.id }));
    expect(fieldsOf(res).communityId).toBe('admin_task.community_not_served');
    res = await jAdmin.post('/api/v1/admin-tasks', task({ department: '区卫健委' }));
    expect([res.statusCode, code(res)]).toEqual([403, 'admin_task.department_by_district']);
    // The neighbour community's administrator and another street's officer do not see 陈 at all.
    res = await neighbourAdmin.post('/api/v1/admin-tasks', task());
    expect([res.statusCode, fieldsOf(res).socialWorkerId]).toEqual([404, 'resource.not_found']);
    expect((await otherStreetOfficer.post('/api/v1/admin-tasks', task())).statusCode).toBe(404);
    // An organization's people do not assign administrative work.
    expect((await adminA.post('/api/v1/admin-tasks', task())).statusCode).toBe(403);
    expect((await chen.post('/api/v1/admin-tasks', task())).statusCode).toBe(403);
  });

  it('appears in the worker\'s day with its origin; time against it takes the task\'s kind and origin', async () => {
    const day = (await chen.get(`/api/v1/work-days/${localToday()}`)).json<WorkDay>();
    expect(day.tasks.map((x) => [x.title, x.originName, x.listed]).sort()).toEqual([
      ['养老机构排查', '区民政局', true],
      ['安全检查', 'J社区', true],
      ['创文迎检材料', '泰山街道', false],
      ['季度低保台账报表', 'J社区', false],
    ].sort());
    const res = await chen.put(`/api/v1/work-days/${localToday()}`, { entries: [entry('other_admin', 150, { taskId: unlisted.id }), entry('meeting', 30, { taskId: fromDepartment.id })] });
    expect(res.statusCode).toBe(200);
    expect(res.json<WorkDay>().entries.map((e) => [e.category, e.minutes, e.originName, e.taskTitle]).sort()).toEqual([
      ['inspection', 30, '区民政局', '养老机构排查'],
      ['statistics_forms', 150, 'J社区', '季度低保台账报表'],
    ]);
    expect((await jAdmin.get(`/api/v1/admin-tasks/${unlisted.id}`)).json<AdminTaskView>().loggedMinutes).toBe(150);
    // Another worker's task is not his to log against.
    const liuTask = (await jAdmin.post('/api/v1/admin-tasks', task({ socialWorkerId: liuId }))).json<AdminTaskView>();
    const bad = await chen.put(`/api/v1/work-days/${localToday()}`, { entries: [entry('statistics_forms', 30, { taskId: liuTask.id })] });
    expect([bad.statusCode, fieldsOf(bad)['entries.0.taskId']]).toEqual([404, 'resource.not_found']);
  });

  it('is completed by the worker, withdrawn by an assigner of its place, and closed once', async () => {
    expect((await jAdmin.post(`/api/v1/admin-tasks/${listed.id}/complete`, {})).statusCode).toBe(403);
    expect((await chen.post(`/api/v1/admin-tasks/${fromStreet.id}/withdraw`, {})).statusCode).toBe(403);
    // J社区's staff do not take back what the street or a department gave.
    expect((await jAdmin.post(`/api/v1/admin-tasks/${fromStreet.id}/withdraw`, {})).statusCode).toBe(403);
    expect((await jWorker.get(`/api/v1/admin-tasks/${fromDepartment.id}`)).json<AdminTaskView>().allowedActions).toEqual([]);
    let res = await chen.post(`/api/v1/admin-tasks/${listed.id}/complete`, {});
    expect(res.json<AdminTaskView>()).toMatchObject({ status: 'done', allowedActions: [] });
    res = await chen.post(`/api/v1/admin-tasks/${listed.id}/complete`, {});
    expect([res.statusCode, code(res)]).toEqual([409, 'admin_task.not_open']);
    res = await streetOfficer.post(`/api/v1/admin-tasks/${fromStreet.id}/withdraw`, {});
    expect(res.json<AdminTaskView>().status).toBe('withdrawn');
    const bad = await chen.put(`/api/v1/work-days/${localToday()}`, { entries: [entry('campaign', 30, { taskId: fromStreet.id })] });
    expect(fieldsOf(bad)['entries.0.taskId']).toBe('work_log.task_not_open');
  });

  it('is listed for the worker, the supervisor and the place, not for others', async () => {
    const titles = async (c: C, q = '') => (await c.get(`/api/v1/admin-tasks${q}`)).json<{ items: AdminTaskView[] }>().items.map((x) => x.title).sort();
    const chens = ['季度低保台账报表', '安全检查', '创文迎检材料', '养老机构排查'].sort();
    expect(await titles(chen)).toEqual(chens);
    expect(await titles(zheng, `?socialWorkerId=${chenId}`)).toEqual(chens);
    expect(await titles(jAdmin, `?socialWorkerId=${chenId}`)).toEqual(chens);
    expect(await titles(otherSupervisor, `?socialWorkerId=${chenId}`)).toEqual([]);
    expect(await titles(neighbourAdmin)).toEqual([]);
    expect(await titles(adminB)).toEqual([]);
    expect(await titles(jAdmin, '?status=open')).toEqual(['季度低保台账报表', '季度低保台账报表', '养老机构排查'].sort());
    expect((await neighbourAdmin.get(`/api/v1/admin-tasks/${unlisted.id}`)).statusCode).toBe(404);
  });

  it('shows the street and the district how many unlisted tasks reach each community, and from whom', async () => {
    const from = daysAgo(30);
    const to = localToday();
    const load = async (c: C, q = '') => (await c.get(`/api/v1/admin-load?from=${from}&to=${to}${q}`)).json<AdminLoad>();
    const rows = (l: AdminLoad) => l.tasks.map((r) => [r.communityName, r.originName, r.tasks, r.unlisted, r.expectedMinutes, r.loggedMinutes]).sort();
    // J社区 assigned 季度低保台账报表 (unlisted, 240 min, 150 logged), 安全检查 (listed, 120) and 刘's copy (unlisted, 240); the street 创文迎检材料 (unlisted, 480); 区民政局 养老机构排查 (listed, 180, 30 logged).
    const expected = [
      ['J社区', 'J社区', 3, 2, 600, 150],
      ['J社区', '区民政局', 1, 0, 180, 30],
      ['J社区', '泰山街道', 1, 1, 480, 0],
    ].sort();
    expect(rows(await load(districtOfficer))).toEqual(expected);
    expect(rows(await load(streetOfficer))).toEqual(expected);
    expect(rows(await load(jAdmin))).toEqual(expected);
    expect(rows(await load(neighbourAdmin))).toEqual([]);
    expect(rows(await load(otherStreetOfficer))).toEqual([]);
    expect((await chen.get(`/api/v1/admin-load?from=${from}&to=${to}`)).statusCode).toBe(403);

    // Hours by who assigned them: J社区 120 (day 1) + 150 (task) = 270; the street 60; 区民政局 60 + 30 = 90.
    const hours = (l: AdminLoad) => l.hours.map((h) => [h.originName, h.minutes, h.workers]).sort();
    expect(hours(await load(districtOfficer))).toEqual([['J社区', 270, 1], ['区民政局', 90, 1], ['泰山街道', 60, 1]].sort());
    expect(hours(await load(streetOfficer))).toEqual([['J社区', 270, 1], ['泰山街道', 60, 1]].sort());
    expect(hours(await load(jAdmin))).toEqual([['J社区', 270, 1]]);
    expect(hours(await load(neighbourAdmin))).toEqual([]);
  });
});
