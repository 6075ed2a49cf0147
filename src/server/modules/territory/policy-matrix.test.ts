import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../common/roles.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { clientAs, createTestApp, type TestApp } from '../../testing.ts';
import { buildingPolicy } from './building.policy.ts';
import { communityPolicy } from './community.policy.ts';
import { districtPolicy } from './district.policy.ts';
import { buildingScope, gridScope } from './grids.service.ts';
import { gridPolicy } from './grid.policy.ts';
import { householdPolicy } from './household.policy.ts';
import { importPolicy } from './import.policy.ts';
import { residentPolicy } from './resident.policy.ts';
import { residentScope } from './resident.fields.ts';
import { streetPolicy } from './street.policy.ts';
import * as structure from './structure.store.ts';
import * as register from './register.store.ts';
import { buildTree, grantIn, type Tree } from './test-world.ts';
import { reachOf } from './territory.reach.ts';
import { communityScope, districtScope, streetScope } from './units.service.ts';
import type { Viewer } from './territory.viewer.ts';

/** Everyone placed in the territory reads the units around them; organization roles do not. */
const PLACED: Role[] = [
  'platform_admin',
  'district_officer',
  'street_officer',
  'community_admin',
  'community_worker',
  'grid_worker',
  'social_worker',
  'reviewer',
  'resident',
];
const REGISTER_READERS: Role[] = ['district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker', 'resident'];
const EDITORS: Role[] = ['community_admin', 'community_worker', 'grid_worker'];

/** policy → action → roles allowed in scope. Out of scope, nobody is (platform scope has no outside). */
const MATRIX: Record<string, Record<string, Role[]>> = {
  district: { read: PLACED, create: ['platform_admin'], update: ['platform_admin'] },
  street: { read: PLACED, create: ['platform_admin', 'district_officer'], update: ['platform_admin', 'district_officer'] },
  community: {
    read: PLACED,
    create: ['platform_admin', 'district_officer', 'street_officer'],
    update: ['platform_admin', 'district_officer', 'street_officer'],
    update_service_center: ['platform_admin', 'district_officer', 'street_officer', 'community_admin'],
  },
  grid: {
    read: PLACED,
    create: ['district_officer', 'street_officer', 'community_admin'],
    update: ['district_officer', 'street_officer', 'community_admin'],
  },
  building: { read: PLACED, create: EDITORS, update: EDITORS },
  household: { read: REGISTER_READERS, create: EDITORS, update: EDITORS },
  resident: {
    read: REGISTER_READERS,
    read_sensitive: [...EDITORS, 'resident'],
    create: EDITORS,
    update: EDITORS,
    reveal: EDITORS,
  },
  import: { residents: ['community_admin', 'community_worker'] },
};

let t: TestApp;
let a: Tree;
let b: Tree;
beforeAll(async () => {
  t = await createTestApp();
  a = await buildTree(t);
  b = await buildTree(t);
});
afterAll(() => t.close());

async function viewer(role: Role, tree: Tree): Promise<Viewer> {
  const g = grantIn(role, tree);
  const actor: Actor = {
    userId: 'u',
    username: 'u',
    displayName: 'u',
    locale: 'zh-CN',
    sessionId: 's',
    csrfToken: 'c',
    assignments: [{ role, scopeType: g.scopeType, scopeId: g.scopeId ?? null, districtId: g.districtId ?? null }],
  };
  return { actor, reaches: await reachOf(t.db, actor.assignments) };
}

/** Which actions each policy allows the viewer on tree A's records, loaded the way the routes load them. */
async function allowed(v: Viewer): Promise<Record<string, string[]>> {
  const district = (await structure.loadDistrict(t.db, a.district.id))!;
  const street = (await structure.loadStreet(t.db, a.street.id))!;
  const community = (await structure.loadCommunity(t.db, a.community.id))!;
  const grid = (await structure.loadGrid(t.db, a.grid.id, null))!;
  const building = (await structure.loadBuilding(t.db, a.building.id, null))!;
  const household = (await register.loadHousehold(t.db, a.household.id, null))!;
  const resident = (await register.loadResident(t.db, a.resident.id, null))!;
  const hh = residentScope({ ...household, household_id: household.id });
  return {
    district: districtPolicy.allowedActions(v.actor, districtScope(v, district)),
    street: streetPolicy.allowedActions(v.actor, streetScope(v, street)),
    community: communityPolicy.allowedActions(v.actor, communityScope(v, community)),
    grid: gridPolicy.allowedActions(v.actor, gridScope(v, grid)),
    building: buildingPolicy.allowedActions(v.actor, buildingScope(v, building)),
    household: householdPolicy.allowedActions(v.actor, hh),
    resident: residentPolicy.allowedActions(v.actor, residentScope(resident)),
    import: importPolicy.allowedActions(v.actor, communityScope(v, community)),
  };
}

const expected = (role: Role, inScope: boolean) =>
  Object.fromEntries(
    Object.entries(MATRIX).map(([policy, actions]) => [
      policy,
      Object.entries(actions)
        .filter(([, roles]) => roles.includes(role) && (inScope || role === 'platform_admin'))
        .map(([action]) => action),
    ]),
  );

describe('territory policy matrix: every role × every action', () => {
  it('lists every action of every territory policy', () => {
    const policies = [districtPolicy, streetPolicy, communityPolicy, gridPolicy, buildingPolicy, householdPolicy, residentPolicy, importPolicy];
    for (const p of policies) expect([...p.actions].sort()).toEqual(Object.keys(MATRIX[p.name.replace('territory.', '')]!).sort());
  });

  for (const role of ROLES) {
    it(`${role} in scope`, async () => {
      expect(await allowed(await viewer(role, a))).toEqual(expected(role, true));
    });
    it(`${role} out of scope`, async () => {
      expect(await allowed(await viewer(role, b))).toEqual(expected(role, false));
    });
  }

  it('the HTTP reads answer 200 exactly where the matrix allows reading, else 404', async () => {
    const urls: [string, string][] = [
      ['district', `/api/v1/districts/${a.district.id}`],
      ['street', `/api/v1/streets/${a.street.id}`],
      ['community', `/api/v1/communities/${a.community.id}`],
      ['grid', `/api/v1/grids/${a.grid.id}`],
      ['building', `/api/v1/buildings/${a.building.id}`],
      ['household', `/api/v1/households/${a.household.id}`],
      ['resident', `/api/v1/residents/${a.resident.id}`],
    ];
    for (const role of ROLES) {
      for (const [tree, inScope] of [[a, true], [b, false]] as const) {
        const c = await clientAs(t, [grantIn(role, tree)]);
        for (const [policy, url] of urls) {
          const may = MATRIX[policy]!.read!.includes(role) && (inScope || role === 'platform_admin');
          const res = await c.get(url);
          expect([role, inScope, policy, res.statusCode]).toEqual([role, inScope, policy, may ? 200 : 404]);
        }
      }
    }
  });
});
