import { definePolicy } from '../../platform/authz/policy.ts';

/**
 * The parts of a person's workbench, by the work their role does. A part counts over the lists
 * it links to, which check their own read rules; the role's assignments say where it looks.
 */
export const workbenchPolicy = definePolicy<Record<string, never>, 'community' | 'care' | 'reported' | 'oversight' | 'resident'>(
  'workbench.part',
  () => ({}),
  {
    /** Triage, overdue, assigned to me, waiting for residents. */
    community: { roles: ['community_admin', 'community_worker'], anyScope: true },
    /** Care visits due in the grids one visits. */
    care: { roles: ['community_admin', 'community_worker', 'grid_worker'], anyScope: true },
    /** The needs one reported on visits, by state. */
    reported: { roles: ['grid_worker'], anyScope: true },
    /** The units below one's street or district: overdue and awaiting residents' confirmation. */
    oversight: { roles: ['street_officer', 'district_officer'], anyScope: true },
    /** What waits for the resident's word, and their open needs. */
    resident: { roles: ['resident'], anyScope: true },
  },
);
