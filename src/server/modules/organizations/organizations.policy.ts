import { ROLES, type Role } from '../../../common/roles.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CreditAction } from './organizations.credit.schemas.ts';
import type { OrganizationAction } from './organizations.schemas.ts';

/** An organization as authorization sees it. */
export interface OrganizationRecord {
  id: string;
  registrationDistrictId: string | null;
  serviceCommunityIds: string[];
  serviceStreetIds: string[];
}

function scopeOf(o: OrganizationRecord) {
  return {
    districtId: o.registrationDistrictId,
    streetId: o.serviceStreetIds,
    communityId: o.serviceCommunityIds,
    organizationId: o.id,
  };
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
  scopeOf,
  {
    read: { roles: ROLES, anyScope: true },
    read_contacts: { roles: STAFF, anyScope: true },
    create: REGISTRARS,
    update: REGISTRARS,
    update_contacts: [...REGISTRARS, 'org_admin'],
    reveal: ['platform_admin', 'district_officer', 'street_officer', 'community_admin', 'community_worker', 'org_admin'],
  },
);

/**
 * An organization's credit. Whether it is on the activity-abnormal or the serious-dishonesty
 * list is public information, so everyone who reads the register sees it. The credit records
 * (annual reports, inspections, penalties, awards) are read by the registering authority, by
 * the streets and communities the organization serves (they buy its services) and by the
 * organization itself; a penalty's internal notes by the registering authority only. Only the
 * registering authority records credit, repairs entries and answers objections; the
 * organization lodges objections against its own entries.
 */
export const creditPolicy = definePolicy<OrganizationRecord, CreditAction>('organizations.credit', scopeOf, {
  read_lists: { roles: ROLES, anyScope: true },
  read_records: [...REGISTRARS, 'street_officer', 'community_admin', 'org_admin'],
  read_notes: REGISTRARS,
  add_record: REGISTRARS,
  add_list_entry: REGISTRARS,
  repair: REGISTRARS,
  answer_objection: REGISTRARS,
  lodge_objection: ['org_admin'],
});
