import { definePolicy } from '../../platform/authz/policy.ts';
import { ownPath, type UnitScope } from './territory.reach.ts';

/** Bulk import of a community's register: its own staff only (grid codes must be its grids). */
export const importPolicy = definePolicy<UnitScope, 'residents'>('territory.import', ownPath, {
  residents: ['community_admin', 'community_worker'],
});
