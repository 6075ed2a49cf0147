/**
 * Statement budgets: every GET route of the OpenAPI document (lists and details, the Open311
 * routes included) is called on a small world with at least two rows in each list, as a role
 * that may read it, and the SQL statements it ran are held to the literal budget below. The
 * platform's share (session and role look-ups before the route runs) is counted apart from the
 * route's own. A route that grows, or a route without a row, fails: a list page is one query
 * for the page (plus at most one for its filters), never one per row.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommonNeed } from './modules/commonneeds/commonneeds.testing.ts';
import { buildNeed } from './modules/needs/needs.testing.ts';
import { buildOrganization } from './modules/organizations/testing.ts';
import { buildBuilding, buildCommunity, buildDistrict, buildGrid, buildResident, buildStreet } from './modules/territory/testing.ts';
import { buildSocialWorker } from './modules/workforce/testing.ts';
import { buildFuzzWorld, multipart, type FuzzWorld, type Who } from './fuzz/world.ts';
import type { StatementTally } from './platform/db/statements.ts';
import { createTestApp, type OpenApiDocument, type TestApp } from './testing.ts';

interface Budget {
  who: Who;
  /** Query string the route is called with (its required parameters, or a typical filter). */
  query?: string;
  /** Statements before the route runs: the session with its user, and the role assignments. */
  platform: number;
  /** Statements of the route itself. */
  route: number;
  /** A list: the world gives it at least two rows, so a statement per row would show. */
  list?: (body: unknown) => unknown[];
}

const items = (body: unknown) => (body as { items: unknown[] }).items;
const array = (body: unknown) => body as unknown[];

