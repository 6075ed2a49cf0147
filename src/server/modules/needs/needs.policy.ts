import type { Role } from '../../../common/roles.ts';
import { covers, type Actor, type Assignment, type ScopePath } from '../../platform/authz/actor.ts';
import { definePolicy, type Rule } from '../../platform/authz/policy.ts';
import { TRANSITIONS, type NeedAction, type NeedState, type Party } from './needs.lifecycle.ts';

/** A need as authorization sees it: its place, and who it is related to. */
export interface NeedRecord {
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  householdId: string | null;
  state: NeedState;
  handlerUserId: string | null;
  reporterUserId: string | null;
  referralOrgId: string | null;
  followerIds: string[];
}

/** Transitions offered through the API; the system's (`party: 'system'`: the auto-confirm job, a project's acceptance) are not. */
export const API_ACTIONS = TRANSITIONS.filter((t) => t.party !== 'system').map((t) => t.action) as Exclude<NeedAction, 'auto_confirm' | 'resolve_by_project' | 'resolve_by_case'>[];
export type ApiAction = (typeof API_ACTIONS)[number];
export type NeedPolicyAction = 'read' | 'read_internal' | 'create' | ApiAction;

export const NEED_READERS: readonly Role[] = [
  'district_officer',
  'street_officer',
  'community_admin',
  'community_worker',
  'grid_worker',
  'org_admin',
  'resident',
];
export const NEED_REPORTERS: readonly Role[] = ['community_admin', 'community_worker', 'grid_worker'];

const pathOf = (r: NeedRecord): ScopePath => ({
  districtId: r.districtId,
  streetId: r.streetId,
  communityId: r.communityId,
  gridId: r.gridId,
  householdId: r.householdId,
  organizationId: r.referralOrgId,
});

function isParty(party: Party | undefined, actor: Actor, r: NeedRecord, a: Assignment): boolean {
  switch (party) {
    case undefined:
      return true;
    case 'handler':
      return r.handlerUserId === actor.userId;
    // A resident account bound to the need's household speaks for it, whoever recorded the need.
    case 'reporter':
      return r.reporterUserId === actor.userId || (a.role === 'resident' && r.householdId !== null && covers(a, pathOf(r)));
    // An organization answers its own referrals; community staff record a department's answer.
    case 'referral_target':
      return r.referralOrgId ? a.role === 'org_admin' : a.role !== 'org_admin';
    case 'system':
      return false;
  }
}

const transitionRules = Object.fromEntries(
  TRANSITIONS.filter((t) => (API_ACTIONS as string[]).includes(t.action)).map((t): [string, Rule<NeedRecord>] => [
    t.action,
    {
      roles: t.roles,
      // The reporter confirms wherever they live now; the need's place does not matter to them.
      anyScope: t.party === 'reporter',
      when: (actor, r, a) => isParty(t.party, actor, r, a),
    },
  ]),
) as Record<ApiAction, Rule<NeedRecord>>;

/**
 * Staff read the needs of their territory, an organization the needs referred to it, a
 * resident those of their household and those they reported or follow (after a merge).
 */
export const needPolicy = definePolicy<NeedRecord, NeedPolicyAction>('needs.need', pathOf, {
  read: {
    roles: NEED_READERS,
    anyScope: true,
    when: (actor, r, a) =>
      covers(a, pathOf(r)) ||
      (a.role === 'resident' && (r.reporterUserId === actor.userId || r.followerIds.includes(actor.userId))),
  },
  // Staff's internal notes are read by staff whose scope covers the need (an organization by
  // the referral); a resident reading by their relation to the need reads replies only.
  read_internal: NEED_READERS.filter((r) => r !== 'resident'),
  create: [...NEED_REPORTERS, 'resident'],
  ...transitionRules,
});

/** Per-district settings: categories and auto-confirmation belong to the district office. */
export const needCategoryPolicy = definePolicy<{ districtId: string }, 'read' | 'create' | 'update'>(
  'needs.category',
  (c) => ({ districtId: c.districtId }),
  {
    read: { roles: [...NEED_READERS, 'platform_admin'], anyScope: true },
    create: ['district_officer'],
    update: ['district_officer'],
  },
);

export const needSettingsPolicy = definePolicy<{ districtId: string }, 'read' | 'update'>(
  'needs.settings',
  (c) => ({ districtId: c.districtId }),
  { read: ['district_officer', 'street_officer', 'community_admin'], update: ['district_officer'] },
);

/** The working-day calendar is national: one for every district, kept by the platform admin. */
export const calendarPolicy = definePolicy<Record<string, never>, 'read' | 'update'>('needs.calendar', () => ({}), {
  read: { roles: [...NEED_READERS, 'platform_admin'], anyScope: true },
  update: ['platform_admin'],
});
