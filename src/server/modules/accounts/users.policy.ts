import type { Role, ScopeType } from '../../../common/roles.ts';
import type { Assignment } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { UserAction } from './users.schemas.ts';

export interface UserAssignmentRecord {
  id: string;
  userId: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
  /** The district the scope lies in; for an organization, the district it is registered in. */
  districtId: string | null;
}

/** A user as authorization sees it: where their roles lie, and where the account was created. */
export interface UserRecord {
  id: string;
  createdDistrictId: string | null;
  assignments: UserAssignmentRecord[];
}

export function districtsOfUser(user: UserRecord): string[] {
  const ids = user.assignments.map((a) => a.districtId);
  return [...new Set([...ids, user.createdDistrictId].filter((d): d is string => d !== null))];
}

/**
 * A district officer manages an account only when everything it can do lies in their
 * district: changing the password of someone who also works elsewhere would reach outside it.
 * A new account with no role yet belongs to the district it was created in.
 */
function manages(user: UserRecord, a: Assignment): boolean {
  if (a.role === 'platform_admin') return true;
  if (user.assignments.length === 0) return user.createdDistrictId === a.scopeId;
  return user.assignments.every((x) => x.districtId === a.scopeId);
}

const admins = ['platform_admin', 'district_officer'] as const;

/** Who may see and change accounts. Reading needs one role or the creation in the district. */
export const userPolicy = definePolicy<UserRecord, UserAction>(
  'accounts.user',
  (user) => ({ districtId: districtsOfUser(user) }),
  {
    create: { roles: admins, when: (_actor, user, a) => manages(user, a) },
    read: admins,
    update: { roles: admins, when: (_actor, user, a) => manages(user, a) },
    // Nobody disables themselves: the last administrator could lock everyone out.
    set_status: { roles: admins, when: (actor, user, a) => user.id !== actor.userId && manages(user, a) },
    reset_password: { roles: admins, when: (_actor, user, a) => manages(user, a) },
    // Which roles in which scopes is decided by assignmentPolicy.
    grant_role: admins,
    revoke_role: admins,
  },
);

/** Granting and revoking one role: only inside the officer's district, never platform_admin. */
export const assignmentPolicy = definePolicy<UserAssignmentRecord, 'grant' | 'revoke'>(
  'accounts.role_assignment',
  (r) => ({ districtId: r.districtId }),
  {
    grant: { roles: admins, when: (_actor, r, a) => a.role === 'platform_admin' || r.role !== 'platform_admin' },
    revoke: {
      roles: admins,
      when: (actor, r, a) => r.userId !== actor.userId && (a.role === 'platform_admin' || r.role !== 'platform_admin'),
    },
  },
);
