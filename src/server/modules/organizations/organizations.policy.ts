import { ROLES, type Role } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { OrganizationAction } from './organizations.schemas.ts';

/** An organization as authorization sees it. */
export interface OrganizationRecord {
  id: string;
  registrationDistrictId: string | null;
  serviceCommunityIds: string[];
  serviceStreetIds: string[];
}

const STAFF: readonly Role[] = ROLES.filter((r) => r !== 'resident');
const REGISTRARS = ['platform_admin', 'district_officer'] as const;

/**
 * The register of social organizations is public information, so reading it is not limited
 * to the reader's scope; residents read it too, but not the contact person. Changing it
 * belongs to the registration district; an organization keeps its own contacts up to date.
 */
export const organizationPolicy = definePolicy<OrganizationRecord, OrganizationAction>(
  'organizations.organization',
  (o) => ({
    districtId: o.registrationDistrictId,
    streetId: o.serviceStreetIds,
    communityId: o.serviceCommunityIds,
    organizationId: o.id,
  }),
  {
    read: { roles: ROLES, anyScope: true },
    read_contacts: { roles: STAFF, anyScope: true },
    create: REGISTRARS,
    update: REGISTRARS,
    update_contacts: [...REGISTRARS, 'org_admin'],
    reveal: ['platform_admin', 'district_officer', 'street_officer', 'community_admin', 'community_worker', 'org_admin'],
  },
);
