/**
 * Statement budgets: every GET route of the OpenAPI document (lists and details, the Open311
 * routes included) and the commands of the needs' daily work (intake, transitions, split, bulk
 * triage, attachments, visits) are called on a small world, as a role that may use them, and
 * the SQL statements each runs (BEGIN and COMMIT included) are held to the literal budget
 * below. Lists get at least two rows, so a statement per row would show. A route that grows
 * past its budget fails, and so does a GET route without a row here: a new module adds its
 * rows. The budgets are the counts measured when the table was written
 * (docs/decisions/0015-lean-writes-and-statement-budgets.md).
 */
import { newId } from './platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommonNeed } from './modules/commonneeds/commonneeds.testing.ts';
import { buildNeed } from './modules/needs/needs.testing.ts';
import { buildOrganization } from './modules/organizations/testing.ts';
import { buildBuilding, buildCommunity, buildDistrict, buildGrid, buildHousehold, buildResident, buildStreet, fakeIdNumber } from './modules/territory/testing.ts';
import { buildSocialWorker } from './modules/workforce/testing.ts';
import { buildFuzzWorld, multipart, type FuzzWorld, type Who } from './fuzz/world.ts';
import { buildReviewedRound } from './modules/calls/calls.testing.ts';
import { createTestApp, type OpenApiDocument, type TestApp } from './testing.ts';

interface Budget {
  /** A role that may read the route. */
  who: Who;
  /** The SQL statements one request runs, in a session already seen once (a warm session cache). */
  statements: number;
  /** Query string: the route's required parameters, or a typical filter. */
  query?: string;
  /** For a list: its rows, which must be at least two. */
  list?: (body: unknown) => unknown[];
  /**
   * For a command: what it is sent, made fresh before each measurement (a need in the state
   * the action starts from) — its path values and its JSON body, or a multipart upload.
   */
  send?: () => Promise<{ path?: Record<string, string>; body?: unknown; upload?: ReturnType<typeof multipart> }>;
}

const items = (body: unknown) => (body as { items?: unknown[] }).items ?? [];
const array = (body: unknown): unknown[] => (Array.isArray(body) ? (body as unknown[]) : []);

