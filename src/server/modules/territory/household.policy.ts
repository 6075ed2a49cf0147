import { definePolicy } from '../../platform/authz/policy.ts';
import { ownPath, type UnitScope } from './territory.reach.ts';

export const HOUSEHOLD_READERS = [
  'district_officer',
  'street_officer',
  'community_admin',
  'community_worker',
  'grid_worker',
  'resident',
] as const;
export const HOUSEHOLD_EDITORS = ['community_admin', 'community_worker', 'grid_worker'] as const;

/**
 * The household register is personal data: the platform admin runs the install but does not
 * read it; a resident reads their own household only. A move is authorized on both grids.
 */
export const householdPolicy = definePolicy<UnitScope, 'read' | 'create' | 'update'>('territory.household', ownPath, {
  read: HOUSEHOLD_READERS,
  create: HOUSEHOLD_EDITORS,
  update: HOUSEHOLD_EDITORS,
});
