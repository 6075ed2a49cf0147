import type { Role } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz/policy.ts';

/** Where a visit (or the grid a coverage report is about) sits in the territory. */
export interface VisitPlace {
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  householdId?: string | null;
}

export const VISIT_RECORDERS: readonly Role[] = ['grid_worker', 'community_admin', 'community_worker'];
export const VISIT_READERS: readonly Role[] = [...VISIT_RECORDERS, 'street_officer', 'district_officer'];

/**
 * A grid worker records visits in their own grids and community staff anywhere in their
 * community; street and district officers follow the visit log and coverage but do not write it.
 */
export const visitPolicy = definePolicy<VisitPlace, 'read' | 'create'>(
  'visits.visit',
  (p) => ({ districtId: p.districtId, streetId: p.streetId, communityId: p.communityId, gridId: p.gridId, householdId: p.householdId ?? null }),
  { read: VISIT_READERS, create: VISIT_RECORDERS },
);

/** resident_tags is one national reference table, so its care intervals belong to the platform admin. */
export const residentTagPolicy = definePolicy<Record<string, never>, 'update'>('visits.resident_tag', () => ({}), {
  update: ['platform_admin'],
});
