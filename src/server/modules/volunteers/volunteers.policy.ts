import type { Role } from '../../../common/roles.ts';
import type { ScopePath } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';

const OFFICERS: readonly Role[] = ['platform_admin', 'district_officer', 'street_officer'];
const COMMUNITY_STAFF: readonly Role[] = ['community_admin', 'community_worker'];

/** A volunteer as authorization sees it: their home community, the communities they serve, their own account. */
export interface VolunteerRecord {
  districtId: string;
  streetId: string;
  communityId: string;
  serviceCommunityIds: string[];
  userId: string | null;
}

const own = (actor: { userId: string }, r: { userId: string | null }) => r.userId !== null && r.userId === actor.userId;

/**
 * Officers and the staff of the communities a volunteer lives in or serves read them; the home
 * community registers and changes them. The volunteer acts for themself (signs up, claims
 * hours, redeems), and staff of the home community for one without a phone.
 */
export const volunteerPolicy = definePolicy<VolunteerRecord, 'read' | 'update' | 'act'>(
  'volunteers.volunteer',
  (r): ScopePath => ({ districtId: r.districtId, streetId: r.streetId, communityId: [r.communityId, ...r.serviceCommunityIds] }),
  {
    read: { roles: [...OFFICERS, ...COMMUNITY_STAFF], linked: own },
    update: { roles: COMMUNITY_STAFF, when: (_actor, r, a) => a.scopeId === r.communityId, linked: own },
    act: { roles: COMMUNITY_STAFF, when: (_actor, r, a) => a.scopeId === r.communityId, linked: own },
  },
);

/** Registering a volunteer in a community: its staff. */
export const volunteerRegisterPolicy = definePolicy<{ districtId: string; communityId: string }, 'register'>(
  'volunteers.register',
  (r) => r,
  { register: COMMUNITY_STAFF },
);

/** The district's star thresholds and points rate: read by anyone who works in the district, set by the district. */
export const volunteerSettingsPolicy = definePolicy<{ districtId: string }, 'read' | 'update'>('volunteers.settings', (r) => r, {
  read: { roles: [...OFFICERS, ...COMMUNITY_STAFF, 'grid_worker', 'social_worker', 'supervisor'], anyScope: true, when: (_actor, r, a) => a.scopeType === 'platform' || a.districtId === r.districtId },
  update: ['platform_admin', 'district_officer'],
});

/** A provider of the time bank: a partner shop of a community, or the community itself (no partner). */
export interface ProviderRecord {
  districtId: string;
  streetId: string;
  communityId: string;
  partnerId: string | null;
  /** The partner's clerks: the accounts that confirm its redemptions. */
  staffUserIds: string[];
}

const clerk = (actor: { userId: string }, r: ProviderRecord) => r.partnerId !== null && r.staffUserIds.includes(actor.userId);
const placeOf = (r: { districtId: string; streetId: string; communityId: string }): ScopePath => ({ districtId: r.districtId, streetId: r.streetId, communityId: r.communityId });

/**
 * The community's staff keep its partners and offers; a partner's clerks see their own shop.
 * A redemption is confirmed by whoever provides it: the clerks of a partner's offer, the
 * community's staff for the community's own.
 */
export const providerPolicy = definePolicy<ProviderRecord, 'read' | 'manage' | 'confirm'>('volunteers.provider', placeOf, {
  read: { roles: [...OFFICERS, ...COMMUNITY_STAFF], linked: clerk },
  manage: COMMUNITY_STAFF,
  confirm: { roles: COMMUNITY_STAFF, when: (_actor, r) => r.partnerId === null, linked: clerk },
});
