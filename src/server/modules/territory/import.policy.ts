import { definePolicy } from '../../platform/authz/policy.ts';
import { ownPath, type UnitScope } from './territory.reach.ts';

/** Bulk import of a community's register: its own staff only (grid codes must be its grids). */
export const importPolicy = definePolicy<UnitScope, 'residents'>('territory.import', ownPath, {
  residents: ['community_admin', 'community_worker'],
});

/**
 * The words a district's registers use for tags are the district's setting: its officers keep
 * them, and everyone who imports into the district reads them.
 */
export const tagSynonymPolicy = definePolicy<UnitScope, 'update'>('territory.tag_synonyms', ownPath, {
  update: ['platform_admin', 'district_officer'],
});

/**
 * A register as a spreadsheet, for whoever reads the unit's residents. It is the whole unit at
 * once, so the unit's own staff export it; full numbers need the reveal right on top (checked
 * with residentPolicy where the export is made).
 */
export const exportPolicy = definePolicy<UnitScope, 'register'>('territory.export', ownPath, {
  register: ['district_officer', 'street_officer', 'community_admin', 'community_worker', 'grid_worker'],
});
