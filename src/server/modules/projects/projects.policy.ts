import type { Role } from '../../../common/roles.ts';
import { covers, type Actor, type Assignment, type ScopePath } from '../../platform/authz/actor.ts';
import { definePolicy, type Rule } from '../../platform/authz/policy.ts';
import { DRAFTERS, FUNDERS, OFFERED_ACTIONS, PROJECT_TRANSITIONS, type OfferedAction, type Party } from './projects.lifecycle.ts';
import type { ProjectStatus, PurchaserLevel } from './projects.tables.ts';

/** A project as authorization sees it: the units it answers for, its funder and who drafted it. */
export interface ProjectRecord {
  districtId: string;
  streetIds: string[];
  communityIds: string[];
  purchaserLevel: PurchaserLevel;
  purchaserStreetId: string | null;
  status: ProjectStatus;
  createdBy: string | null;
  /** The organization holding its signed contract. */
  contractorOrganizationId: string | null;
  /** The third-party evaluator assigned to it. */
  evaluatorUserId: string | null;
}

/** Territorial readers by the project's units; the contractor's people by its organization. */
export const PROJECT_READERS: readonly Role[] = ['district_officer', 'street_officer', 'community_admin', 'community_worker', 'org_admin', 'supervisor', 'social_worker'];

const pathOf = (r: ProjectRecord): ScopePath => ({ districtId: r.districtId, streetId: r.streetIds, communityId: r.communityIds, organizationId: r.contractorOrganizationId });

/** The contractor's administrator: who starts delivery and answers for it. */
const isContractor = (r: ProjectRecord, a: Assignment) => a.role === 'org_admin' && a.scopeType === 'organization' && a.scopeId === r.contractorOrganizationId;

/**
 * The units the project is about, as a drafter must hold them: a community admin only a
 * project of their community alone, a street officer one within their street, the district
 * officer any of the district.
 */
function isOrigin(r: ProjectRecord, a: Assignment): boolean {
  if (a.scopeType === 'district') return a.scopeId === r.districtId;
  if (a.scopeType === 'street') return r.streetIds.length === 1 && r.streetIds[0] === a.scopeId;
  if (a.scopeType === 'community') return r.communityIds.length === 1 && r.communityIds[0] === a.scopeId;
  return false;
}

/** The purchasing unit's own officers: the district office for a district purchase, the street office for a street one. */
function isFunder(r: ProjectRecord, a: Assignment): boolean {
  return r.purchaserLevel === 'district'
    ? a.role === 'district_officer' && a.scopeType === 'district' && a.scopeId === r.districtId
    : a.role === 'street_officer' && a.scopeType === 'street' && a.scopeId === r.purchaserStreetId;
}

/** The evaluator assigned to the project, acting in their evaluator role. */
const isEvaluator = (actor: Actor, r: ProjectRecord, a: Assignment) => a.role === 'evaluator' && r.evaluatorUserId !== null && actor.userId === r.evaluatorUserId;

function isParty(party: Party, actor: Actor, r: ProjectRecord, a: Assignment): boolean {
  switch (party) {
    case 'origin':
      return isOrigin(r, a);
    case 'funder':
      return isFunder(r, a);
    case 'contractor':
      return isContractor(r, a);
    case 'evaluator':
      return isEvaluator(actor, r, a);
  }
}

/** One rule per offered action: any of its transitions from the record's status, taken by its party. */
const transitionRules = Object.fromEntries(
  OFFERED_ACTIONS.map((action): [OfferedAction, Rule<ProjectRecord>] => {
    const ts = PROJECT_TRANSITIONS.filter((t) => t.action === action);
    return [
      action,
      {
        roles: [...new Set(ts.flatMap((t) => t.roles))],
        anyScope: true,
        when: (actor: Actor, r, a) =>
          ts.some(
            (t) =>
              t.from.includes(r.status) &&
              t.roles.includes(a.role) &&
              isParty(t.party, actor, r, a) &&
              !(t.notDrafter && r.createdBy === actor.userId),
          ),
      },
    ];
  }),
) as Record<OfferedAction, Rule<ProjectRecord>>;

/**
 * Officers and community staff read the projects answering needs of their units. A draft is
 * made and edited by a community admin, street officer or district officer of the units it is
 * about (`isOrigin`); approval and everything after it belong to the funder (`isFunder`), and
 * never to the person who drafted it. Transitions: PROJECT_TRANSITIONS.
 */
export const projectPolicy = definePolicy<
  ProjectRecord,
  | 'read' | 'create' | 'update' | 'commit_resource' | 'draft_contract' | 'sign_contract' | 'release_tranche' | 'terminate_contract'
  | 'assign_evaluator' | 'evaluate' | 'answer_rectification' | 'submit_report' | OfferedAction
>('projects.project', pathOf, {
  read: { roles: [...PROJECT_READERS, 'evaluator'], anyScope: true, when: (actor, r, a) => (a.role === 'evaluator' ? isEvaluator(actor, r, a) : covers(a, pathOf(r))) },
  create: { roles: DRAFTERS, anyScope: true, when: (_actor, r, a) => isOrigin(r, a) },
  update: { roles: DRAFTERS, anyScope: true, when: (_actor, r, a) => r.status === 'draft' && isOrigin(r, a) },
  commit_resource: { roles: DRAFTERS, anyScope: true, when: (_actor, r, a) => r.status !== 'cancelled' && r.status !== 'closed' && (isOrigin(r, a) || isFunder(r, a)) },
  // The contract is the funder's: drafted on the award while the result is publicised or once
  // the round concluded, signed, paid tranche by tranche, terminated.
  draft_contract: { roles: FUNDERS, anyScope: true, when: (_actor, r, a) => r.status === 'publicity' && isFunder(r, a) },
  sign_contract: { roles: FUNDERS, anyScope: true, when: (_actor, r, a) => r.status === 'publicity' && isFunder(r, a) },
  release_tranche: { roles: FUNDERS, anyScope: true, when: (_actor, r, a) => isFunder(r, a) },
  terminate_contract: { roles: FUNDERS, anyScope: true, when: (_actor, r, a) => (r.status === 'contracted' || r.status === 'in_delivery' || r.status === 'midterm') && isFunder(r, a) },
  // The funder assigns a third-party evaluator while the project is delivered; the evaluator
  // assigned evaluates it (reads it too); the contractor answers a rectification.
  assign_evaluator: { roles: FUNDERS, anyScope: true, when: (_actor, r, a) => (r.status === 'contracted' || r.status === 'in_delivery') && isFunder(r, a) },
  evaluate: { roles: ['evaluator'], anyScope: true, when: (actor, r, a) => isEvaluator(actor, r, a) },
  answer_rectification: { roles: ['org_admin'], anyScope: true, when: (_actor, r, a) => isContractor(r, a) },
  // The contractor reports progress while it delivers (also during the evaluations).
  submit_report: { roles: ['org_admin'], anyScope: true, when: (_actor, r, a) => isContractor(r, a) && (r.status === 'in_delivery' || r.status === 'midterm' || r.status === 'final') },
  ...transitionRules,
});

/** Actions sent with a project so the UI shows only what the user may do. */
export const SENT_ACTIONS = ['update', 'commit_resource', ...OFFERED_ACTIONS] as const;
