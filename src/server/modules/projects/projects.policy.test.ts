import { describe, expect, it } from 'vitest';
import { ROLES, ROLE_SCOPES, type Role } from '../../../common/roles.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { PROJECT_TRANSITIONS } from './projects.lifecycle.ts';
import { projectPolicy, type ProjectRecord } from './projects.policy.ts';
import type { ProjectStatus } from './projects.tables.ts';

const D = 'd0000000-0000-7000-8000-000000000001';
const S = 's0000000-0000-7000-8000-000000000001';
const S2 = 's0000000-0000-7000-8000-000000000002';
const C = 'c0000000-0000-7000-8000-000000000001';
const C2 = 'c0000000-0000-7000-8000-000000000002';
const C3 = 'c0000000-0000-7000-8000-000000000003';
const DRAFTER = 'drafter';

const IN_SCOPE: Record<string, string | null> = { platform: null, district: D, street: S, community: C, grid: 'g-any', organization: 'o-any', household: 'h-any' };

function actor(role: Role, o: { scopeId?: string; userId?: string } = {}): Actor {
  const scopeType = ROLE_SCOPES[role][0]!;
  return {
    userId: o.userId ?? 'u', username: 'u', displayName: 'u', locale: 'zh-CN', sessionId: 's', csrfToken: 'x',
    assignments: [{ role, scopeType, scopeId: o.scopeId ?? IN_SCOPE[scopeType]!, districtId: scopeType === 'platform' ? null : D }],
  };
}

const ACTIONS = ['read', 'update', 'commit_resource', 'submit', 'approve', 'return', 'cancel', 'start_delivery', 'assign_evaluator', 'evaluate', 'answer_rectification', 'accept', 'accept_with_conditions', 'fail', 'close', 'submit_report'] as const;
const EVALUATOR = 'u-evaluator';
const allowed = (a: Actor, r: ProjectRecord) => ACTIONS.filter((x) => projectPolicy.can(a, x, r));

const CONTRACTED: readonly ProjectStatus[] = ['contracted', 'in_delivery', 'midterm', 'final', 'accepted', 'terminated'];
// From signing on, the project is contracted to the organization 'o-any' (the org roles' scope above).
const streetPurchase = (status: ProjectStatus, createdBy = DRAFTER): ProjectRecord => ({
  districtId: D, streetIds: [S], communityIds: [C], purchaserLevel: 'street', purchaserStreetId: S, status, createdBy,
  contractorOrganizationId: CONTRACTED.includes(status) ? 'o-any' : null,
  evaluatorUserId: CONTRACTED.includes(status) ? EVALUATOR : null,
});
const districtPurchase = (status: ProjectStatus): ProjectRecord => ({
  districtId: D, streetIds: [S], communityIds: [C, C2], purchaserLevel: 'district', purchaserStreetId: null, status, createdBy: DRAFTER, contractorOrganizationId: null, evaluatorUserId: null,
});

const NONE: never[] = [];
const NOBODY_ELSE = (allowedRoles: Role[]) => ROLES.filter((r) => !allowedRoles.includes(r));

