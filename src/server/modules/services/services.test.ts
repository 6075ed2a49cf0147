import ICAL from 'ical.js';
import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, fieldsOf, type ErrorBody, type TestApp } from '../../testing.ts';
import { Client } from '../../testing.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { buildReviewedRound } from '../calls/calls.testing.ts';
import { buildOrganization, type OrganizationRef } from '../organizations/testing.ts';
import type { DeliveryView } from '../projects/projects.contracts.schemas.ts';
import { buildProject } from '../projects/projects.testing.ts';
import { buildCommunity, buildDistrict, buildGrid, buildHousehold, buildResident, buildStreet, type CommunityRef, type HouseholdRef, type ResidentRef } from '../territory/testing.ts';
import { buildSocialWorker } from '../workforce/testing.ts';
import type { ActivityDetail, MyActivities, Roster } from './services.schemas.ts';

/**
 * Story 4's delivery that counts itself: an organization publishes a weekly activity for the
 * project it delivers, residents register from their phones, staff sign attendance at the door
 * (or the resident signs in with the venue's code), only those who came can rate, and the
 * project's actuals are counted from these records. Expected figures are worked out by hand.
 */
type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let community: CommunityRef, neighbour: CommunityRef, farAway: CommunityRef;
let orgA: OrganizationRef, orgB: OrganizationRef;
let adminA: C, chen: C, supervisorA: C, adminB: C, communityAdmin: C, streetOfficer: C, otherStreetOfficer: C;
let family: C, single: C, outsider: C;
let h1: HouseholdRef, h2: HouseholdRef;
let grandma: ResidentRef, grandson: ResidentRef, neighbourResident: ResidentRef, farResident: ResidentRef;
let chenId: string, otherWorkerId: string, venueId: string, fundId: string;
let projectId: string, contractedOnlyId: string;
let lunch: ActivityDetail;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;

async function resource(kind: 'venue' | 'fund', name: string) {
  const id = newId();
  await t.db.insertInto('resources').values({ district_id: community.districtId, id, kind, name, owner_type: 'community', owner_community_id: community.id, street_id: community.streetId, community_id: community.id }).execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.db);
  const street = await buildStreet(t.db, { district });
  const otherStreet = await buildStreet(t.db, { district });
  community = await buildCommunity(t.db, { street, name: 'J社区' });
  neighbour = await buildCommunity(t.db, { street, name: '桥北社区' });
  farAway = await buildCommunity(t.db, { street: otherStreet, name: '远方社区' });
  const d = district.id;
  orgA = await buildOrganization(t.db, t.platform.pii, { name: '启航社工服务中心', district, communities: [{ id: community.id, streetId: street.id }, { id: neighbour.id, streetId: street.id }] });
  orgB = await buildOrganization(t.db, t.platform.pii, { name: '另一机构', district, communities: [{ id: community.id, streetId: street.id }] });
  adminA = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: orgA.id }]);
  chen = await clientAs(t, [{ role: 'social_worker', scopeType: 'organization', scopeId: orgA.id }]);
  supervisorA = await clientAs(t, [{ role: 'supervisor', scopeType: 'organization', scopeId: orgA.id }]);
  adminB = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: orgB.id }]);
  communityAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: community.id, districtId: d }]);
  streetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId: d }]);
  otherStreetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: otherStreet.id, districtId: d }]);
  chenId = (await buildSocialWorker(t.db, t.platform.pii, { organization: orgA, communities: [{ ...community, id: community.id }], name: '陈社工', userId: chen.user.id })).id;
  otherWorkerId = (await buildSocialWorker(t.db, t.platform.pii, { organization: orgB, communities: [{ ...community, id: community.id }], name: '别家社工' })).id;

  const grid = await buildGrid(t.db, { community });
  const neighbourGrid = await buildGrid(t.db, { community: neighbour });
  const farGrid = await buildGrid(t.db, { community: farAway });
  h1 = await buildHousehold(t.db, { grid });
  h2 = await buildHousehold(t.db, { grid: neighbourGrid });
  const h3 = await buildHousehold(t.db, { grid: farGrid });
  grandma = await buildResident(t.db, t.platform.pii, { household: { ...h1, id: h1.id }, name: '王奶奶', birthDate: '1944-05-01' });
  grandson = await buildResident(t.db, t.platform.pii, { household: { ...h1, id: h1.id }, name: '王小明', birthDate: '2015-09-01' });
  neighbourResident = await buildResident(t.db, t.platform.pii, { household: { ...h2, id: h2.id }, name: '李大爷' });
  farResident = await buildResident(t.db, t.platform.pii, { household: { ...h3, id: h3.id }, name: '赵阿姨' });
  family = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: h1.id, districtId: d }]);
  single = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: h2.id, districtId: d }]);
  outsider = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: h3.id, districtId: d }]);

  venueId = await resource('venue', '党群服务中心厨房');
  fundId = await resource('fund', '社区基金');
  const createdBy = streetOfficer.user.id;
  projectId = (await buildProject(t.db, { districtId: d, streetId: street.id, communityIds: [community.id], purchaser: 'street', status: 'in_delivery', createdBy })).id;
  contractedOnlyId = (await buildProject(t.db, { districtId: d, streetId: street.id, communityIds: [community.id], purchaser: 'street', status: 'contracted', createdBy })).id;
  await t.db.updateTable('projects').set({ contractor_organization_id: orgA.id }).where('id', 'in', [projectId, contractedOnlyId]).execute();
});

