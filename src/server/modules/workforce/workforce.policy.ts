import type { Actor, Assignment } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { ScopeColumns } from '../../platform/authz/scope-filter.ts';
import type { SocialWorkerAction } from './workforce.schemas.ts';

/** A social worker as authorization sees it. */
export interface SocialWorkerRecord {
  districtId: string;
  streetIds: string[];
  communityIds: string[];
  employerType: 'organization' | 'community';
  employerOrganizationId: string | null;
  employerCommunityId: string | null;
}

/**
 * A community's administrator manages the social workers the community employs, not those an
 * organization sends to serve it (they only read them).
 */
const ownEmployee = (_actor: Actor, r: SocialWorkerRecord, a: Assignment) =>
  a.role !== 'community_admin' || (r.employerType === 'community' && r.employerCommunityId === a.scopeId);

const MANAGERS = ['district_officer', 'org_admin', 'community_admin'] as const;

export const socialWorkerPolicy = definePolicy<SocialWorkerRecord, SocialWorkerAction>(
  'workforce.social_worker',
  (r) => ({
    districtId: r.districtId,
    streetId: r.streetIds,
    communityId: r.employerCommunityId ? [...r.communityIds, r.employerCommunityId] : r.communityIds,
    organizationId: r.employerOrganizationId,
  }),
  {
    read: [
      'platform_admin',
      'district_officer',
      'street_officer',
      'community_admin',
      'community_worker',
      'org_admin',
      'supervisor',
      'social_worker',
    ],
    create: { roles: MANAGERS, when: ownEmployee },
    update: { roles: MANAGERS, when: ownEmployee },
    reveal: { roles: ['org_admin', 'district_officer', 'community_admin'], when: ownEmployee },
  },
);

/** The same scope path as columns, for list queries: served communities, then the employer. */
export const SERVED_COLUMNS: ScopeColumns = {
  district: 'district_id',
  street: { array: 'street_ids' },
  community: { array: 'community_ids' },
  organization: 'employer_organization_id',
};
export const EMPLOYER_COLUMNS: ScopeColumns = { district: 'district_id', community: 'employer_community_id' };
