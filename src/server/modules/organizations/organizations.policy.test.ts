import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_SCOPES, type Role } from '../../../common/roles.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { organizationPolicy, type OrganizationRecord } from './organizations.policy.ts';
import { ORGANIZATION_ACTIONS, type OrganizationAction } from './organizations.schemas.ts';

const D = 'd0000000-0000-7000-8000-000000000001';
const S = 's0000000-0000-7000-8000-000000000001';
const C = 'c0000000-0000-7000-8000-000000000001';
const O = 'o0000000-0000-7000-8000-000000000001';
const record: OrganizationRecord = { id: O, registrationDistrictId: D, serviceCommunityIds: [C], serviceStreetIds: [S] };

/** The scope id of each kind that covers the record (grids and households never do). */
const IN_SCOPE = { platform: null, district: D, street: S, community: C, grid: 'g-any', organization: O, household: 'h-any' };

function actor(role: Role, scopeId: (kind: keyof typeof IN_SCOPE) => string | null): Actor {
  const scopeType = ROLE_SCOPES[role][0]!;
  return {
    userId: 'u', username: 'u', displayName: 'u', locale: 'zh-CN', sessionId: 's', csrfToken: 'x',
    assignments: [{ role, scopeType, scopeId: scopeId(scopeType), districtId: scopeType === 'district' ? scopeId(scopeType) : D }],
  };
}

const READ: OrganizationAction[] = ['read', 'read_contacts'];
/** role → [actions in scope, actions out of scope] */
const MATRIX: Record<Role, [OrganizationAction[], OrganizationAction[]]> = {
  platform_admin: [[...ORGANIZATION_ACTIONS], [...ORGANIZATION_ACTIONS]],
  district_officer: [[...ORGANIZATION_ACTIONS], READ],
  street_officer: [[...READ, 'reveal'], READ],
  community_admin: [[...READ, 'reveal'], READ],
  community_worker: [[...READ, 'reveal'], READ],
  grid_worker: [READ, READ],
  org_admin: [[...READ, 'update_contacts', 'reveal'], READ],
  social_worker: [READ, READ],
  supervisor: [READ, READ],
  evaluator: [READ, READ],
  reviewer: [READ, READ],
  resident: [['read'], ['read']],
};

describe('organization policy matrix', () => {
  it('covers every role', () => expect(Object.keys(MATRIX).sort()).toEqual([...ROLES].sort()));

  const rows = ROLES.flatMap((role) =>
    ORGANIZATION_ACTIONS.flatMap((action) => [
      { role, action, where: 'in scope', expected: MATRIX[role][0].includes(action), scope: (k: keyof typeof IN_SCOPE) => IN_SCOPE[k] },
      { role, action, where: 'out of scope', expected: MATRIX[role][1].includes(action), scope: (k: keyof typeof IN_SCOPE) => (k === 'platform' ? null : `other-${k}`) },
    ]),
  );
  it.each(rows)('$role $action $where → $expected', ({ role, action, expected, scope }) => {
    expect(organizationPolicy.can(actor(role, scope), action, record)).toBe(expected);
  });

  it('denies an actor without roles everything', () => {
    const nobody: Actor = { ...actor('resident', () => null), assignments: [] };
    expect(organizationPolicy.allowedActions(nobody, record)).toEqual([]);
  });
});
