/**
 * The workbench on a fixed fixture: per role, each count written out from the fixture below,
 * and each equal to the length of the list it links to, read through that list's own route as
 * the same person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.ts';
import { clientAs, createTestApp, type Page, type TestApp } from '../../testing.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from '../needs/needs.testing.ts';
import type { NeedView } from '../needs/needs.schemas.ts';
import { buildCommunity, buildGrid, buildHousehold, buildResident, buildStreet, type GridRef, type HouseholdRef } from '../territory/testing.ts';
import type { Workbench } from './workbench.schemas.ts';

type Client = Awaited<ReturnType<typeof clientAs>>;

let t: TestApp;
let w: NeedWorld;
let g2: GridRef; // a second grid of the community
let g3: GridRef; // a grid of a second community of the street
let g4: GridRef; // a grid of a second street of the district
let h2: HouseholdRef;
let h3: HouseholdRef;
let h4: HouseholdRef;
const who: Record<'admin' | 'worker' | 'gridWorker' | 'street' | 'district' | 'resident' | 'orgAdmin' | 'evaluator', Client> = {} as never;

const past = new Date(Date.now() - 2 * 24 * 3600_000);
const future = new Date(Date.now() + 7 * 24 * 3600_000);
const overdue = { triage_due_at: past, resolve_due_at: past };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  const d = w.district.id;
  g2 = await buildGrid(t.db, { community: w.community });
  const c2 = await buildCommunity(t.db, { street: w.street });
  g3 = await buildGrid(t.db, { community: c2 });
  const s2 = await buildStreet(t.db, { district: w.district });
  const c3 = await buildCommunity(t.db, { street: s2 });
  g4 = await buildGrid(t.db, { community: c3 });
  h2 = await buildHousehold(t.db, { grid: g2 });
  h3 = await buildHousehold(t.db, { grid: g3 });
  h4 = await buildHousehold(t.db, { grid: g4 });

  who.admin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: w.community.id, districtId: d }]);
  who.worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: d }]);
  who.gridWorker = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: d }]);
  who.street = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: w.street.id, districtId: d }]);
  who.district = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d, districtId: d }]);
  who.resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: d }]);
  who.orgAdmin = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: newId(), districtId: null }]);
  who.evaluator = await clientAs(t, [{ role: 'evaluator', scopeType: 'organization', scopeId: newId(), districtId: null }]);

  const admin = who.admin.user.id;
  const gw = who.gridWorker.user.id;
  const res = who.resident.user.id;
  const place = (g: GridRef, h: HouseholdRef) => ({ grid_id: g.id, community_id: g.communityId, street_id: g.streetId, household: h });
  const nb = w.neighbour;
  // Community C (grids G1 = w.grid, G2), street S, district D.
  await buildNeed(t.db, w, { state: 'reported', triage_due_at: future, recorded_by_user_id: gw }); //   1 G1, the resident's household
  await buildNeed(t.db, w, { ...place(g2, h2), state: 'reported', ...overdue }); //                       2 G2, overdue
  await buildNeed(t.db, w, { household: nb, state: 'in_progress', handler_user_id: admin }); //          3 G1
  await buildNeed(t.db, w, { household: nb, state: 'in_progress', handler_user_id: admin, ...overdue }); // 4 G1, overdue
  await buildNeed(t.db, w, { household: nb, state: 'waiting', handler_user_id: admin, ...overdue }); //  5 G1, waiting runs no limit
  await buildNeed(t.db, w, { ...place(g2, h2), state: 'in_progress', handler_user_id: who.worker.user.id }); // 6 G2
  await buildNeed(t.db, w, { state: 'resolved', handler_user_id: admin }); //                              7 G1, the resident's household
  await buildNeed(t.db, w, { household: nb, state: 'resolved', handler_user_id: admin }); //              8 G1, the neighbour's
  await buildNeed(t.db, w, { household: nb, state: 'closed', handler_user_id: admin, ...overdue }); //    9 G1, finished
  await buildNeed(t.db, w, { state: 'resolved', recorded_by_user_id: gw }); //                              10 G1, the resident's household
  await buildNeed(t.db, w, { household: nb, state: 'accepted', recorded_by_user_id: gw }); //              11 G1
  await buildNeed(t.db, w, { ...place(g2, h2), state: 'accepted', recorded_by_user_id: gw }); //           12 G2: outside the grid worker's grid now
  // Community C2 (grid G3) of street S.
  await buildNeed(t.db, w, { ...place(g3, h3), state: 'reported', ...overdue }); //                       13 overdue
  const followed = await buildNeed(t.db, w, { ...place(g3, h3), state: 'resolved' }); //                   14 the resident follows it (after a merge)
  await buildNeed(t.db, w, { ...place(g3, h3), state: 'resolved', source: 'resident', reporter_user_id: res }); // 15 the resident reported it
  await buildNeed(t.db, w, { ...place(g3, h3), state: 'in_progress', source: 'resident', reporter_user_id: res }); // 16 the resident reported it
  // Street S2 (community C3, grid G4).
  await buildNeed(t.db, w, { ...place(g4, h4), state: 'in_progress', ...overdue }); //                    17 overdue
  await buildNeed(t.db, w, { ...place(g4, h4), state: 'resolved' }); //                                    18
  await t.db.insertInto('need_followers').values({ district_id: d, need_id: followed, user_id: res }).execute();

  // Care visits: elderly_alone every 7 days, veteran every 90, low_income (sensitive) every 30.
  const member = await buildResident(t.db, t.platform.pii, { household: w.household, tags: ['elderly_alone'] }); // G1, never visited
  const veteran = await buildResident(t.db, t.platform.pii, { household: nb, tags: ['veteran'] }); //                 G1, visited 10 days ago
  await buildResident(t.db, t.platform.pii, { household: h2, tags: ['low_income'] }); //                              G2, never visited
  await buildResident(t.db, t.platform.pii, { household: h2, tags: ['elderly_alone'], status: 'moved_out' }); //     G2, moved out
  await buildResident(t.db, t.platform.pii, { household: h3, tags: ['elderly_alone'] }); //                           G3, another community
  await t.db
    .insertInto('visits')
    .values({
      district_id: d, id: newId(), household_id: nb.id, resident_id: veteran.id, street_id: w.street.id, community_id: w.community.id,
      grid_id: w.grid.id, worker_user_id: gw, kind: 'routine', visited_at: new Date(Date.now() - 10 * 24 * 3600_000), notes: '', findings: '',
    } as never)
    .execute();
  void member;
});
afterAll(() => t.close());

const bench = async (c: Client) => {
  const res = await c.get('/api/v1/me/workbench');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Workbench>();
};

/** Every page of GET /needs for a query, as the client reads it. */
async function needs(c: Client, query: string): Promise<NeedView[]> {
  const all: NeedView[] = [];
  let cursor: string | null = null;
  do {
    const res = await c.get(`/api/v1/needs?limit=2&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<Page<NeedView>>();
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

const worklistTotal = async (c: Client, gridId: string) => {
  const res = await c.get(`/api/v1/visit-worklist?gridId=${gridId}`);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<{ total: number; items: unknown[] }>();
  expect(body.items).toHaveLength(body.total);
  return body.total;
};

describe('the workbench of community staff', () => {
  it('counts triage, overdue, assigned to me and waiting for residents in the community, as the linked lists hold them', async () => {
    const expected = {
      admin: { triage: 2, overdue: 2, assignedToMe: 3, awaitingResidents: 3 },
      worker: { triage: 2, overdue: 2, assignedToMe: 1, awaitingResidents: 3 },
    };
    for (const role of ['admin', 'worker'] as const) {
      const c = who[role];
      const b = await bench(c);
      expect(b.community, role).toEqual(expected[role]);
      expect(b.community!.triage).toBe((await needs(c, 'state=reported')).length);
      expect(b.community!.overdue).toBe((await needs(c, 'overdue=true')).length);
      expect(b.community!.assignedToMe).toBe((await needs(c, `handlerUserId=${c.user.id}&open=true`)).length);
      expect(b.community!.awaitingResidents).toBe((await needs(c, 'state=resolved')).length);
      expect(b).not.toHaveProperty('oversight');
      expect(b).not.toHaveProperty('resident');
      expect(b.otherRoles).toEqual([]);
    }
  });

  it('counts the care visits due per grid of the community, sensitive tags included, as each grid\'s worklist holds them', async () => {
    const b = await bench(who.admin);
    const byGrid = Object.fromEntries((b.care ?? []).map((g) => [g.gridId, g.due]));
    expect(byGrid).toEqual({ [w.grid.id]: 1, [g2.id]: 1 });
    expect(byGrid[w.grid.id]).toBe(await worklistTotal(who.admin, w.grid.id));
    expect(byGrid[g2.id]).toBe(await worklistTotal(who.admin, g2.id));
    expect(b.care!.find((g) => g.gridId === g2.id)!.gridName).toContain(g2.name);
  });
});

describe('the workbench of a grid worker', () => {
  it('counts the care visits due in their grid only', async () => {
    const b = await bench(who.gridWorker);
    expect(b.care).toEqual([{ gridId: w.grid.id, gridName: expect.stringContaining(w.grid.name) as string, due: 1 }]);
    expect(b.care![0]!.due).toBe(await worklistTotal(who.gridWorker, w.grid.id));
  });

  it('gives the needs they recorded by state, those they may still read, as the linked lists hold them', async () => {
    const b = await bench(who.gridWorker);
    expect(b.reported).toEqual([
      { state: 'reported', count: 1 },
      { state: 'accepted', count: 1 },
      { state: 'resolved', count: 1 },
    ]);
    for (const r of b.reported!) {
      expect(r.count).toBe((await needs(who.gridWorker, `recordedByUserId=${who.gridWorker.user.id}&state=${r.state}`)).length);
    }
    expect(b).not.toHaveProperty('community');
  });
});

describe('the workbench of street and district officers', () => {
  it('a street officer sees each community of the street with overdue needs and needs awaiting residents', async () => {
    const b = await bench(who.street);
    const c2 = g3.communityId;
    expect(b.oversight!.map((u) => [u.level, u.unitId, u.overdue, u.awaitingResidents])).toEqual([
      ['community', w.community.id, 2, 3],
      ['community', c2, 1, 2],
    ]);
    for (const u of b.oversight!) {
      expect(u.overdue).toBe((await needs(who.street, `communityId=${u.unitId}&overdue=true`)).length);
      expect(u.awaitingResidents).toBe((await needs(who.street, `communityId=${u.unitId}&state=resolved`)).length);
    }
    expect(b).not.toHaveProperty('care');
  });

  it('a district officer sees each street of the district', async () => {
    const b = await bench(who.district);
    const s2 = g4.streetId;
    expect(b.oversight!.map((u) => [u.level, u.unitId, u.overdue, u.awaitingResidents])).toEqual([
      ['street', w.street.id, 3, 5],
      ['street', s2, 1, 1],
    ]);
    for (const u of b.oversight!) {
      expect(u.overdue).toBe((await needs(who.district, `streetId=${u.unitId}&overdue=true`)).length);
      expect(u.awaitingResidents).toBe((await needs(who.district, `streetId=${u.unitId}&state=resolved`)).length);
    }
  });
});

describe('the workbench of a resident', () => {
  it('counts what waits for their word (their household\'s and what they reported, not what they only follow) and their open needs', async () => {
    const b = await bench(who.resident);
    expect(b.resident).toEqual({ awaitingYou: 3, open: 2 });
    const mine = await needs(who.resident, '');
    expect(b.resident!.awaitingYou).toBe(mine.filter((n) => n.allowedActions.includes('confirm')).length);
    expect(b.resident!.open).toBe((await needs(who.resident, 'open=true')).length);
    expect(b).not.toHaveProperty('community');
    expect(b).not.toHaveProperty('care');
  });
});

describe('roles whose work is not built yet', () => {
  it('get no counts, only the roles the web describes in a line', async () => {
    for (const [role, c] of [['org_admin', who.orgAdmin], ['evaluator', who.evaluator]] as const) {
      const b = await bench(c);
      expect(b).toEqual({ otherRoles: [role] });
    }
  });

  it('answers 401 to someone not signed in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/workbench' });
    expect(res.statusCode).toBe(401);
  });
});