/** Route → the statements it runs. */
const BUDGETS: Record<string, Budget> = {
  'GET /api/health': { who: 'anonymous', statements: 1 },
  'GET /api/v1/me': { who: 'community_worker', statements: 2 },
  'GET /api/v1/me/sessions': { who: 'community_worker', statements: 1, list: array },
  'GET /api/v1/me/workbench': { who: 'community_admin', statements: 4 },
  'GET /api/v1/me/preferences': { who: 'resident', statements: 1 },
  'GET /api/v1/users': { who: 'district_officer', statements: 8, list: items },
  'GET /api/v1/users/{id}': { who: 'district_officer', statements: 3 },
  'GET /api/v1/districts': { who: 'platform_admin', statements: 1, list: items },
  'GET /api/v1/districts/{id}': { who: 'district_officer', statements: 1 },
  'GET /api/v1/districts/{id}/tag-synonyms': { who: 'district_officer', statements: 2, send: async () => ({ path: { id: w.district.id } }) },
  'GET /api/v1/imports/jobs': { who: 'community_admin', statements: 3, query: 'communityId={community}', list: items },
  'GET /api/v1/imports/jobs/{id}': { who: 'community_admin', statements: 2 },
  'GET /api/v1/exports/residents': { who: 'community_admin', query: 'unit=community&id={community}', statements: 5 },
  'GET /api/v1/streets': { who: 'district_officer', statements: 1, list: items },
  'GET /api/v1/streets/{id}': { who: 'street_officer', statements: 1 },
  'GET /api/v1/communities': { who: 'street_officer', statements: 1, list: items },
  'GET /api/v1/communities/{id}': { who: 'community_admin', statements: 2 },
  'GET /api/v1/grids': { who: 'community_admin', statements: 3, list: items },
  'GET /api/v1/grids/{id}': { who: 'grid_worker', statements: 3 },
  'GET /api/v1/buildings': { who: 'grid_worker', statements: 2, list: items },
  'GET /api/v1/buildings/{id}': { who: 'grid_worker', statements: 2 },
  'GET /api/v1/households': { who: 'grid_worker', statements: 4, list: items },
  'GET /api/v1/households/{id}': { who: 'grid_worker', statements: 4 },
  'GET /api/v1/residents': { who: 'grid_worker', statements: 3, list: items },
  'GET /api/v1/residents/{id}': { who: 'grid_worker', statements: 4 },
  'GET /api/v1/resident-tags': { who: 'grid_worker', statements: 2, list: array },
  'GET /api/v1/organizations': { who: 'district_officer', statements: 1, list: items },
  'GET /api/v1/organizations/{id}': { who: 'org_admin', statements: 1 },
  'GET /api/v1/organizations/{id}/credit': { who: 'org_admin', statements: 4 },
  'GET /api/v1/social-workers': { who: 'org_admin', statements: 1, list: items },
  'GET /api/v1/social-workers/{id}': { who: 'org_admin', statements: 1 },
  'GET /api/v1/need-categories': { who: 'community_admin', statements: 2, list: items },
  'GET /api/v1/need-settings': { who: 'district_officer', statements: 1 },
  'GET /api/v1/calendar-days': { who: 'community_admin', query: 'year=2026', statements: 1, list: items },
  'GET /api/v1/needs': { who: 'community_admin', statements: 1, list: items },
  'GET /api/v1/needs/duplicates': { who: 'community_admin', query: 'householdId={household}&categoryId={category}&description=%E6%A5%BC%E9%81%93%E7%81%AF%E5%9D%8F%E4%BA%86', statements: 2, list: items },
  'GET /api/v1/needs/map': { who: 'community_admin', statements: 2, list: (body) => (body as { points?: unknown[] }).points ?? [] },
  'GET /api/v1/needs/{id}': { who: 'community_admin', statements: 7 },
  'GET /api/v1/needs/{id}/duplicates': { who: 'community_admin', statements: 3, list: items },
  'GET /api/v1/needs/{id}/handlers': { who: 'community_admin', statements: 3, list: items },
  'GET /api/v1/needs/{id}/attachments': { who: 'community_admin', statements: 3, list: items },
  'GET /api/v1/needs/{id}/attachments/{attachmentId}/content': { who: 'community_admin', statements: 4 },
  'GET /api/v1/inbox': { who: 'community_admin', statements: 1, list: items },
  'GET /api/v1/notifications': { who: 'community_admin', statements: 1, list: items },
  'GET /api/v1/common-needs': { who: 'community_admin', statements: 1, list: items },
  'GET /api/v1/common-needs/suggestions': { who: 'community_admin', query: 'communityId={community}', statements: 2, list: items },
  'GET /api/v1/common-needs/{id}': { who: 'community_admin', statements: 4 },
  'GET /api/v1/common-needs/{id}/commitments': { who: 'community_admin', statements: 4, list: items },
  'GET /api/v1/projects': { who: 'community_admin', statements: 1, list: items },
  'GET /api/v1/projects/{id}': { who: 'community_admin', statements: 9 },
  'GET /api/v1/projects/{id}/contract': { who: 'street_officer', statements: 6 },
  'GET /api/v1/projects/{id}/delivery': { who: 'org_admin', statements: 5 },
  'GET /api/v1/projects/{id}/evaluations': { who: 'evaluator', statements: 5 },
  'GET /api/v1/evaluations/{id}/report.pdf': { who: 'street_officer', statements: 11 },
  'GET /api/v1/organizations/{id}/track-record': { who: 'org_admin', statements: 4 },
  'GET /api/v1/projects/{id}/reports': { who: 'org_admin', statements: 4, list: items },
  'GET /api/v1/projects/{id}/reports/{reportId}/evidence/{evidenceId}': { who: 'org_admin', statements: 3 },
  'GET /api/v1/projects/{id}/evaluator-candidates': { who: 'street_officer', statements: 5, list: items },
  'GET /api/v1/activities': { who: 'org_admin', statements: 5, list: items },
  'GET /api/v1/activity-venues': { who: 'org_admin', query: 'communityId={community}', statements: 2, list: items },
  'GET /api/v1/activities/{id}': { who: 'org_admin', statements: 7 },
  'GET /api/v1/activity-sessions/{id}/roster': { who: 'org_admin', statements: 4, list: (b) => (b as { entries: unknown[] }).entries },
  'GET /api/v1/my/activities': { who: 'resident', statements: 7, list: (b) => (b as { upcoming: unknown[] }).upcoming },
  'GET /api/v1/public/calendars/communities/{id}/activities.ics': { who: 'anonymous', statements: 5 },
  'GET /api/v1/public/calendars/organizations/{id}/activities.ics': { who: 'anonymous', statements: 5 },
  'GET /api/v1/cases': { who: 'social_worker', statements: 6, list: items },
  'GET /api/v1/cases/{id}': { who: 'social_worker', statements: 10 },
  'GET /api/v1/referrals': { who: 'org_admin', statements: 2, list: items },
  'GET /api/v1/referrals/{id}': { who: 'org_admin', statements: 3 },
  'GET /api/v1/work-days/{day}': { who: 'social_worker', statements: 10 },
  'GET /api/v1/work-summary': { who: 'social_worker', query: 'from={today}&to={today}', statements: 7 },
  'GET /api/v1/admin-tasks': { who: 'community_admin', statements: 4, list: items },
  'GET /api/v1/admin-tasks/{id}': { who: 'community_admin', statements: 3 },
  'GET /api/v1/admin-load': { who: 'street_officer', query: 'from={today}&to={today}', statements: 4 },
  'GET /api/v1/workforce-settings': { who: 'district_officer', statements: 1 },
  'GET /api/v1/supervision-sessions': { who: 'supervisor', statements: 3, list: items },
  'GET /api/v1/supervision-sessions/{id}': { who: 'supervisor', statements: 3 },
  'GET /api/v1/social-workers/{id}/continuing-education': { who: 'social_worker', statements: 3 },
  'GET /api/v1/workforce-view': { who: 'community_admin', query: 'unit=community&id={community}&from={today}&to={today}', statements: 13 },
  'GET /api/v1/volunteer-settings': { who: 'district_officer', statements: 1 },
  'GET /api/v1/volunteers': { who: 'community_admin', statements: 5, list: items },
  'GET /api/v1/volunteers/me': { who: 'resident', statements: 9 },
  'GET /api/v1/volunteers/{id}': { who: 'community_admin', statements: 9 },
  'GET /api/v1/volunteer-opportunities': { who: 'resident', statements: 6, list: items },
  'GET /api/v1/activity-sessions/{id}/volunteers': { who: 'community_admin', statements: 6, list: items },
  'GET /api/v1/time-bank/partners': { who: 'community_admin', statements: 4, list: items },
  'GET /api/v1/time-bank/partners/mine': { who: 'community_admin', statements: 1 },
  'GET /api/v1/time-bank/offers': { who: 'resident', statements: 4, list: items },
  'GET /api/v1/time-bank/redemptions': { who: 'community_admin', statements: 6, list: items },
  'GET /api/v1/participation-settings': { who: 'community_admin', statements: 2, query: 'communityId={community}' },
  'GET /api/v1/proposals': { who: 'resident', statements: 7, list: items },
  'GET /api/v1/proposals/{id}': { who: 'resident', statements: 8 },
  'GET /api/v1/proposals/{id}/photos/{seq}': { who: 'community_admin', statements: 2 },
  'GET /api/v1/council-members': { who: 'community_admin', statements: 2, query: 'communityId={community}', list: items },
  'GET /api/v1/council-topics': { who: 'community_admin', statements: 4, query: 'communityId={community}', list: items },
  'GET /api/v1/council-topics/{id}': { who: 'community_admin', statements: 9 },
  'GET /api/v1/council-meetings': { who: 'community_admin', statements: 3, query: 'communityId={community}', list: items },
  'GET /api/v1/council-meetings/{id}': { who: 'community_admin', statements: 6 },
  'GET /api/v1/budget-rounds': { who: 'community_admin', statements: 5, query: 'communityId={community}', list: items },
  'GET /api/v1/budget-rounds/{id}': { who: 'community_admin', statements: 5 },
  'GET /api/v1/budget-rounds/{id}/ballots/household': { who: 'community_admin', statements: 3, query: 'householdId={household}' },
  'GET /api/v1/engagement': { who: 'street_officer', statements: 12, query: 'streetId={street}' },
  'GET /api/v1/participation/mine': { who: 'resident', statements: 17 },
  'GET /api/v1/public/board': { who: 'anonymous', statements: 13, query: 'communityId={community}' },
  'GET /api/v1/calls': { who: 'street_officer', statements: 1, list: items },
  'GET /api/v1/calls/{id}': { who: 'street_officer', statements: 5 },
  'GET /api/v1/calls/{id}/panel-candidates': { who: 'street_officer', statements: 2, list: items },
  'GET /api/v1/call-settings': { who: 'district_officer', statements: 2 },
  'GET /api/v1/calls/{id}/eligibility': { who: 'org_admin', query: 'organizationId={organization}', statements: 5 },
  'GET /api/v1/applications': { who: 'org_admin', statements: 1, list: items },
  'GET /api/v1/applications/{id}': { who: 'org_admin', statements: 3 },
  'GET /api/v1/reviews/calls': { who: 'reviewer', statements: 1, list: items },
  'GET /api/v1/calls/{id}/review-sheet': { who: 'reviewer', statements: 7 },
  'GET /api/v1/calls/{id}/review-progress': { who: 'street_officer', statements: 7 },
  'GET /api/v1/calls/{id}/ranking': { who: 'street_officer', statements: 5, list: items },
  'GET /api/v1/calls/{id}/ranking.xlsx': { who: 'street_officer', statements: 5 },
  'GET /api/v1/calls/{id}/objections': { who: 'street_officer', statements: 2, list: items },
  'GET /api/v1/public/publicity': { who: 'anonymous', query: 'streetId={street}', statements: 4, list: items },
  'GET /api/v1/communities/{id}/three-lists': { who: 'community_admin', statements: 5, list: (b) => (b as { needs?: unknown[] }).needs ?? [] },
  'GET /api/v1/resources': { who: 'community_admin', statements: 2, list: items },
  'GET /api/v1/resources/{id}': { who: 'community_admin', statements: 2 },
  'GET /api/v1/webhooks': { who: 'district_officer', statements: 1, list: items },
  'GET /api/v1/webhooks/{id}': { who: 'district_officer', statements: 1 },
  'GET /api/v1/webhooks/{id}/deliveries': { who: 'district_officer', statements: 3, list: items },
  'GET /api/v1/open311-clients': { who: 'district_officer', statements: 1, list: items },
  'GET /api/v1/visits': { who: 'grid_worker', statements: 1, list: items },
  'GET /api/v1/visits/{id}': { who: 'grid_worker', statements: 2 },
  'GET /api/v1/grids/{id}/visit-coverage': { who: 'grid_worker', statements: 2 },
  'GET /api/v1/visit-worklist': { who: 'grid_worker', query: 'gridId={grid}', statements: 3, list: items },
  'GET /api/v1/audit': { who: 'district_officer', statements: 1, list: items },
  'GET /open311/v2/discovery.json': { who: 'anonymous', statements: 0 },
  'GET /open311/v2/discovery.xml': { who: 'anonymous', statements: 0 },
  'GET /open311/v2/services.json': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', statements: 1, list: array },
  'GET /open311/v2/services.xml': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', statements: 1 },
  'GET /open311/v2/services/{file}': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', statements: 1 },
  'GET /open311/v2/requests.json': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', statements: 3, list: array },
  'GET /open311/v2/requests.xml': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', statements: 3 },
  'GET /open311/v2/requests/{file}': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', statements: 3 },
  'GET /open311/v2/tokens/{file}': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', statements: 2 },
  'POST /api/v1/needs': { who: 'community_admin', statements: 2, send: async () => ({ body: intakeBody() }) },
  'POST /api/v1/needs/{id}/transitions (accept)': {
    who: 'community_admin',
    statements: 11,
    send: async () => ({ path: { id: await fresh() }, body: { action: 'accept', reply: '已受理' } }),
  },
  'POST /api/v1/needs/{id}/transitions (assign)': {
    who: 'community_admin',
    statements: 12,
    send: async () => ({ path: { id: await fresh({ state: 'accepted' }) }, body: { action: 'assign', handlerUserId: w.clients.community_worker.user!.id } }),
  },
  'POST /api/v1/needs/{id}/transitions (merge)': {
    who: 'community_admin',
    statements: 17,
    send: async () => ({ path: { id: await fresh() }, body: { action: 'merge', duplicateOf: await fresh({ reporter_user_id: null }) } }),
  },
  'POST /api/v1/needs/{id}/transitions (confirm)': {
    who: 'resident',
    statements: 11,
    send: async () => ({ path: { id: await fresh({ state: 'resolved', outcome: 'fully', resolved_at: new Date() }) }, body: { action: 'confirm', rating: 5 } }),
  },
  'POST /api/v1/needs/{id}/split': {
    who: 'community_admin',
    statements: 9,
    send: async () => ({ path: { id: await fresh() }, body: { categoryId: w.category('elderly_meals'), description: '老人吃饭困难' } }),
  },
  'POST /api/v1/needs/bulk-transitions': {
    who: 'community_admin',
    statements: 22,
    send: async () => ({ body: { action: 'accept', needIds: [await fresh(), await fresh()] } }),
  },
  'POST /api/v1/needs/{id}/attachments': {
    who: 'community_admin',
    statements: 9,
    send: async () => ({ path: { id: await fresh() }, upload: multipart([{ name: 'file', fileName: 'photo.png', type: 'image/png', content: PNG }]) }),
  },
  'POST /api/v1/common-needs': {
    who: 'community_admin',
    statements: 31,
    send: async () => ({
      body: { communityId: w.community.id, categoryId: w.category('property_facilities'), title: '电梯维修', needIds: [await fresh({ state: 'accepted' }), await fresh({ state: 'accepted' })] },
    }),
  },
  'PATCH /api/v1/common-needs/{id}': {
    who: 'community_admin',
    statements: 5,
    send: async () => ({ path: { id: await buildCommonNeed(t.db, w, w.clients.community_admin.user!.id) }, body: { status: 'candidate' } }),
  },
  'POST /api/v1/common-needs/{id}/needs': {
    who: 'community_admin',
    statements: 14,
    send: async () => ({ path: { id: await buildCommonNeed(t.db, w, w.clients.community_admin.user!.id) }, body: { needId: await fresh({ state: 'accepted' }) } }),
  },
  'POST /api/v1/districts': { who: 'platform_admin', statements: 5, send: async () => ({ body: { code: unique('D'), name: '新区' } }) },
  'PATCH /api/v1/districts/{id}': { who: 'platform_admin', statements: 5, send: async () => ({ path: { id: (await buildDistrict(t.db)).id }, body: { name: '改名区' } }) },
  'POST /api/v1/streets': { who: 'district_officer', statements: 6, send: async () => ({ body: { districtId: w.district.id, code: unique('S'), name: '新街道' } }) },
  'PATCH /api/v1/streets/{id}': {
    who: 'district_officer',
    statements: 5,
    send: async () => ({ path: { id: (await buildStreet(t.db, { district: w.district })).id }, body: { name: '改名街道' } }),
  },
  'POST /api/v1/communities': { who: 'street_officer', statements: 6, send: async () => ({ body: { streetId: w.street.id, code: unique('C'), name: '新社区' } }) },
  'PATCH /api/v1/communities/{id}': {
    who: 'street_officer',
    statements: 5,
    send: async () => ({ path: { id: (await buildCommunity(t.db, { street: w.street })).id }, body: { name: '改名社区' } }),
  },
  'POST /api/v1/grids': { who: 'community_admin', statements: 7, send: async () => ({ body: { communityId: w.community.id, code: unique('G'), name: '新网格' } }) },
  'PATCH /api/v1/grids/{id}': {
    who: 'community_admin',
    statements: 6,
    send: async () => ({ path: { id: (await buildGrid(t.db, { community: w.community })).id }, body: { name: '改名网格' } }),
  },
  'POST /api/v1/buildings': { who: 'grid_worker', statements: 7, send: async () => ({ body: { gridId: w.grid.id, name: unique('楼'), address: '幸福路1号' } }) },
  'PATCH /api/v1/buildings/{id}': {
    who: 'grid_worker',
    statements: 6,
    send: async () => ({ path: { id: (await buildBuilding(t.db, { grid: w.grid })).id }, body: { floors: 7 } }),
  },
  'POST /api/v1/households': {
    who: 'grid_worker',
    statements: 8,
    send: async () => ({ body: { gridId: w.grid.id, buildingId: w.building.id, address: `幸福路1号${unique('')}室` } }),
  },
  'PATCH /api/v1/households/{id}': {
    who: 'grid_worker',
    statements: 7,
    send: async () => ({ path: { id: (await buildHousehold(t.db, { grid: w.grid })).id }, body: { notes: '独居老人' } }),
  },
  'POST /api/v1/residents': {
    who: 'grid_worker',
    statements: 8,
    send: async () => ({ body: { householdId: w.household.id, name: '王桂芳', idNumber: fakeIdNumber(), relation: 'spouse', tags: ['elderly_alone'] } }),
  },
  'PATCH /api/v1/residents/{id}': {
    who: 'grid_worker',
    statements: 7,
    send: async () => ({ path: { id: (await buildResident(t.db, t.platform.pii, { household: w.household })).id }, body: { tags: ['disabled'] } }),
  },
  'POST /api/v1/visits': {
    who: 'grid_worker',
    statements: 6,
    send: async () => ({
      body: { householdId: w.household.id, kind: 'routine', visitedAt: new Date().toISOString(), needs: [{ categoryId: w.category('property_facilities'), description: '楼道堆物' }] },
    }),
  },
};

