import { definePolicy } from '../../platform/authz/policy.ts';
import { HOUSEHOLD_EDITORS, HOUSEHOLD_READERS } from './household.policy.ts';
import { ownPath, type UnitScope } from './territory.reach.ts';

/**
 * District and street officers read the register with masked identifiers and without
 * sensitive tags; only the people who visit the household see those or reveal numbers.
 */
export const residentPolicy = definePolicy<UnitScope, 'read' | 'read_sensitive' | 'create' | 'update' | 'reveal'>(
  'territory.resident',
  ownPath,
  {
    read: HOUSEHOLD_READERS,
    read_sensitive: ['community_admin', 'community_worker', 'grid_worker', 'resident'],
    create: HOUSEHOLD_EDITORS,
    update: HOUSEHOLD_EDITORS,
    reveal: ['community_admin', 'community_worker', 'grid_worker'],
  },
);
