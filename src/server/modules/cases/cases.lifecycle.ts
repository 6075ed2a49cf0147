import type { Role } from '../../../common/roles.ts';
import type { CaseStatus } from './cases.tables.ts';

export const CASE_ACTIONS = ['assess', 'submit_plan', 'approve_plan', 'return_plan', 'record_session', 'request_closing', 'approve_closing', 'return_closing', 'transfer', 'reopen', 'record_consent', 'refer'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * Who of the case's people may act, beyond the role: its assigned worker, its supervisor, or
 * its team (the worker and the supervisor by these roles, and any administrator of the organization).
 */
export type CaseParty = 'worker' | 'supervisor' | 'team';

export interface CaseTransition {
  action: CaseAction;
  from: readonly CaseStatus[];
  /** Omitted: the case stays where it is. */
  to?: CaseStatus;
  roles: readonly Role[];
  party: CaseParty;
}

export const OPEN_STATUSES: readonly CaseStatus[] = ['intake', 'assessment', 'plan_review', 'in_service', 'closing'];
const WORKER: readonly Role[] = ['social_worker'];
const SUPERVISOR: readonly Role[] = ['supervisor'];

/** The lifecycle of DESIGN 3.8 as data: which action leads from which status to which, and who takes it. */
export const CASE_TRANSITIONS: readonly CaseTransition[] = [
  { action: 'assess', from: ['intake', 'assessment'], to: 'assessment', roles: WORKER, party: 'worker' },
  // A reassessment during service records the change without stopping the service.
  { action: 'assess', from: ['in_service'], roles: WORKER, party: 'worker' },
  { action: 'submit_plan', from: ['assessment'], to: 'plan_review', roles: WORKER, party: 'worker' },
  { action: 'approve_plan', from: ['plan_review'], to: 'in_service', roles: SUPERVISOR, party: 'supervisor' },
  { action: 'return_plan', from: ['plan_review'], to: 'assessment', roles: SUPERVISOR, party: 'supervisor' },
  { action: 'record_session', from: ['in_service'], roles: WORKER, party: 'worker' },
  { action: 'request_closing', from: ['in_service'], to: 'closing', roles: WORKER, party: 'worker' },
  { action: 'approve_closing', from: ['closing'], to: 'closed', roles: SUPERVISOR, party: 'supervisor' },
  { action: 'return_closing', from: ['closing'], to: 'in_service', roles: SUPERVISOR, party: 'supervisor' },
  { action: 'transfer', from: OPEN_STATUSES, roles: ['supervisor', 'org_admin'], party: 'team' },
  { action: 'reopen', from: ['closed'], to: 'assessment', roles: ['social_worker', 'supervisor', 'org_admin'], party: 'team' },
  // Consent and referrals go on beside the work, while the case is open.
  { action: 'record_consent', from: OPEN_STATUSES, roles: WORKER, party: 'worker' },
  // The worker also records a department's answer (a department has no account here).
  { action: 'refer', from: OPEN_STATUSES, roles: WORKER, party: 'worker' },
];

export function caseTransition(status: CaseStatus, action: CaseAction): CaseTransition | undefined {
  return CASE_TRANSITIONS.find((t) => t.action === action && t.from.includes(status));
}

/** The supervisor's decisions, each with the status it leads to. */
export const REVIEW_ACTIONS = ['approve_plan', 'return_plan', 'approve_closing', 'return_closing'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];
