import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_SCOPES, type Role } from '../../../common/roles.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { activityPolicy, participantPolicy, type ActivityRecord } from './services.policy.ts';

const D = 'd0000000-0000-7000-8000-000000000001';
const S = 's0000000-0000-7000-8000-000000000001';
const C = 'c0000000-0000-7000-8000-000000000001';
const ORG = 'o0000000-0000-7000-8000-000000000001';
const H = 'h0000000-0000-7000-8000-000000000001';
const STAFF = 'u-staff';

const IN_SCOPE: Record<string, string | null> = { platform: null, district: D, street: S, community: C, grid: 'g-any', organization: ORG, household: H };

function actor(role: Role, o: { scopeId?: string; userId?: string } = {}): Actor {
  const scopeType = ROLE_SCOPES[role][0]!;
  return {
    userId: o.userId ?? 'u', username: 'u', displayName: 'u', locale: 'zh-CN', sessionId: 's', csrfToken: 'x',
    assignments: [{ role, scopeType, scopeId: o.scopeId ?? IN_SCOPE[scopeType]!, districtId: scopeType === 'platform' || scopeType === 'organization' ? null : D }],
  };
}

const ACTIONS = ['read', 'manage', 'sign_attendance'] as const;
const allowed = (a: Actor, r: ActivityRecord) => ACTIONS.filter((x) => activityPolicy.can(a, x, r));
const orgActivity: ActivityRecord = { districtId: D, streetId: S, communityId: C, organizationId: ORG, staffUserIds: [STAFF] };
const communityActivity: ActivityRecord = { ...orgActivity, organizationId: null, staffUserIds: [] };

describe('activity policy: role × action, written out', () => {
  it('an organization\'s activity: its people organize it, officers and community staff of its place read it', () => {
    const expected: Partial<Record<Role, string[]>> = {
      district_officer: ['read'],
      street_officer: ['read'],
      community_admin: ['read'],
      community_worker: ['read'],
      org_admin: ['read', 'manage', 'sign_attendance'],
      social_worker: ['read', 'manage', 'sign_attendance'],
      supervisor: ['read'],
    };
    for (const role of ROLES) expect([role, allowed(actor(role), orgActivity)]).toEqual([role, expected[role] ?? []]);
  });

  it('a community\'s own activity: its staff organize it', () => {
    const expected: Partial<Record<Role, string[]>> = {
      district_officer: ['read'],
      street_officer: ['read'],
      community_admin: ['read', 'manage', 'sign_attendance'],
      community_worker: ['read', 'manage', 'sign_attendance'],
    };
    for (const role of ROLES) expect([role, allowed(actor(role), communityActivity)]).toEqual([role, expected[role] ?? []]);
  });

  it('lets its staff sign attendance wherever their assignment lies, and nobody outside its place or organization do anything', () => {
    expect(allowed(actor('social_worker', { userId: STAFF, scopeId: 'o-other' }), orgActivity)).toEqual(['sign_attendance']);
    expect(allowed(actor('supervisor', { userId: STAFF }), orgActivity)).toEqual(['read', 'sign_attendance']);
    for (const role of ['org_admin', 'social_worker', 'supervisor'] as const) expect([role, allowed(actor(role, { scopeId: 'o-other' }), orgActivity)]).toEqual([role, []]);
    for (const role of ['street_officer', 'community_admin', 'community_worker'] as const) expect([role, allowed(actor(role, { scopeId: 'other' }), communityActivity)]).toEqual([role, []]);
  });

  it('lets only a resident take part, for their own household', () => {
    for (const role of ROLES) expect([role, participantPolicy.can(actor(role), 'take_part', { districtId: D, householdId: H })]).toEqual([role, role === 'resident']);
    expect(participantPolicy.can(actor('resident', { scopeId: 'h-other' }), 'take_part', { districtId: D, householdId: H })).toBe(false);
  });
});