afterAll(async () => {
  await t?.close();
});

/** Weekly lunch: one session two weeks ago, one a week ago, one running now, one next week. */
const lunchBody = () => ({
  communityId: community.id,
  organizationId: orgA.id,
  projectId,
  title: '长者助餐',
  method: 'community_activity',
  venueResourceId: venueId,
  capacity: 2,
  recurrence: 'weekly',
  firstStartsAt: new Date(Date.now() - 14 * DAY - 10 * 60_000).toISOString(),
  durationMinutes: 90,
  sessions: 4,
  staffIds: [chenId],
});

describe('publishing an activity', () => {
  it('refuses what the organizer may not hold, naming the field', async () => {
    // Another organization's people cannot publish in its name: its id names nothing for them.
    const foreign = await adminB.post('/api/v1/activities', lunchBody());
    expect([foreign.statusCode, fieldsOf(foreign)]).toEqual([404, { organizationId: 'resource.not_found' }]);
    const notYet = await adminA.post('/api/v1/activities', { ...lunchBody(), projectId: contractedOnlyId });
    expect([notYet.statusCode, code(notYet)]).toEqual([409, 'activity.project_not_in_delivery']);
    // A community the organization does not serve, another's social worker: they name nothing here.
    const elsewhere = await adminA.post('/api/v1/activities', { ...lunchBody(), communityId: farAway.id });
    expect([elsewhere.statusCode, fieldsOf(elsewhere)]).toEqual([404, { communityId: 'resource.not_found' }]);
    const stranger = await adminA.post('/api/v1/activities', { ...lunchBody(), staffIds: [otherWorkerId] });
    expect([stranger.statusCode, fieldsOf(stranger)]).toEqual([404, { 'staffIds.0': 'resource.not_found' }]);
    // The neighbour is served by the organization, but not by this project.
    const outside = await adminA.post('/api/v1/activities', { ...lunchBody(), communityId: neighbour.id });
    expect([outside.statusCode, fieldsOf(outside)]).toEqual([400, { communityId: 'activity.project_place' }]);
    const fund = await adminA.post('/api/v1/activities', { ...lunchBody(), venueResourceId: fundId });
    expect([fund.statusCode, fieldsOf(fund)]).toEqual([400, { venueResourceId: 'activity.venue_not_venue' }]);
    const once = await adminA.post('/api/v1/activities', { ...lunchBody(), recurrence: 'once' });
    expect([once.statusCode, fieldsOf(once)]).toEqual([400, { sessions: 'activity.recurrence_count' }]);
    // A supervisor reads, but does not organize.
    expect((await supervisorA.post('/api/v1/activities', lunchBody())).statusCode).toBe(403);
    // A community's own activity is its staff's; to an organization it names nothing.
    const own = await adminA.post('/api/v1/activities', { ...lunchBody(), organizationId: undefined, projectId: undefined, staffIds: undefined });
    expect([own.statusCode, fieldsOf(own)]).toEqual([404, { communityId: 'resource.not_found' }]);
    expect(await t.db.selectFrom('activities').select('id').execute()).toEqual([]);
  });

  it('publishes a weekly activity with a session a week apart, each with its own code', async () => {
    const before = await auditCount(t.db, 'activity.create');
    const res = await adminA.post('/api/v1/activities', lunchBody());
    expect(res.statusCode).toBe(201);
    lunch = res.json<ActivityDetail>();
    expect(lunch).toMatchObject({ title: '长者助餐', organizationName: '启航社工服务中心', venueName: '党群服务中心厨房', communityName: 'J社区', staff: [{ id: chenId, name: '陈社工' }], sessionCount: 4 });
    const starts = lunch.sessions.map((s) => new Date(s.startsAt).getTime());
    expect(starts.slice(1).map((s, k) => s - starts[k]!)).toEqual([7 * DAY, 7 * DAY, 7 * DAY]);
    expect(lunch.sessions.every((s) => /^\d{6}$/.test(s.checkinCode ?? ''))).toBe(true);
    expect(lunch.allowedActions).toEqual(['manage', 'sign_attendance']);
    expect(await auditCount(t.db, 'activity.create')).toBe(before + 1);
  });

  it('offers the venues of the community, its street and the district to organizers', async () => {
    const venues = (await adminA.get(`/api/v1/activity-venues?communityId=${community.id}`)).json<{ items: { id: string; name: string }[] }>();
    expect(venues.items.map((v) => v.name)).toEqual(['党群服务中心厨房']);
    expect((await adminA.get(`/api/v1/activity-venues?communityId=${neighbour.id}`)).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await streetOfficer.get(`/api/v1/activity-venues?communityId=${community.id}`)).statusCode).toBe(403);
  });

  it('is read by the organizer\'s people and the officers of its place, with codes only for those who sign', async () => {
    // The organization's social workers organize its activities too.
    expect((await chen.get(`/api/v1/activities/${lunch.id}`)).json<ActivityDetail>().allowedActions).toEqual(['manage', 'sign_attendance']);
    expect((await supervisorA.get(`/api/v1/activities/${lunch.id}`)).json<ActivityDetail>().allowedActions).toEqual([]);
    const byCommunity = (await communityAdmin.get(`/api/v1/activities/${lunch.id}`)).json<ActivityDetail>();
    expect([byCommunity.allowedActions, byCommunity.sessions[0]!.checkinCode]).toEqual([[], null]);
    expect((await streetOfficer.get(`/api/v1/activities/${lunch.id}`)).statusCode).toBe(200);
    for (const c of [adminB, otherStreetOfficer, family]) expect((await c.get(`/api/v1/activities/${lunch.id}`)).statusCode).toBe(404);
    expect((await chen.get('/api/v1/activities?staffedByMe=true')).json<{ items: { id: string }[] }>().items.map((a) => a.id)).toEqual([lunch.id]);
    expect((await adminB.get(`/api/v1/activities?projectId=${projectId}`)).json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('is read by the project\'s assigned evaluator, who judges the delivery by it, and by no other evaluator', async () => {
    const firm = await buildOrganization(t.db, t.platform.pii, { name: '明鉴评估中心', district: { id: community.districtId } });
    const assigned = await clientAs(t, [{ role: 'evaluator', scopeType: 'organization', scopeId: firm.id }]);
    const other = await clientAs(t, [{ role: 'evaluator', scopeType: 'organization', scopeId: firm.id }]);
    const before = await assigned.get(`/api/v1/activities/${lunch.id}`);
    expect(before.statusCode).toBe(404);
    expect((await streetOfficer.put(`/api/v1/projects/${projectId}/evaluator`, { userId: assigned.user.id })).statusCode).toBe(200);
    const read = await assigned.get(`/api/v1/activities/${lunch.id}`);
    expect([read.statusCode, read.json<ActivityDetail>().allowedActions, read.json<ActivityDetail>().sessions[0]!.checkinCode]).toEqual([200, [], null]);
    expect((await assigned.get(`/api/v1/activities?projectId=${projectId}`)).json<{ items: { id: string }[] }>().items.map((a) => a.id)).toContain(lunch.id);
    // Only through the project: not the place's other activities, not another evaluator.
    expect((await assigned.get('/api/v1/activities')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await other.get(`/api/v1/activities/${lunch.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/activities?projectId=${projectId}`)).json<{ items: unknown[] }>().items).toEqual([]);
  });
});

describe('residents take part from their phones', () => {
  const session = (k: number) => lunch.sessions[k]!;

  it('finds sessions of the coming month in their street, their own community first', async () => {
    const mine = (await family.get('/api/v1/my/activities')).json<MyActivities>();
    expect(mine.members.map((m) => m.name).sort()).toEqual(['王奶奶', '王小明']);
    // The session running now and next week's; the past two are over.
    expect(mine.upcoming.map((s) => s.sessionId)).toEqual([session(2).id, session(3).id]);
    expect(mine.upcoming[0]).toMatchObject({ title: '长者助餐', nearest: true, venueName: '党群服务中心厨房', organizationName: '启航社工服务中心' });
    expect((await single.get('/api/v1/my/activities')).json<MyActivities>().upcoming.map((s) => s.nearest)).toEqual([false, false]);
    expect((await outsider.get('/api/v1/my/activities')).json<MyActivities>().upcoming).toEqual([]);
    expect((await communityAdmin.get('/api/v1/my/activities')).statusCode).toBe(403);
  });

  it('registers members of their own household while there is room, once each', async () => {
    const reg = (c: C, k: number, residentId: string) => c.post(`/api/v1/activity-sessions/${session(k).id}/registrations`, { residentId });
    expect((await reg(family, 3, grandma.id)).statusCode).toBe(201);
    expect(code(await reg(family, 3, grandma.id))).toBe('activity.already_registered');
    const notMine = await reg(family, 3, neighbourResident.id);
    expect([notMine.statusCode, fieldsOf(notMine)]).toEqual([404, { residentId: 'resource.not_found' }]);
    expect((await reg(outsider, 3, farResident.id)).statusCode).toBe(404);
    expect(code(await reg(family, 1, grandson.id))).toBe('activity.session_over');
    // Capacity 2: the grandson and the neighbour race for the last place; one gets it.
    const [a, b] = await Promise.all([reg(family, 3, grandson.id), reg(single, 3, neighbourResident.id)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json<ErrorBody>().error.code).toBe('activity.full');
    const count = await t.db.selectFrom('activity_registrations').select('resident_id').where('session_id', '=', session(3).id).execute();
    expect(count.length).toBe(2);
    // Giving a place up frees it.
    const holder = a.statusCode === 201 ? { c: family, id: grandson.id } : { c: single, id: neighbourResident.id };
    expect((await holder.c.delete(`/api/v1/activity-sessions/${session(3).id}/registrations/${holder.id}`)).statusCode).toBe(200);
    expect(code(await holder.c.delete(`/api/v1/activity-sessions/${session(3).id}/registrations/${holder.id}`))).toBe('activity.not_registered');
  });

  it('signs in with the venue\'s code only while the door is open, registering on the spot if there is room', async () => {
    const checkIn = (c: C, k: number, residentId: string, c6: string) => c.post(`/api/v1/activity-sessions/${session(k).id}/check-in`, { residentId, code: c6 });
    const wrong = session(2).checkinCode === '000000' ? '111111' : '000000';
    expect(code(await checkIn(family, 2, grandma.id, wrong))).toBe('activity.wrong_code');
    expect(code(await checkIn(family, 3, grandma.id, session(3).checkinCode!))).toBe('activity.check_in_closed');
    expect((await checkIn(family, 2, grandma.id, session(2).checkinCode!)).statusCode).toBe(201);
    expect(code(await checkIn(family, 2, grandma.id, session(2).checkinCode!))).toBe('activity.already_signed_in');
    const row = await t.db.selectFrom('activity_attendance').select(['method']).where('session_id', '=', session(2).id).where('resident_id', '=', grandma.id).executeTakeFirstOrThrow();
    expect(row.method).toBe('code');
    // A registered member cannot give up a place once signed in.
    expect(code(await family.delete(`/api/v1/activity-sessions/${session(2).id}/registrations/${grandma.id}`))).toBe('activity.attended');
  });

  it('lets only those who attended rate, once, 1 to 5', async () => {
    const rate = (c: C, residentId: string, rating: number) => c.post(`/api/v1/activity-sessions/${session(2).id}/feedback`, { residentId, rating, comment: '饭菜可口' });
    expect(code(await rate(family, grandson.id, 5))).toBe('activity.not_attended');
    expect((await rate(family, grandma.id, 6)).statusCode).toBe(400);
    const ok = await rate(family, grandma.id, 5);
    expect(ok.statusCode).toBe(201);
    expect(ok.json<MyActivities>().attended.find((s) => s.sessionId === session(2).id)!.members.find((m) => m.residentId === grandma.id)).toEqual({ residentId: grandma.id, registered: true, attended: true, rated: true });
    expect(code(await rate(family, grandma.id, 4))).toBe('activity.already_rated');
    // The database itself holds the rule: feedback's key is an attendance's.
    await expect(t.db.insertInto('activity_feedback').values({ district_id: community.districtId, session_id: session(2).id, resident_id: grandson.id, rating: 5, given_by: family.user.id }).execute()).rejects.toThrow();
  });
});

describe('staff at the door', () => {
  const session = (k: number) => lunch.sessions[k]!;

  it('show the roster to the organizer and the officers, the code only to those who sign', async () => {
    const roster = (await chen.get(`/api/v1/activity-sessions/${session(2).id}/roster`)).json<Roster>();
    expect(roster.checkinCode).toBe(session(2).checkinCode);
    expect(roster.entries.map((e) => [e.name, e.method, e.rated])).toEqual([['王奶奶', 'code', true]]);
    expect((await communityAdmin.get(`/api/v1/activity-sessions/${session(2).id}/roster`)).json<Roster>().checkinCode).toBeNull();
    for (const c of [adminB, family, otherStreetOfficer]) expect((await c.get(`/api/v1/activity-sessions/${session(2).id}/roster`)).statusCode).toBe(404);
  });

  it('sign registered residents in up to a week late, and take a mistake back unless rated', async () => {
    // Last week's session: two residents were on its paper list (registered then).
    const d = community.districtId;
    await t.db.insertInto('activity_registrations').values([grandma, grandson, neighbourResident].map((r) => ({ district_id: d, session_id: session(1).id, resident_id: r.id, household_id: r.householdId, registered_by: adminA.user.id }))).execute();
    const sign = (c: C, k: number, residentId: string) => c.post(`/api/v1/activity-sessions/${session(k).id}/attendance`, { residentId });
    expect((await sign(communityAdmin, 1, grandma.id)).statusCode).toBe(403);
    expect((await sign(supervisorA, 1, grandma.id)).statusCode).toBe(403);
    const notListed = await sign(chen, 1, farResident.id);
    expect([notListed.statusCode, fieldsOf(notListed)]).toEqual([404, { residentId: 'resource.not_found' }]);
    for (const r of [grandma, grandson, neighbourResident]) expect((await sign(chen, 1, r.id)).statusCode).toBe(201);
    expect(code(await sign(chen, 1, grandma.id))).toBe('activity.already_signed_in');
    expect((await chen.delete(`/api/v1/activity-sessions/${session(1).id}/attendance/${neighbourResident.id}`)).statusCode).toBe(200);
    expect(code(await chen.delete(`/api/v1/activity-sessions/${session(2).id}/attendance/${grandma.id}`))).toBe('activity.feedback_given');
    // Two weeks ago is past the week staff have to record it.
    await t.db.insertInto('activity_registrations').values({ district_id: d, session_id: session(0).id, resident_id: grandma.id, household_id: grandma.householdId, registered_by: adminA.user.id }).execute();
    expect(code(await sign(chen, 0, grandma.id))).toBe('activity.check_in_closed');
    // Three at the door here, one by code before.
    expect(await auditCount(t.db, 'activity.attend')).toBe(4);
    expect(await auditCount(t.db, 'activity.unattend')).toBe(1);
  });
});

describe('the project counts itself', () => {
  it('computes outputs and satisfaction from attendance and feedback', async () => {
    // Attended so far: last week 王奶奶 and 王小明 (staff), this week 王奶奶 (code).
    // Sessions held 2; people served 2; attendances 3; one rating (5) → 100% satisfied.
    const d = community.districtId;
    await t.db.insertInto('project_indicators').values([
      { district_id: d, project_id: projectId, measure: 'sessions_held', target: 40 },
      { district_id: d, project_id: projectId, measure: 'people_served', target: 2 },
      { district_id: d, project_id: projectId, measure: 'satisfaction_rate', target: 90 },
    ]).execute();
    const lastWeek = localDate(new Date(lunch.sessions[1]!.startsAt));
    const thisWeek = localDate(new Date(lunch.sessions[2]!.startsAt));
    await t.db.insertInto('project_milestones').values([
      { district_id: d, id: newId(), project_id: projectId, seq: 1, title: '服务 3 人次', due_on: thisWeek, measure: 'attendances', threshold: 3 },
      { district_id: d, id: newId(), project_id: projectId, seq: 2, title: '首批 2 位长者', due_on: lastWeek, measure: 'people_served', threshold: 2 },
      { district_id: d, id: newId(), project_id: projectId, seq: 3, title: '开展 10 次', due_on: localDate(new Date(Date.now() + 30 * DAY)), measure: 'sessions_held', threshold: 10 },
    ]).execute();
    const view = (await adminA.get(`/api/v1/projects/${projectId}/delivery`)).json<DeliveryView>();
    expect(view.facts).toEqual({ sessionsHeld: 2, peopleServed: 2, attendances: 3, ratings: 1, satisfied: 1 });
    expect(view.indicators.map((i) => [i.measure, i.kind, i.target, i.actual, i.met])).toEqual([
      ['sessions_held', 'output', 40, 2, false],
      ['people_served', 'output', 2, 2, true],
      ['satisfaction_rate', 'outcome', 90, 100, true],
    ]);
    expect(view.milestones.map((m) => [m.title, m.actual, m.reachedOn, m.onTime])).toEqual([
      ['服务 3 人次', 3, thisWeek, true],
      ['首批 2 位长者', 2, lastWeek, true],
      ['开展 10 次', 2, null, null],
    ]);
    // A rating of 3 brings satisfaction to 1 of 2 = 50%.
    await t.db.insertInto('activity_feedback').values({ district_id: d, session_id: lunch.sessions[1]!.id, resident_id: grandson.id, rating: 3, given_by: family.user.id }).execute();
    const after = (await streetOfficer.get(`/api/v1/projects/${projectId}/delivery`)).json<DeliveryView>();
    expect(after.indicators.find((i) => i.measure === 'satisfaction_rate')).toMatchObject({ actual: 50, met: false });
    expect((await adminB.get(`/api/v1/projects/${projectId}/delivery`)).statusCode).toBe(404);
  });
});

describe('progress reports', () => {
  it('carry the figures computed at submission; the organization explains gaps, never a figure', async () => {
    const from = localDate(new Date(lunch.sessions[1]!.startsAt));
    const today = localDate(new Date());
    const report = (c: C, body: object) => c.post(`/api/v1/projects/${projectId}/reports`, { periodStart: from, periodEnd: today, narrative: '助餐每周开展，长者反映良好。', ...body });
    expect((await report(chen, {})).statusCode).toBe(403);
    expect(fieldsOf(await report(adminA, { periodEnd: localDate(new Date(Date.now() + 2 * DAY)) }))).toEqual({ periodEnd: 'report.period_not_over' });
    // People served (2 of 2) met its target: there is no gap to explain.
    expect(fieldsOf(await report(adminA, { gaps: { people_served: '人数不足' } }))).toEqual({ 'gaps.people_served': 'report.no_gap' });
    expect((await report(adminA, { figures: { period: { sessionsHeld: 40 } } })).statusCode).toBe(400);
    const res = await report(adminA, { gaps: { sessions_held: '项目刚开始，每周一次，全年可达 40 次' } });
    expect(res.statusCode).toBe(201);
    const [first] = res.json<{ items: { seq: number; gaps: object; figures: { period: object; indicators: { measure: string; actual: number | null }[] } }[] }>().items;
    // Last week's and this week's lunches: 2 held, 王奶奶 and 王小明, 3 attendances, ratings 5 and 3.
    expect(first!.figures.period).toEqual({ sessionsHeld: 2, peopleServed: 2, attendances: 3, ratings: 2, satisfied: 1 });
    expect(first!.figures.indicators.map((i) => [i.measure, i.actual])).toEqual([['sessions_held', 2], ['people_served', 2], ['satisfaction_rate', 50]]);
    expect(first!.seq).toBe(1);
    const list = (await streetOfficer.get(`/api/v1/projects/${projectId}/reports`)).json<{ items: unknown[]; canSubmit: boolean }>();
    expect([list.items.length, list.canSubmit]).toEqual([1, false]);
    expect(await auditCount(t.db, 'progress_report.submit')).toBe(1);
  });
});

describe('iCalendar feeds', () => {
  it('publish every session of the community and of the organization, read by an independent parser, without signing in', async () => {
    await adminA.post(`/api/v1/activities/${lunch.id}/cancel`, { reason: '厨房检修' });
    const anonymous = new Client(t.app);
    for (const path of [`/api/v1/public/calendars/communities/${community.id}/activities.ics`, `/api/v1/public/calendars/organizations/${orgA.id}/activities.ics`]) {
      const res = await anonymous.get(path);
      expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'text/calendar; charset=utf-8']);
      const events = new ICAL.Component(ICAL.parse(res.body) as unknown[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      // All four sessions; the one to come is cancelled with the activity.
      expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString(), e.location, e.component.getFirstPropertyValue('status')])).toEqual(
        lunch.sessions.map((s, k) => ['长者助餐', s.startsAt, '党群服务中心厨房', k === 3 ? 'CANCELLED' : 'CONFIRMED']),
      );
      expect(events.map((e) => (e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime()) / 60_000)).toEqual([90, 90, 90, 90]);
      expect(res.body).not.toContain('王奶奶');
    }
    expect((await anonymous.get(`/api/v1/public/calendars/communities/${newId()}/activities.ics`)).statusCode).toBe(404);
  });
});

