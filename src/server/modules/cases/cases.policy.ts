import type { Role } from '../../../common/roles.ts';
import type { Actor, Assignment, ScopePath } from '../../platform/authz/actor.ts';
import { covers } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CaseTransition } from './cases.lifecycle.ts';

/** A case as authorization sees it: where its client lives, whose organization holds it, who works it. */
export interface CaseRecord {
  districtId: string;
  streetId: string;
  communityId: string;
  organizationId: string;
  /** The users who sign in for the assigned worker and for the supervisor (null: no account). */
  workerUserId: string | null;
  supervisorUserId: string | null;
}

const pathOf = (r: CaseRecord): ScopePath => ({ districtId: r.districtId, streetId: r.streetId, communityId: r.communityId, organizationId: r.organizationId });

/** Community staff and officers of the place: that a case exists, for whom, with whom, in which state. */
const CASE_PLACE_READERS: readonly Role[] = ['district_officer', 'street_officer', 'community_admin', 'community_worker'];
/** The organization's people who may read a case's notes, each only as the case's team. */
const CASE_TEAM: readonly Role[] = ['social_worker', 'supervisor', 'org_admin'];

/** The worker by their account, the supervisor by theirs, the organization's administrator for any of its cases. */
function onTeam(actor: Actor, r: CaseRecord, a: Assignment): boolean {
  if (a.scopeType !== 'organization') return false;
  if (a.role === 'org_admin') return true;
  if (a.role === 'social_worker') return actor.userId === r.workerUserId;
  if (a.role === 'supervisor') return actor.userId === r.supervisorUserId;
  return false;
}

/**
 * Confidentiality (DESIGN 3.8): notes and assessments are read only by the case's team; the
 * place's staff read the case's existence. An organization's social worker or supervisor who is
 * not on the team reads nothing of it.
 */
export const casePolicy = definePolicy<CaseRecord, 'read' | 'read_notes' | 'open'>('cases.case', pathOf, {
  read: { roles: [...CASE_PLACE_READERS, ...CASE_TEAM], when: (actor, r, a) => a.scopeType !== 'organization' || onTeam(actor, r, a) },
  read_notes: { roles: CASE_TEAM, when: onTeam },
  // Opened by a social worker for themselves, or by the administrator for one of the staff.
  open: { roles: ['social_worker', 'org_admin'], when: (actor, r, a) => a.scopeType === 'organization' && (a.role === 'org_admin' || actor.userId === r.workerUserId) },
});

/** Whether the actor may take a step of the lifecycle on this case: the role in the case's organization, and the party. */
export function mayTake(actor: Actor, t: CaseTransition, r: CaseRecord): boolean {
  return actor.assignments.some((a) => {
    if (!t.roles.includes(a.role) || !covers(a, pathOf(r)) || a.scopeType !== 'organization') return false;
    if (t.party === 'worker') return actor.userId === r.workerUserId;
    if (t.party === 'supervisor') return actor.userId === r.supervisorUserId;
    return onTeam(actor, r, a);
  });
}

/** A referral as its receiver sees it: the organization it was sent to. */
export interface ReferralRecord {
  toOrganizationId: string | null;
}

/** The receiving organization's administrator reads what was sent and answers; nobody else there. */
export const referralPolicy = definePolicy<ReferralRecord, 'receive'>('cases.referral', (r) => ({ organizationId: r.toOrganizationId }), {
  receive: ['org_admin'],
});
