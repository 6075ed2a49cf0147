import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, Client, clientAs, createTestApp, createUser, fieldsOf, type ErrorBody, type TestAppWithPeers } from '../../testing.ts';
import { buildCommunity, buildDistrict, buildGrid, buildHousehold, buildResident, buildStreet, type CommunityRef } from '../territory/testing.ts';
import type { Offer, Partner, Redemption, SessionVolunteers, VolunteerDetail, VolunteerSummary } from './volunteers.schemas.ts';

/**
 * Volunteers and the time bank: who reads and registers volunteers, signing up for sessions,
 * hours that count only once the organizer verifies them, stars from the district's thresholds
 * and the points ledger, which never goes below zero, also with two app processes redeeming at
 * once. Expected figures are worked out by hand.
 */
type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestAppWithPeers;
let districtId: string;
let j: CommunityRef, neighbour: CommunityRef, far: CommunityRef;
let jAdmin: C, jWorker: C, neighbourAdmin: C, farAdmin: C, streetOfficer: C, otherStreetOfficer: C, officer: C, orgAdmin: C;
let sun: C, wang: C, stranger: C, clerk: C, otherClerk: C;
let wangResident: string;

const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A community activity of J needing `needed` volunteers, with one session starting at `startsAt`. */
async function session(o: { community?: CommunityRef; needed?: number; startsAt: Date; minutes?: number; cancelled?: boolean }): Promise<string> {
  const c = o.community ?? j;
  const activityId = newId();
  const id = newId();
  await t.db
    .insertInto('activities')
    .values({ district_id: districtId, id: activityId, street_id: c.streetId, community_id: c.id, organization_id: null, title: '长者助餐', method: 'community_activity', capacity: 30, recurrence: 'once', volunteers_needed: o.needed ?? 2, created_by: jAdmin.user.id })
    .execute();
  await t.db
    .insertInto('activity_sessions')
    .values({ district_id: districtId, id, activity_id: activityId, seq: 1, starts_at: o.startsAt, ends_at: new Date(o.startsAt.getTime() + (o.minutes ?? 120) * 60_000), checkin_code: '123456', cancelled_at: o.cancelled ? new Date() : null })
    .execute();
  return id;
}

/** A resident of a community, with an account of their own linked to them. */
async function residentWithAccount(c: CommunityRef, name: string): Promise<{ client: C; residentId: string }> {
  const household = await buildHousehold(t.db, { grid: await buildGrid(t.db, { community: c }) });
  const resident = await buildResident(t.db, t.platform.pii, { household: { ...household, districtId, streetId: c.streetId, communityId: c.id }, name });
  const client = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: household.id, districtId }], { displayName: name });
  await t.db.updateTable('users').set({ resident_id: resident.id, resident_district_id: districtId }).where('id', '=', client.user.id).execute();
  return { client, residentId: resident.id };
}

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.db, { name: '江北区' });
  districtId = district.id;
  const street = await buildStreet(t.db, { district, name: '泰山街道' });
  const otherStreet = await buildStreet(t.db, { district, name: '别的街道' });
  j = await buildCommunity(t.db, { street: { id: street.id, districtId }, name: 'J社区' });
  neighbour = await buildCommunity(t.db, { street: { id: street.id, districtId }, name: '桥北社区' });
  far = await buildCommunity(t.db, { street: { id: otherStreet.id, districtId }, name: '远方社区' });
  const staff = (role: 'community_admin' | 'community_worker', c: CommunityRef) => clientAs(t, [{ role, scopeType: 'community', scopeId: c.id, districtId }]);
  [jAdmin, jWorker, neighbourAdmin, farAdmin] = await Promise.all([staff('community_admin', j), staff('community_worker', j), staff('community_admin', neighbour), staff('community_admin', far)]);
  streetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId }]);
  otherStreetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: otherStreet.id, districtId }]);
  officer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: districtId, districtId }]);
  orgAdmin = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: newId() }]);
  ({ client: sun } = await residentWithAccount(j, '孙建国'));
  ({ client: wang, residentId: wangResident } = await residentWithAccount(j, '王娟'));
  ({ client: stranger } = await residentWithAccount(j, '钱多多'));
  // a partner shop's clerks hold no role at all: the partner's link is what they act by
  const clerkUser = await createUser(t.db, [], { displayName: '理发店店员' });
  clerk = Object.assign(new Client(t.app), { user: clerkUser });
  expect((await clerk.login(clerkUser.username)).statusCode).toBe(200);
  const otherClerkUser = await createUser(t.db, [], { displayName: '别家店员' });
  otherClerk = Object.assign(new Client(t.app), { user: otherClerkUser });
  expect((await otherClerk.login(otherClerkUser.username)).statusCode).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

