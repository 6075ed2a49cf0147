import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { CO_FUNDING_KINDS } from '../projects/index.ts';

export const ApplicationParams = Type.Object({ id: Uuid });
export const CallParams = Type.Object({ id: Uuid });

const APPLICATION_STATUSES = ['draft', 'submitted', 'withdrawn'] as const;
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000_000 });

export const BudgetLine = Type.Object(
  { item: Type.String({ minLength: 1, maxLength: 100 }), amountFen: Fen, note: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export const TeamEntry = Type.Object({ socialWorkerId: Uuid, role: StringEnum(['lead', 'member'] as const) }, { additionalProperties: false });

const Fields = {
  title: Type.String({ minLength: 1, maxLength: 100 }),
  summary: Type.String({ maxLength: 500 }),
  proposal: Type.String({ maxLength: 20_000 }),
  budgetLines: Type.Array(BudgetLine, { maxItems: 50 }),
  coFundingFen: Fen,
  coFundingSource: Type.String({ maxLength: 200 }),
  /** Required to submit when there is co-funding: it places the money in the funding mix. */
  coFundingKind: Nullable(StringEnum(CO_FUNDING_KINDS)),
  team: Type.Array(TeamEntry, { maxItems: 30 }),
};

export const CreateBody = Type.Object(
  {
    organizationId: Uuid,
    /** One of the call's offered projects, or (instead) one of its themes. */
    projectId: Type.Optional(Uuid),
    theme: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    title: Fields.title,
    summary: Type.Optional(Fields.summary),
    proposal: Type.Optional(Fields.proposal),
    budgetLines: Type.Optional(Fields.budgetLines),
    coFundingFen: Type.Optional(Fields.coFundingFen),
    coFundingSource: Type.Optional(Fields.coFundingSource),
    coFundingKind: Type.Optional(Fields.coFundingKind),
    team: Type.Optional(Fields.team),
  },
  { additionalProperties: false },
);
export type CreateBody = Static<typeof CreateBody>;

export const UpdateBody = Type.Object(
  {
    title: Type.Optional(Fields.title),
    summary: Type.Optional(Fields.summary),
    proposal: Type.Optional(Fields.proposal),
    budgetLines: Type.Optional(Fields.budgetLines),
    coFundingFen: Type.Optional(Fields.coFundingFen),
    coFundingSource: Type.Optional(Fields.coFundingSource),
    coFundingKind: Type.Optional(Fields.coFundingKind),
    team: Type.Optional(Fields.team),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateBody = Static<typeof UpdateBody>;

export const TransitionBody = Type.Object({ action: StringEnum(['submit', 'withdraw'] as const), reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });
export type TransitionBody = Static<typeof TransitionBody>;

export const EligibilityCheck = Type.Object({
  rule: Type.String(),
  pass: Type.Boolean(),
  reason: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});
export const Eligibility = Type.Object({ eligible: Type.Boolean(), onDate: Type.String(), checks: Type.Array(EligibilityCheck) });
export type Eligibility = Static<typeof Eligibility>;
export const EligibilityQuery = Type.Object({ organizationId: Uuid });

/** One reviewer's sheet as shown once the panel has closed: named to the office and panel, numbered to the applicant. */
export const ScoreSheet = Type.Object({
  /** 1, 2, 3… in the order the sheets were handed in. */
  number: Type.Integer(),
  /** The reviewer's name for the office and the panel; null for the applicant. */
  reviewer: Nullable(Type.String()),
  kind: StringEnum(['expert', 'juror'] as const),
  /** Points per criterion id. */
  scores: Type.Record(Type.String(), Type.Number()),
  total: Type.Number(),
  comment: Type.String(),
});

export const ApplicationView = Type.Object({
  id: Uuid,
  refNo: Type.String(),
  callId: Uuid,
  callRefNo: Type.String(),
  callTitle: Type.String(),
  callStatus: Type.String(),
  deadline: Type.String(),
  organizationId: Uuid,
  organizationName: Type.String(),
  projectId: Nullable(Uuid),
  projectTitle: Nullable(Type.String()),
  theme: Nullable(Type.String()),
  title: Type.String(),
  status: StringEnum(APPLICATION_STATUSES),
  budgetFen: Type.Integer(),
  coFundingFen: Type.Integer(),
  /** What the applicant asks the funder for: the budget less co-funding. */
  requestedFen: Type.Integer(),
  submittedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  allowedActions: Type.Array(Type.String()),
});
export type ApplicationView = Static<typeof ApplicationView>;

export const ApplicationDetail = Type.Intersect([
  ApplicationView,
  Type.Object({
    summary: Type.String(),
    proposal: Type.String(),
    budgetLines: Type.Array(BudgetLine),
    coFundingSource: Type.String(),
    coFundingKind: Nullable(StringEnum(CO_FUNDING_KINDS)),
    team: Type.Array(Type.Object({ socialWorkerId: Uuid, name: Type.String(), certificateLevel: Type.String(), role: StringEnum(['lead', 'member'] as const) })),
    /** The answer kept from the day of submission (null for a draft). */
    eligibility: Nullable(Eligibility),
    /** Shown once the panel has closed; null before, and to those who may not read them. */
    scoreSheets: Nullable(Type.Array(ScoreSheet)),
  }),
]);
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const ApplicationPage = Page(ApplicationView);

export const ListQuery = Type.Object({
  ...PageQuery,
  callId: Type.Optional(Uuid),
  organizationId: Type.Optional(Uuid),
  status: Type.Optional(StringEnum(APPLICATION_STATUSES)),
});
export type ListQuery = Static<typeof ListQuery>;