const isCommand = (key: string) => !key.startsWith('GET ');
let made = 0;
/** A code or name no row has yet. */
const unique = (prefix: string) => `${prefix}${++made}`;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 3)]);

/** A need of the world's household reported by its resident, in any state: what a command acts on. */
const fresh = (o: Parameters<typeof buildNeed>[2] = {}) => buildNeed(t.db, w, { reporter_user_id: w.clients.resident.user!.id, ...o } as never);

let t: TestApp;
let w: FuzzWorld;
let doc: OpenApiDocument;
/** The statements of each answered request, in order. */
const answered: string[][] = [];

/** A second row of each list, made as a user would where there is no factory. */
async function addSecondRows(world: FuzzWorld) {
  const { db, platform } = t;
  const ok = (res: { statusCode: number; body: string }, what: string) => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  };
  const staff = world.clients.community_admin;
  await buildDistrict(db);
  // A second round in publicity, and a second objection to the first.
  const officer = world.clients.street_officer;
  await buildReviewedRound(db, { districtId: world.district.id, streetId: world.street.id, organizationIds: [world.organization.id], reviewerIds: [], createdBy: officer.user!.id, status: 'publicity' });
  ok(await world.clients.resident.post(`/api/v1/calls/${world.pathValues['/api/v1/calls/{id}/objections']!.id}/objections`, { body: '公示时间太短' }), 'objection');
  await buildStreet(db, { district: world.district });
  await buildCommunity(db, { street: world.street });
  await buildGrid(db, { community: world.community });
  await buildBuilding(db, { grid: world.grid });
  const member = await buildResident(db, platform.pii, { household: world.household, tags: ['elderly_alone'] });
  // Two progress reports of the project in delivery.
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < 2; i++) ok(await world.clients.org_admin.post(`/api/v1/projects/${world.pathValues['/api/v1/projects/{id}/reports']!.id}/reports`, { periodStart: today, periodEnd: today, narrative: `第 ${i + 1} 期` }), 'report');
  // A second member of the household registered for the running session: its roster.
  ok(await world.clients.resident.post(`/api/v1/activity-sessions/${world.pathValues['/api/v1/activity-sessions/{id}/roster']!.id}/registrations`, { residentId: member.id }), 'registration');
  // Two residents nobody has visited yet: the grid's visit worklist.
  const unvisited = await buildHousehold(db, { grid: world.grid });
  for (let i = 0; i < 2; i++) await buildResident(db, platform.pii, { household: unvisited, tags: ['elderly_alone'] });
  await buildOrganization(db, platform.pii, { district: world.district, communities: [world.community] });
  await buildSocialWorker(db, platform.pii, { organization: world.organization, communities: [world.community] });
  // Similar texts at the same household: duplicates of the world's need.
  await buildNeed(db, world, { description: '楼道灯坏了，晚上看不见' });
  await buildNeed(db, world, { description: '三楼楼道灯坏了' });
  // Accepted needs of two categories: two suggested common needs.
  for (const code of ['property_facilities', 'environment_sanitation']) {
    for (let i = 0; i < 2; i++) await buildNeed(db, world, { state: 'accepted', category_id: world.category(code), description: `小区路灯不亮${i}` });
  }
  await buildCommonNeed(db, world, staff.user!.id, { title: '楼道照明' });
  ok(await world.openCase(), 'second case');
  // A second volunteer (not a resident) credited at the past shift, a second partner shop, a second redemption.
  const volunteer = await staff.post('/api/v1/volunteers', { communityId: world.community.id, name: '赵师傅', phone: '13912345678', skills: ['repair'], availability: [], serviceCommunityIds: [world.community.id] });
  ok(volunteer, 'volunteer');
  const shift = world.pathValues['/api/v1/activity-sessions/{id}/volunteers']!.id;
  ok(await staff.put(`/api/v1/activity-sessions/${shift}/volunteer-hours`, { entries: [{ volunteerId: volunteer.json<{ id: string }>().id, minutes: 60 }] }), 'volunteer hours');
  ok(await staff.post('/api/v1/time-bank/partners', { communityId: world.community.id, name: '便民修鞋铺', staffUsernames: [world.clients.grid_worker.user!.username] }), 'partner');
  ok(await world.clients.resident.post('/api/v1/time-bank/redemptions', { offerId: world.ids.offerId!() }), 'redemption');
  ok(await world.referTo(world.organization.id), 'second referral');
  const hall = await staff.post('/api/v1/resources', { kind: 'venue', name: '社区礼堂', ownerType: 'community', ownerId: world.community.id, communityId: world.community.id });
  ok(hall, 'resource');
  // Two projects drafted from groups of the community; the second's group and the project hold two resource commitments each.
  for (const title of ['助餐', '助浴']) {
    const group = await buildCommonNeed(db, world, staff.user!.id, { title });
    await buildNeed(db, world, { state: 'pooled', common_need_id: group });
    await buildNeed(db, world, { state: 'pooled', common_need_id: group, household: world.neighbour });
    const project = await staff.post('/api/v1/projects', { commonNeedIds: [group], title, budgetFen: 18_000_000, fundingSource: 'government_purchase', purchaserLevel: 'district' });
    ok(project, 'project');
    const id = project.json<{ id: string }>().id;
    for (const terms of ['工作日中午', '周末全天']) {
      ok(await staff.post(`/api/v1/common-needs/${group}/commitments`, { resourceId: hall.json<{ id: string }>().id, terms }), 'commitment');
      ok(await staff.post(`/api/v1/projects/${id}/commitments`, { resourceId: hall.json<{ id: string }>().id, terms }), 'commitment');
    }
    world.pathValues['/api/v1/projects/{id}'] = { id };
    world.pathValues['/api/v1/common-needs/{id}/commitments'] = { id: group };
  }
  ok(await world.clients.grid_worker.post('/api/v1/visits', { householdId: world.neighbour.id, kind: 'routine', visitedAt: new Date().toISOString() }), 'visit');
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 2)]);
  const upload = multipart([{ name: 'file', fileName: 'second.png', type: 'image/png', content: png }]);
  ok(await staff.request('POST', `/api/v1/needs/${world.need}/attachments`, upload.payload, upload.headers), 'attachment');
  await db.insertInto('notifications').values({ district_id: world.district.id, id: newId(), user_id: staff.user!.id, need_id: world.need, kind: 'assigned', state: 'accepted' }).execute();
  // A webhook told of reports, and two reports: its deliveries.
  const hook = await world.clients.district_officer.post('/api/v1/webhooks', { districtId: world.district.id, url: 'http://127.0.0.1:9/hook', events: ['need.report'] });
  ok(hook, 'webhook');
  world.pathValues['/api/v1/webhooks/{id}/deliveries'] = { id: hook.json<{ id: string }>().id };
  for (let i = 0; i < 2; i++) ok(await staff.post('/api/v1/needs', intakeBody()), 'need');
  // A second Open311 request.
  const form = new URLSearchParams({ api_key: world.open311Key, jurisdiction_id: world.community.code, service_code: 'facility_lighting', lat: '32.152', long: '118.702' });
  ok(await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 'Open311 request');
}