/** Route → the most statements it may run. */
const BUDGETS: Record<string, Budget> = {
  'GET /api/health': { who: 'anonymous', platform: 0, route: 99 },
  'GET /api/v1/me': { who: 'community_worker', platform: 2, route: 99 },
  'GET /api/v1/me/sessions': { who: 'community_worker', platform: 2, route: 99, list: items },
  'GET /api/v1/users': { who: 'district_officer', platform: 2, route: 99, list: items },
  'GET /api/v1/users/{id}': { who: 'district_officer', platform: 2, route: 99 },
  'GET /api/v1/districts': { who: 'platform_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/districts/{id}': { who: 'district_officer', platform: 2, route: 99 },
  'GET /api/v1/streets': { who: 'district_officer', platform: 2, route: 99, list: items },
  'GET /api/v1/streets/{id}': { who: 'street_officer', platform: 2, route: 99 },
  'GET /api/v1/communities': { who: 'street_officer', platform: 2, route: 99, list: items },
  'GET /api/v1/communities/{id}': { who: 'community_admin', platform: 2, route: 99 },
  'GET /api/v1/grids': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/grids/{id}': { who: 'grid_worker', platform: 2, route: 99 },
  'GET /api/v1/buildings': { who: 'grid_worker', platform: 2, route: 99, list: items },
  'GET /api/v1/buildings/{id}': { who: 'grid_worker', platform: 2, route: 99 },
  'GET /api/v1/households': { who: 'grid_worker', platform: 2, route: 99, list: items },
  'GET /api/v1/households/{id}': { who: 'grid_worker', platform: 2, route: 99 },
  'GET /api/v1/residents': { who: 'grid_worker', platform: 2, route: 99, list: items },
  'GET /api/v1/residents/{id}': { who: 'grid_worker', platform: 2, route: 99 },
  'GET /api/v1/resident-tags': { who: 'grid_worker', platform: 2, route: 99, list: items },
  'GET /api/v1/organizations': { who: 'district_officer', platform: 2, route: 99, list: items },
  'GET /api/v1/organizations/{id}': { who: 'org_admin', platform: 2, route: 99 },
  'GET /api/v1/social-workers': { who: 'org_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/social-workers/{id}': { who: 'org_admin', platform: 2, route: 99 },
  'GET /api/v1/need-categories': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/need-settings': { who: 'district_officer', platform: 2, route: 99 },
  'GET /api/v1/calendar-days': { who: 'community_admin', query: 'year=2026', platform: 2, route: 99, list: items },
  'GET /api/v1/needs': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/needs/map': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/needs/{id}': { who: 'community_admin', platform: 2, route: 99 },
  'GET /api/v1/needs/{id}/duplicates': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/needs/{id}/handlers': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/needs/{id}/attachments': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/needs/{id}/attachments/{attachmentId}/content': { who: 'community_admin', platform: 2, route: 99 },
  'GET /api/v1/inbox': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/notifications': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/common-needs': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/common-needs/suggestions': { who: 'community_admin', query: 'communityId={community}', platform: 2, route: 99, list: items },
  'GET /api/v1/common-needs/{id}': { who: 'community_admin', platform: 2, route: 99 },
  'GET /api/v1/communities/{id}/three-lists': { who: 'community_admin', platform: 2, route: 99, list: (b) => (b as { needs: unknown[] }).needs },
  'GET /api/v1/resources': { who: 'community_admin', platform: 2, route: 99, list: items },
  'GET /api/v1/resources/{id}': { who: 'community_admin', platform: 2, route: 99 },
  'GET /api/v1/webhooks': { who: 'district_officer', platform: 2, route: 99, list: items },
  'GET /api/v1/webhooks/{id}': { who: 'district_officer', platform: 2, route: 99 },
  'GET /api/v1/webhooks/{id}/deliveries': { who: 'district_officer', platform: 2, route: 99, list: items },
  'GET /api/v1/open311-clients': { who: 'district_officer', platform: 2, route: 99, list: items },
  'GET /api/v1/visits': { who: 'grid_worker', platform: 2, route: 99, list: items },
  'GET /api/v1/visits/{id}': { who: 'grid_worker', platform: 2, route: 99 },
  'GET /api/v1/grids/{id}/visit-coverage': { who: 'grid_worker', platform: 2, route: 99 },
  'GET /api/v1/visit-worklist': { who: 'grid_worker', query: 'gridId={grid}', platform: 2, route: 99, list: items },
  'GET /api/v1/audit': { who: 'district_officer', platform: 2, route: 99, list: items },
  'GET /open311/v2/discovery.json': { who: 'anonymous', platform: 0, route: 99 },
  'GET /open311/v2/discovery.xml': { who: 'anonymous', platform: 0, route: 99 },
  'GET /open311/v2/services.json': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', platform: 0, route: 99, list: array },
  'GET /open311/v2/services.xml': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', platform: 0, route: 99 },
  'GET /open311/v2/services/{file}': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', platform: 0, route: 99 },
  'GET /open311/v2/requests.json': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', platform: 0, route: 99, list: array },
  'GET /open311/v2/requests.xml': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', platform: 0, route: 99 },
  'GET /open311/v2/requests/{file}': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', platform: 0, route: 99 },
  'GET /open311/v2/tokens/{file}': { who: 'anonymous', query: 'jurisdiction_id={jurisdiction}', platform: 0, route: 99 },
};

let t: TestApp;
let w: FuzzWorld;
let doc: OpenApiDocument;
let jurisdiction = '';
const measured = new Map<string, { platform: number; route: number; status: number; rows: number | null; statements: StatementTally['statements'] }>();
let last: StatementTally | null = null;

/** A second of what each list shows, made as a user would where there is no factory. */
async function enlarge(world: FuzzWorld) {
  const { db, platform } = t;
  await buildDistrict(db);
  await buildStreet(db, { district: world.district });
  const community = await buildCommunity(db, { street: world.street });
  await buildGrid(db, { community: world.community });
  await buildBuilding(db, { grid: world.grid });
  await buildResident(db, platform.pii, { household: world.household, tags: ['elderly_alone'] });
  await buildResident(db, platform.pii, { household: world.neighbour, tags: ['elderly_alone'] });
  const organization = await buildOrganization(db, platform.pii, { district: world.district, communities: [world.community] });
  await buildSocialWorker(db, platform.pii, { organization: world.organization, communities: [world.community] });
  void community;
  void organization;
  const staff = world.clients.community_admin;
  // Similar texts at the same household: duplicates of the world's need.
  await buildNeed(db, world, { description: '楼道灯坏了，晚上看不见' });
  await buildNeed(db, world, { description: '三楼楼道灯坏了' });
  // Accepted needs of one category: a suggested common need.
  for (let i = 0; i < 2; i++) await buildNeed(db, world, { state: 'accepted', description: `小区路灯不亮${i}` });
  await buildCommonNeed(db, world, staff.user!.id, { title: '楼道照明' });
  const ok = (res: { statusCode: number; body: string }, what: string) => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  };
  ok(await staff.post('/api/v1/resources', { kind: 'venue', name: '社区礼堂', ownerType: 'community', ownerId: world.community.id, communityId: world.community.id }), 'resource');
  ok(
    await world.clients.grid_worker.post('/api/v1/visits', { householdId: world.neighbour.id, kind: 'routine', visitedAt: new Date().toISOString() }),
    'visit',
  );
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 2)]);
  const upload = multipart([{ name: 'file', fileName: 'second.png', type: 'image/png', content: png }]);
  ok(await staff.request('POST', `/api/v1/needs/${world.need}/attachments`, upload.payload, upload.headers), 'attachment');
  await db
    .insertInto('notifications')
    .values({ district_id: world.district.id, id: uuidv7(), user_id: staff.user!.id, need_id: world.need, kind: 'assigned', state: 'accepted' })
    .execute();
  // A staff report and an Open311 report: webhook deliveries and Open311 requests.
  ok(
    await staff.post('/api/v1/needs', { source: 'staff', intakeChannel: 'phone', householdId: world.household.id, categoryId: world.category('property_facilities'), description: '电梯异响' }),
    'need',
  );
  const key = (await db.selectFrom('open311_clients').select('id').where('district_id', '=', world.district.id).executeTakeFirstOrThrow()).id;
  void key;
}

