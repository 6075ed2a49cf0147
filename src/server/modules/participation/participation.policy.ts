import type { Role } from '../../../common/roles.ts';
import type { ScopePath } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';

const OFFICERS: readonly Role[] = ['platform_admin', 'district_officer', 'street_officer'];
const COMMUNITY_STAFF: readonly Role[] = ['community_admin', 'community_worker'];

/**
 * Community affairs (proposals, council topics, rounds) as authorization sees them: where they
 * lie, and the caller's own households in that place — residents take part in their own
 * community's affairs, so a resident's household assignment counts when it lies there.
 */
export interface CommunityAffair {
  districtId: string;
  streetId: string;
  /** Several for a street-wide round: every community of the street. */
  communityId: string | string[];
  /** The caller's households (resident assignments) that lie in this place, found by the service. */
  ownHouseholds: string[];
}

const pathOf = (r: CommunityAffair): ScopePath => ({ districtId: r.districtId, streetId: r.streetId, communityId: r.communityId, householdId: r.ownHouseholds });
const inScope = { roles: ['resident'] as Role[] };

/**
 * The thresholds, the quorum and the public board's naming: read by everyone who works there and
 * by the community's residents (a proposer reads how many supports take a proposal on), set by
 * the community's administrator.
 */
export const participationSettingsPolicy = definePolicy<CommunityAffair, 'read' | 'update'>('participation.settings', pathOf, {
  read: [...OFFICERS, ...COMMUNITY_STAFF, ...inScope.roles],
  update: ['community_admin'],
});

/**
 * Proposals: residents of the community read and support them, officers and staff read them;
 * the community's staff record proposals and supports for residents without a phone, and
 * decline what cannot go ahead.
 */
export const proposalPolicy = definePolicy<CommunityAffair, 'read' | 'read_names' | 'propose' | 'record' | 'decline'>('participation.proposal', pathOf, {
  read: [...OFFICERS, ...COMMUNITY_STAFF, ...inScope.roles],
  // residents read their neighbours as 孙某; the full name is for those who work with them
  read_names: [...OFFICERS, ...COMMUNITY_STAFF],
  propose: inScope.roles,
  record: COMMUNITY_STAFF,
  decline: COMMUNITY_STAFF,
});

/** The council: its papers are read by officers, staff and the community's residents; the community's staff keep them. */
export const councilPolicy = definePolicy<CommunityAffair, 'read' | 'read_names' | 'manage' | 'pool'>('participation.council', pathOf, {
  read: [...OFFICERS, ...COMMUNITY_STAFF, ...inScope.roles],
  read_names: [...OFFICERS, ...COMMUNITY_STAFF],
  manage: COMMUNITY_STAFF,
  // a decision that goes into the project pool becomes a common need: the administrator keeps those
  pool: ['community_admin'],
});

/**
 * Budget rounds: a community's staff run the community's rounds, a street's officer the
 * street's; residents of the place vote for their household and the community's staff record
 * assisted ballots (checked against the household's community: in a street round, their own
 * households only). Community staff read a street round that covers them.
 */
const runsRound = (r: { level: 'community' | 'street' }, a: { scopeType: string }) => (r.level === 'street' ? a.scopeType === 'street' : a.scopeType === 'community');
export const roundPolicy = definePolicy<CommunityAffair & { level: 'community' | 'street' }, 'read' | 'manage' | 'publish' | 'vote' | 'record_ballot'>('participation.round', pathOf, {
  read: [...OFFICERS, ...COMMUNITY_STAFF, ...inScope.roles],
  manage: { roles: ['street_officer', ...COMMUNITY_STAFF], when: (_actor, r, a) => runsRound(r, a) },
  // publishing puts the winners into the project pool as common needs: the administrator's or the street's call
  publish: { roles: ['street_officer', 'community_admin'], when: (_actor, r, a) => runsRound(r, a) },
  vote: inScope.roles,
  record_ballot: COMMUNITY_STAFF,
});

/** How engaged residents are, per grid: officers and the community's staff. */
export const engagementPolicy = definePolicy<{ districtId: string; streetId: string; communityId: string | string[] }, 'read'>('participation.engagement', (r) => r, {
  read: [...OFFICERS, ...COMMUNITY_STAFF],
});
