import type { Role } from '../../../common/roles.ts';
import type { WorkOrigin } from '../../../common/worklogs.ts';
import { covers, type Actor, type Assignment, type ScopePath } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { SocialWorkerRecord } from './workforce.policy.ts';

/** A social worker as their work log's readers see them: the register's record and who signs in for them and their supervisor. */
export interface WorkerRecord extends SocialWorkerRecord {
  userId: string | null;
  supervisorUserId: string | null;
}

const workerPath = (r: SocialWorkerRecord): ScopePath => ({
  districtId: r.districtId,
  streetId: r.streetIds,
  communityId: r.employerCommunityId ? [...r.communityIds, r.employerCommunityId] : r.communityIds,
  organizationId: r.employerOrganizationId,
});

/**
 * The roles a social worker's own account may hold: an organization's worker or supervisor, or
 * a community's staff member who is also on the register (社区社工).
 */
const OWN_ACCOUNT_ROLES: readonly Role[] = ['social_worker', 'supervisor', 'community_worker', 'community_admin'];
const self = (actor: Actor, r: { userId: string | null }) => actor.userId === r.userId;

/**
 * A day's log is the worker's own; their supervisor and their employer's administrator read it.
 * Nobody else reads a person's day: the street and the district see totals (admin-load).
 */
function readsLog(actor: Actor, r: WorkerRecord, a: Assignment): boolean {
  if (self(actor, r)) return true;
  if (a.role === 'supervisor') return actor.userId === r.supervisorUserId;
  if (a.role === 'org_admin') return a.scopeType === 'organization';
  if (a.role === 'community_admin') return r.employerType === 'community' && r.employerCommunityId === a.scopeId;
  return false;
}

export const workLogPolicy = definePolicy<WorkerRecord, 'read' | 'write'>('workforce.work_log', workerPath, {
  read: { roles: [...OWN_ACCOUNT_ROLES, 'org_admin'], when: readsLog },
  write: { roles: OWN_ACCOUNT_ROLES, when: self },
});

/** Who assigns administrative work to the social workers of a community: its staff, its street, its district. */
const ASSIGNERS: readonly Role[] = ['community_admin', 'community_worker', 'street_officer', 'district_officer'];

/** A task as authorization sees it: the community it reaches, and the worker it was given to. */
export interface AdminTaskRecord extends WorkerRecord {
  taskStreetId: string;
  taskCommunityId: string;
  origin: WorkOrigin;
  status: 'open' | 'done' | 'withdrawn';
}

/** A task is withdrawn at the level that gave it or above: a community's staff do not take back the street's work. */
const LEVEL: Record<string, number> = { community: 0, street: 1, district: 2, department: 2 };
const atOrAbove = (a: Assignment, r: AdminTaskRecord) => (LEVEL[a.scopeType] ?? -1) >= LEVEL[r.origin]!;

const taskPath = (r: AdminTaskRecord): ScopePath => ({
  districtId: r.districtId,
  streetId: r.taskStreetId,
  communityId: r.taskCommunityId,
  organizationId: r.employerOrganizationId,
});

const assignedBy = (a: Assignment) => a.scopeType !== 'organization';
const open = (r: AdminTaskRecord) => r.status === 'open';

export const adminTaskPolicy = definePolicy<AdminTaskRecord, 'assign' | 'read' | 'complete' | 'withdraw'>('workforce.admin_task', taskPath, {
  assign: { roles: ASSIGNERS, when: (_actor, _r, a) => assignedBy(a) },
  read: { roles: [...ASSIGNERS, 'social_worker', 'supervisor', 'org_admin'], when: (actor, r, a) => (ASSIGNERS.includes(a.role) && assignedBy(a)) || readsLog(actor, r, a) },
  complete: { roles: OWN_ACCOUNT_ROLES, when: (actor, r) => self(actor, r) && open(r) },
  withdraw: { roles: ASSIGNERS, when: (_actor, r, a) => assignedBy(a) && open(r) && atOrAbove(a, r) },
});

/** Administrative load by community and origin: the community's own staff, its street, its district. */
export const adminLoadPolicy = definePolicy<{ districtId: string; streetId: string; communityId: string }, 'read'>('workforce.admin_load', (r) => r, {
  read: ASSIGNERS,
});

/** The district's list of admitted matters and its targets: read by whoever assigns work, set by the district. */
export const workforceSettingsPolicy = definePolicy<{ districtId: string }, 'read' | 'update'>('workforce.settings', (r) => ({ districtId: r.districtId }), {
  // Whoever assigns anywhere in the district reads its list: a street's or a community's staff included.
  read: { roles: ['platform_admin', ...ASSIGNERS], anyScope: true, when: (_actor, r, a) => a.scopeType === 'platform' || (a.scopeType === 'district' ? a.scopeId : a.districtId) === r.districtId },
  update: ['district_officer'],
});

/**
 * Who a task comes from, read off the assignment that lets the actor assign it: the narrowest
 * (a community's staff member who is also a district officer assigns as the community). A
 * department is named only by the district, which records tasks on its departments' behalf.
 */
export function originOf(actor: Actor, r: AdminTaskRecord, department: string | null): { origin: WorkOrigin; unitId: string } | null {
  const granting = adminTaskPolicy.grants(actor, 'assign').filter((a) => covers(a, taskPath(r)));
  const at = (scope: 'community' | 'street' | 'district') => granting.find((g) => g.scopeType === scope)?.scopeId ?? null;
  if (department) {
    const district = at('district');
    return district ? { origin: 'department', unitId: district } : null;
  }
  for (const scope of ['community', 'street', 'district'] as const) {
    const unitId = at(scope);
    if (unitId) return { origin: scope, unitId };
  }
  return null;
}

/** The read rule of tasks as a list query needs it: the assigners' places, the organizations whose administrator reads, the caller as worker or supervisor. */
export function taskReach(actor: Actor): { place: Assignment[]; organizations: string[]; userId: string } {
  const grants = adminTaskPolicy.grants(actor, 'read');
  return {
    place: grants.filter((a) => ASSIGNERS.includes(a.role) && assignedBy(a)),
    organizations: grants.filter((a) => a.role === 'org_admin' && a.scopeType === 'organization').map((a) => a.scopeId!),
    userId: actor.userId,
  };
}