describe('project policy: role × action, written out', () => {
  // status → role (in scope, not the drafter) → actions. Roles not listed may do nothing.
  const STREET_PURCHASE: Partial<Record<ProjectStatus, Partial<Record<Role, string[]>>>> = {
    draft: {
      district_officer: ['read', 'update', 'commit_resource', 'submit', 'cancel'],
      street_officer: ['read', 'update', 'commit_resource', 'submit', 'approve', 'cancel'],
      community_admin: ['read', 'update', 'commit_resource', 'submit', 'cancel'],
      community_worker: ['read'],
    },
    submitted: {
      district_officer: ['read', 'commit_resource', 'cancel'],
      street_officer: ['read', 'commit_resource', 'approve', 'return', 'cancel'],
      community_admin: ['read', 'commit_resource', 'cancel'],
      community_worker: ['read'],
    },
    approved: {
      district_officer: ['read', 'commit_resource'],
      street_officer: ['read', 'commit_resource', 'return', 'cancel'],
      community_admin: ['read', 'commit_resource'],
      community_worker: ['read'],
    },
    open: {
      district_officer: ['read', 'commit_resource'],
      street_officer: ['read', 'commit_resource', 'cancel'],
      community_admin: ['read', 'commit_resource'],
      community_worker: ['read'],
    },
    contracted: {
      district_officer: ['read', 'commit_resource'],
      street_officer: ['read', 'commit_resource', 'assign_evaluator'],
      community_admin: ['read', 'commit_resource'],
      community_worker: ['read'],
      // The contractor's people read it; its administrator starts delivery and answers rectifications.
      org_admin: ['read', 'start_delivery', 'answer_rectification'],
      supervisor: ['read'],
      social_worker: ['read'],
    },
    in_delivery: {
      district_officer: ['read', 'commit_resource'],
      street_officer: ['read', 'commit_resource', 'assign_evaluator'],
      community_admin: ['read', 'commit_resource'],
      community_worker: ['read'],
      org_admin: ['read', 'answer_rectification', 'submit_report'],
      supervisor: ['read'],
      social_worker: ['read'],
    },
    // Final acceptance is the funder's; the evaluator who wrote the report does not decide it.
    final: {
      district_officer: ['read', 'commit_resource'],
      street_officer: ['read', 'commit_resource', 'accept', 'accept_with_conditions', 'fail'],
      community_admin: ['read', 'commit_resource'],
      community_worker: ['read'],
      org_admin: ['read', 'answer_rectification', 'submit_report'],
      supervisor: ['read'],
      social_worker: ['read'],
    },
    accepted: {
      district_officer: ['read', 'commit_resource'],
      street_officer: ['read', 'commit_resource', 'close'],
      community_admin: ['read', 'commit_resource'],
      community_worker: ['read'],
      org_admin: ['read', 'answer_rectification'],
      supervisor: ['read'],
      social_worker: ['read'],
    },
    cancelled: {
      district_officer: ['read'],
      street_officer: ['read'],
      community_admin: ['read'],
      community_worker: ['read'],
    },
  };

  for (const [status, byRole] of Object.entries(STREET_PURCHASE)) {
    it(`a street purchase, ${status}`, () => {
      for (const role of ROLES) {
        expect([role, allowed(actor(role), streetPurchase(status as ProjectStatus))]).toEqual([role, byRole[role] ?? NONE]);
      }
    });
  }

  it('a district purchase: the district office approves, the street office does not', () => {
    expect(allowed(actor('district_officer'), districtPurchase('draft'))).toEqual(['read', 'update', 'commit_resource', 'submit', 'approve', 'cancel']);
    expect(allowed(actor('street_officer'), districtPurchase('draft'))).toEqual(['read', 'update', 'commit_resource', 'submit', 'cancel']);
    expect(allowed(actor('district_officer'), districtPurchase('submitted'))).toEqual(['read', 'commit_resource', 'approve', 'return', 'cancel']);
    expect(allowed(actor('street_officer'), districtPurchase('submitted'))).toEqual(['read', 'commit_resource', 'cancel']);
    expect(allowed(actor('district_officer'), districtPurchase('approved'))).toEqual(['read', 'commit_resource', 'return', 'cancel']);
    // A project of two communities is no single community's to draft or change.
    expect(allowed(actor('community_admin'), districtPurchase('draft'))).toEqual(['read']);
    expect(allowed(actor('community_admin', { scopeId: C2 }), districtPurchase('draft'))).toEqual(['read']);
  });

  it('never lets the drafter approve, even as the funder', () => {
    expect(allowed(actor('street_officer', { userId: DRAFTER }), streetPurchase('draft'))).toEqual(['read', 'update', 'commit_resource', 'submit', 'cancel']);
    expect(allowed(actor('street_officer', { userId: DRAFTER }), streetPurchase('submitted'))).toEqual(['read', 'commit_resource', 'return', 'cancel']);
  });

  it('lets only the evaluator assigned read and evaluate, wherever their organization lies', () => {
    expect(allowed(actor('evaluator', { userId: EVALUATOR, scopeId: 'o-evaluation-firm' }), streetPurchase('in_delivery'))).toEqual(['read', 'evaluate']);
    expect(allowed(actor('evaluator', { userId: EVALUATOR, scopeId: 'o-evaluation-firm' }), streetPurchase('midterm'))).toEqual(['read', 'evaluate']);
    expect(allowed(actor('evaluator', { scopeId: 'o-evaluation-firm' }), streetPurchase('in_delivery'))).toEqual([]);
    // The user assigned, without the evaluator role, is nobody here.
    expect(allowed(actor('reviewer', { userId: EVALUATOR }), streetPurchase('in_delivery'))).toEqual([]);
  });

  it('gives another organization nothing of a contracted project, and a social worker posted to the community reads it', () => {
    for (const role of ['org_admin', 'supervisor', 'social_worker'] as const) expect([role, allowed(actor(role, { scopeId: 'o-other' }), streetPurchase('contracted'))]).toEqual([role, NONE]);
    const posted: Actor = { ...actor('social_worker'), assignments: [{ role: 'social_worker', scopeType: 'community', scopeId: C, districtId: D }] };
    expect(allowed(posted, streetPurchase('in_delivery'))).toEqual(['read']);
  });

  it('gives nothing outside the scope', () => {
    for (const role of ['district_officer', 'street_officer', 'community_admin', 'community_worker'] as const) {
      const scopeId = { district_officer: 'd-other', street_officer: S2, community_admin: C3, community_worker: C3 }[role];
      for (const status of ['draft', 'submitted', 'approved'] as const) expect([role, allowed(actor(role, { scopeId }), streetPurchase(status))]).toEqual([role, NONE]);
    }
  });

  it('a project spanning streets: the street officers of its streets read it; only the district drafts and funds it', () => {
    const r: ProjectRecord = { districtId: D, streetIds: [S, S2], communityIds: [C, C3], purchaserLevel: 'district', purchaserStreetId: null, status: 'draft', createdBy: DRAFTER, contractorOrganizationId: null, evaluatorUserId: null };
    expect(allowed(actor('street_officer'), r)).toEqual(['read']);
    expect(allowed(actor('street_officer', { scopeId: S2 }), r)).toEqual(['read']);
    expect(allowed(actor('district_officer'), r)).toEqual(['read', 'update', 'commit_resource', 'submit', 'approve', 'cancel']);
    for (const role of NOBODY_ELSE(['district_officer', 'street_officer', 'community_admin', 'community_worker'])) expect([role, allowed(actor(role), r)]).toEqual([role, NONE]);
  });
});