const intakeBody = () => ({ source: 'staff', intakeChannel: 'phone', householdId: w.household.id, categoryId: w.category('property_facilities'), description: '电梯异响' });

/** 'POST /api/v1/needs/{id}/transitions (merge)' → its method and route. */
const routeOf = (key: string) => {
  const [method, route] = key.split(' ') as [string, string];
  return { method, route };
};

function urlOf(key: string, b: Budget, pathValues?: Record<string, string>): string {
  const { route } = routeOf(key);
  const values = pathValues ?? w.pathValues[route] ?? {};
  const path = route.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(values[n] ?? 'missing'));
  const query = (b.query ?? '').replace('{jurisdiction}', w.community.code).replace('{organization}', w.organization.id).replace('{street}', w.street.id).replace('{community}', w.community.id).replace('{grid}', w.grid.id)
    .replace('{household}', w.household.id)
    .replace('{category}', w.category('property_facilities'))
    .replace(/\{today\}/g, new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
  return query ? `${path}?${query}` : path;
}

/** The statements of one request as `b.who`. */
async function measure(key: string, b: Budget) {
  const client = w.clients[b.who];
  const sent = await b.send?.();
  answered.length = 0;
  const url = urlOf(key, b, sent?.path);
  const { method } = routeOf(key);
  const res = sent?.upload
    ? await client.request(method, url, sent.upload.payload, sent.upload.headers)
    : sent
      ? await client.request(method, url, sent.body)
      : await client.get(url);
  const rows = b.list && res.statusCode === 200 ? b.list(JSON.parse(res.body)).length : null;
  return { status: res.statusCode, rows, statements: answered.at(-1) ?? [] };
}

