/** Two separate territory trees for tests: everything in tree A, and the same again in tree B. */
import { newId } from '../../platform/db/ids.ts';
import type { Role } from '../../../common/roles.ts';
import type { Grant, TestApp } from '../../testing.ts';
import {
  buildBuilding,
  buildCommunity,
  buildDistrict,
  buildGrid,
  buildHousehold,
  buildResident,
  buildStreet,
} from './testing.ts';

export async function buildTree(t: TestApp) {
  const district = await buildDistrict(t.db);
  const street = await buildStreet(t.db, { district });
  const community = await buildCommunity(t.db, { street });
  const grid = await buildGrid(t.db, { community });
  const building = await buildBuilding(t.db, { grid });
  const household = await buildHousehold(t.db, { grid, building });
  const resident = await buildResident(t.db, t.platform.pii, { household, tags: ['elderly_alone', 'low_income'] });
  return { district, street, community, grid, building, household, resident };
}
export type Tree = Awaited<ReturnType<typeof buildTree>>;

/** The natural scope of a role inside a tree (organization roles get an organization). */
export function grantIn(role: Role, tree: Tree): Grant {
  const d = tree.district.id;
  switch (role) {
    case 'platform_admin':
      return { role, scopeType: 'platform' };
    case 'district_officer':
      return { role, scopeType: 'district', scopeId: d, districtId: d };
    case 'street_officer':
    case 'reviewer':
      return { role, scopeType: 'street', scopeId: tree.street.id, districtId: d };
    case 'community_admin':
    case 'community_worker':
    case 'social_worker':
      return { role, scopeType: 'community', scopeId: tree.community.id, districtId: d };
    case 'grid_worker':
      return { role, scopeType: 'grid', scopeId: tree.grid.id, districtId: d };
    case 'resident':
      return { role, scopeType: 'household', scopeId: tree.household.id, districtId: d };
    case 'org_admin':
    case 'supervisor':
    case 'evaluator':
      return { role, scopeType: 'organization', scopeId: newId(), districtId: null };
  }
}