beforeAll(async () => {
  t = await createTestApp({}, { onStatements: (_request, tally) => (last = tally) });
  w = await buildFuzzWorld(t, Object.values(BUDGETS).map((b) => b.who));
  await enlarge(w);
  jurisdiction = w.community.code;
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
}, 300_000);

afterAll(async () => {
  const rows = [...measured].map(([key, m]) => `| ${key} | ${m.platform} | ${m.route} | ${m.status} | ${m.rows ?? ''} |${process.env.SHOW_SQL ? `\n${m.statements.filter((x) => x.phase === 'route').map((x) => `      ${x.sql.replace(/\s+/g, ' ').slice(0, 300)}`).join('\n')}` : ''}`);
  console.info(`statements per route (${t.platform.dbKind})\n| route | platform | route | status | rows |\n|---|---|---|---|---|\n${rows.join('\n')}`);
  await t.close();
});

const getRoutes = () =>
  Object.entries(doc.paths).flatMap(([p, ops]) => (Object.keys(ops).includes('get') ? [`GET ${p}`] : []));

function urlOf(key: string, b: Budget): string {
  const route = key.slice(4);
  const values = { ...w.pathValues[route], ...w.pathValues[key] };
  const path = route.replace(/\{(\w+)\}/g, (_m, n: string) => encodeURIComponent(values[n] ?? 'missing'));
  const query = (b.query ?? '').replace('{jurisdiction}', jurisdiction).replace('{community}', w.community.id).replace('{grid}', w.grid.id);
  return query ? `${path}?${query}` : path;
}

describe('statement budgets of the GET routes', () => {
  it('has a budget for every GET route of the OpenAPI document, and only for those', () => {
    expect(Object.keys(BUDGETS).sort()).toEqual(getRoutes().sort());
  });

  it('every route stays within its budget', async () => {
    for (const key of getRoutes()) {
      const b = BUDGETS[key] ?? { who: 'platform_admin' as Who, platform: 0, route: 0 };
      // A session seen a minute ago is touched: keep that write out of the count.
      await t.db.updateTable('sessions').set({ last_seen_at: new Date() }).execute();
      last = null;
      const res = await w.clients[b.who].get(urlOf(key, b));
      const tally = last as StatementTally | null;
      let rows: number | null = null;
      if (b.list && res.statusCode === 200) rows = b.list(JSON.parse(res.body)).length;
      measured.set(key, { platform: tally?.platform ?? -1, route: tally?.route ?? -1, status: res.statusCode, rows, statements: tally?.statements ?? [] });
    }
    const problems = [...measured].flatMap(([key, m]) => {
      const b = BUDGETS[key];
      if (!b) return [`${key}: no budget row (platform ${m.platform}, route ${m.route})`];
      const out: string[] = [];
      if (m.status !== 200) out.push(`${key}: answered ${m.status}`);
      if (b.list && (m.rows ?? 0) < 2) out.push(`${key}: the world gives the list ${m.rows ?? 0} rows, fewer than 2`);
      if (m.platform > b.platform) out.push(`${key}: ${m.platform} platform statements, budget ${b.platform}`);
      if (m.route > b.route) out.push(`${key}: ${m.route} route statements, budget ${b.route}:\n    ${m.statements.filter((s) => s.phase === 'route').map((s) => s.sql.slice(0, 160)).join('\n    ')}`);
      return out;
    });
    expect(problems).toEqual([]);
  }, 300_000);
});