const measured = new Map<string, Awaited<ReturnType<typeof measure>>>();

beforeAll(async () => {
  t = await createTestApp({}, { onStatements: (_request, statements) => answered.push(statements) });
  w = await buildFuzzWorld(t, Object.values(BUDGETS).map((b) => b.who));
  await addSecondRows(w);
  // Counted in the steady state: each session has been seen once, so its user and roles come
  // from the process's session cache, as on every request but a session's first.
  for (const who of new Set(Object.values(BUDGETS).map((b) => b.who))) await w.clients[who].get('/api/v1/me');
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDocument>();
}, 300_000);

afterAll(async () => {
  // The measured table, to lower a budget after an improvement.
  const table = [...measured].map(([key, m]) => `  ${key}: ${m.statements.length} (budget ${BUDGETS[key]?.statements ?? '-'})`);
  console.info(`statements per request (${t.platform.dbKind}):\n${table.join('\n')}`);
  await t.close();
});

describe('statement budgets', () => {
  it('has a row for every GET route of the OpenAPI document, and commands only of routes it has', () => {
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => ('get' in ops ? [`GET ${path}`] : []));
    expect(Object.keys(BUDGETS).filter((k) => !isCommand(k)).sort()).toEqual(routes.sort());
    const commands = Object.keys(BUDGETS).filter(isCommand).map(routeOf);
    expect(commands.filter(({ method, route }) => !(method.toLowerCase() in (doc.paths[route] ?? {})))).toEqual([]);
  });

  it('every route runs exactly the statements of its budget', async () => {
    for (const [key, b] of Object.entries(BUDGETS)) measured.set(key, await measure(key, b));
    const problems = [...measured].flatMap(([key, m]) => {
      const b = BUDGETS[key]!;
      const wrong: string[] = [];
      if (m.status >= 300) wrong.push(`${key}: answered ${m.status}`);
      if (b.list && (m.rows ?? 0) < 2) wrong.push(`${key}: the list has ${m.rows ?? 0} rows, fewer than 2`);
      // Exact, so that the table stays the record: a route that needs fewer has its row lowered.
      if (m.statements.length !== b.statements) {
        const sqls = m.statements.map((s) => `    ${s.replace(/\s+/g, ' ').slice(0, 200)}`).join('\n');
        wrong.push(`${key}: budget ${b.statements}, ran ${m.statements.length}:\n${sqls}`);
      }
      return wrong;
    });
    expect(problems.join('\n')).toBe('');
  }, 300_000);
});
