import type { Role } from '../../../common/roles.ts';
import type { ProjectStatus } from './projects.tables.ts';

export type ProjectAction =
  | 'submit' | 'approve' | 'return' | 'cancel'
  | 'open_call' | 'close_call' | 'withdraw_call' | 'publicize' | 'contract'
  | 'start_delivery' | 'start_midterm' | 'pass_midterm' | 'rectify' | 'fail_midterm'
  | 'start_final' | 'accept' | 'accept_with_conditions' | 'fail' | 'close' | 'terminate';

/**
 * Who may act, beyond the role. `origin`: an officer or community admin whose unit the project
 * is about (the units of its common needs). `funder`: an officer of the purchasing unit — the
 * district office for a district purchase, the street office for a street purchase.
 * `evaluator`/`contractor`: the evaluator assigned to it, the organization holding its contract
 * (later parts).
 */
export type Party = 'origin' | 'funder' | 'evaluator' | 'contractor';

export interface ProjectTransition {
  action: ProjectAction;
  from: readonly ProjectStatus[];
  to: ProjectStatus;
  roles: readonly Role[];
  party: Party;
  /** The one who drafted the project may not take it (approval is a second pair of eyes). */
  notDrafter?: boolean;
  requires?: readonly 'reason'[];
  /** Offered as a project command; the others are taken by calls, contracts and evaluations. */
  offered: boolean;
}

export const DRAFTERS: readonly Role[] = ['community_admin', 'street_officer', 'district_officer'];
export const FUNDERS: readonly Role[] = ['street_officer', 'district_officer'];
const BEFORE_CONTRACT: readonly ProjectStatus[] = ['approved', 'open', 'reviewing', 'publicity'];

/** The whole lifecycle of DESIGN 3.6 as data: one place says which action leads from which status to which, and who takes it. */
export const PROJECT_TRANSITIONS: readonly ProjectTransition[] = [
  { action: 'submit', from: ['draft'], to: 'submitted', roles: DRAFTERS, party: 'origin', offered: true },
  { action: 'approve', from: ['draft', 'submitted'], to: 'approved', roles: FUNDERS, party: 'funder', notDrafter: true, offered: true },
  { action: 'return', from: ['submitted', 'approved'], to: 'draft', roles: FUNDERS, party: 'funder', requires: ['reason'], offered: true },
  { action: 'cancel', from: ['draft', 'submitted'], to: 'cancelled', roles: DRAFTERS, party: 'origin', requires: ['reason'], offered: true },
  { action: 'cancel', from: BEFORE_CONTRACT, to: 'cancelled', roles: FUNDERS, party: 'funder', requires: ['reason'], offered: true },
  { action: 'open_call', from: ['approved'], to: 'open', roles: FUNDERS, party: 'funder', offered: false },
  { action: 'close_call', from: ['open'], to: 'reviewing', roles: FUNDERS, party: 'funder', offered: false },
  // The call offering it was cancelled: the project waits, approved, for another round.
  { action: 'withdraw_call', from: ['open', 'reviewing', 'publicity'], to: 'approved', roles: FUNDERS, party: 'funder', offered: false },
  { action: 'publicize', from: ['reviewing'], to: 'publicity', roles: FUNDERS, party: 'funder', offered: false },
  { action: 'contract', from: ['publicity'], to: 'contracted', roles: FUNDERS, party: 'funder', offered: false },
  { action: 'start_delivery', from: ['contracted'], to: 'in_delivery', roles: ['org_admin'], party: 'contractor', offered: true },
  { action: 'start_midterm', from: ['in_delivery'], to: 'midterm', roles: ['evaluator'], party: 'evaluator', offered: false },
  { action: 'pass_midterm', from: ['midterm'], to: 'in_delivery', roles: ['evaluator'], party: 'evaluator', offered: false },
  { action: 'rectify', from: ['midterm'], to: 'in_delivery', roles: ['evaluator'], party: 'evaluator', requires: ['reason'], offered: false },
  { action: 'fail_midterm', from: ['midterm'], to: 'terminated', roles: FUNDERS, party: 'funder', requires: ['reason'], offered: false },
  { action: 'start_final', from: ['in_delivery'], to: 'final', roles: ['evaluator'], party: 'evaluator', offered: false },
  { action: 'accept', from: ['final'], to: 'accepted', roles: FUNDERS, party: 'funder', offered: true },
  { action: 'accept_with_conditions', from: ['final'], to: 'accepted_with_conditions', roles: FUNDERS, party: 'funder', requires: ['reason'], offered: true },
  { action: 'fail', from: ['final'], to: 'failed', roles: FUNDERS, party: 'funder', requires: ['reason'], offered: true },
  { action: 'close', from: ['accepted', 'accepted_with_conditions', 'failed'], to: 'closed', roles: FUNDERS, party: 'funder', offered: true },
  { action: 'terminate', from: ['contracted', 'in_delivery'], to: 'terminated', roles: FUNDERS, party: 'funder', requires: ['reason'], offered: false },
];

export const OFFERED_ACTIONS = [...new Set(PROJECT_TRANSITIONS.filter((t) => t.offered).map((t) => t.action))] as ('submit' | 'approve' | 'return' | 'cancel' | 'start_delivery' | 'accept' | 'accept_with_conditions' | 'fail' | 'close')[];
export type OfferedAction = (typeof OFFERED_ACTIONS)[number];

/** Transitions of an action leaving a status (cancel has two: the drafters' and the funder's). */
export function transitionsFor(status: ProjectStatus, action: ProjectAction): ProjectTransition[] {
  return PROJECT_TRANSITIONS.filter((t) => t.action === action && t.from.includes(status));
}

/** Final acceptance (结项验收): the outcome a delivered project ends with. */
export const ACCEPTANCE: Partial<Record<ProjectAction, 'accepted' | 'accepted_with_conditions' | 'failed'>> = { accept: 'accepted', accept_with_conditions: 'accepted_with_conditions', fail: 'failed' };

/** While a project holds its common needs; after these they are released or stay answered. */
export const RELEASING_STATUSES: readonly ProjectStatus[] = ['cancelled'];
