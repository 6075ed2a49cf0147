import type { Role } from '../../../common/roles.ts';

/** Need states of DESIGN 3.5. */
export const NEED_STATES = [
  'reported',
  'accepted',
  'rejected',
  'merged',
  'pooled',
  'in_progress',
  'waiting',
  'referred',
  'resolved',
  'reopened',
  'closed',
] as const;
export type NeedState = (typeof NEED_STATES)[number];

export const NEED_ACTIONS = [
  'accept',
  'reject',
  'merge',
  'pool',
  'assign',
  'wait',
  'resume',
  'refer',
  'answer_referral',
  'resolve',
  'confirm',
  'dispute',
  'auto_confirm',
  'resolve_by_project',
  'resolve_by_case',
] as const;
export type NeedAction = (typeof NEED_ACTIONS)[number];

/** Every step a need's timeline can record: the actions above and what happens around them. */
export const TIMELINE_ACTIONS = [...NEED_ACTIONS, 'report', 'split', 'absorb', 'escalate', 'attach', 'open_case'] as const;
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];

/**
 * Who may act, beyond the role: the need's handler, the resident who reported it, or the
 * organization a need is referred to. The need policy checks the role's scope; these
 * relations are checked against the need itself.
 */
export type Party = 'handler' | 'reporter' | 'referral_target' | 'system';

export interface Transition {
  from: readonly NeedState[];
  action: NeedAction;
  to: NeedState;
  roles: readonly Role[];
  /** When set, the actor must also be this party of the need (roles listed still apply). */
  party?: Party;
  /** Fields the action requires, validated before the transition. */
  requires?: readonly ('reason' | 'duplicateOf' | 'handler' | 'expectedDate' | 'referralTarget' | 'outcome' | 'commonNeed' | 'answer' | 'rating')[];
}

const TRIAGERS: readonly Role[] = ['community_admin', 'community_worker'];
const HANDLERS: readonly Role[] = ['community_admin', 'community_worker', 'street_officer', 'district_officer'];

/** The lifecycle as data: one place says which action leads from which state to which. */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'accept', from: ['reported'], to: 'accepted', roles: TRIAGERS },
  { action: 'reject', from: ['reported'], to: 'rejected', roles: TRIAGERS, requires: ['reason'] },
  { action: 'merge', from: ['reported', 'accepted'], to: 'merged', roles: TRIAGERS, requires: ['duplicateOf'] },
  { action: 'pool', from: ['accepted'], to: 'pooled', roles: ['community_admin', 'street_officer', 'district_officer'], requires: ['commonNeed'] },
  { action: 'assign', from: ['accepted', 'reopened', 'in_progress'], to: 'in_progress', roles: ['community_admin', 'street_officer', 'district_officer'], requires: ['handler'] },
  { action: 'wait', from: ['in_progress'], to: 'waiting', roles: HANDLERS, party: 'handler', requires: ['reason', 'expectedDate'] },
  { action: 'resume', from: ['waiting'], to: 'in_progress', roles: HANDLERS, party: 'handler' },
  { action: 'refer', from: ['in_progress'], to: 'referred', roles: HANDLERS, party: 'handler', requires: ['referralTarget'] },
  { action: 'answer_referral', from: ['referred'], to: 'in_progress', roles: ['org_admin', 'community_admin', 'community_worker'], party: 'referral_target', requires: ['answer'] },
  { action: 'resolve', from: ['in_progress'], to: 'resolved', roles: HANDLERS, party: 'handler', requires: ['outcome'] },
  { action: 'confirm', from: ['resolved'], to: 'closed', roles: ['resident'], party: 'reporter', requires: ['rating'] },
  { action: 'dispute', from: ['resolved'], to: 'reopened', roles: ['resident'], party: 'reporter', requires: ['reason'] },
  { action: 'auto_confirm', from: ['resolved'], to: 'closed', roles: [], party: 'system' },
  // A pooled need is met by the project that answered it, once the project is accepted.
  { action: 'resolve_by_project', from: ['pooled'], to: 'resolved', roles: [], party: 'system' },
  // A need referred to an organization that opened a case for it is met when the case closes.
  { action: 'resolve_by_case', from: ['referred'], to: 'resolved', roles: [], party: 'system' },
];

export function transitionFor(state: NeedState, action: NeedAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(state));
}

/** Actions that can leave a state, whoever takes them. */
export function actionsFrom(state: NeedState): NeedAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(state)).map((t) => t.action);
}

/** States from which nothing but a new report continues the story. */
export const FINAL_STATES: readonly NeedState[] = ['rejected', 'merged', 'closed'];
