import { Type, type Static } from 'typebox';
import { DateStr, Nullable, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { CASE_ACTIONS, REVIEW_ACTIONS } from './cases.lifecycle.ts';
import { CASE_RECORD_KINDS, CASE_STATUSES, SHAREABLE_FIELDS } from './cases.tables.ts';

const Text = (maxLength: number) => Type.String({ maxLength });
const Outcome = StringEnum(['fully', 'partly', 'closed_unresolved'] as const);

export const CASE_SOURCES = ['need', 'walk_in', 'referral', 'outreach'] as const;
/** The five domains of an assessment (DESIGN 3.8). */
export const ASSESSMENT_DOMAINS = ['living', 'health', 'family', 'finances', 'safety'] as const;
export const GOAL_RESULTS = ['achieved', 'partly', 'not_achieved'] as const;

export const CaseParams = Type.Object({ id: Uuid });

export const OpenBody = Type.Object(
  {
    clientResidentId: Uuid,
    /** A need referred to the organization: the case answers it, and its closure resolves it. */
    needId: Type.Optional(Uuid),
    /** The social worker assigned; a social worker opening a case leaves it out (it is theirs). */
    workerId: Type.Optional(Uuid),
    source: StringEnum(CASE_SOURCES),
    /** The presenting problem, in the worker's words (encrypted). */
    summary: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type OpenBody = Static<typeof OpenBody>;

const Domain = Type.Object({ score: Type.Integer({ minimum: 1, maximum: 5, description: '1 serious concern … 5 no concern' }), note: Text(1000) }, { additionalProperties: false });
export const AssessmentBody = Type.Object(
  {
    domains: Type.Object(Object.fromEntries(ASSESSMENT_DOMAINS.map((d) => [d, Domain])) as Record<(typeof ASSESSMENT_DOMAINS)[number], typeof Domain>, { additionalProperties: false }),
    summary: Text(2000),
  },
  { additionalProperties: false },
);
export type AssessmentBody = Static<typeof AssessmentBody>;

export const PlanBody = Type.Object(
  {
    goals: Type.Array(Type.Object({ title: Type.String({ minLength: 1, maxLength: 200 }), measure: Text(200) }, { additionalProperties: false }), { minItems: 1, maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type PlanBody = Static<typeof PlanBody>;

const GoalProgress = Type.Object({ goal: Type.Integer({ minimum: 1, maximum: 10, description: 'the goal\'s number in the approved plan' }), progress: Type.Integer({ minimum: 0, maximum: 100 }) }, { additionalProperties: false });
export const SessionBody = Type.Object(
  {
    heldOn: DateStr,
    minutes: Type.Integer({ minimum: 1, maximum: 720 }),
    note: Type.String({ minLength: 1, maxLength: 4000 }),
    goalProgress: Type.Optional(Type.Array(GoalProgress, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type SessionBody = Static<typeof SessionBody>;

export const ClosingBody = Type.Object(
  {
    outcome: Outcome,
    results: Type.Array(Type.Object({ goal: Type.Integer({ minimum: 1, maximum: 10 }), result: StringEnum(GOAL_RESULTS), note: Text(1000) }, { additionalProperties: false }), { maxItems: 10 }),
    summary: Type.String({ minLength: 1, maxLength: 2000 }),
    /** What the need's reporter reads when the case closes; required when the case answers a need. */
    reply: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type ClosingBody = Static<typeof ClosingBody>;

export const ReviewBody = Type.Object({ action: StringEnum(REVIEW_ACTIONS), comment: Type.Optional(Text(1000)) }, { additionalProperties: false });
export type ReviewBody = Static<typeof ReviewBody>;

export const TransferBody = Type.Object({ workerId: Uuid, note: Type.String({ minLength: 1, maxLength: 2000, description: 'the handover note for the new worker' }) }, { additionalProperties: false });
export type TransferBody = Static<typeof TransferBody>;

export const ReopenBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export type ReopenBody = Static<typeof ReopenBody>;

const Fields = Type.Array(StringEnum(SHAREABLE_FIELDS), { minItems: 1, maxItems: SHAREABLE_FIELDS.length, uniqueItems: true });

export const ConsentBody = Type.Object(
  {
    givenBy: StringEnum(['client', 'guardian'] as const),
    /** Required when a guardian consents (always, for a client under 18). */
    guardianName: Type.Optional(Type.String({ maxLength: 50 })),
    guardianRelation: Type.Optional(Type.String({ maxLength: 20 })),
    fields: Fields,
    givenOn: DateStr,
  },
  { additionalProperties: false },
);
export type ConsentBody = Static<typeof ConsentBody>;
export const ConsentParams = Type.Object({ id: Uuid, consentId: Uuid });

export const ReferBody = Type.Object(
  {
    /** Another organization on the platform, or a department named in words (no account here). */
    toOrganizationId: Type.Optional(Uuid),
    toDepartment: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
    fields: Fields,
  },
  { additionalProperties: false },
);
export type ReferBody = Static<typeof ReferBody>;

export const ReferralParams = Type.Object({ id: Uuid });
export const AnswerBody = Type.Object({ decision: StringEnum(['accepted', 'declined'] as const), answer: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false });
export type AnswerBody = Static<typeof AnswerBody>;

export const Consent = Type.Object({
  id: Type.String(),
  givenBy: StringEnum(['client', 'guardian'] as const),
  guardianName: Nullable(Type.String()),
  guardianRelation: Nullable(Type.String()),
  fields: Type.Array(StringEnum(SHAREABLE_FIELDS)),
  givenOn: Type.String(),
  withdrawnAt: Nullable(Type.String()),
});
export type Consent = Static<typeof Consent>;

const ReferralStatus = StringEnum(['sent', 'accepted', 'declined'] as const);
export const Referral = Type.Object({
  id: Type.String(),
  toOrganization: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  toDepartment: Nullable(Type.String()),
  fields: Type.Array(StringEnum(SHAREABLE_FIELDS)),
  reason: Type.String(),
  status: ReferralStatus,
  answer: Nullable(Type.String()),
  sentAt: Type.String(),
  answeredAt: Nullable(Type.String()),
});
export type Referral = Static<typeof Referral>;

/** What the receiving organization reads: the fields sent and nothing else of the case. */
export const ReceivedReferral = Type.Object({
  id: Type.String(),
  fromOrganization: Type.Object({ id: Type.String(), name: Type.String() }),
  caseRefNo: Type.String(),
  fields: Type.Array(StringEnum(SHAREABLE_FIELDS)),
  shared: Type.Record(Type.String(), Type.String()),
  reason: Type.String(),
  status: ReferralStatus,
  answer: Nullable(Type.String()),
  sentAt: Type.String(),
  answeredAt: Nullable(Type.String()),
});
export type ReceivedReferral = Static<typeof ReceivedReferral>;
/** A received referral in a list: nothing of what was sent, only who sent what kinds of fields. */
export const ReceivedReferralSummary = Type.Omit(ReceivedReferral, ['shared', 'reason', 'answer']);
export type ReceivedReferralSummary = Static<typeof ReceivedReferralSummary>;
export const ReceivedReferralList = Type.Object({ items: Type.Array(ReceivedReferralSummary) });
export type ReceivedReferralList = Static<typeof ReceivedReferralList>;

export const ListQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(CASE_STATUSES)),
    /** mine: cases the caller works; review: cases waiting for the caller's approval. */
    view: Type.Optional(StringEnum(['mine', 'review'] as const)),
    communityId: Type.Optional(Uuid),
    clientResidentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

const Named = Type.Object({ id: Type.String(), name: Type.String() });

/** What anyone who may read the case sees: never a note. */
export const CaseSummary = Type.Object({
  id: Type.String(),
  refNo: Type.String(),
  status: StringEnum(CASE_STATUSES),
  organization: Named,
  communityId: Type.String(),
  communityName: Type.String(),
  client: Named,
  worker: Named,
  supervisor: Named,
  needId: Nullable(Type.String()),
  outcome: Nullable(Outcome),
  reopened: Type.Integer(),
  openedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type CaseSummary = Static<typeof CaseSummary>;
export const CaseList = Type.Object({ items: Type.Array(CaseSummary) });
export type CaseList = Static<typeof CaseList>;

export const JournalEntry = Type.Object({
  id: Type.String(),
  kind: StringEnum(CASE_RECORD_KINDS),
  at: Type.String(),
  authorName: Type.String(),
  heldOn: Nullable(Type.String()),
  minutes: Nullable(Type.Integer()),
  /** The record as written: its shape follows the kind (the bodies above). */
  body: Type.Record(Type.String(), Type.Unknown()),
});
export type JournalEntry = Static<typeof JournalEntry>;

export const Goal = Type.Object({ goal: Type.Integer(), title: Type.String(), measure: Type.String(), progress: Type.Integer() });
export type Goal = Static<typeof Goal>;

/** The confidential part: only the case's team receives it, and each time it is sent the read is audited. */
export const CaseNotes = Type.Object({
  consents: Type.Array(Consent),
  referrals: Type.Array(Referral),
  assessment: Nullable(AssessmentBody),
  goals: Type.Array(Goal),
  sessionMinutes: Type.Integer(),
  journal: Type.Array(JournalEntry),
});

export const CaseDetail = Type.Intersect([
  CaseSummary,
  Type.Object({
    needRefNo: Nullable(Type.String()),
    reply: Nullable(Type.String()),
    allowedActions: Type.Array(StringEnum(CASE_ACTIONS)),
    notes: Nullable(CaseNotes),
  }),
]);
export type CaseDetail = Static<typeof CaseDetail>;
