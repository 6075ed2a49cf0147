import type { Role } from '../../../common/roles.ts';
import type { Actor, Assignment, ScopePath } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { WorkerRecord } from './worklogs.policy.ts';

/** A supervision session as authorization sees it: the supervisor's employer, and who took part by account. */
export interface SupervisionRecord {
  districtId: string;
  organizationId: string | null;
  communityId: string | null;
  supervisorUserId: string | null;
  superviseeUserIds: (string | null)[];
}

const took = (actor: Actor, r: SupervisionRecord) => actor.userId === r.supervisorUserId || r.superviseeUserIds.includes(actor.userId);
const OWN_ACCOUNT_ROLES: readonly Role[] = ['social_worker', 'supervisor', 'community_worker', 'community_admin'];

/**
 * The supervisor and the supervisees read a session's notes; the employer's administrator sees
 * that it happened (day, form, functions, minutes), for the supervision ratio, not what was said.
 */
export const supervisionPolicy = definePolicy<SupervisionRecord, 'read' | 'read_notes'>(
  'workforce.supervision',
  (r): ScopePath => ({ districtId: r.districtId, organizationId: r.organizationId, communityId: r.communityId }),
  {
    read: { roles: [...OWN_ACCOUNT_ROLES, 'org_admin'], when: (actor, r, a) => took(actor, r) || a.role === 'org_admin' || (a.role === 'community_admin' && a.scopeId === r.communityId) },
    read_notes: { roles: OWN_ACCOUNT_ROLES, when: took },
  },
);

/** Continuing education: read by whoever reads the worker's log; recorded by the worker or their employer's administrator. */
function employerAdmin(r: WorkerRecord, a: Assignment): boolean {
  if (a.role === 'org_admin') return a.scopeType === 'organization';
  return a.role === 'community_admin' && r.employerType === 'community' && r.employerCommunityId === a.scopeId;
}
export const cePolicy = definePolicy<WorkerRecord, 'read' | 'record'>(
  'workforce.continuing_education',
  (r) => ({ districtId: r.districtId, communityId: r.employerCommunityId ? [...r.communityIds, r.employerCommunityId] : r.communityIds, organizationId: r.employerOrganizationId }),
  {
    read: { roles: [...OWN_ACCOUNT_ROLES, 'org_admin'], when: (actor, r, a) => actor.userId === r.userId || (a.role === 'supervisor' && actor.userId === r.supervisorUserId) || employerAdmin(r, a) },
    record: { roles: [...OWN_ACCOUNT_ROLES, 'org_admin'], when: (actor, r, a) => actor.userId === r.userId || employerAdmin(r, a) },
  },
);

/** A unit whose workforce is viewed: a community, a street, a district, or an organization. */
export interface WorkforceUnit {
  districtId: string | null;
  streetId: string | null;
  communityId: string | null;
  organizationId: string | null;
}

/** Figures of a unit's workforce (totals, caseloads, staffing, pay grades as counts): its officers, its staff, an organization's administrator. */
export const workforceViewPolicy = definePolicy<WorkforceUnit, 'read'>('workforce.view', (u) => u, {
  read: ['platform_admin', 'district_officer', 'street_officer', 'community_admin', 'community_worker', 'org_admin'],
});
