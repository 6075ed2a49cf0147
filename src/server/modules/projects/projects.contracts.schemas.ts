import { Type, type Static } from 'typebox';
import { DateStr, Nullable, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { CO_FUNDING_KINDS, COUNT_MEASURES, MEASURES } from './projects.tables.ts';
import { TRANCHE_PRECONDITIONS } from './projects.tranches.ts';

export const ProjectParams = Type.Object({ id: Uuid });
export const ContractParams = Type.Object({ id: Uuid });
export const TrancheParams = Type.Object({ id: Uuid, seq: Type.Integer({ minimum: 1, maximum: 12 }) });

export const TranchePlan = Type.Object(
  {
    amountFen: Type.Integer({ minimum: 1 }),
    precondition: StringEnum(TRANCHE_PRECONDITIONS),
    /** For `milestone_reached`: the milestone's number in `milestones` (from 1). */
    milestone: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  },
  { additionalProperties: false },
);

/** A target the project is held to; the actual is computed from its activities. Rates are whole percentages. */
export const IndicatorPlan = Type.Object({ measure: StringEnum(MEASURES), target: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }, { additionalProperties: false });
/** Reached on the day the measure's running count first meets the threshold. */
export const MilestonePlan = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 100 }), dueOn: DateStr, measure: StringEnum(COUNT_MEASURES), threshold: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false },
);

export const DraftBody = Type.Object(
  {
    termStart: DateStr,
    termEnd: DateStr,
    /** Adding up to the award's amount (the amount the organization asked for). */
    tranches: Type.Array(TranchePlan, { minItems: 1, maxItems: 12 }),
    indicators: Type.Optional(Type.Array(IndicatorPlan, { maxItems: MEASURES.length })),
    milestones: Type.Optional(Type.Array(MilestonePlan, { maxItems: 12 })),
  },
  { additionalProperties: false },
);
export type DraftBody = Static<typeof DraftBody>;

export const ReleaseBody = Type.Object({ voucher: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });
export const TerminateBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }), clawbackFen: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type TerminateBody = Static<typeof TerminateBody>;

/** Money the organization pledged from a non-government source in its winning application. */
const CoFunding = Type.Object({ fen: Type.Integer(), kind: Nullable(StringEnum(CO_FUNDING_KINDS)), source: Type.String() });

export const ContractView = Type.Object({
  id: Uuid,
  projectId: Uuid,
  callId: Uuid,
  applicationId: Uuid,
  organizationId: Uuid,
  organizationName: Type.String(),
  amountFen: Type.Integer(),
  coFunding: CoFunding,
  termStart: Type.String(),
  termEnd: Type.String(),
  status: StringEnum(['draft', 'signed', 'terminated'] as const),
  signedAt: Nullable(Type.String()),
  terminatedAt: Nullable(Type.String()),
  terminationReason: Nullable(Type.String()),
  clawbackFen: Nullable(Type.Integer()),
  paidFen: Type.Integer(),
  tranches: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      amountFen: Type.Integer(),
      precondition: StringEnum(TRANCHE_PRECONDITIONS),
      milestoneSeq: Nullable(Type.Integer()),
      paidAt: Nullable(Type.String()),
      /** Why it cannot be released now; null when it can (or has been). */
      blockedBy: Nullable(Type.String()),
    }),
  ),
  allowedActions: Type.Array(Type.String()),
});
export type ContractView = Static<typeof ContractView>;

/** A project's contract, or the award a contract may be drafted on. */
export const ProjectContract = Type.Object({
  contract: Nullable(ContractView),
  award: Nullable(Type.Object({ callId: Uuid, callRefNo: Type.String(), callStatus: Type.String(), organizationName: Type.String(), amountFen: Type.Integer(), coFunding: CoFunding })),
  canDraft: Type.Boolean(),
});

export const DeliveryView = Type.Object({
  facts: Type.Object({ sessionsHeld: Type.Integer(), peopleServed: Type.Integer(), attendances: Type.Integer(), ratings: Type.Integer(), satisfied: Type.Integer() }),
  indicators: Type.Array(
    Type.Object({ measure: StringEnum(MEASURES), kind: StringEnum(['output', 'outcome'] as const), target: Type.Integer(), actual: Nullable(Type.Integer()), met: Type.Boolean() }),
  ),
  milestones: Type.Array(
    Type.Object({
      id: Uuid,
      seq: Type.Integer(),
      title: Type.String(),
      dueOn: Type.String(),
      measure: StringEnum(COUNT_MEASURES),
      threshold: Type.Integer(),
      actual: Type.Integer(),
      reachedOn: Nullable(Type.String()),
      /** Null until reached. */
      onTime: Nullable(Type.Boolean()),
    }),
  ),
});
export type DeliveryView = Static<typeof DeliveryView>;
