/**
 * Test factories for resident participation: one small world of places and people that every
 * participation test file builds on its own database, and short helpers that go through the API
 * (settings, rounds, ballots, council meetings). Names, phones and ID numbers of every resident
 * are kept so that the public board test can look for them in what it answers.
 */
import { newId } from '../../platform/db/ids.ts';
import { clientAs, Client, type Grant, type TestApp, type TestAppWithPeers, type TestResponse } from '../../testing.ts';
import { ensureDefaultCategories } from '../needs/index.ts';
import { buildCommunity, buildDistrict, buildGrid, buildHousehold, buildResident, buildStreet, type CommunityRef, type GridRef, type HouseholdRef, type ResidentRef } from '../territory/testing.ts';
import type { Member, RoundDetail, Settings, TopicDetail } from './participation.schemas.ts';

export type C = Awaited<ReturnType<typeof clientAs>>;
export interface Person {
  resident: ResidentRef;
  household: HouseholdRef;
}
export interface Account extends Person {
  client: C;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const code = (res: TestResponse) => res.json<{ error: { code: string } }>().error.code;

/** A resident in a household of their own in `grid`, without an account (staff act for them). */
export async function residentIn(t: TestApp, grid: GridRef, name: string): Promise<Person> {
  const household = await buildHousehold(t.db, { grid });
  const resident = await buildResident(t.db, t.platform.pii, { household, name });
  return { resident, household };
}

/** A resident with an account of their own, linked to them, holding the `resident` grant on their household. */
export async function residentWithAccount(t: TestApp, grid: GridRef, name: string): Promise<Account> {
  const p = await residentIn(t, grid, name);
  const client = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: p.household.id, districtId: grid.districtId }], { displayName: name });
  await t.db.updateTable('users').set({ resident_id: p.resident.id, resident_district_id: grid.districtId }).where('id', '=', client.user.id).execute();
  return { ...p, client };
}

/**
 * 江北新区 with two streets: 泰山街道 (J社区 with grids 一网格 and 二网格, and 桥北社区) and 顶山街道
 * (远方社区); and another district (another tenant) with 外区社区. J's households: 孙建国, 王娟 and
 * 钱多多 in 一网格; 李明, 赵丽, 周大爷 (no phone) and 吴奶奶 (no phone) in 二网格 — seven.
 */
export async function buildParticipationWorld(t: TestAppWithPeers) {
  const district = await buildDistrict(t.db, { name: '江北新区' });
  const districtId = district.id;
  const street = await buildStreet(t.db, { district, name: '泰山街道' });
  const otherStreet = await buildStreet(t.db, { district, name: '顶山街道' });
  const j = await buildCommunity(t.db, { street: { id: street.id, districtId }, name: 'J社区' });
  const neighbour = await buildCommunity(t.db, { street: { id: street.id, districtId }, name: '桥北社区' });
  const far = await buildCommunity(t.db, { street: { id: otherStreet.id, districtId }, name: '远方社区' });
  const gA = await buildGrid(t.db, { community: j, name: '一网格' });
  const gB = await buildGrid(t.db, { community: j, name: '二网格' });
  const nGrid = await buildGrid(t.db, { community: neighbour, name: '桥北一网格' });
  const fGrid = await buildGrid(t.db, { community: far, name: '远方一网格' });

  const otherDistrict = await buildDistrict(t.db, { name: '浦口区' });
  const xStreet = await buildStreet(t.db, { district: otherDistrict, name: '外区街道' });
  const x = await buildCommunity(t.db, { street: { id: xStreet.id, districtId: otherDistrict.id }, name: '外区社区' });
  const xGrid = await buildGrid(t.db, { community: x, name: '外区网格' });

  await ensureDefaultCategories(t.platform, t.db, districtId);
  const cats = await t.db.selectFrom('need_categories').select(['id', 'code']).where('district_id', '=', districtId).execute();
  const category = (c: string) => cats.find((x) => x.code === c)!.id;

  const grant = (g: Grant) => clientAs(t, [g]);
  const staff = (role: 'community_admin' | 'community_worker', c: CommunityRef) => grant({ role, scopeType: 'community', scopeId: c.id, districtId: c.districtId });
  const [jAdmin, jWorker, neighbourAdmin, farAdmin, xAdmin] = await Promise.all([staff('community_admin', j), staff('community_worker', j), staff('community_admin', neighbour), staff('community_admin', far), staff('community_admin', x)]);
  const streetOfficer = await grant({ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId });
  const otherStreetOfficer = await grant({ role: 'street_officer', scopeType: 'street', scopeId: otherStreet.id, districtId });
  const districtOfficer = await grant({ role: 'district_officer', scopeType: 'district', scopeId: districtId, districtId });
  const gridWorker = await grant({ role: 'grid_worker', scopeType: 'grid', scopeId: gA.id, districtId });
  const orgAdmin = await grant({ role: 'org_admin', scopeType: 'organization', scopeId: newId() });

  const sun = await residentWithAccount(t, gA, '孙建国');
  const wang = await residentWithAccount(t, gA, '王娟');
  const qian = await residentWithAccount(t, gA, '钱多多');
  const li = await residentWithAccount(t, gB, '李明');
  const zhao = await residentWithAccount(t, gB, '赵丽');
  const zhou = await residentIn(t, gB, '周大爷');
  const wu = await residentIn(t, gB, '吴奶奶');
  const nResident = await residentWithAccount(t, nGrid, '郑桥北');
  const fResident = await residentWithAccount(t, fGrid, '冯远方');
  const xResident = await residentWithAccount(t, xGrid, '许外区');

  return {
    t, district, districtId, street, otherStreet, j, neighbour, far, gA, gB, nGrid, fGrid, otherDistrict, x, xGrid, category,
    jAdmin, jWorker, neighbourAdmin, farAdmin, xAdmin, streetOfficer, otherStreetOfficer, districtOfficer, gridWorker, orgAdmin,
    sun, wang, qian, li, zhao, zhou, wu, nResident, fResident, xResident,
    /** Every resident of the register, for tests that look for personal data in an answer. */
    people: [sun, wang, qian, li, zhao, zhou, wu, nResident, fResident, xResident] as Person[],
  };
}
export type World = Awaited<ReturnType<typeof buildParticipationWorld>>;