let sunId: string, wangId: string, outsiderId: string;

describe('registering volunteers', () => {
  it('lets a resident register themself in their own community', async () => {
    expect((await sun.get('/api/v1/volunteers/me')).json<{ volunteer: null }>().volunteer).toBeNull();
    const res = await sun.post('/api/v1/volunteers/me', { skills: ['meal_help', 'companionship'], availability: ['tue_am', 'thu_am'], serviceCommunityIds: [neighbour.id] });
    expect(res.statusCode).toBe(201);
    const v = res.json<VolunteerDetail>();
    sunId = v.id;
    expect([v.name, v.community.id, v.serviceCommunities.map((c) => c.id).sort(), v.verifiedMinutes, v.stars, v.points]).toEqual(['孙建国', j.id, [j.id, neighbour.id].sort(), 0, 0, 0]);
    expect(code(await sun.post('/api/v1/volunteers/me', { skills: [], availability: [] }))).toBe('volunteer.already_registered');
    expect((await sun.get('/api/v1/volunteers/me')).json<{ volunteer: VolunteerDetail }>().volunteer.id).toBe(sunId);
    // an account with no resident behind it has no one to register
    expect(code(await jAdmin.post('/api/v1/volunteers/me', { skills: [], availability: [] }))).toBe('volunteer.not_a_resident');
    expect(await auditCount(t.db, 'volunteer.enrol')).toBe(1);
  });

  it('lets community staff register a resident of their community, or another person whose phone is sealed', async () => {
    const body = { communityId: j.id, residentId: wangResident, skills: ['tutoring'], availability: ['sat_pm'], serviceCommunityIds: [j.id] };
    const refusals: [C, number][] = [[neighbourAdmin, 404], [streetOfficer, 404], [officer, 404], [sun, 404], [orgAdmin, 404]];
    for (const [client, status] of refusals) expect((await client.post('/api/v1/volunteers', body)).statusCode).toBe(status);
    let res = await jWorker.post('/api/v1/volunteers', { ...body, name: '王娟' });
    expect(fieldsOf(res).name).toBe('volunteer.person_twice');
    res = await jWorker.post('/api/v1/volunteers', { ...body, residentId: newId() });
    expect([res.statusCode, fieldsOf(res).residentId]).toEqual([404, 'resource.not_found']);
    res = await jWorker.post('/api/v1/volunteers', { ...body, serviceCommunityIds: [newId()] });
    expect([res.statusCode, fieldsOf(res)['serviceCommunityIds.0']]).toEqual([404, 'resource.not_found']);
    res = await jWorker.post('/api/v1/volunteers', body);
    expect(res.statusCode).toBe(201);
    wangId = res.json<VolunteerDetail>().id;
    // her own account acts as the volunteer the staff registered
    expect((await wang.get('/api/v1/volunteers/me')).json<{ volunteer: VolunteerDetail }>().volunteer.id).toBe(wangId);

    res = await jAdmin.post('/api/v1/volunteers', { communityId: j.id, skills: ['repair'], availability: [], serviceCommunityIds: [j.id], name: '赵师傅' });
    expect(fieldsOf(res).phone).toBe('volunteer.person_required');
    res = await jAdmin.post('/api/v1/volunteers', { communityId: j.id, skills: ['repair'], availability: [], serviceCommunityIds: [j.id], name: '赵师傅', phone: '13912345678' });
    expect(res.statusCode).toBe(201);
    const outsider = res.json<VolunteerDetail>();
    outsiderId = outsider.id;
    expect([outsider.name, outsider.isResident, outsider.phone]).toEqual(['赵师傅', false, '*******5678']);
    const stored = await t.db.selectFrom('volunteers').select('phone').where('id', '=', outsiderId).executeTakeFirstOrThrow();
    expect(stored.phone!.toString('latin1')).not.toContain('13912345678');
  });

  it('links a resident registered by staff to the account the resident gets later, on first use', async () => {
    const household = await buildHousehold(t.db, { grid: await buildGrid(t.db, { community: j }) });
    const resident = await buildResident(t.db, t.platform.pii, { household: { ...household, districtId, streetId: j.streetId, communityId: j.id }, name: '周大爷' });
    const registered = (await jAdmin.post('/api/v1/volunteers', { communityId: j.id, residentId: resident.id, skills: ['patrol'], availability: [], serviceCommunityIds: [j.id] })).json<VolunteerDetail>();
    const later = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: household.id, districtId }]);
    expect((await later.get('/api/v1/volunteers/me')).json<{ volunteer: null }>().volunteer).toBeNull();
    await t.db.updateTable('users').set({ resident_id: resident.id, resident_district_id: districtId }).where('id', '=', later.user.id).execute();
    expect((await later.get('/api/v1/volunteers/me')).json<{ volunteer: VolunteerDetail }>().volunteer.id).toBe(registered.id);
    expect((await later.get(`/api/v1/volunteers/${registered.id}`)).statusCode).toBe(200);
    expect(await auditCount(t.db, 'volunteer.link_account')).toBe(1);
  });

  it('shows a volunteer to officers, to the staff of the communities they live in or serve, and to themself only', async () => {
    // role × reader → sees 孙 (home J, serves 桥北)
    const table: [string, C, boolean][] = [
      ['himself', sun, true],
      ['J community admin', jAdmin, true],
      ['J community worker', jWorker, true],
      ['admin of a community he serves', neighbourAdmin, true],
      ['street officer', streetOfficer, true],
      ['district officer', officer, true],
      ['admin of a community of another street', farAdmin, false],
      ['officer of another street', otherStreetOfficer, false],
      ['another resident', wang, false],
      ['an organization admin', orgAdmin, false],
      ['a partner clerk', clerk, false],
    ];
    for (const [who, client, sees] of table) {
      const res = await client.get(`/api/v1/volunteers/${sunId}`);
      expect([who, res.statusCode, res.statusCode === (sees ? 200 : 404) ? '' : res.body]).toEqual([who, sees ? 200 : 404, '']);
      const listed = (await client.get('/api/v1/volunteers')).json<{ items?: VolunteerSummary[] }>().items ?? [];
      expect([who, listed.some((v) => v.id === sunId)]).toEqual([who, sees && client !== sun]);
    }
  });

  it('lets the volunteer and the home community change the record, not a community he only serves', async () => {
    expect((await sun.patch(`/api/v1/volunteers/${sunId}`, { availability: ['tue_am', 'thu_am', 'sat_am'] })).statusCode).toBe(200);
    expect((await neighbourAdmin.patch(`/api/v1/volunteers/${sunId}`, { note: '很热心' })).statusCode).toBe(403);
    expect((await wang.patch(`/api/v1/volunteers/${sunId}`, { note: 'x' })).statusCode).toBe(404);
    expect((await jAdmin.patch(`/api/v1/volunteers/${sunId}`, { note: '很热心' })).json<VolunteerDetail>().note).toBe('很热心');
  });
});

