import type { Role } from '../../../common/roles.ts';
import { covers, type Assignment, type ScopePath } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';

/** An activity as authorization sees it: where it happens, who organizes it, who staffs it. */
export interface ActivityRecord {
  districtId: string;
  streetId: string;
  communityId: string;
  /** Null for the community's own activities. */
  organizationId: string | null;
  /** Users behind the social workers staffing it. */
  staffUserIds: string[];
}

const pathOf = (r: ActivityRecord): ScopePath => ({ districtId: r.districtId, streetId: r.streetId, communityId: r.communityId, organizationId: r.organizationId });

/** Officers and community staff by place; the organizer's people by organization. */
export const ACTIVITY_READERS: readonly Role[] = ['district_officer', 'street_officer', 'community_admin', 'community_worker', 'org_admin', 'supervisor', 'social_worker'];
const ORGANIZERS: readonly Role[] = ['org_admin', 'social_worker', 'community_admin', 'community_worker'];

/** An organization's activity is run by its administrator and social workers; a community's by its staff. */
const organizes = (r: ActivityRecord, a: Assignment) => (r.organizationId ? a.scopeType === 'organization' : a.scopeType === 'community');

/**
 * Readers see the activity with its roster (names of those registered, nothing more). The
 * organizer creates and cancels it; its staff — and the organizer — sign attendance at the door.
 */
export const activityPolicy = definePolicy<ActivityRecord, 'read' | 'manage' | 'sign_attendance'>('services.activity', pathOf, {
  read: ACTIVITY_READERS,
  manage: { roles: ORGANIZERS, when: (_actor, r, a) => organizes(r, a) },
  sign_attendance: {
    roles: [...ORGANIZERS, 'supervisor'],
    anyScope: true,
    when: (actor, r, a) => r.staffUserIds.includes(actor.userId) || (covers(a, pathOf(r)) && a.role !== 'supervisor' && organizes(r, a)),
  },
});

/** A resident's household, as the resident's own actions on activities see it. */
export interface ParticipantRecord {
  districtId: string;
  householdId: string;
}

/** Residents register, sign themselves in and rate for the members of their own household. */
export const participantPolicy = definePolicy<ParticipantRecord, 'take_part'>('services.participant', (r) => ({ districtId: r.districtId, householdId: r.householdId }), {
  take_part: ['resident'],
});
