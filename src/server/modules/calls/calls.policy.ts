import { ROLES, type Role } from '../../../common/roles.ts';
import { covers, type Assignment, type ScopePath } from '../../platform/authz/actor.ts';
import { definePolicy } from '../../platform/authz/policy.ts';
import type { CallStatus } from './calls.lifecycle.ts';

/** A call as authorization sees it: the office that runs it and how far it has gone. */
export interface CallRecord {
  districtId: string;
  issuerLevel: 'street' | 'district';
  issuerStreetId: string | null;
  status: CallStatus;
  /** The users on its panel, where a rule needs them. */
  panel?: readonly string[];
}

/** The panel has closed when the call is ranked: from then on scores are shown (DESIGN 3.6). */
export const SCORES_SHOWN: readonly CallStatus[] = ['ranked', 'publicity', 'concluded'];


const pathOf = (r: CallRecord): ScopePath => ({ districtId: r.districtId, streetId: r.issuerStreetId });

const OFFICERS: readonly Role[] = ['district_officer', 'street_officer'];

/** The office running the round: the street office of a street call, the district office of a district call. */
function isIssuer(r: CallRecord, a: Assignment): boolean {
  return r.issuerLevel === 'district'
    ? a.role === 'district_officer' && a.scopeType === 'district' && a.scopeId === r.districtId
    : a.role === 'street_officer' && a.scopeType === 'street' && a.scopeId === r.issuerStreetId;
}

const issuer = { roles: OFFICERS, when: (_: unknown, r: CallRecord, a: Assignment) => isIssuer(r, a) };

/**
 * A draft is the issuing office's working paper, read by the officers whose scope holds it (the
 * district office also reads its streets' drafts: `read_draft`, which also filters lists).
 * Once open, a call is a published notice (申报指南): every signed-in user reads it, whatever
 * their scope — organizations anywhere may apply. Only the issuing office runs it.
 */
export const callPolicy = definePolicy<
  CallRecord,
  | 'read' | 'read_draft' | 'create' | 'update' | 'open' | 'close' | 'rank' | 'publicize' | 'conclude' | 'cancel'
  | 'read_progress' | 'read_ranking' | 'object' | 'read_objections' | 'answer_objection'
>('calls.call', pathOf, {
  read: {
    roles: ROLES,
    anyScope: true,
    when: (_actor, r, a) => r.status !== 'draft' || (OFFICERS.includes(a.role) && covers(a, pathOf(r))),
  },
  read_draft: OFFICERS,
  create: issuer,
  update: issuer,
  open: issuer,
  close: issuer,
  rank: issuer,
  publicize: issuer,
  conclude: issuer,
  cancel: issuer,
  /** Anyone signed in may object to a result while it is publicised (story 3: a resident). */
  object: { roles: ROLES, anyScope: true, when: (_actor, r) => r.status === 'publicity' },
  read_objections: issuer,
  answer_objection: issuer,
  /** Who has declared and scored what, without the scores: the office follows its panel. */
  read_progress: issuer,
  /** The computed ranking: the office and the panel, once the panel has closed. */
  read_ranking: {
    roles: [...OFFICERS, 'reviewer'],
    anyScope: true,
    when: (actor, r, a) => SCORES_SHOWN.includes(r.status) && (a.role === 'reviewer' ? (r.panel ?? []).includes(actor.userId) : isIssuer(r, a)),
  },
});

/** An application as authorization sees it: whose it is, how far it is, and the round it is in. */
export interface ApplicationRecord {
  organizationId: string;
  status: 'draft' | 'submitted' | 'withdrawn';
  /** Handed in at some point: a draft withdrawn before submission stays the organization's own. */
  submitted: boolean;
  call: CallRecord;
  /** The users on the call's panel. */
  panel: readonly string[];
}

const applicant = (roles: readonly Role[], when?: (r: ApplicationRecord) => boolean) => ({ roles, ...(when && { when: (_: unknown, r: ApplicationRecord) => when(r) }) });
const onPanel = (actor: { userId: string }, r: ApplicationRecord) => r.panel.includes(actor.userId);

/**
 * An application belongs to its organization: the administrator writes it while the call is
 * open, its staff and supervisors read it. The issuing office reads it once submitted. A panel
 * member reviews a submitted one while the panel sits (the call closed); whether they may see
 * it at all — their declaration, their ties to the applicant — is the review's own rule
 * (calls.reviews.ts). Scores are read by the office and the panel once the panel has closed,
 * and by the applicant without reviewers' names (`read_own_scores`).
 */
export const applicationPolicy = definePolicy<
  ApplicationRecord,
  'read' | 'create' | 'update' | 'submit' | 'withdraw' | 'read_submitted' | 'review' | 'read_scores' | 'read_own_scores'
>('calls.application', (r) => ({ organizationId: r.organizationId }), {
  read: ['org_admin', 'supervisor', 'social_worker'],
  create: applicant(['org_admin'], (r) => r.call.status === 'open'),
  update: applicant(['org_admin'], (r) => r.call.status === 'open' && r.status === 'draft'),
  submit: applicant(['org_admin'], (r) => r.call.status === 'open' && r.status === 'draft'),
  withdraw: applicant(['org_admin'], (r) => (r.call.status === 'open' || r.call.status === 'closed') && r.status !== 'withdrawn'),
  read_submitted: { roles: OFFICERS, anyScope: true, when: (_actor, r, a) => r.submitted && isIssuer(r.call, a) },
  review: { roles: ['reviewer'], anyScope: true, when: (actor, r) => r.status === 'submitted' && r.call.status === 'closed' && onPanel(actor, r) },
  read_scores: {
    roles: [...OFFICERS, 'reviewer'],
    anyScope: true,
    when: (actor, r, a) => SCORES_SHOWN.includes(r.call.status) && (a.role === 'reviewer' ? onPanel(actor, r) : isIssuer(r.call, a)),
  },
  read_own_scores: applicant(['org_admin', 'supervisor', 'social_worker'], (r) => SCORES_SHOWN.includes(r.call.status)),
});