describe('a tranche that waits for a milestone', () => {
  it('is released once the activities reach it, and not before', async () => {
    const d = community.districtId;
    const { callId, applicationIds } = await buildReviewedRound(t.db, { districtId: d, streetId: community.streetId, organizationIds: [orgA.id], reviewerIds: [], createdBy: streetOfficer.user.id, status: 'concluded' });
    const milestones = await t.db.selectFrom('project_milestones').select(['id', 'seq']).where('project_id', '=', projectId).orderBy('seq').execute();
    const contractId = newId();
    await t.db.insertInto('contracts').values({ district_id: d, id: contractId, project_id: projectId, call_id: callId, application_id: applicationIds[0]!, organization_id: orgA.id, amount_fen: 300_000, term_start: '2026-01-01', term_end: '2027-12-31', status: 'signed', signed_at: new Date(), signed_by: streetOfficer.user.id, created_by: streetOfficer.user.id }).execute();
    // 1 at signing; 2 when 3 attendances are recorded (reached above); 3 when 10 sessions are held (2 so far).
    await t.db.insertInto('contract_tranches').values([
      { district_id: d, contract_id: contractId, seq: 1, amount_fen: 100_000, precondition: 'signed', milestone_id: null },
      { district_id: d, contract_id: contractId, seq: 2, amount_fen: 100_000, precondition: 'milestone_reached', milestone_id: milestones[0]!.id },
      { district_id: d, contract_id: contractId, seq: 3, amount_fen: 100_000, precondition: 'milestone_reached', milestone_id: milestones[2]!.id },
    ]).execute();
    const release = (seq: number) => streetOfficer.post(`/api/v1/contracts/${contractId}/tranches/${seq}/release`, {});
    expect((await release(1)).statusCode).toBe(200);
    const second = await release(2);
    expect(second.statusCode).toBe(200);
    expect(second.json<{ contract: { tranches: { seq: number; milestoneSeq: number | null; blockedBy: string | null }[] } }>().contract.tranches.map((x) => [x.seq, x.milestoneSeq, x.blockedBy])).toEqual([[1, null, null], [2, 1, null], [3, 3, 'precondition_not_met']]);
    expect(code(await release(3))).toBe('contract.block.precondition_not_met');
  });
});

describe('the organization\'s track record', () => {
  it('counts milestones reached by their due date', async () => {
    // 3 attendances reached this week (due this week) and 2 people last week (due last week): both on
    // time; 10 sessions, due next month, is neither reached nor overdue yet.
    const record = (await streetOfficer.get(`/api/v1/organizations/${orgA.id}/track-record`)).json<{ milestones: { due: number; onTime: number } }>();
    expect(record.milestones).toEqual({ due: 2, onTime: 2 });
  });
});