export async function putSettings(admin: C, communityId: string, s: Omit<Settings, 'communityId' | 'canEdit'>) {
  const res = await admin.put(`/api/v1/participation-settings?communityId=${communityId}`, s);
  if (res.statusCode !== 200) throw new Error(`settings: ${res.statusCode} ${res.body}`);
}

/** A round through the API: created, with its candidates (cost in fen), and opened unless `draft`. */
export async function buildRound(
  by: C,
  o: { communityId?: string; streetId?: string; title?: string; totalBudgetFen: number; rule?: 'approval' | 'knapsack'; maxChoices?: number | null; opensAt?: Date; closesAt?: Date; candidates: { title: string; costFen: number; categoryId: string; communityId?: string }[]; draft?: boolean },
): Promise<RoundDetail> {
  const res = await by.post('/api/v1/budget-rounds', {
    ...(o.communityId && { communityId: o.communityId }),
    ...(o.streetId && { streetId: o.streetId }),
    title: o.title ?? '2026年度微实事',
    totalBudgetFen: o.totalBudgetFen,
    rule: o.rule ?? 'approval',
    ...(o.maxChoices !== undefined && { maxChoices: o.maxChoices }),
    opensAt: (o.opensAt ?? new Date(Date.now() - HOUR)).toISOString(),
    closesAt: (o.closesAt ?? new Date(Date.now() + 7 * DAY)).toISOString(),
  });
  if (res.statusCode !== 201) throw new Error(`round: ${res.statusCode} ${res.body}`);
  let round = res.json<RoundDetail>();
  for (const c of o.candidates) {
    const added = await by.post(`/api/v1/budget-rounds/${round.id}/candidates`, c);
    if (added.statusCode !== 201) throw new Error(`candidate: ${added.statusCode} ${added.body}`);
    round = added.json<RoundDetail>();
  }
  if (o.draft) return round;
  const opened = await by.post(`/api/v1/budget-rounds/${round.id}/open`);
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
  return opened.json<RoundDetail>();
}

/** Ends a round's voting window now, as time passing would (directly in the database). */
export async function closeWindow(t: TestApp, roundId: string) {
  await t.db.updateTable('budget_rounds').set({ opens_at: new Date(Date.now() - 2 * DAY), closes_at: new Date(Date.now() - 1000) }).where('id', '=', roundId).execute();
}

/** Council members added through the API. */
export async function addMembers(admin: C, communityId: string, names: string[]): Promise<Member[]> {
  const out: Member[] = [];
  for (const name of names) {
    const res = await admin.post('/api/v1/council-members', { communityId, name });
    if (res.statusCode !== 201) throw new Error(`member: ${res.statusCode} ${res.body}`);
    out.push(res.json<Member>());
  }
  return out;
}

export async function createTopic(admin: C, communityId: string, title: string, extra: Record<string, unknown> = {}): Promise<TopicDetail> {
  const res = await admin.post('/api/v1/council-topics', { communityId, title, subject: `${title}：议题说明`, ...extra });
  if (res.statusCode !== 201) throw new Error(`topic: ${res.statusCode} ${res.body}`);
  return res.json<TopicDetail>();
}

/** A held meeting with these topics on its agenda and these members present. */
export async function heldMeeting(admin: C, communityId: string, topicIds: string[], attendeeIds: string[]): Promise<string> {
  const res = await admin.post('/api/v1/council-meetings', { communityId, startsAt: new Date(Date.now() - HOUR).toISOString(), place: '党群服务中心二楼', topicIds });
  if (res.statusCode !== 201) throw new Error(`meeting: ${res.statusCode} ${res.body}`);
  const id = res.json<{ id: string }>().id;
  const held = await admin.patch(`/api/v1/council-meetings/${id}`, { attendeeIds, held: true });
  if (held.statusCode !== 200) throw new Error(`held: ${held.statusCode} ${held.body}`);
  return id;
}

/** A signed-in session of `client` on another app (another server process). */
export async function sameUserOn(peer: TestApp, client: C): Promise<Client> {
  const other = new Client(peer.app);
  const res = await other.login(client.user.username);
  if (res.statusCode !== 200) throw new Error(`peer login: ${res.body}`);
  return other;
}
