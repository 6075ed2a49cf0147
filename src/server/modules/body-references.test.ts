/**
 * Every id in a request body is resolved with the same read policy as an id in the path: an id
 * of another district or of a territory outside the caller's scope answers 404
 * `resource.not_found`, identical to a random id that names nothing, and writes nothing.
 * One row per command and body field; the last test checks that the rows cover every uuid
 * field of every request body in the OpenAPI document.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { newId } from '../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAs, createTestApp, createUser, type ErrorBody, type Grant, type TestApp, type TestResponse } from '../testing.ts';
import { buildReviewedRound } from './calls/calls.testing.ts';
import { buildCommonNeed } from './commonneeds/commonneeds.testing.ts';
import { ensureDefaultCategories } from './needs/needs.categories.ts';
import type { BulkTransitionResponse as BulkTransitionResponseSchema } from './needs/needs.schemas.ts';
import { buildNeed, type NeedWorld } from './needs/needs.testing.ts';
import { buildOrganization, fakeUscc } from './organizations/testing.ts';
import { buildProject } from './projects/projects.testing.ts';
import type { ResourceView } from './resources/resources.schemas.ts';
import { buildTree, type Tree } from './territory/test-world.ts';
import {
  buildBuilding,
  buildCommunity,
  buildDistrict,
  buildGrid,
  buildHousehold,
  buildResident,
  buildStreet,
  fakeIdNumber,
  type BuildingRef,
  type CommunityRef,
  type DistrictRef,
  type GridRef,
  type HouseholdRef,
  type ResidentRef,
  type StreetRef,
} from './territory/testing.ts';
import { buildOffer, buildPartner, buildShift, buildVolunteer, creditPoints, signUp as signUpVolunteer } from './volunteers/volunteers.testing.ts';
import { buildSocialWorker } from './workforce/testing.ts';
import type { SocialWorkerView } from './workforce/workforce.schemas.ts';

type Client = Awaited<ReturnType<typeof clientAs>>;
type Res = TestResponse;
type BulkTransitionResponse = Static<typeof BulkTransitionResponseSchema>;

let t: TestApp;
/** The caller's district: street s1 with communities c1 (the callers') and c2, street s2 with c3. */
let d1: DistrictRef;
let s1: StreetRef;
let s2: StreetRef;
let c1: CommunityRef;
let c2: CommunityRef;
let g1: GridRef;
let g1b: GridRef;
let g2: GridRef;
let b1: BuildingRef;
let b2: BuildingRef;
let h1: HouseholdRef;
let h1b: HouseholdRef;
let h2: HouseholdRef;
let r1: ResidentRef;
let r2: ResidentRef;
/** Another district, with a unit at every level. */
let other: Tree;
let cat1: string;
let cat2: string;
let cat9: string;
let top1: string;
let top9: string;
let org1: string;
let org9: string;
/** community_admin of c1 (the zhou), community workers of c1, c2 and the other district. */
let admin: Client;
let gridWorker: Client;
let streetOfficer: Client;
let officer: Client;
let worker1: string;
let worker2: string;
let worker9: string;
/** World views for the needs factories. */
let w1: NeedWorld;
let w2: NeedWorld;
let w9: NeedWorld;

const world = (d: { id: string }, s: { id: string }, c: { id: string }, g: GridRef, h: HouseholdRef, category: (code: string) => string) =>
  ({ district: d, street: s, community: c, grid: g, household: h, neighbour: h, category }) as unknown as NeedWorld;

async function categoriesOf(districtId: string) {
  await ensureDefaultCategories(t.platform, t.db, districtId);
  const rows = await t.db.selectFrom('need_categories').select(['id', 'code', 'parent_id']).where('district_id', '=', districtId).execute();
  return { byCode: (code: string) => rows.find((r) => r.code === code)!.id, top: rows.find((r) => r.parent_id === null)!.id };
}

beforeAll(async () => {
  t = await createTestApp();
  d1 = await buildDistrict(t.db);
  s1 = await buildStreet(t.db, { district: d1 });
  s2 = await buildStreet(t.db, { district: d1 });
  c1 = await buildCommunity(t.db, { street: s1 });
  c2 = await buildCommunity(t.db, { street: s1 });
  await buildCommunity(t.db, { street: s2 });
  g1 = await buildGrid(t.db, { community: c1 });
  g1b = await buildGrid(t.db, { community: c1 });
  g2 = await buildGrid(t.db, { community: c2 });
  b1 = await buildBuilding(t.db, { grid: g1 });
  b2 = await buildBuilding(t.db, { grid: g2 });
  h1 = await buildHousehold(t.db, { grid: g1, building: b1 });
  h1b = await buildHousehold(t.db, { grid: g1 });
  h2 = await buildHousehold(t.db, { grid: g2, building: b2 });
  r1 = await buildResident(t.db, t.platform.pii, { household: h1 });
  r2 = await buildResident(t.db, t.platform.pii, { household: h2 });
  other = await buildTree(t);
  const k1 = await categoriesOf(d1.id);
  const k9 = await categoriesOf(other.district.id);
  cat1 = k1.byCode('property_facilities');
  cat2 = k1.byCode('elderly_meals');
  cat9 = k9.byCode('property_facilities');
  top1 = k1.top;
  top9 = k9.top;
  org1 = (await buildOrganization(t.db, t.platform.pii, { district: d1, communities: [c1] })).id;
  org9 = (await buildOrganization(t.db, t.platform.pii, { district: other.district, communities: [other.community] })).id;
  w1 = world(d1, s1, c1, g1, h1, k1.byCode);
  w2 = world(d1, s1, c2, g2, h2, k1.byCode);
  w9 = world(other.district, other.street, other.community, other.grid, other.household, k9.byCode);

  const inDistrict = (role: Grant['role'], scopeType: Grant['scopeType'], scopeId: string): Grant => ({ role, scopeType, scopeId, districtId: d1.id });
  admin = await clientAs(t, [inDistrict('community_admin', 'community', c1.id)]);
  gridWorker = await clientAs(t, [inDistrict('grid_worker', 'grid', g1.id)]);
  streetOfficer = await clientAs(t, [inDistrict('street_officer', 'street', s1.id)]);
  officer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d1.id }]);
  worker1 = (await createUser(t.db, [inDistrict('community_worker', 'community', c1.id)])).id;
  worker2 = (await createUser(t.db, [inDistrict('community_worker', 'community', c2.id)])).id;
  worker9 = (await createUser(t.db, [{ role: 'community_worker', scopeType: 'community', scopeId: other.community.id, districtId: other.district.id }])).id;
});
afterAll(() => t.close());

