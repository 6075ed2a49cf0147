import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_SCOPES, type Role } from '../../../common/roles.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { CREDIT_ACTIONS, type CreditAction } from './organizations.credit.schemas.ts';
import { creditPolicy, type OrganizationRecord } from './organizations.policy.ts';

const D = 'd0000000-0000-7000-8000-000000000001';
const S = 's0000000-0000-7000-8000-000000000001';
const C = 'c0000000-0000-7000-8000-000000000001';
const O = 'o0000000-0000-7000-8000-000000000001';
const record: OrganizationRecord = { id: O, registrationDistrictId: D, serviceCommunityIds: [C], serviceStreetIds: [S] };
const IN_SCOPE = { platform: null, district: D, street: S, community: C, grid: 'g-any', organization: O, household: 'h-any' };

function actor(role: Role, scopeId: (kind: keyof typeof IN_SCOPE) => string | null): Actor {
  const scopeType = ROLE_SCOPES[role][0]!;
  return {
    userId: 'u', username: 'u', displayName: 'u', locale: 'zh-CN', sessionId: 's', csrfToken: 'x',
    assignments: [{ role, scopeType, scopeId: scopeId(scopeType), districtId: scopeType === 'district' ? scopeId(scopeType) : D }],
  };
}

/**
 * role → [actions on an organization in its scope, actions on one outside it]. "In scope" is
 * the registration district for officers, a served street or community, the organization itself.
 */
const MATRIX: Record<Role, [CreditAction[], CreditAction[]]> = {
  platform_admin: [
    ['read_lists', 'read_records', 'read_notes', 'add_record', 'add_list_entry', 'repair', 'answer_objection'],
    ['read_lists', 'read_records', 'read_notes', 'add_record', 'add_list_entry', 'repair', 'answer_objection'],
  ],
  district_officer: [['read_lists', 'read_records', 'read_notes', 'add_record', 'add_list_entry', 'repair', 'answer_objection'], ['read_lists']],
  street_officer: [['read_lists', 'read_records'], ['read_lists']],
  community_admin: [['read_lists', 'read_records'], ['read_lists']],
  community_worker: [['read_lists'], ['read_lists']],
  grid_worker: [['read_lists'], ['read_lists']],
  org_admin: [['read_lists', 'read_records', 'lodge_objection'], ['read_lists']],
  social_worker: [['read_lists'], ['read_lists']],
  supervisor: [['read_lists'], ['read_lists']],
  evaluator: [['read_lists'], ['read_lists']],
  reviewer: [['read_lists'], ['read_lists']],
  resident: [['read_lists'], ['read_lists']],
};

describe('credit policy matrix', () => {
  it('covers every role and every action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ROLES].sort());
    expect([...creditPolicy.actions].sort()).toEqual([...CREDIT_ACTIONS].sort());
  });

  const rows = ROLES.flatMap((role) =>
    CREDIT_ACTIONS.flatMap((action) => [
      { role, action, where: 'in scope', expected: MATRIX[role][0].includes(action), scope: (k: keyof typeof IN_SCOPE) => IN_SCOPE[k] },
      { role, action, where: 'out of scope', expected: MATRIX[role][1].includes(action), scope: (k: keyof typeof IN_SCOPE) => (k === 'platform' ? null : `other-${k}`) },
    ]),
  );
  it.each(rows)('$role $action $where → $expected', ({ role, action, expected, scope }) => {
    expect(creditPolicy.can(actor(role, scope), action, record)).toBe(expected);
  });

  it('an organization without a registration district is recorded by the platform admin only', () => {
    const unregistered = { ...record, registrationDistrictId: null };
    expect(creditPolicy.can(actor('district_officer', (k) => IN_SCOPE[k]), 'add_list_entry', unregistered)).toBe(false);
    expect(creditPolicy.can(actor('platform_admin', () => null), 'add_list_entry', unregistered)).toBe(true);
  });
});
