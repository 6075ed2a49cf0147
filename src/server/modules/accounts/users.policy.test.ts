import { newId } from '../../platform/db/ids.ts';
import { describe, expect, it } from 'vitest';
import { ROLE_SCOPES, ROLES, type Role } from '../../../common/roles.ts';
import type { Actor, Assignment } from '../../platform/authz/actor.ts';
import { assignmentPolicy, userPolicy, type UserRecord } from './users.policy.ts';

const D1 = newId();
const D2 = newId();

/** An actor holding `role` in a scope of district D1 (or platform-wide). */
function actorWith(role: Role): Actor {
  const scopeType = ROLE_SCOPES[role][0]!;
  const scopeId = scopeType === 'platform' ? null : scopeType === 'district' ? D1 : newId();
  const assignment: Assignment = { role, scopeType, scopeId, districtId: scopeType === 'platform' ? null : D1 };
  return { userId: newId(), username: role, displayName: role, locale: 'en', sessionId: 's', csrfToken: 'c', assignments: [assignment] };
}
const inDistrict = (districtId: string) => ({
  id: newId(), userId: '', role: 'grid_worker' as const, scopeType: 'grid' as const, scopeId: newId(), districtId,
});
const user = (...districts: string[]): UserRecord => {
  const id = newId();
  return { id, createdDistrictId: null, assignments: districts.map((d) => ({ ...inDistrict(d), userId: id })) };
};

const ALL = ['create', 'read', 'update', 'set_status', 'reset_password', 'grant_role', 'revoke_role'];

describe('account policy matrix', () => {
  it.each(ROLES.map((r) => [r]))('%s', (role) => {
    const actor = actorWith(role);
    const mine = user(D1);
    const both = user(D1, D2);
    const elsewhere = user(D2);
    const fresh: UserRecord = { id: newId(), createdDistrictId: D1, assignments: [] };
    const expected = {
      platform_admin: [ALL, ALL, ALL, ALL],
      district_officer: [ALL, ['read', 'grant_role', 'revoke_role'], [], ALL],
    }[role as string] ?? [[], [], [], []];
    expect([mine, both, elsewhere, fresh].map((u) => userPolicy.allowedActions(actor, u))).toEqual(expected);
    const grant = { ...inDistrict(D1), userId: mine.id };
    expect(assignmentPolicy.can(actor, 'grant', grant)).toBe(role === 'platform_admin' || role === 'district_officer');
    expect(assignmentPolicy.can(actor, 'grant', { ...grant, districtId: D2 })).toBe(role === 'platform_admin');
    expect(assignmentPolicy.can(actor, 'grant', { ...grant, role: 'platform_admin', scopeType: 'platform', scopeId: null, districtId: null })).toBe(
      role === 'platform_admin',
    );
  });

  it('never lets anyone disable themselves or revoke their own roles', () => {
    for (const role of ['platform_admin', 'district_officer'] as const) {
      const actor = actorWith(role);
      const self: UserRecord = { id: actor.userId, createdDistrictId: null, assignments: [{ ...inDistrict(D1), userId: actor.userId }] };
      expect(userPolicy.allowedActions(actor, self)).not.toContain('set_status');
      expect(assignmentPolicy.can(actor, 'revoke', self.assignments[0]!)).toBe(false);
    }
  });
});
