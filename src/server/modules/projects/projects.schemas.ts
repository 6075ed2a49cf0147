import { Type, type Static } from 'typebox';
import { DateStr, Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { OFFERED_ACTIONS } from './projects.lifecycle.ts';
import { FUNDING_SOURCES, PROJECT_STATUSES, PURCHASER_LEVELS } from './projects.tables.ts';

export const IdParams = Type.Object({ id: Uuid });

export const ProjectView = Type.Object({
  id: Uuid,
  districtId: Uuid,
  refNo: Type.String({ description: 'P-2026-0001: per district and year' }),
  title: Type.String(),
  objectives: Type.String(),
  targetBeneficiaries: Nullable(Type.Integer({ description: 'the plan figure typed by the drafter' })),
  budgetFen: Type.Integer({ description: 'integer fen (1 yuan = 100 fen)' }),
  fundingSource: StringEnum(FUNDING_SOURCES),
  periodStart: Nullable(DateStr),
  periodEnd: Nullable(DateStr),
  purchaserLevel: StringEnum(PURCHASER_LEVELS),
  purchaserStreetId: Nullable(Uuid),
  streetIds: Type.Array(Uuid),
  communityIds: Type.Array(Uuid),
  status: StringEnum(PROJECT_STATUSES),
  createdBy: Uuid,
  approvedBy: Nullable(Uuid),
  approvedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Type.Array(Type.String()),
});
export type ProjectView = Static<typeof ProjectView>;

export const CommitmentView = Type.Object({
  id: Uuid,
  resourceId: Uuid,
  resourceName: Type.String(),
  resourceKind: Type.String(),
  commonNeedId: Nullable(Uuid),
  projectId: Nullable(Uuid),
  terms: Type.String(),
  periodStart: Nullable(DateStr),
  periodEnd: Nullable(DateStr),
  committedBy: Uuid,
  committedByName: Type.String(),
  committedAt: Type.String(),
  withdrawnAt: Nullable(Type.String()),
});
export type CommitmentView = Static<typeof CommitmentView>;

export const ProjectDetail = Type.Intersect([
  ProjectView,
  Type.Object({
    origins: Type.Array(Type.Object({ id: Uuid, title: Type.String(), status: Type.String(), householdCount: Type.Integer(), memberCount: Type.Integer(), communityIds: Type.Array(Uuid) })),
    /** The communities it serves, by name. */
    communities: Type.Array(Type.Object({ id: Uuid, name: Type.String(), nameEn: Nullable(Type.String()) })),
    needs: Type.Array(Type.Object({ id: Uuid, refNo: Type.String(), state: Type.String(), communityId: Uuid, beneficiaries: Type.Integer() })),
    /** Distinct households of the needs it answers (a need without a household counts as one): computed. */
    householdCount: Type.Integer(),
    beneficiaryCount: Type.Integer(),
    commitments: Type.Array(CommitmentView),
    timeline: Type.Array(
      Type.Object({ id: Uuid, at: Type.String(), action: Type.String(), fromStatus: Nullable(Type.String()), toStatus: Type.String(), reason: Type.String(), actorName: Nullable(Type.String()) }),
    ),
  }),
]);
export type ProjectDetail = Static<typeof ProjectDetail>;

export const ListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(StringEnum(PROJECT_STATUSES)),
  /** Projects the caller may approve now. */
  awaitingMe: Type.Optional(Type.Boolean()),
});
export type ListQuery = Static<typeof ListQuery>;
export const ProjectPage = Page(ProjectView);

const Title = Type.String({ minLength: 1, maxLength: 100 });
const Objectives = Type.String({ maxLength: 4000 });
// Up to 1 billion yuan: a figure beyond it is a typing error.
const BudgetFen = Type.Integer({ minimum: 0, maximum: 100_000_000_000 });

export const CreateBody = Type.Object(
  {
    commonNeedIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
    title: Title,
    objectives: Type.Optional(Objectives),
    targetBeneficiaries: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    budgetFen: BudgetFen,
    fundingSource: StringEnum(FUNDING_SOURCES),
    periodStart: Type.Optional(DateStr),
    periodEnd: Type.Optional(DateStr),
    purchaserLevel: StringEnum(PURCHASER_LEVELS),
    purchaserStreetId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type CreateBody = Static<typeof CreateBody>;

export const UpdateBody = Type.Object(
  {
    title: Type.Optional(Title),
    objectives: Type.Optional(Objectives),
    targetBeneficiaries: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 }))),
    budgetFen: Type.Optional(BudgetFen),
    fundingSource: Type.Optional(StringEnum(FUNDING_SOURCES)),
    periodStart: Type.Optional(Nullable(DateStr)),
    periodEnd: Type.Optional(Nullable(DateStr)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateBody = Static<typeof UpdateBody>;

export const TransitionBody = Type.Object(
  { action: StringEnum(OFFERED_ACTIONS), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const CommitBody = Type.Object(
  {
    resourceId: Uuid,
    terms: Type.String({ minLength: 1, maxLength: 2000 }),
    periodStart: Type.Optional(DateStr),
    periodEnd: Type.Optional(DateStr),
  },
  { additionalProperties: false },
);
export type CommitBody = Static<typeof CommitBody>;
export const CommitmentList = Type.Object({ items: Type.Array(CommitmentView) });

/** What a need's reporter is told about the project answering it. */
export const NeedProject = Type.Object({ id: Uuid, refNo: Type.String(), title: Type.String(), status: StringEnum(PROJECT_STATUSES) });
export type NeedProject = Static<typeof NeedProject>;