describe('project lifecycle table', () => {
  it('holds the whole lifecycle, and offers as commands what no call, contract or evaluation takes', () => {
    const edges = PROJECT_TRANSITIONS.flatMap((t) => t.from.map((f) => `${f} -${t.action}-> ${t.to}`));
    expect(edges).toEqual([
      'draft -submit-> submitted',
      'draft -approve-> approved',
      'submitted -approve-> approved',
      'submitted -return-> draft',
      'approved -return-> draft',
      'draft -cancel-> cancelled',
      'submitted -cancel-> cancelled',
      'approved -cancel-> cancelled',
      'open -cancel-> cancelled',
      'reviewing -cancel-> cancelled',
      'publicity -cancel-> cancelled',
      'approved -open_call-> open',
      'open -close_call-> reviewing',
      'open -withdraw_call-> approved',
      'reviewing -withdraw_call-> approved',
      'publicity -withdraw_call-> approved',
      'reviewing -publicize-> publicity',
      'publicity -contract-> contracted',
      'contracted -start_delivery-> in_delivery',
      'in_delivery -start_midterm-> midterm',
      'midterm -pass_midterm-> in_delivery',
      'midterm -rectify-> in_delivery',
      'midterm -fail_midterm-> terminated',
      'in_delivery -start_final-> final',
      'final -accept-> accepted',
      'final -accept_with_conditions-> accepted_with_conditions',
      'final -fail-> failed',
      'accepted -close-> closed',
      'accepted_with_conditions -close-> closed',
      'failed -close-> closed',
      'contracted -terminate-> terminated',
      'in_delivery -terminate-> terminated',
    ]);
    expect(PROJECT_TRANSITIONS.filter((t) => t.offered).map((t) => t.action)).toEqual(['submit', 'approve', 'return', 'cancel', 'cancel', 'start_delivery', 'accept', 'accept_with_conditions', 'fail', 'close']);
  });
});