describe('signing up for sessions', () => {
  it('takes volunteers up to the number the activity needs, in their service area, before the session starts', async () => {
    const upcoming = await session({ needed: 2, startsAt: new Date(Date.now() + 2 * DAY) });
    const opportunities = (await sun.get('/api/v1/volunteer-opportunities')).json<{ items: { sessionId: string; signedUp: number }[] }>().items;
    expect(opportunities.find((o) => o.sessionId === upcoming)?.signedUp).toBe(0);
    expect((await sun.post('/api/v1/volunteer-signups', { sessionId: upcoming })).statusCode).toBe(201);
    expect(code(await sun.post('/api/v1/volunteer-signups', { sessionId: upcoming }))).toBe('volunteer.already_signed_up');
    expect((await wang.post('/api/v1/volunteer-signups', { sessionId: upcoming })).statusCode).toBe(201);
    // 赵师傅 has no phone account: J's staff sign him up, and the session is then full
    expect(code(await jAdmin.post('/api/v1/volunteer-signups', { sessionId: upcoming, volunteerId: outsiderId }))).toBe('volunteer.session_full');
    expect((await wang.post('/api/v1/volunteer-signups/withdraw', { sessionId: upcoming })).statusCode).toBe(200);
    expect(code(await wang.post('/api/v1/volunteer-signups/withdraw', { sessionId: upcoming }))).toBe('volunteer.not_signed_up');
    expect((await jAdmin.post('/api/v1/volunteer-signups', { sessionId: upcoming, volunteerId: outsiderId })).statusCode).toBe(201);
    // another community's staff cannot act for him
    expect((await neighbourAdmin.post('/api/v1/volunteer-signups', { sessionId: upcoming, volunteerId: outsiderId })).statusCode).toBe(404);
    expect(await auditCount(t.db, 'volunteer.sign_up')).toBe(3);

    expect(code(await sun.post('/api/v1/volunteer-signups', { sessionId: await session({ community: far, startsAt: new Date(Date.now() + DAY) }) }))).toBe('volunteer.outside_area');
    expect(code(await sun.post('/api/v1/volunteer-signups', { sessionId: await session({ needed: 0, startsAt: new Date(Date.now() + DAY) }) }))).toBe('volunteer.no_volunteers_needed');
    expect(code(await sun.post('/api/v1/volunteer-signups', { sessionId: await session({ startsAt: new Date(Date.now() - HOUR) }) }))).toBe('volunteer.session_not_open');
    const res = await sun.post('/api/v1/volunteer-signups', { sessionId: newId() });
    expect([res.statusCode, fieldsOf(res).sessionId]).toEqual([404, 'resource.not_found']);
  });

  it('gives the last place to one of two volunteers asking at the same moment', async () => {
    const last = await session({ needed: 1, startsAt: new Date(Date.now() + 3 * DAY) });
    const answers = await Promise.all([sun.post('/api/v1/volunteer-signups', { sessionId: last }), wang.post('/api/v1/volunteer-signups', { sessionId: last })]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const n = await t.db.selectFrom('volunteer_signups').select((eb) => eb.fn.countAll<string>().as('n')).where('session_id', '=', last).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });
});

describe('hours, stars and points', () => {
  let lunch: string;
  const standing = async (client: C = sun) => {
    const v = (await client.get(`/api/v1/volunteers/${sunId}`)).json<VolunteerDetail>();
    return [v.verifiedMinutes, v.stars, v.points];
  };

  it('counts claimed hours for nothing until the organizer verifies them', async () => {
    // J's thresholds for this test: 1, 3, 6, 10, 15 hours; 10 points an hour
    expect((await jAdmin.put(`/api/v1/volunteer-settings?districtId=${districtId}`, { starHours: [1, 3, 6, 10, 15], pointsPerHour: 10 })).statusCode).toBe(403);
    let res = await officer.put(`/api/v1/volunteer-settings?districtId=${districtId}`, { starHours: [1, 3, 3, 10, 15], pointsPerHour: 10 });
    expect(fieldsOf(res)['starHours.2']).toBe('volunteer.star_hours_order');
    expect((await officer.put(`/api/v1/volunteer-settings?districtId=${districtId}`, { starHours: [1, 3, 6, 10, 15], pointsPerHour: 9 })).statusCode).toBe(400);
    expect((await officer.put(`/api/v1/volunteer-settings?districtId=${districtId}`, { starHours: [1, 3, 6, 10, 15], pointsPerHour: 10 })).statusCode).toBe(200);

    const later = await session({ startsAt: new Date(Date.now() + DAY) });
    await sun.post('/api/v1/volunteer-signups', { sessionId: later });
    expect(code(await sun.post('/api/v1/volunteer-hours', { sessionId: later, minutes: 120 }))).toBe('volunteer.session_not_started');

    lunch = await session({ startsAt: new Date(Date.now() - 3 * HOUR) });
    await t.db.insertInto('volunteer_signups').values({ district_id: districtId, session_id: lunch, volunteer_id: sunId, signed_up_by: sun.user.id }).execute();
    expect(code(await wang.post('/api/v1/volunteer-hours', { sessionId: lunch, minutes: 120 }))).toBe('volunteer.not_signed_up');
    expect((await sun.post('/api/v1/volunteer-hours', { sessionId: lunch, minutes: 100 })).statusCode).toBe(400);
    res = await sun.post('/api/v1/volunteer-hours', { sessionId: lunch, minutes: 150 });
    expect([res.statusCode, res.json<{ status: string }>().status]).toEqual([201, 'claimed']);
    expect(code(await sun.post('/api/v1/volunteer-hours', { sessionId: lunch, minutes: 150 }))).toBe('volunteer.hours_claimed');
    expect(await standing()).toEqual([0, 0, 0]);
  });

  it('lets only the organizer verify, adjust or reject hours; verified hours earn points once', async () => {
    const entries = [{ volunteerId: sunId, minutes: 120 }];
    for (const client of [sun, farAdmin, orgAdmin, clerk]) expect((await client.put(`/api/v1/activity-sessions/${lunch}/volunteer-hours`, { entries })).statusCode).toBe(404);
    // 孙 serves 桥北, but J's activity is not 桥北's to verify
    expect((await neighbourAdmin.put(`/api/v1/activity-sessions/${lunch}/volunteer-hours`, { entries })).statusCode).toBe(404);
    let res = await jAdmin.put(`/api/v1/activity-sessions/${lunch}/volunteer-hours`, { entries: [{ volunteerId: sunId, minutes: 120, rejectReason: '不明' }] });
    expect(fieldsOf(res)['entries.0']).toBe('volunteer.verify_one_of');
    res = await jAdmin.put(`/api/v1/activity-sessions/${lunch}/volunteer-hours`, { entries: [{ volunteerId: outsiderId, rejectReason: '未到岗' }] });
    expect(fieldsOf(res)['entries.0.rejectReason']).toBe('volunteer.nothing_to_reject');
    res = await jAdmin.put(`/api/v1/activity-sessions/${lunch}/volunteer-hours`, { entries: [{ volunteerId: newId(), minutes: 60 }] });
    expect([res.statusCode, fieldsOf(res)['entries.0.volunteerId']]).toEqual([404, 'resource.not_found']);
    // he claimed 2.5 h; the organizer verifies 2 h; 赵师傅 came on the day without signing up
    res = await jAdmin.put(`/api/v1/activity-sessions/${lunch}/volunteer-hours`, { entries: [...entries, { volunteerId: outsiderId, minutes: 60 }] });
    expect(res.statusCode).toBe(200);
    const view = res.json<SessionVolunteers>();
    expect(view.items.map((i) => [i.name, i.signedUp, i.minutes, i.status])).toEqual([['孙建国', true, 120, 'verified'], ['赵师傅', false, 60, 'verified']]);
    // 2 h: one star (1 h reached, 3 h not), 2 × 10 points
    expect(await standing()).toEqual([120, 1, 20]);
    expect((await sun.get(`/api/v1/volunteers/${sunId}`)).json<VolunteerDetail>().nextStarHours).toBe(1);
    res = await jAdmin.put(`/api/v1/activity-sessions/${lunch}/volunteer-hours`, { entries: [{ volunteerId: sunId, minutes: 180 }] });
    expect(fieldsOf(res)['entries.0.volunteerId']).toBe('volunteer.hours_decided');
    expect(await standing()).toEqual([120, 1, 20]);
    expect(await auditCount(t.db, 'volunteer.verify_hours')).toBe(2);
  });

  it('rejects a claim with a reason, which earns nothing', async () => {
    const tea = await session({ startsAt: new Date(Date.now() - 2 * DAY) });
    await t.db.insertInto('volunteer_signups').values({ district_id: districtId, session_id: tea, volunteer_id: sunId, signed_up_by: sun.user.id }).execute();
    await sun.post('/api/v1/volunteer-hours', { sessionId: tea, minutes: 240 });
    const res = await jWorker.put(`/api/v1/activity-sessions/${tea}/volunteer-hours`, { entries: [{ volunteerId: sunId, rejectReason: '当天未到岗' }] });
    expect(res.json<SessionVolunteers>().items[0]).toMatchObject({ status: 'rejected', rejectReason: '当天未到岗' });
    expect(await standing()).toEqual([120, 1, 20]);
    const v = (await sun.get(`/api/v1/volunteers/${sunId}`)).json<VolunteerDetail>();
    expect(v.hours.map((h) => h.status).sort()).toEqual(['rejected', 'verified']);
  });

  it('gives stars by the thresholds: 4 h of service reach two stars of 1 / 3 / 6 / 10 / 15', async () => {
    const more = await session({ startsAt: new Date(Date.now() - 4 * DAY) });
    await jAdmin.put(`/api/v1/activity-sessions/${more}/volunteer-hours`, { entries: [{ volunteerId: sunId, minutes: 120 }] });
    expect(await standing()).toEqual([240, 2, 40]);
    // at the DESIGN's defaults (100 / 300 / …) the same 4 h are no star, and earned points stay
    await officer.put(`/api/v1/volunteer-settings?districtId=${districtId}`, { starHours: [100, 300, 600, 1000, 1500], pointsPerHour: 10 });
    expect(await standing()).toEqual([240, 0, 40]);
  });
});

describe('the time bank', () => {
  let shop: Partner, haircut: Offer, tea: Offer;

  it('lets the community keep partner shops and offers', async () => {
    let res = await jAdmin.post('/api/v1/time-bank/partners', { communityId: j.id, name: '巧手理发店', address: '泰山路 8 号', staffUsernames: ['nobody-here'] });
    expect(fieldsOf(res)['staffUsernames.0']).toBe('timebank.unknown_username');
    expect((await neighbourAdmin.post('/api/v1/time-bank/partners', { communityId: j.id, name: 'x', staffUsernames: [clerk.user.username] })).statusCode).toBe(404);
    expect((await streetOfficer.post('/api/v1/time-bank/partners', { communityId: j.id, name: 'x', staffUsernames: [clerk.user.username] })).statusCode).toBe(403);
    res = await jAdmin.post('/api/v1/time-bank/partners', { communityId: j.id, name: '巧手理发店', address: '泰山路 8 号', staffUsernames: [clerk.user.username] });
    expect(res.statusCode).toBe(201);
    shop = res.json<Partner>();
    const elsewhere = (await farAdmin.post('/api/v1/time-bank/partners', { communityId: far.id, name: '远方小店', staffUsernames: [otherClerk.user.username] })).json<Partner>();
    res = await jAdmin.post('/api/v1/time-bank/offers', { communityId: j.id, partnerId: elsewhere.id, title: '理发', points: 30 });
    expect([res.statusCode, fieldsOf(res).partnerId]).toEqual([404, 'resource.not_found']);
    haircut = (await jAdmin.post('/api/v1/time-bank/offers', { communityId: j.id, partnerId: shop.id, title: '理发一次', points: 30, stock: 1 })).json<Offer>();
    tea = (await jAdmin.post('/api/v1/time-bank/offers', { communityId: j.id, title: '社区茶歇券', points: 15 })).json<Offer>();
    expect([haircut.provider, tea.provider]).toEqual(['巧手理发店', 'J社区']);
    // the clerk sees their shop and its offers, by the link alone
    expect((await clerk.get('/api/v1/time-bank/partners/mine')).json<{ items: Partner[] }>().items.map((p) => p.id)).toEqual([shop.id]);
    expect((await clerk.get('/api/v1/time-bank/offers')).json<{ items: Offer[] }>().items.map((o) => o.id)).toEqual([haircut.id]);
    expect((await otherClerk.get('/api/v1/time-bank/offers')).json<{ items: Offer[] }>().items.map((o) => o.id)).toEqual([]);
    // a volunteer sees the active offers of his communities
    expect((await sun.get('/api/v1/time-bank/offers')).json<{ items: Offer[] }>().items.map((o) => o.id).sort()).toEqual([haircut.id, tea.id].sort());
  });

  it('holds the points of a redemption at once and refuses one the balance cannot pay, writing nothing', async () => {
    // balance 40: the 30-point haircut is held, then 15 more cannot be paid from the 10 left
    let res = await sun.post('/api/v1/time-bank/redemptions', { offerId: haircut.id });
    expect([res.statusCode, res.json<Redemption>().status, res.json<Redemption>().balance]).toEqual([201, 'requested', 10]);
    const held = res.json<Redemption>();
    const before = await t.db.selectFrom('time_bank_redemptions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    res = await sun.post('/api/v1/time-bank/redemptions', { offerId: tea.id });
    expect([res.statusCode, code(res), res.json<ErrorBody>().error.message]).toEqual([409, 'timebank.insufficient_points', '积分不足：当前余额 10，需要 15']);
    const after = await t.db.selectFrom('time_bank_redemptions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    // the only haircut is taken
    expect(code(await wang.post('/api/v1/time-bank/redemptions', { offerId: haircut.id }))).toBe('timebank.out_of_stock');

    // the partner's clerk confirms; the community's staff and another shop's clerk cannot
    expect((await jAdmin.post(`/api/v1/time-bank/redemptions/${held.id}/confirm`)).statusCode).toBe(403);
    expect((await otherClerk.post(`/api/v1/time-bank/redemptions/${held.id}/confirm`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/v1/time-bank/redemptions/${held.id}/confirm`)).statusCode).toBe(404);
    const queue = (await clerk.get(`/api/v1/time-bank/redemptions?partnerId=${shop.id}&status=requested`)).json<{ items: Redemption[] }>().items;
    expect(queue.map((r) => [r.id, r.volunteer.name, r.actions])).toEqual([[held.id, '孙建国', ['confirm', 'decline']]]);
    res = await clerk.post(`/api/v1/time-bank/redemptions/${held.id}/confirm`);
    expect(res.json<Redemption>().status).toBe('confirmed');
    expect(code(await sun.post(`/api/v1/time-bank/redemptions/${held.id}/cancel`))).toBe('timebank.not_requested');
    expect(await auditCount(t.db, 'time_bank.redemption_confirm')).toBe(1);
  });

  it('gives the points back when the provider declines or the volunteer cancels', async () => {
    await jAdmin.patch(`/api/v1/time-bank/offers/${tea.id}`, { points: 5 });
    const first = (await sun.post('/api/v1/time-bank/redemptions', { offerId: tea.id })).json<Redemption>();
    expect(first.balance).toBe(5);
    expect(code(await jAdmin.post(`/api/v1/time-bank/redemptions/${first.id}/decline`, { reason: '' }))).toBe('validation.failed');
    // the community's own offer is confirmed or declined by its staff, not by a clerk
    expect((await clerk.post(`/api/v1/time-bank/redemptions/${first.id}/decline`, { reason: '本店不提供' })).statusCode).toBe(404);
    expect((await jWorker.post(`/api/v1/time-bank/redemptions/${first.id}/decline`, { reason: '茶歇已暂停' })).json<Redemption>()).toMatchObject({ status: 'declined', declineReason: '茶歇已暂停' });
    const second = (await sun.post('/api/v1/time-bank/redemptions', { offerId: tea.id })).json<Redemption>();
    expect((await wang.post(`/api/v1/time-bank/redemptions/${second.id}/cancel`)).statusCode).toBe(404);
    expect((await sun.post(`/api/v1/time-bank/redemptions/${second.id}/cancel`)).json<Redemption>().status).toBe('cancelled');
    const v = (await sun.get(`/api/v1/volunteers/${sunId}`)).json<VolunteerDetail>();
    // 20 + 20 earned, 30 redeemed, 5 held and refunded twice
    expect(v.points).toBe(10);
    expect(v.ledger.map((e) => [e.kind, e.points, e.balanceAfter])).toEqual([
      ['refund', 5, 10], ['redeem', -5, 5], ['refund', 5, 10], ['redeem', -5, 5], ['redeem', -30, 10], ['earn', 20, 40], ['earn', 20, 20],
    ]);
  });

  it('never lets two app processes overspend one balance, whatever the order of concurrent redemptions', async () => {
    // 王娟 verified for 3 h: 30 points; eight 10-point redemptions at once, half through each app
    const shift = await session({ startsAt: new Date(Date.now() - 5 * DAY) });
    await jAdmin.put(`/api/v1/activity-sessions/${shift}/volunteer-hours`, { entries: [{ volunteerId: wangId, minutes: 180 }] });
    const coffee = (await jAdmin.post('/api/v1/time-bank/offers', { communityId: j.id, title: '咖啡券', points: 10 })).json<Offer>();
    const peer = await t.peer();
    try {
      const onPeer = new Client(peer.app);
      expect((await onPeer.login(wang.user.username)).statusCode).toBe(200);
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? onPeer : wang).post('/api/v1/time-bank/redemptions', { offerId: coffee.id })));
      expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
      for (const r of answers.filter((a) => a.statusCode === 409)) expect(code(r)).toBe('timebank.insufficient_points');
    } finally {
      await peer.close();
    }
    const entries = await t.db.selectFrom('time_bank_entries').select(['seq', 'points', 'balance_after']).where('volunteer_id', '=', wangId).orderBy('seq').execute();
    // one entry per number, each balance the previous plus its points, never below zero
    let balance = 0;
    entries.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      balance += e.points;
      expect(e.balance_after).toBe(balance);
    });
    expect(balance).toBe(0);
    expect(entries.length).toBe(4);
  });

  it('keeps a volunteer\'s and the providers\' redemptions apart', async () => {
    const mine = (await sun.get(`/api/v1/time-bank/redemptions?volunteerId=${sunId}`)).json<{ items: Redemption[] }>().items;
    expect(mine.map((r) => r.status).sort()).toEqual(['cancelled', 'confirmed', 'declined']);
    expect((await wang.get(`/api/v1/time-bank/redemptions?volunteerId=${sunId}`)).statusCode).toBe(404);
    expect((await clerk.get('/api/v1/time-bank/redemptions')).json<{ items: Redemption[] }>().items.map((r) => r.offer.title)).toEqual(['理发一次']);
    expect((await otherClerk.get('/api/v1/time-bank/redemptions')).json<{ items: Redemption[] }>().items).toEqual([]);
    expect((await farAdmin.get('/api/v1/time-bank/redemptions')).json<{ items: Redemption[] }>().items).toEqual([]);
    expect((await streetOfficer.get('/api/v1/time-bank/redemptions')).json<{ items: Redemption[] }>().items.length).toBe(6);
  });
});