/** Every table's rows, hashed: what "nothing written" compares (sessions change on every request). */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('sessions', 'login_failures')
    order by 1`.execute(t.db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ h: string }>`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.table(name)} x`.execute(t.db);
    out[name] = r.rows[0]!.h;
  }
  return out;
}

const suffix = () => crypto.randomBytes(4).toString('hex');
const visitedAt = () => new Date(Date.now() - 3600_000).toISOString();

interface Row {
  /** `METHOD /api/v1/path` as in the OpenAPI document. */
  route: string;
  /** The body field, `[]` for an array's items. */
  field: string;
  /** The field the 404 answer names, when it is not `field`; null: the id is the row's own need. */
  at?: string | null;
  /** Ids the caller may not read: another territory of the same district, another district. */
  hidden: () => string[];
  /**
   * Why no id is hidden from the caller here: the field names a public register. A random id
   * still answers 404, and an entry of another district is accepted.
   */
  publicRegister?: string;
  /** For a public register: an entry the caller sees but may not use here (403). */
  refused?: () => string;
  /** An id the caller may use: the same request then succeeds, so the id alone made the difference. */
  readable: () => string;
  /** Builds what the request needs and returns how to send it with a given id. */
  prepare: () => Promise<(id: string) => Promise<Res>>;
  /** Bulk answers carry one result per need instead of an HTTP error. */
  bulk?: true;
}

const staffNeed = (over: Record<string, unknown> = {}) =>
  admin.post('/api/v1/needs', { source: 'staff', intakeChannel: 'phone', categoryId: cat1, description: '楼道灯坏了', householdId: h1.id, ...over });

const transition = (needId: string) => (body: (id: string) => Record<string, unknown>) => (id: string) =>
  admin.post(`/api/v1/needs/${needId}/transitions`, body(id));

const orgBody = (over: Record<string, unknown>) => ({
  name: `启航社工服务中心${suffix()}`,
  uscc: fakeUscc('service_institution'),
  type: 'service_institution',
  registrationDate: '2016-05-10',
  registrationAuthority: '区民政局',
  registrationDistrictId: d1.id,
  serviceCommunityIds: [c1.id],
  ...over,
});

const projectBody = (over: Record<string, unknown>) => ({ title: '幸福食堂', budgetFen: 100, fundingSource: 'government_purchase', purchaserLevel: 'district', ...over });
const callBody = (over: Record<string, unknown>) => ({ title: '公益创投', kind: 'venture_philanthropy', themes: ['为老服务'], deadline: new Date(Date.now() + 9 * 86_400_000).toISOString(), ...over });
let hiddenProjects: string[] = [];
let readableProject = '';
let hiddenReviewers: string[] = [];
let readableReviewer = '';
/** Approved street projects: one the street office buys, one of the neighbouring street, one of another district. */
/** An open street call offering the readable project, and the administrator of org1 who applies to it. */
async function openCallForApplications() {
  await projectsForCalls();
  const call = (await streetOfficer.post('/api/v1/calls', callBody({ streetId: s1.id, projectIds: [readableProject] }))).json<{ id: string }>();
  await t.db.updateTable('calls').set({ status: 'open', opened_at: new Date() }).where('id', '=', call.id).execute();
  const applicant = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: org1 }]);
  return { call, applicant };
}
/** A social worker of org1 (may be on its team) and one of org9 (may not). */
const teamWorkers = async () => ({
  own: (await buildSocialWorker(t.db, t.platform.pii, { organization: { id: org1 }, communities: [c1] })).id,
  foreign: (await buildSocialWorker(t.db, t.platform.pii, { organization: { id: org9 }, communities: [c1] })).id,
});
let hiddenApplications: string[] = [];
let readableApplication = '';
/** A street round in the status given, and applications of another round of the district and of another district. */
async function roundsForAwards(status: 'ranked' | 'publicity') {
  const reviewer = (await createUser(t.db, [{ role: 'reviewer', scopeType: 'district', scopeId: d1.id }])).id;
  const round = (districtId: string, streetId: string) =>
    buildReviewedRound(t.db, { districtId, streetId, organizationIds: [org1, org9], reviewerIds: [reviewer], createdBy: streetOfficer.user.id, status });
  const own = await round(d1.id, s1.id);
  hiddenApplications = [(await round(d1.id, s1.id)).applicationIds[0]!, (await round(other.district.id, other.street.id)).applicationIds[0]!];
  readableApplication = own.applicationIds[0]!;
  return own;
}
let volunteerResident = '';
const participationHidden = { meetings: [] as string[], members: [] as string[], rounds: [] as string[], topics: [] as string[], candidates: [] as string[] };
const participationReadable = { meeting: '', member: '', round: '', topic: '', candidate: '' };
/** A resident of c1 with an account of their own. */
async function residentAccount() {
  const household = await buildHousehold(t.db, { grid: g1 });
  const resident = await buildResident(t.db, t.platform.pii, { household });
  const client = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: household.id, districtId: d1.id }]);
  await t.db.updateTable('users').set({ resident_id: resident.id, resident_district_id: d1.id }).where('id', '=', client.user.id).execute();
  return { client, residentId: resident.id };
}
/**
 * Volunteers of c1 (own, with points), of c2 only and of another district; upcoming and past
 * sessions of c1 and another district's; partners and offers of c1, c2 and another district.
 */
let volunteering: Record<'own' | 'neighbours' | 'far' | 'shift' | 'pastShift' | 'farShift' | 'partner' | 'neighbourPartner' | 'farPartner' | 'offer' | 'neighbourOffer' | 'farOffer', string>;
async function volunteeringWorld() {
  const by = admin.user.id;
  const farBy = worker9;
  const own = await buildVolunteer(t.db, { community: c1, registeredBy: by });
  const pastShift = await buildShift(t.db, { community: c1, createdBy: by, startsInHours: -3 });
  await creditPoints(t.db, { districtId: d1.id, volunteerId: own, sessionId: pastShift, points: 100, by });
  const partner = await buildPartner(t.db, { community: c1, createdBy: by });
  const neighbourPartner = await buildPartner(t.db, { community: c2, createdBy: worker2 });
  const farPartner = await buildPartner(t.db, { community: other.community, createdBy: farBy });
  volunteering = {
    own,
    neighbours: await buildVolunteer(t.db, { community: c2, registeredBy: worker2 }),
    far: await buildVolunteer(t.db, { community: other.community, registeredBy: farBy }),
    shift: await buildShift(t.db, { community: c1, createdBy: by, startsInHours: 48 }),
    pastShift,
    farShift: await buildShift(t.db, { community: other.community, createdBy: farBy, startsInHours: 48 }),
    partner,
    neighbourPartner,
    farPartner,
    offer: await buildOffer(t.db, { community: c1, createdBy: by }),
    neighbourOffer: await buildOffer(t.db, { community: c2, createdBy: worker2 }),
    farOffer: await buildOffer(t.db, { community: other.community, createdBy: farBy }),
  };
}
let ownWorker = '';
let foreignWorker = '';
let readableEvaluator = '';
let hiddenEvaluator = '';
/**
 * Delivery: org1's project in delivery (c1), and projects in delivery by org9 in this district
 * and another; the administrator of org1 who organizes activities.
 */
async function deliveringProjects() {
  const delivering = async (districtId: string, streetId: string, communityId: string, organizationId: string) => {
    const id = (await buildProject(t.db, { districtId, streetId, communityIds: [communityId], purchaser: 'street', status: 'in_delivery', createdBy: officer.user.id })).id;
    await t.db.updateTable('projects').set({ contractor_organization_id: organizationId }).where('id', '=', id).execute();
    return id;
  };
  hiddenProjects = [await delivering(d1.id, s1.id, c1.id, org9), await delivering(other.district.id, other.street.id, other.community.id, org9)];
  readableProject = await delivering(d1.id, s1.id, c1.id, org1);
  const organizer = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: org1 }]);
  return { organizer };
}
const activityBody = (over: Record<string, unknown>) => ({
  communityId: c1.id, organizationId: org1, title: '长者助餐', method: 'community_activity', capacity: 10, recurrence: 'once',
  firstStartsAt: new Date(Date.now() - 10 * 60_000).toISOString(), durationMinutes: 120, sessions: 1, ...over,
});
/** A session of org1 in c1 running now, the resident of h1 (r1's household) and the organizer. */
async function runningSession() {
  const { organizer } = await deliveringProjects();
  const activity = (await organizer.post('/api/v1/activities', activityBody({}))).json<{ sessions: { id: string; checkinCode: string }[] }>();
  const resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: h1.id, districtId: d1.id }]);
  return { organizer, resident, session: activity.sessions[0]! };
}
async function projectsForCalls() {
  const approved = async (districtId: string, streetId: string) =>
    (await buildProject(t.db, { districtId, streetId, purchaser: 'street', status: 'approved', createdBy: officer.user.id })).id;
  hiddenProjects = [await approved(d1.id, s2.id), await approved(other.district.id, other.street.id)];
  readableProject = await approved(d1.id, s1.id);
}
let hiddenResources: string[] = [];
let readableResource = '';
/** A resource of the caller's community, one of the neighbouring community and one of another district. */
async function resourcesForCommitments() {
  const venue = (c: { districtId: string; streetId: string; id: string }) => {
    const id = newId();
    return t.db.insertInto('resources').values({ district_id: c.districtId, id, kind: 'venue', name: '厨房', owner_type: 'other', street_id: c.streetId, community_id: c.id }).execute().then(() => id);
  };
  hiddenResources = [await venue(c2), await venue(other.community)];
  readableResource = await venue(c1);
}

/** org1's administrator, and social workers of org1 with an account and a supervisor (to whom a case may go), and one of org9. */
async function caseTeam() {
  const org1Worker = async (role: 'social_worker' | 'supervisor', supervisorId: string | null) => {
    const c = await clientAs(t, [{ role, scopeType: 'organization', scopeId: org1 }]);
    const id = (await buildSocialWorker(t.db, t.platform.pii, { organization: { id: org1 }, communities: [c1], userId: c.user.id })).id;
    if (supervisorId) await t.db.updateTable('social_workers').set({ supervisor_id: supervisorId }).where('id', '=', id).execute();
    return { c, id };
  };
  const supervisor = await org1Worker('supervisor', null);
  const [first, second] = [await org1Worker('social_worker', supervisor.id), await org1Worker('social_worker', supervisor.id)];
  const orgAdmin = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: org1 }]);
  const foreign = (await buildSocialWorker(t.db, t.platform.pii, { organization: { id: org9 }, communities: [other.community] })).id;
  ({ own: ownWorker, foreign: foreignWorker } = { own: second.id, foreign });
  return { socialWorker: first.c, workerId: first.id, supervisorId: supervisor.id, supervisor: supervisor.c, orgAdmin };
}
let caseNeeds = { hidden: [] as string[], readable: '' };
let logTeam: Awaited<ReturnType<typeof caseTeam>>;
let logTasks = { hidden: [] as string[], readable: '' };
let taskWorkers = { c1: '', c2Only: '' };
let supervision = { supervisee: '', colleague: '' };
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const caseBody = (over: Record<string, unknown>) => ({ clientResidentId: r1.id, source: 'walk_in', summary: '独居老人情绪低落', ...over });

const ROWS: Row[] = [
  // needs: reporting
  {
    route: 'POST /api/v1/needs', field: 'householdId',
    hidden: () => [h2.id, other.household.id], readable: () => h1.id,
    prepare: async () => (id) => staffNeed({ householdId: id }),
  },
  {
    route: 'POST /api/v1/needs', field: 'gridId',
    hidden: () => [g2.id, other.grid.id], readable: () => g1.id,
    prepare: async () => (id) => staffNeed({ householdId: undefined, gridId: id, point: { lng: 118.7, lat: 32.15 } }),
  },
  {
    route: 'POST /api/v1/needs', field: 'reporterResidentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => (id) => staffNeed({ reporterResidentId: id }),
  },
  {
    route: 'POST /api/v1/needs', field: 'categoryId',
    hidden: () => [cat9], readable: () => cat1,
    prepare: async () => (id) => staffNeed({ categoryId: id }),
  },
  // needs: lifecycle
  {
    route: 'POST /api/v1/needs/{id}/transitions', field: 'duplicateOf',
    hidden: () => hiddenNeeds.accepted, readable: () => readableNeeds.accepted,
    prepare: async () => transition(await buildNeed(t.db, w1, { state: 'reported' }))((id) => ({ action: 'merge', duplicateOf: id })),
  },
  {
    route: 'POST /api/v1/needs/{id}/transitions', field: 'commonNeedId',
    hidden: () => hiddenGroups, readable: () => readableGroup,
    prepare: async () => transition(await buildNeed(t.db, w1, { state: 'accepted' }))((id) => ({ action: 'pool', commonNeedId: id })),
  },
  {
    route: 'POST /api/v1/needs/{id}/transitions', field: 'handlerUserId',
    hidden: () => [worker2, worker9], readable: () => worker1,
    prepare: async () => transition(await buildNeed(t.db, w1, { state: 'accepted' }))((id) => ({ action: 'assign', handlerUserId: id })),
  },
  {
    route: 'POST /api/v1/needs/{id}/transitions', field: 'referralOrgId',
    publicRegister: 'organizations: the register is public to every signed-in role, and a need may be referred to an organization of any district',
    hidden: () => [], readable: () => org9,
    prepare: async () =>
      transition(await buildNeed(t.db, w1, { state: 'in_progress', handler_user_id: admin.user.id }))((id) => ({ action: 'refer', referralOrgId: id })),
  },
  {
    route: 'POST /api/v1/needs/bulk-transitions', field: 'needIds[]', at: null, bulk: true,
    hidden: () => hiddenNeeds.reported, readable: () => readableNeeds.reported,
    prepare: async () => (id) => admin.post('/api/v1/needs/bulk-transitions', { needIds: [id], action: 'accept' }),
  },
  {
    route: 'POST /api/v1/needs/bulk-transitions', field: 'handlerUserId', bulk: true,
    hidden: () => [worker2, worker9], readable: () => worker1,
    prepare: async () => {
      const needId = await buildNeed(t.db, w1, { state: 'accepted' });
      return (id) => admin.post('/api/v1/needs/bulk-transitions', { needIds: [needId], action: 'assign', handlerUserId: id });
    },
  },
  {
    route: 'POST /api/v1/needs/bulk-transitions', field: 'duplicateOf', bulk: true,
    hidden: () => hiddenNeeds.accepted, readable: () => readableNeeds.accepted,
    prepare: async () => {
      const needId = await buildNeed(t.db, w1, { state: 'reported' });
      return (id) => admin.post('/api/v1/needs/bulk-transitions', { needIds: [needId], action: 'merge', duplicateOf: id });
    },
  },
  {
    route: 'POST /api/v1/needs/{id}/split', field: 'categoryId',
    hidden: () => [cat9], readable: () => cat2,
    prepare: async () => {
      const needId = await buildNeed(t.db, w1, { state: 'reported' });
      return (id) => admin.post(`/api/v1/needs/${needId}/split`, { categoryId: id, description: '另一部分' });
    },
  },
  // needs: district settings
  {
    route: 'POST /api/v1/need-categories', field: 'districtId',
    publicRegister: 'need categories: every need reader reads the categories of every district (GET /need-categories?districtId=)',
    hidden: () => [], readable: () => d1.id, refused: () => other.district.id,
    prepare: async () => (id) => officer.post('/api/v1/need-categories', { districtId: id, code: `pets_${suffix()}`, name: '宠物' }),
  },
  {
    route: 'POST /api/v1/need-categories', field: 'parentId',
    hidden: () => [top9], readable: () => top1,
    prepare: async () => (id) => officer.post('/api/v1/need-categories', { districtId: d1.id, parentId: id, code: `pets_${suffix()}`, name: '宠物' }),
  },
  {
    route: 'PUT /api/v1/need-settings', field: 'districtId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => (id) => officer.request('PUT', '/api/v1/need-settings', { districtId: id, autoConfirmDays: 5 }),
  },
  // common needs
  {
    route: 'POST /api/v1/common-needs', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/common-needs', { communityId: id, categoryId: cat1, title: '楼道照明' }),
  },
  {
    route: 'POST /api/v1/common-needs', field: 'gridId',
    hidden: () => [g2.id, other.grid.id], readable: () => g1.id,
    prepare: async () => (id) => admin.post('/api/v1/common-needs', { communityId: c1.id, gridId: id, categoryId: cat1, title: '楼道照明' }),
  },
  {
    route: 'POST /api/v1/common-needs', field: 'categoryId',
    hidden: () => [cat9], readable: () => cat1,
    prepare: async () => (id) => admin.post('/api/v1/common-needs', { communityId: c1.id, categoryId: id, title: '楼道照明' }),
  },
  {
    route: 'POST /api/v1/common-needs', field: 'needIds[]', at: 'needIds.0',
    hidden: () => hiddenNeeds.accepted, readable: () => readableNeeds.accepted,
    prepare: async () => (id) => admin.post('/api/v1/common-needs', { communityId: c1.id, categoryId: cat1, title: '楼道照明', needIds: [id] }),
  },
  {
    route: 'POST /api/v1/common-needs/{id}/needs', field: 'needId',
    hidden: () => hiddenNeeds.accepted, readable: () => readableNeeds.accepted,
    prepare: async () => {
      const group = await buildCommonNeed(t.db, w1, admin.user.id);
      return (id) => admin.post(`/api/v1/common-needs/${group}/needs`, { needId: id });
    },
  },
  // common needs above community level, and projects
  {
    route: 'POST /api/v1/common-needs', field: 'streetId',
    hidden: () => [s2.id, other.street.id], readable: () => s1.id,
    prepare: async () => (id) => streetOfficer.post('/api/v1/common-needs', { streetId: id, categoryId: cat1, title: '楼道照明' }),
  },
  {
    route: 'POST /api/v1/common-needs', field: 'districtId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => (id) => officer.post('/api/v1/common-needs', { districtId: id, categoryId: cat1, title: '楼道照明' }),
  },
  {
    // The street officer reads every group of the street: hidden is the other district's.
    route: 'POST /api/v1/common-needs', field: 'groupIds[]', at: 'groupIds.0',
    hidden: () => [hiddenGroups[1]!], readable: () => readableGroup,
    prepare: async () => (id) => streetOfficer.post('/api/v1/common-needs', { streetId: s1.id, categoryId: cat1, title: '楼道照明', groupIds: [id] }),
  },
  {
    route: 'POST /api/v1/common-needs/{id}/groups', field: 'commonNeedId',
    hidden: () => [hiddenGroups[1]!], readable: () => readableGroup,
    prepare: async () => {
      const outer = await buildCommonNeed(t.db, w1, streetOfficer.user.id, { level: 'street', community_id: null });
      return (id) => streetOfficer.post(`/api/v1/common-needs/${outer}/groups`, { commonNeedId: id });
    },
  },
  {
    route: 'POST /api/v1/projects', field: 'commonNeedIds[]', at: 'commonNeedIds.0',
    hidden: () => hiddenGroups, readable: () => readableGroup,
    prepare: async () => (id) => admin.post('/api/v1/projects', projectBody({ commonNeedIds: [id] })),
  },
  {
    route: 'POST /api/v1/projects', field: 'purchaserStreetId',
    hidden: () => [s2.id, other.street.id], readable: () => s1.id,
    prepare: async () => (id) => streetOfficer.post('/api/v1/projects', projectBody({ commonNeedIds: [readableGroup], purchaserLevel: 'street', purchaserStreetId: id })),
  },
  {
    route: 'POST /api/v1/projects/{id}/commitments', field: 'resourceId',
    hidden: () => hiddenResources, readable: () => readableResource,
    prepare: async () => {
      await resourcesForCommitments();
      const p = (await admin.post('/api/v1/projects', projectBody({ commonNeedIds: [await buildCommonNeed(t.db, w1, admin.user.id)] }))).json<{ id: string }>();
      return (id) => admin.post(`/api/v1/projects/${p.id}/commitments`, { resourceId: id, terms: '中午可用' });
    },
  },
  {
    route: 'POST /api/v1/common-needs/{id}/commitments', field: 'resourceId',
    hidden: () => hiddenResources, readable: () => readableResource,
    prepare: async () => {
      await resourcesForCommitments();
      return (id) => admin.post(`/api/v1/common-needs/${readableGroup}/commitments`, { resourceId: id, terms: '中午可用' });
    },
  },
  // calls
  {
    route: 'POST /api/v1/calls', field: 'streetId',
    hidden: () => [s2.id, other.street.id], readable: () => s1.id,
    prepare: async () => (id) => streetOfficer.post('/api/v1/calls', callBody({ streetId: id })),
  },
  {
    route: 'POST /api/v1/calls', field: 'districtId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => (id) => officer.post('/api/v1/calls', callBody({ districtId: id })),
  },
  {
    route: 'POST /api/v1/calls', field: 'projectIds[]', at: 'projectIds.0',
    hidden: () => hiddenProjects, readable: () => readableProject,
    prepare: async () => {
      await projectsForCalls();
      return (id) => streetOfficer.post('/api/v1/calls', callBody({ streetId: s1.id, projectIds: [id] }));
    },
  },
  {
    route: 'PATCH /api/v1/calls/{id}', field: 'projectIds[]', at: 'projectIds.0',
    hidden: () => hiddenProjects, readable: () => readableProject,
    prepare: async () => {
      await projectsForCalls();
      const call = (await streetOfficer.post('/api/v1/calls', callBody({ streetId: s1.id }))).json<{ id: string }>();
      return (id) => streetOfficer.patch(`/api/v1/calls/${call.id}`, { projectIds: [id] });
    },
  },
  {
    route: 'POST /api/v1/calls/{id}/panel', field: 'userId',
    hidden: () => hiddenReviewers, readable: () => readableReviewer,
    prepare: async () => {
      readableReviewer = (await createUser(t.db, [{ role: 'reviewer', scopeType: 'district', scopeId: d1.id }])).id;
      hiddenReviewers = [
        (await createUser(t.db, [{ role: 'reviewer', scopeType: 'street', scopeId: s2.id, districtId: d1.id }])).id,
        (await createUser(t.db, [{ role: 'reviewer', scopeType: 'district', scopeId: other.district.id }])).id,
      ];
      const call = (await streetOfficer.post('/api/v1/calls', callBody({ streetId: s1.id }))).json<{ id: string }>();
      return (id) => streetOfficer.post(`/api/v1/calls/${call.id}/panel`, { userId: id, kind: 'expert' });
    },
  },
  {
    route: 'POST /api/v1/calls/{id}/applications', field: 'organizationId',
    publicRegister: 'organizations: the register is public; another organization than the caller\'s answers 403',
    hidden: () => [], readable: () => org1,
    prepare: async () => {
      const { call, applicant } = await openCallForApplications();
      return (id) => applicant.post(`/api/v1/calls/${call.id}/applications`, { organizationId: id, theme: '为老服务', title: '助老' });
    },
  },
  {
    route: 'POST /api/v1/calls/{id}/applications', field: 'projectId',
    hidden: () => hiddenProjects, readable: () => readableProject,
    prepare: async () => {
      const { call, applicant } = await openCallForApplications();
      return (id) => applicant.post(`/api/v1/calls/${call.id}/applications`, { organizationId: org1, projectId: id, title: '助老' });
    },
  },
  {
    route: 'POST /api/v1/calls/{id}/applications', field: 'team[].socialWorkerId', at: 'team.0.socialWorkerId',
    hidden: () => [foreignWorker], readable: () => ownWorker,
    prepare: async () => {
      const { call, applicant } = await openCallForApplications();
      ({ own: ownWorker, foreign: foreignWorker } = await teamWorkers());
      return (id) => applicant.post(`/api/v1/calls/${call.id}/applications`, { organizationId: org1, theme: '为老服务', title: '助老', team: [{ socialWorkerId: id, role: 'lead' }] });
    },
  },
  {
    route: 'PATCH /api/v1/applications/{id}', field: 'team[].socialWorkerId', at: 'team.0.socialWorkerId',
    hidden: () => [foreignWorker], readable: () => ownWorker,
    prepare: async () => {
      const { call, applicant } = await openCallForApplications();
      ({ own: ownWorker, foreign: foreignWorker } = await teamWorkers());
      const application = (await applicant.post(`/api/v1/calls/${call.id}/applications`, { organizationId: org1, theme: '为老服务', title: '助老' })).json<{ id: string }>();
      return (id) => applicant.patch(`/api/v1/applications/${application.id}`, { team: [{ socialWorkerId: id, role: 'lead' }] });
    },
  },
  {
    route: 'POST /api/v1/calls/{id}/publicity', field: 'applicationIds[]', at: 'applicationIds.0',
    hidden: () => hiddenApplications, readable: () => readableApplication,
    prepare: async () => {
      const { callId } = await roundsForAwards('ranked');
      return (id) => streetOfficer.post(`/api/v1/calls/${callId}/publicity`, { applicationIds: [id], reason: '只资助一家' });
    },
  },
  {
    route: 'POST /api/v1/calls/{id}/objections', field: 'applicationId',
    hidden: () => hiddenApplications, readable: () => readableApplication,
    prepare: async () => {
      const { callId } = await roundsForAwards('publicity');
      const resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: h1.id, districtId: d1.id }]);
      return (id) => resident.post(`/api/v1/calls/${callId}/objections`, { applicationId: id, body: '场地太小' });
    },
  },
  // services: activities of a project in delivery
  {
    route: 'POST /api/v1/activities', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => {
      const { organizer } = await deliveringProjects();
      return (id) => organizer.post('/api/v1/activities', activityBody({ communityId: id }));
    },
  },
  {
    route: 'POST /api/v1/activities', field: 'organizationId',
    hidden: () => [org9], readable: () => org1,
    prepare: async () => {
      const { organizer } = await deliveringProjects();
      return (id) => organizer.post('/api/v1/activities', activityBody({ organizationId: id }));
    },
  },
  {
    route: 'POST /api/v1/activities', field: 'projectId',
    hidden: () => hiddenProjects, readable: () => readableProject,
    prepare: async () => {
      const { organizer } = await deliveringProjects();
      return (id) => organizer.post('/api/v1/activities', activityBody({ projectId: id }));
    },
  },
  {
    route: 'POST /api/v1/activities', field: 'venueResourceId',
    hidden: () => hiddenResources, readable: () => readableResource,
    prepare: async () => {
      const { organizer } = await deliveringProjects();
      await resourcesForCommitments();
      return (id) => organizer.post('/api/v1/activities', activityBody({ venueResourceId: id }));
    },
  },
  {
    route: 'POST /api/v1/activities', field: 'staffIds[]', at: 'staffIds.0',
    hidden: () => [foreignWorker], readable: () => ownWorker,
    prepare: async () => {
      const { organizer } = await deliveringProjects();
      ({ own: ownWorker, foreign: foreignWorker } = await teamWorkers());
      return (id) => organizer.post('/api/v1/activities', activityBody({ staffIds: [id] }));
    },
  },
  {
    route: 'POST /api/v1/activity-sessions/{id}/attendance', field: 'residentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => {
      const { organizer, resident, session } = await runningSession();
      await resident.post(`/api/v1/activity-sessions/${session.id}/registrations`, { residentId: r1.id });
      return (id) => organizer.post(`/api/v1/activity-sessions/${session.id}/attendance`, { residentId: id });
    },
  },
  {
    route: 'POST /api/v1/activity-sessions/{id}/registrations', field: 'residentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => {
      const { resident, session } = await runningSession();
      return (id) => resident.post(`/api/v1/activity-sessions/${session.id}/registrations`, { residentId: id });
    },
  },
  {
    route: 'POST /api/v1/activity-sessions/{id}/check-in', field: 'residentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => {
      const { resident, session } = await runningSession();
      return (id) => resident.post(`/api/v1/activity-sessions/${session.id}/check-in`, { residentId: id, code: session.checkinCode });
    },
  },
  {
    route: 'POST /api/v1/activity-sessions/{id}/feedback', field: 'residentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => {
      const { resident, session } = await runningSession();
      await resident.post(`/api/v1/activity-sessions/${session.id}/check-in`, { residentId: r1.id, code: session.checkinCode });
      return (id) => resident.post(`/api/v1/activity-sessions/${session.id}/feedback`, { residentId: id, rating: 5 });
    },
  },
  {
    route: 'PUT /api/v1/projects/{id}/evaluator', field: 'userId',
    hidden: () => [hiddenEvaluator], readable: () => readableEvaluator,
    prepare: async () => {
      await deliveringProjects();
      // An evaluator of a firm in another district is still an evaluator: only a user who is none names nobody.
      readableEvaluator = (await createUser(t.db, [{ role: 'evaluator', scopeType: 'organization', scopeId: org9 }])).id;
      hiddenEvaluator = worker2;
      return (id) => streetOfficer.put(`/api/v1/projects/${readableProject}/evaluator`, { userId: id });
    },
  },
  // resources
  {
    route: 'POST /api/v1/resources', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/resources', { kind: 'venue', name: '会议室', ownerType: 'other', ownerName: '居委会', communityId: id }),
  },
  {
    route: 'POST /api/v1/resources', field: 'streetId',
    hidden: () => [s2.id, other.street.id], readable: () => s1.id,
    prepare: async () => (id) => streetOfficer.post('/api/v1/resources', { kind: 'venue', name: '会议室', ownerType: 'other', ownerName: '街道', streetId: id }),
  },
  {
    route: 'POST /api/v1/resources', field: 'districtId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => (id) => officer.post('/api/v1/resources', { kind: 'venue', name: '会议室', ownerType: 'other', ownerName: '区', districtId: id }),
  },
  {
    route: 'POST /api/v1/resources', field: 'ownerId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/resources', { kind: 'venue', name: '会议室', ownerType: 'community', ownerId: id, communityId: c1.id }),
  },
  {
    route: 'POST /api/v1/resources', field: 'ownerId',
    publicRegister: 'organizations: a resource may be lent by an organization registered in any district',
    hidden: () => [], readable: () => org9,
    prepare: async () => (id) => admin.post('/api/v1/resources', { kind: 'venue', name: '会议室', ownerType: 'organization', ownerId: id, communityId: c1.id }),
  },
  {
    route: 'PATCH /api/v1/resources/{id}', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => {
      const r = (await admin.post('/api/v1/resources', { kind: 'venue', name: '活动室', ownerType: 'other', ownerName: '居委会', communityId: c1.id })).json<ResourceView>();
      return (id) => admin.patch(`/api/v1/resources/${r.id}`, { communityId: id, name: '活动室（新）' });
    },
  },
  {
    route: 'PATCH /api/v1/resources/{id}', field: 'streetId',
    hidden: () => [s2.id, other.street.id], readable: () => s1.id,
    prepare: async () => {
      const r = (await streetOfficer.post('/api/v1/resources', { kind: 'venue', name: '礼堂', ownerType: 'other', ownerName: '街道', streetId: s1.id })).json<ResourceView>();
      return (id) => streetOfficer.patch(`/api/v1/resources/${r.id}`, { streetId: id, name: '礼堂（新）' });
    },
  },
  {
    route: 'PATCH /api/v1/resources/{id}', field: 'ownerId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => {
      const r = (await admin.post('/api/v1/resources', { kind: 'venue', name: '活动室', ownerType: 'other', ownerName: '居委会', communityId: c1.id })).json<ResourceView>();
      return (id) => admin.patch(`/api/v1/resources/${r.id}`, { ownerType: 'community', ownerId: id });
    },
  },
  // visits
  {
    route: 'POST /api/v1/visits', field: 'householdId',
    hidden: () => [h2.id, other.household.id], readable: () => h1.id,
    prepare: async () => (id) => gridWorker.post('/api/v1/visits', { householdId: id, kind: 'routine', visitedAt: visitedAt() }),
  },
  {
    route: 'POST /api/v1/visits', field: 'residentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => (id) => gridWorker.post('/api/v1/visits', { householdId: h1.id, residentId: id, kind: 'routine', visitedAt: visitedAt() }),
  },
  {
    route: 'POST /api/v1/visits', field: 'needs[].categoryId', at: 'needs.0.categoryId',
    hidden: () => [cat9], readable: () => cat1,
    prepare: async () => (id) =>
      gridWorker.post('/api/v1/visits', { householdId: h1.id, kind: 'routine', visitedAt: visitedAt(), needs: [{ categoryId: id, description: '灯坏了' }] }),
  },
  // territory
  {
    route: 'POST /api/v1/streets', field: 'districtId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => (id) => officer.post('/api/v1/streets', { districtId: id, code: `S-${suffix()}`, name: '新街道' }),
  },
  {
    route: 'POST /api/v1/communities', field: 'streetId',
    hidden: () => [s2.id, other.street.id], readable: () => s1.id,
    prepare: async () => (id) => streetOfficer.post('/api/v1/communities', { streetId: id, code: `C-${suffix()}`, name: '新社区' }),
  },
  {
    route: 'POST /api/v1/grids', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/grids', { communityId: id, code: `G-${suffix()}`, name: '新网格' }),
  },
  {
    route: 'POST /api/v1/buildings', field: 'gridId',
    hidden: () => [g2.id, other.grid.id], readable: () => g1.id,
    prepare: async () => (id) => admin.post('/api/v1/buildings', { gridId: id, name: `${suffix()}栋`, address: '新路1号' }),
  },
  {
    route: 'POST /api/v1/households', field: 'gridId',
    hidden: () => [g2.id, other.grid.id], readable: () => g1.id,
    prepare: async () => (id) => admin.post('/api/v1/households', { gridId: id, address: `新路${suffix()}号` }),
  },
  {
    route: 'POST /api/v1/households', field: 'buildingId',
    hidden: () => [b2.id, other.building.id], readable: () => b1.id,
    prepare: async () => (id) => admin.post('/api/v1/households', { gridId: g1.id, buildingId: id, address: `新路${suffix()}号` }),
  },
  {
    route: 'PATCH /api/v1/households/{id}', field: 'gridId',
    hidden: () => [g2.id, other.grid.id], readable: () => g1b.id,
    prepare: async () => {
      const h = await buildHousehold(t.db, { grid: g1 });
      return (id) => admin.patch(`/api/v1/households/${h.id}`, { gridId: id });
    },
  },
  {
    route: 'PATCH /api/v1/households/{id}', field: 'buildingId',
    hidden: () => [b2.id, other.building.id], readable: () => b1.id,
    prepare: async () => {
      const h = await buildHousehold(t.db, { grid: g1 });
      return (id) => admin.patch(`/api/v1/households/${h.id}`, { buildingId: id });
    },
  },
  {
    route: 'POST /api/v1/residents', field: 'householdId',
    hidden: () => [h2.id, other.household.id], readable: () => h1.id,
    prepare: async () => {
      const idNumber = fakeIdNumber();
      return (id) => admin.post('/api/v1/residents', { householdId: id, name: '王新', idNumber, relation: 'other' });
    },
  },
  {
    route: 'PATCH /api/v1/residents/{id}', field: 'householdId',
    hidden: () => [h2.id, other.household.id], readable: () => h1b.id,
    prepare: async () => {
      const r = await buildResident(t.db, t.platform.pii, { household: h1 });
      return (id) => admin.patch(`/api/v1/residents/${r.id}`, { householdId: id });
    },
  },
  // accounts
  {
    route: 'POST /api/v1/users', field: 'districtId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => {
      const username = `u_${suffix()}`;
      return (id) => officer.post('/api/v1/users', { username, displayName: '新同事', password: 'Correct-Horse-9', districtId: id });
    },
  },
  {
    route: 'POST /api/v1/users/{id}/roles', field: 'scopeId',
    hidden: () => [other.community.id], readable: () => c2.id,
    prepare: async () => {
      const user = await createUser(t.db, [{ role: 'community_worker', scopeType: 'community', scopeId: c1.id, districtId: d1.id }]);
      return (id) => officer.post(`/api/v1/users/${user.id}/roles`, { role: 'community_worker', scopeType: 'community', scopeId: id });
    },
  },
  {
    route: 'POST /api/v1/users/{id}/roles', field: 'scopeId',
    publicRegister: 'organizations: an organization of another district exists for everyone; granting a role in it is refused with 403',
    hidden: () => [], readable: () => org1, refused: () => org9,
    prepare: async () => {
      const user = await createUser(t.db, [{ role: 'community_worker', scopeType: 'community', scopeId: c1.id, districtId: d1.id }]);
      return (id) => officer.post(`/api/v1/users/${user.id}/roles`, { role: 'org_admin', scopeType: 'organization', scopeId: id });
    },
  },
  {
    route: 'POST /api/v1/users/{id}/roles', field: 'residentId',
    hidden: () => [other.resident.id], readable: () => r1.id,
    prepare: async () => {
      const user = await createUser(t.db, [{ role: 'community_worker', scopeType: 'community', scopeId: c1.id, districtId: d1.id }]);
      return (id) => officer.post(`/api/v1/users/${user.id}/roles`, { role: 'resident', scopeType: 'household', scopeId: h1.id, residentId: id });
    },
  },
  // organizations
  {
    route: 'POST /api/v1/organizations', field: 'registrationDistrictId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => {
      const body = orgBody({});
      return (id) => officer.post('/api/v1/organizations', { ...body, registrationDistrictId: id });
    },
  },
  {
    route: 'POST /api/v1/organizations', field: 'serviceCommunityIds[]', at: 'serviceCommunityIds.1',
    hidden: () => [other.community.id], readable: () => c2.id,
    prepare: async () => {
      const body = orgBody({});
      return (id) => officer.post('/api/v1/organizations', { ...body, serviceCommunityIds: [c1.id, id] });
    },
  },
  {
    route: 'PATCH /api/v1/organizations/{id}', field: 'registrationDistrictId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => {
      const org = await buildOrganization(t.db, t.platform.pii, { district: d1, communities: [c1] });
      return (id) => officer.patch(`/api/v1/organizations/${org.id}`, { registrationDistrictId: id, address: `新址${suffix()}` });
    },
  },
  {
    route: 'PATCH /api/v1/organizations/{id}', field: 'serviceCommunityIds[]', at: 'serviceCommunityIds.1',
    hidden: () => [other.community.id], readable: () => c2.id,
    prepare: async () => {
      const org = await buildOrganization(t.db, t.platform.pii, { district: d1, communities: [c1] });
      return (id) => officer.patch(`/api/v1/organizations/${org.id}`, { serviceCommunityIds: [c1.id, id] });
    },
  },
  // workforce
  {
    route: 'POST /api/v1/social-workers', field: 'employerOrganizationId',
    publicRegister: 'organizations: a social worker may be employed by an organization registered in another district',
    hidden: () => [], readable: () => org9,
    prepare: async () => (id) =>
      officer.post('/api/v1/social-workers', { name: '陈晓', employerType: 'organization', employerOrganizationId: id, communityIds: [c1.id], phone: null }),
  },
  {
    route: 'POST /api/v1/social-workers', field: 'employerCommunityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/social-workers', { name: '李社工', employerType: 'community', employerCommunityId: id, communityIds: [], phone: null }),
  },
  {
    route: 'POST /api/v1/social-workers', field: 'communityIds[]', at: 'communityIds.1',
    hidden: () => [other.community.id], readable: () => c2.id,
    prepare: async () => (id) =>
      officer.post('/api/v1/social-workers', { name: '陈晓', employerType: 'organization', employerOrganizationId: org1, communityIds: [c1.id, id], phone: null }),
  },
  {
    route: 'POST /api/v1/social-workers', field: 'userId',
    hidden: () => [worker9], readable: () => worker1,
    prepare: async () => (id) =>
      officer.post('/api/v1/social-workers', { name: '陈晓', employerType: 'organization', employerOrganizationId: org1, communityIds: [c1.id], phone: null, userId: id }),
  },
  {
    route: 'PATCH /api/v1/social-workers/{id}', field: 'employerOrganizationId',
    publicRegister: 'organizations: a social worker may move to an organization registered in another district',
    hidden: () => [], readable: () => org9,
    prepare: async () => {
      const sw = (await officer.post('/api/v1/social-workers', { name: '周社工', employerType: 'organization', employerOrganizationId: org1, communityIds: [c1.id], phone: null })).json<SocialWorkerView>();
      return (id) => officer.patch(`/api/v1/social-workers/${sw.id}`, { employerOrganizationId: id });
    },
  },
  {
    route: 'PATCH /api/v1/social-workers/{id}', field: 'employerCommunityId',
    hidden: () => [other.community.id], readable: () => c2.id,
    prepare: async () => {
      const sw = (await officer.post('/api/v1/social-workers', { name: '吴社工', employerType: 'community', employerCommunityId: c1.id, communityIds: [], phone: null })).json<SocialWorkerView>();
      return (id) => officer.patch(`/api/v1/social-workers/${sw.id}`, { employerCommunityId: id });
    },
  },
  {
    route: 'PATCH /api/v1/social-workers/{id}', field: 'communityIds[]', at: 'communityIds.1',
    hidden: () => [other.community.id], readable: () => c2.id,
    prepare: async () => {
      const sw = (await officer.post('/api/v1/social-workers', { name: '郑社工', employerType: 'organization', employerOrganizationId: org1, communityIds: [c1.id], phone: null })).json<SocialWorkerView>();
      return (id) => officer.patch(`/api/v1/social-workers/${sw.id}`, { communityIds: [c1.id, id] });
    },
  },
  {
    route: 'PATCH /api/v1/social-workers/{id}', field: 'userId',
    hidden: () => [worker9], readable: () => worker2,
    prepare: async () => {
      const sw = (await officer.post('/api/v1/social-workers', { name: '王社工', employerType: 'organization', employerOrganizationId: org1, communityIds: [c1.id], phone: null })).json<SocialWorkerView>();
      return (id) => officer.patch(`/api/v1/social-workers/${sw.id}`, { userId: id });
    },
  },
  // cases
  {
    route: 'POST /api/v1/cases', field: 'clientResidentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => {
      const { socialWorker } = await caseTeam();
      return (id) => socialWorker.post('/api/v1/cases', caseBody({ clientResidentId: id }));
    },
  },
  {
    route: 'POST /api/v1/cases', field: 'needId',
    hidden: () => caseNeeds.hidden, readable: () => caseNeeds.readable,
    prepare: async () => {
      const { socialWorker } = await caseTeam();
      // Needs referred to another organization, or of another district, are none of org1's to take on.
      caseNeeds = {
        hidden: [await buildNeed(t.db, w1, { state: 'referred', referral_org_id: org9 }), await buildNeed(t.db, w9, { state: 'referred', referral_org_id: org1 })],
        readable: await buildNeed(t.db, w1, { state: 'referred', referral_org_id: org1 }),
      };
      return (id) => socialWorker.post('/api/v1/cases', caseBody({ needId: id, source: 'need' }));
    },
  },
  {
    route: 'POST /api/v1/cases', field: 'workerId',
    hidden: () => [foreignWorker], readable: () => ownWorker,
    prepare: async () => {
      const { orgAdmin } = await caseTeam();
      return (id) => orgAdmin.post('/api/v1/cases', caseBody({ workerId: id }));
    },
  },
  {
    route: 'POST /api/v1/cases/{id}/transfer', field: 'workerId',
    hidden: () => [foreignWorker], readable: () => ownWorker,
    prepare: async () => {
      const { orgAdmin, workerId } = await caseTeam();
      const opened = (await orgAdmin.post('/api/v1/cases', caseBody({ workerId }))).json<{ id: string }>();
      return (id) => orgAdmin.post(`/api/v1/cases/${opened.id}/transfer`, { workerId: id, note: '交接' });
    },
  },
  {
    route: 'POST /api/v1/cases/{id}/referrals', field: 'toOrganizationId',
    publicRegister: 'organizations: a client may be referred to an organization registered in another district',
    hidden: () => [], readable: () => org9,
    prepare: async () => {
      const { socialWorker } = await caseTeam();
      const opened = (await socialWorker.post('/api/v1/cases', caseBody({}))).json<{ id: string }>();
      await socialWorker.post(`/api/v1/cases/${opened.id}/consents`, { givenBy: 'client', fields: ['name'], givenOn: '2026-01-05' });
      return (id) => socialWorker.post(`/api/v1/cases/${opened.id}/referrals`, { toOrganizationId: id, reason: '转介', fields: ['name'] });
    },
  },
  {
    route: 'POST /api/v1/social-workers', field: 'supervisorId',
    hidden: () => [foreignWorker], readable: () => ownWorker,
    prepare: async () => {
      await caseTeam();
      return (id) => officer.post('/api/v1/social-workers', { name: '冯社工', employerType: 'organization', employerOrganizationId: org1, communityIds: [c1.id], phone: null, supervisorId: id });
    },
  },
  {
    route: 'PATCH /api/v1/social-workers/{id}', field: 'supervisorId',
    hidden: () => [foreignWorker], readable: () => ownWorker,
    prepare: async () => {
      await caseTeam();
      const sw = (await officer.post('/api/v1/social-workers', { name: '褚社工', employerType: 'organization', employerOrganizationId: org1, communityIds: [c1.id], phone: null })).json<SocialWorkerView>();
      return (id) => officer.patch(`/api/v1/social-workers/${sw.id}`, { supervisorId: id });
    },
  },
  // work logs and administrative tasks
  {
    route: 'PUT /api/v1/work-days/{day}', field: 'socialWorkerId',
    // A colleague's log and another district's worker's are not the caller's to name.
    hidden: () => [ownWorker, foreignWorker], readable: () => logTeam.workerId,
    prepare: async () => {
      logTeam = await caseTeam();
      return (id) => logTeam.socialWorker.put(`/api/v1/work-days/${today()}`, { socialWorkerId: id, entries: [] });
    },
  },
  {
    route: 'PUT /api/v1/work-days/{day}', field: 'entries[].taskId', at: 'entries.0.taskId',
    hidden: () => logTasks.hidden, readable: () => logTasks.readable,
    prepare: async () => {
      const team = await caseTeam();
      const assign = async (socialWorkerId: string) => (await admin.post('/api/v1/admin-tasks', { socialWorkerId, communityId: c1.id, title: '月报', category: 'statistics_forms', expectedMinutes: 60, matterCode: null })).json<{ id: string }>().id;
      const farWorker = (await buildSocialWorker(t.db, t.platform.pii, { organization: { id: org9 }, communities: [other.community] })).id;
      const farTask = newId();
      await t.db
        .insertInto('admin_tasks')
        .values({ district_id: other.district.id, id: farTask, social_worker_id: farWorker, street_id: other.street.id, community_id: other.community.id, origin: 'community', origin_unit_id: other.community.id, category: 'meeting', title: '别区的会', expected_minutes: 60, assigned_by: admin.user.id })
        .execute();
      logTasks = { hidden: [await assign(ownWorker), farTask], readable: await assign(team.workerId) };
      return (id) => team.socialWorker.put(`/api/v1/work-days/${today()}`, { entries: [{ category: 'statistics_forms', minutes: 30, taskId: id }] });
    },
  },
  {
    route: 'PUT /api/v1/work-days/{day}', field: 'entries[].originUnitId', at: 'entries.0.originUnitId',
    // The worker serves c1: another community of the street, or another district's, assigned nothing to them.
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => {
      const team = await caseTeam();
      return (id) => team.socialWorker.put(`/api/v1/work-days/${today()}`, { entries: [{ category: 'meeting', minutes: 30, origin: 'community', originUnitId: id }] });
    },
  },
  {
    route: 'POST /api/v1/admin-tasks', field: 'socialWorkerId',
    hidden: () => [taskWorkers.c2Only, foreignWorker], readable: () => taskWorkers.c1,
    prepare: async () => {
      await caseTeam();
      taskWorkers = {
        c1: (await buildSocialWorker(t.db, t.platform.pii, { organization: { id: org1 }, communities: [c1, c2] })).id,
        c2Only: (await buildSocialWorker(t.db, t.platform.pii, { organization: { id: org1 }, communities: [c2] })).id,
      };
      return (id) => admin.post('/api/v1/admin-tasks', { socialWorkerId: id, communityId: c1.id, title: '月报', category: 'statistics_forms', expectedMinutes: 60, matterCode: null });
    },
  },
  {
    route: 'POST /api/v1/admin-tasks', field: 'communityId',
    // The worker serves c1 and c2; c2 is not the caller's community.
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => {
      const worker = (await buildSocialWorker(t.db, t.platform.pii, { organization: { id: org1 }, communities: [c1, c2] })).id;
      return (id) => admin.post('/api/v1/admin-tasks', { socialWorkerId: worker, communityId: id, title: '月报', category: 'statistics_forms', expectedMinutes: 60, matterCode: null });
    },
  },
  {
    route: 'POST /api/v1/supervision-sessions', field: 'superviseeIds[]', at: 'superviseeIds.0',
    // A colleague the caller does not supervise, and another district's worker.
    hidden: () => [supervision.colleague, foreignWorker], readable: () => supervision.supervisee,
    prepare: async () => {
      const team = await caseTeam();
      supervision = { supervisee: team.workerId, colleague: (await buildSocialWorker(t.db, t.platform.pii, { organization: { id: org1 }, communities: [c1] })).id };
      return (id) => team.supervisor.post('/api/v1/supervision-sessions', { superviseeIds: [id], form: 'individual', functions: ['educational'], heldOn: today(), minutes: 60, notes: '督导' });
    },
  },
  // resident participation: admin is community_admin of c1, streetOfficer of s1
  {
    route: 'POST /api/v1/proposals', field: 'categoryId',
    hidden: () => [cat9], readable: () => cat1,
    prepare: async () => {
      const me = await residentAccount();
      return (id) => me.client.post('/api/v1/proposals', { kind: 'wish', title: '手机课', body: '希望开课', categoryId: id });
    },
  },
  {
    route: 'POST /api/v1/proposals', field: 'residentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => (id) => admin.post('/api/v1/proposals', { kind: 'wish', title: '手机课', body: '希望开课', residentId: id }),
  },
  {
    route: 'POST /api/v1/proposals/{id}/supports', field: 'residentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => {
      const proposal = await participate.proposal(await residentAccount());
      return (id) => admin.post(`/api/v1/proposals/${proposal}/supports`, { residentId: id });
    },
  },
  {
    route: 'POST /api/v1/proposals/{id}/supports/withdraw', field: 'residentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => {
      const proposal = await participate.proposal(await residentAccount());
      await t.db.insertInto('proposal_supports').values({ district_id: d1.id, proposal_id: proposal, resident_id: r1.id, household_id: h1.id, grid_id: g1.id, recorded_by: admin.user.id, assisted: true }).execute();
      await t.db.updateTable('proposals').set({ support_count: 1 }).where('id', '=', proposal).execute();
      return (id) => admin.post(`/api/v1/proposals/${proposal}/supports/withdraw`, { residentId: id });
    },
  },
  {
    route: 'POST /api/v1/council-members', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/council-members', { communityId: id, name: '王某' }),
  },
  {
    route: 'POST /api/v1/council-members', field: 'residentId',
    hidden: () => [r2.id, other.resident.id], readable: () => r1.id,
    prepare: async () => (id) => admin.post('/api/v1/council-members', { communityId: c1.id, name: '王某', residentId: id }),
  },
  {
    route: 'POST /api/v1/council-topics', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/council-topics', { communityId: id, title: '楼道堆物', subject: '清理' }),
  },
  {
    route: 'POST /api/v1/council-topics', field: 'affectedGridIds[]', at: 'affectedGridIds.0',
    hidden: () => [g2.id, other.grid.id], readable: () => g1.id,
    prepare: async () => (id) => admin.post('/api/v1/council-topics', { communityId: c1.id, title: '楼道堆物', subject: '清理', affectedGridIds: [id] }),
  },
  {
    route: 'POST /api/v1/council-topics', field: 'commonNeedId',
    hidden: () => hiddenGroups, readable: () => readableGroup,
    prepare: async () => (id) => admin.post('/api/v1/council-topics', { communityId: c1.id, title: '楼道堆物', subject: '清理', commonNeedId: id }),
  },
  {
    route: 'POST /api/v1/council-topics/{id}/opinions', field: 'meetingId',
    hidden: () => participationHidden.meetings, readable: () => participationReadable.meeting,
    prepare: async () => {
      const { meeting, topic } = await participate.heldTopic();
      participationReadable.meeting = meeting;
      participationHidden.meetings = [await participate.meeting(c2), await participate.meeting(other.community as unknown as CommunityRef)];
      return (id) => admin.post(`/api/v1/council-topics/${topic}/opinions`, { meetingId: id, speaker: '王某', stance: 'for', text: '同意' });
    },
  },
  {
    route: 'POST /api/v1/council-topics/{id}/opinions', field: 'memberId',
    hidden: () => participationHidden.members, readable: () => participationReadable.member,
    prepare: async () => {
      const { meeting, topic, members } = await participate.heldTopic();
      participationReadable.member = members[0]!;
      participationHidden.members = [await participate.member(c2), await participate.member(other.community as unknown as CommunityRef)];
      return (id) => admin.post(`/api/v1/council-topics/${topic}/opinions`, { meetingId: meeting, memberId: id, stance: 'for', text: '同意' });
    },
  },
  {
    route: 'POST /api/v1/council-topics/{id}/decision', field: 'meetingId',
    hidden: () => participationHidden.meetings, readable: () => participationReadable.meeting,
    prepare: async () => {
      const { meeting, topic, members } = await participate.heldTopic();
      participationReadable.meeting = meeting;
      participationHidden.meetings = [await participate.meeting(c2, { held: true }), await participate.meeting(other.community as unknown as CommunityRef, { held: true })];
      return (id) => admin.post(`/api/v1/council-topics/${topic}/decision`, { meetingId: id, votes: members.map((memberId) => ({ memberId, choice: 'for' })), decision: '同意' });
    },
  },
  {
    route: 'POST /api/v1/council-topics/{id}/decision', field: 'votes[].memberId', at: 'votes.0.memberId',
    hidden: () => participationHidden.members, readable: () => participationReadable.member,
    prepare: async () => {
      const { meeting, topic, members } = await participate.heldTopic();
      participationReadable.member = members[0]!;
      participationHidden.members = [await participate.member(c2), await participate.member(other.community as unknown as CommunityRef)];
      return (id) => admin.post(`/api/v1/council-topics/${topic}/decision`, { meetingId: meeting, votes: [{ memberId: id, choice: 'for' }], decision: '同意' });
    },
  },
  {
    route: 'POST /api/v1/council-topics/{id}/decision', field: 'followUp.roundId',
    hidden: () => participationHidden.rounds, readable: () => participationReadable.round,
    prepare: async () => {
      const { meeting, topic, members } = await participate.heldTopic();
      participationReadable.round = (await participate.round(c1)).id;
      participationHidden.rounds = [(await participate.round(c2)).id, (await participate.round(other.community as unknown as CommunityRef)).id];
      return (id) => admin.post(`/api/v1/council-topics/${topic}/decision`, { meetingId: meeting, votes: members.map((memberId) => ({ memberId, choice: 'for' })), decision: '同意', followUp: { kind: 'budget', roundId: id, costFen: 5_000_000, categoryId: cat1 } });
    },
  },
  {
    route: 'POST /api/v1/council-topics/{id}/decision', field: 'followUp.categoryId',
    hidden: () => [cat9], readable: () => cat1,
    prepare: async () => {
      const { meeting, topic, members } = await participate.heldTopic();
      return (id) => admin.post(`/api/v1/council-topics/${topic}/decision`, { meetingId: meeting, votes: members.map((memberId) => ({ memberId, choice: 'for' })), decision: '同意', followUp: { kind: 'common_need', categoryId: id } });
    },
  },
  {
    route: 'POST /api/v1/council-meetings', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/council-meetings', { communityId: id, startsAt: new Date().toISOString(), place: '议事厅', topicIds: [] }),
  },
  {
    route: 'POST /api/v1/council-meetings', field: 'topicIds[]', at: 'topicIds.0',
    hidden: () => participationHidden.topics, readable: () => participationReadable.topic,
    prepare: async () => {
      participationReadable.topic = await participate.topic(c1);
      participationHidden.topics = [await participate.topic(c2), await participate.topic(other.community as unknown as CommunityRef)];
      return (id) => admin.post('/api/v1/council-meetings', { communityId: c1.id, startsAt: new Date().toISOString(), place: '议事厅', topicIds: [id] });
    },
  },
  {
    route: 'PATCH /api/v1/council-meetings/{id}', field: 'attendeeIds[]', at: 'attendeeIds.0',
    hidden: () => participationHidden.members, readable: () => participationReadable.member,
    prepare: async () => {
      const meeting = await participate.meeting(c1);
      participationReadable.member = await participate.member(c1);
      participationHidden.members = [await participate.member(c2), await participate.member(other.community as unknown as CommunityRef)];
      return (id) => admin.patch(`/api/v1/council-meetings/${meeting}`, { attendeeIds: [id] });
    },
  },
  {
    route: 'PATCH /api/v1/council-meetings/{id}', field: 'topicIds[]', at: 'topicIds.0',
    hidden: () => participationHidden.topics, readable: () => participationReadable.topic,
    prepare: async () => {
      const meeting = await participate.meeting(c1);
      participationReadable.topic = await participate.topic(c1);
      participationHidden.topics = [await participate.topic(c2), await participate.topic(other.community as unknown as CommunityRef)];
      return (id) => admin.patch(`/api/v1/council-meetings/${meeting}`, { topicIds: [id] });
    },
  },
  {
    route: 'POST /api/v1/budget-rounds', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/budget-rounds', { communityId: id, title: '微项目', totalBudgetFen: 100_000, rule: 'approval', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() }),
  },
  {
    route: 'POST /api/v1/budget-rounds', field: 'streetId',
    hidden: () => [s2.id, other.street.id], readable: () => s1.id,
    prepare: async () => (id) => streetOfficer.post('/api/v1/budget-rounds', { streetId: id, title: '微项目', totalBudgetFen: 100_000, rule: 'approval', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString() }),
  },
  {
    route: 'POST /api/v1/budget-rounds/{id}/candidates', field: 'categoryId',
    hidden: () => [cat9], readable: () => cat1,
    prepare: async () => {
      const round = await participate.round(c1);
      return (id) => admin.post(`/api/v1/budget-rounds/${round.id}/candidates`, { title: '阅读角', costFen: 100_000, categoryId: id });
    },
  },
  {
    route: 'POST /api/v1/budget-rounds/{id}/candidates', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => {
      const round = await participate.round(c1);
      return (id) => admin.post(`/api/v1/budget-rounds/${round.id}/candidates`, { title: '阅读角', costFen: 100_000, categoryId: cat1, communityId: id });
    },
  },
  {
    route: 'POST /api/v1/budget-rounds/{id}/candidates', field: 'sourceId',
    hidden: () => hiddenGroups, readable: () => readableGroup,
    prepare: async () => {
      const round = await participate.round(c1);
      return (id) => admin.post(`/api/v1/budget-rounds/${round.id}/candidates`, { title: '阅读角', costFen: 100_000, categoryId: cat1, source: 'common_need', sourceId: id });
    },
  },
  {
    route: 'POST /api/v1/budget-rounds/{id}/ballots', field: 'candidateIds[]', at: 'candidateIds.0',
    hidden: () => participationHidden.candidates, readable: () => participationReadable.candidate,
    prepare: async () => {
      const round = await participate.round(c1, 'open');
      participationReadable.candidate = round.candidates[0]!;
      participationHidden.candidates = [(await participate.round(c2, 'open')).candidates[0]!, (await participate.round(other.community as unknown as CommunityRef, 'open')).candidates[0]!];
      return (id) => admin.post(`/api/v1/budget-rounds/${round.id}/ballots`, { householdId: h1.id, candidateIds: [id], channel: 'paper' });
    },
  },
  {
    route: 'POST /api/v1/budget-rounds/{id}/ballots', field: 'householdId',
    hidden: () => [h2.id, other.household.id], readable: () => h1.id,
    prepare: async () => {
      const round = await participate.round(c1, 'open');
      return (id) => admin.post(`/api/v1/budget-rounds/${round.id}/ballots`, { householdId: id, candidateIds: [round.candidates[0]], channel: 'spoken' });
    },
  },
  // volunteers and the time bank: admin is community_admin of c1
  {
    route: 'POST /api/v1/volunteers', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/volunteers', { communityId: id, name: '赵师傅', phone: '13912345678', skills: [], availability: [], serviceCommunityIds: [c1.id] }),
  },
  {
    route: 'POST /api/v1/volunteers', field: 'residentId',
    // a resident of the neighbouring community, and one of another district
    hidden: () => [r2.id, other.resident.id], readable: () => volunteerResident,
    prepare: async () => {
      volunteerResident = (await buildResident(t.db, t.platform.pii, { household: h1 })).id;
      return (id) => admin.post('/api/v1/volunteers', { communityId: c1.id, residentId: id, skills: [], availability: [], serviceCommunityIds: [c1.id] });
    },
  },
  {
    route: 'POST /api/v1/volunteers', field: 'serviceCommunityIds[]', at: 'serviceCommunityIds.0',
    // any community of the district may be served; another district's may not
    hidden: () => [other.community.id], readable: () => c2.id,
    prepare: async () => (id) => admin.post('/api/v1/volunteers', { communityId: c1.id, name: '赵师傅', phone: '13912345678', skills: [], availability: [], serviceCommunityIds: [id] }),
  },
  {
    route: 'POST /api/v1/volunteers/me', field: 'serviceCommunityIds[]', at: 'serviceCommunityIds.0',
    hidden: () => [other.community.id], readable: () => c2.id,
    prepare: async () => {
      const me = await residentAccount();
      return (id) => me.client.post('/api/v1/volunteers/me', { skills: [], availability: [], serviceCommunityIds: [id] });
    },
  },
  {
    route: 'PATCH /api/v1/volunteers/{id}', field: 'serviceCommunityIds[]', at: 'serviceCommunityIds.0',
    hidden: () => [other.community.id], readable: () => c2.id,
    prepare: async () => {
      const v = await buildVolunteer(t.db, { community: c1, registeredBy: admin.user.id });
      return (id) => admin.patch(`/api/v1/volunteers/${v}`, { serviceCommunityIds: [id] });
    },
  },
  {
    route: 'POST /api/v1/volunteer-signups', field: 'sessionId',
    hidden: () => [volunteering.farShift], readable: () => volunteering.shift,
    prepare: async () => {
      await volunteeringWorld();
      return (id) => admin.post('/api/v1/volunteer-signups', { sessionId: id, volunteerId: volunteering.own });
    },
  },
  {
    route: 'POST /api/v1/volunteer-signups', field: 'volunteerId',
    hidden: () => [volunteering.neighbours, volunteering.far], readable: () => volunteering.own,
    prepare: async () => {
      await volunteeringWorld();
      return (id) => admin.post('/api/v1/volunteer-signups', { sessionId: volunteering.shift, volunteerId: id });
    },
  },
  {
    route: 'POST /api/v1/volunteer-signups/withdraw', field: 'sessionId',
    hidden: () => [volunteering.farShift], readable: () => volunteering.shift,
    prepare: async () => {
      await volunteeringWorld();
      await signUpVolunteer(t.db, { districtId: d1.id, sessionId: volunteering.shift, volunteerId: volunteering.own, by: admin.user.id });
      return (id) => admin.post('/api/v1/volunteer-signups/withdraw', { sessionId: id, volunteerId: volunteering.own });
    },
  },
  {
    route: 'POST /api/v1/volunteer-signups/withdraw', field: 'volunteerId',
    hidden: () => [volunteering.neighbours, volunteering.far], readable: () => volunteering.own,
    prepare: async () => {
      await volunteeringWorld();
      await signUpVolunteer(t.db, { districtId: d1.id, sessionId: volunteering.shift, volunteerId: volunteering.own, by: admin.user.id });
      return (id) => admin.post('/api/v1/volunteer-signups/withdraw', { sessionId: volunteering.shift, volunteerId: id });
    },
  },
  {
    route: 'POST /api/v1/volunteer-hours', field: 'sessionId',
    hidden: () => [volunteering.farShift], readable: () => volunteering.pastShift,
    prepare: async () => {
      await volunteeringWorld();
      const me = await residentAccount();
      const v = (await me.client.post('/api/v1/volunteers/me', { skills: [], availability: [] })).json<{ id: string }>().id;
      await signUpVolunteer(t.db, { districtId: d1.id, sessionId: volunteering.pastShift, volunteerId: v, by: admin.user.id });
      return (id) => me.client.post('/api/v1/volunteer-hours', { sessionId: id, minutes: 60 });
    },
  },
  {
    route: 'PUT /api/v1/activity-sessions/{id}/volunteer-hours', field: 'entries[].volunteerId', at: 'entries.0.volunteerId',
    // a volunteer serving only the neighbouring community, and one of another district
    hidden: () => [volunteering.neighbours, volunteering.far], readable: () => volunteering.own,
    prepare: async () => {
      await volunteeringWorld();
      const shift = await buildShift(t.db, { community: c1, createdBy: admin.user.id, startsInHours: -3 });
      return (id) => admin.put(`/api/v1/activity-sessions/${shift}/volunteer-hours`, { entries: [{ volunteerId: id, minutes: 60 }] });
    },
  },
  {
    route: 'POST /api/v1/time-bank/partners', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/time-bank/partners', { communityId: id, name: '巧手理发店', staffUsernames: [admin.user.username] }),
  },
  {
    route: 'POST /api/v1/time-bank/offers', field: 'communityId',
    hidden: () => [c2.id, other.community.id], readable: () => c1.id,
    prepare: async () => (id) => admin.post('/api/v1/time-bank/offers', { communityId: id, title: '茶歇券', points: 5 }),
  },
  {
    route: 'POST /api/v1/time-bank/offers', field: 'partnerId',
    hidden: () => [volunteering.neighbourPartner, volunteering.farPartner], readable: () => volunteering.partner,
    prepare: async () => {
      await volunteeringWorld();
      return (id) => admin.post('/api/v1/time-bank/offers', { communityId: c1.id, partnerId: id, title: '理发', points: 30 });
    },
  },
  {
    route: 'POST /api/v1/time-bank/redemptions', field: 'offerId',
    // offers of a community the volunteer does not serve, and of another district
    hidden: () => [volunteering.neighbourOffer, volunteering.farOffer], readable: () => volunteering.offer,
    prepare: async () => {
      await volunteeringWorld();
      return (id) => admin.post('/api/v1/time-bank/redemptions', { offerId: id, volunteerId: volunteering.own });
    },
  },
  {
    route: 'POST /api/v1/time-bank/redemptions', field: 'volunteerId',
    hidden: () => [volunteering.neighbours, volunteering.far], readable: () => volunteering.own,
    prepare: async () => {
      await volunteeringWorld();
      return (id) => admin.post('/api/v1/time-bank/redemptions', { offerId: volunteering.offer, volunteerId: id });
    },
  },
  {
    route: 'PUT /api/v1/workforce-settings', field: 'districtId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => (id) => officer.put('/api/v1/workforce-settings', { districtId: id, admittedMatters: [{ code: 'A01', title: '居民信息统计' }], adminShareTarget: 25 }),
  },
  // webhooks and Open311 keys
  {
    route: 'POST /api/v1/webhooks', field: 'districtId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => (id) => officer.post('/api/v1/webhooks', { districtId: id, url: 'http://127.0.0.1:9/hook', events: ['need.created'] }),
  },
  {
    route: 'POST /api/v1/open311-clients', field: 'districtId',
    hidden: () => [other.district.id], readable: () => d1.id,
    prepare: async () => (id) => officer.post('/api/v1/open311-clients', { districtId: id, name: '市民通' }),
  },
];

/** Needs the callers may not read (another community of the district; another district) and fresh readable ones, per state. */
const hiddenNeeds = { reported: [] as string[], accepted: [] as string[] };
const readableNeeds = { reported: '', accepted: '' };
let hiddenGroups: string[] = [];
let readableGroup = '';


/** Participation: council members, topics, meetings and rounds of a community, written directly (staff of c1 act on c1's). */
const participate = {
  async member(c: CommunityRef) {
    const id = newId();
    await t.db.insertInto('council_members').values({ district_id: c.districtId, id, community_id: c.communityId, name: '王某' }).execute();
    return id;
  },
  async meeting(c: CommunityRef, o: { held?: boolean; attendees?: string[] } = {}) {
    const id = newId();
    await t.db.insertInto('council_meetings').values({ district_id: c.districtId, id, community_id: c.communityId, starts_at: new Date(), place: '议事厅', status: o.held ? 'held' : 'planned', attendee_ids: o.attendees ?? [], created_by: admin.user.id }).execute();
    return id;
  },
  async topic(c: CommunityRef, meetingId: string | null = null) {
    const id = newId();
    await t.db.insertInto('council_topics').values({ district_id: c.districtId, id, street_id: c.streetId, community_id: c.communityId, source: 'staff', proposal_id: null, common_need_id: null, title: '楼道堆物', subject: '清理', proposer: '居委会', meeting_id: meetingId, created_by: admin.user.id }).execute();
    return id;
  },
  async round(c: CommunityRef, status: 'draft' | 'open' = 'draft') {
    const id = newId();
    await t.db.insertInto('budget_rounds').values({ district_id: c.districtId, id, street_id: c.streetId, community_id: c.communityId, title: '微项目', total_budget_fen: 10_000_000, rule: 'approval', opens_at: new Date(Date.now() - 3_600_000), closes_at: new Date(Date.now() + 86_400_000), status, created_by: admin.user.id }).execute();
    const candidates = [newId(), newId()];
    const category = c.districtId === d1.id ? cat1 : cat9;
    await t.db.insertInto('budget_candidates').values(candidates.map((cid) => ({ district_id: c.districtId, id: cid, round_id: id, title: '楼道灯', cost_fen: 100_000, category_id: category, community_id: c.communityId, source: 'staff' as const, source_id: null }))).execute();
    return { id, candidates };
  },
  /** A topic of c1 on a held meeting that three members attended. */
  async heldTopic() {
    // a council of exactly these three, so that the quorum is theirs
    await t.db.updateTable('council_members').set({ active: false }).where('community_id', '=', c1.id).execute();
    const members = [await this.member(c1), await this.member(c1), await this.member(c1)];
    const meeting = await this.meeting(c1, { held: true, attendees: members });
    return { members, meeting, topic: await this.topic(c1, meeting) };
  },
  async proposal(by: { client: Client }) {
    const res = await by.client.post('/api/v1/proposals', { kind: 'project', title: '加装坡道', body: '台阶太高' });
    return res.json<{ id: string }>().id;
  },
};

/** What an error answer says, whether it came as the HTTP answer or as one row of a bulk answer. */
interface Refusal {
  code: string;
  message: string;
  fields: { field: string; code: string; message: string }[];
}

/** The answer as the client sees it: status and refusal (a bulk answer: the one row's result, 200 when done). */
function answerOf(row: Row, res: Res): { status: number; refusal: Refusal | null } {
  if (!row.bulk) {
    if (res.statusCode < 400) return { status: res.statusCode, refusal: null };
    const { error } = res.json<ErrorBody>();
    return { status: res.statusCode, refusal: { code: error.code, message: error.message, fields: error.details?.fields ?? [] } };
  }
  const [result] = res.json<BulkTransitionResponse>().results;
  if (!result?.error) return { status: result?.ok ? 200 : 0, refusal: null };
  const { code, message, fields = [] } = result.error;
  return { status: 0, refusal: { code, message, fields } };
}

describe('an id in a request body the caller may not read answers 404 like a missing one, and writes nothing', () => {
  it.each(ROWS.map((row) => [`${row.route} · ${row.field}${row.publicRegister ? ' (public register)' : ''}`, row] as const))('%s', async (_name, row) => {
    hiddenNeeds.reported = [await buildNeed(t.db, w2, { state: 'reported' }), await buildNeed(t.db, w9, { state: 'reported' })];
    hiddenNeeds.accepted = [await buildNeed(t.db, w2, { state: 'accepted' }), await buildNeed(t.db, w9, { state: 'accepted' })];
    readableNeeds.reported = await buildNeed(t.db, w1, { state: 'reported' });
    readableNeeds.accepted = await buildNeed(t.db, w1, { state: 'accepted' });
    hiddenGroups = [await buildCommonNeed(t.db, w2, worker2), await buildCommonNeed(t.db, w9, worker9)];
    readableGroup = await buildCommonNeed(t.db, w1, worker1);
    const send = await row.prepare();
    const before = await snapshot();

    const missing = answerOf(row, await send(newId()));
    expect(missing.refusal?.code, JSON.stringify(missing)).toBe('resource.not_found');
    if (!row.bulk) expect(missing.status).toBe(404);
    const at = row.at === undefined ? row.field : row.at;
    if (at) expect(missing.refusal?.fields.map((f) => f.field)).toEqual([at]);
    for (const id of row.hidden()) {
      const res = answerOf(row, await send(id));
      expect(res, `hidden id ${id}`).toEqual(missing);
    }
    if (row.refused) expect((await send(row.refused())).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);

    const ok = answerOf(row, await send(row.readable()));
    expect(ok.status, JSON.stringify(ok.refusal)).toBeGreaterThanOrEqual(200);
    expect(ok.status, JSON.stringify(ok.refusal)).toBeLessThan(300);
  });
});

describe('the table covers every id field of every request body', () => {
  it('lists each uuid field of the OpenAPI request bodies', async () => {
    await t.app.ready();
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>> };
    const found = new Set<string>();
    const walk = (s: unknown, path: string, key: string) => {
      if (!s || typeof s !== 'object') return;
      const o = s as Record<string, unknown>;
      if (o.format === 'uuid') found.add(`${key} ${path}`);
      for (const k of ['allOf', 'anyOf', 'oneOf']) for (const x of (o[k] as unknown[] | undefined) ?? []) walk(x, path, key);
      for (const [name, v] of Object.entries((o.properties as Record<string, unknown> | undefined) ?? {})) walk(v, path ? `${path}.${name}` : name, key);
      if (o.items) walk(o.items, `${path}[]`, key);
    };
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        walk(op.requestBody?.content?.['application/json']?.schema, '', `${method.toUpperCase()} ${path}`);
      }
    }
    const covered = new Set(ROWS.map((r) => `${r.route} ${r.field}`));
    expect([...found].filter((f) => !covered.has(f)).sort()).toEqual([]);
  });
});
