import { Type, type Static } from 'typebox';
import { Nullable, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { TIE_RULES } from '../projects/projects.ranking.ts';

export const DeclarationBody = Type.Object(
  {
    /** The reviewer works for or with the applicant, or has another interest in it: they step out of this application. */
    conflict: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type DeclarationBody = Static<typeof DeclarationBody>;

export const ReviewBody = Type.Object(
  {
    /** Points per criterion id, to one decimal place; a draft may leave criteria out. */
    scores: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), Type.Number({ minimum: 0, maximum: 100 })),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Hand the sheet in: it can no longer change. */
    submit: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReviewBody = Static<typeof ReviewBody>;

const REVIEW_STATES = ['undeclared', 'conflict', 'scoring', 'submitted'] as const;

export const MyReview = Type.Object({
  applicationId: Uuid,
  state: StringEnum(REVIEW_STATES),
  conflictNote: Type.String(),
  scores: Type.Record(Type.String(), Type.Number()),
  total: Nullable(Type.Number()),
  comment: Type.String(),
  submittedAt: Nullable(Type.String()),
});
export type MyReview = Static<typeof MyReview>;

/** A panel member's workspace for one call: the applications they review and where each stands. */
export const ReviewSheet = Type.Object({
  callId: Uuid,
  refNo: Type.String(),
  title: Type.String(),
  status: Type.String(),
  criteria: Type.Array(Type.Object({ id: Type.String(), name: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }), maxPoints: Type.Integer() })),
  /** Applications withheld because the reviewer works for or with the applicant: counted, never named. */
  withheld: Type.Integer(),
  items: Type.Array(
    Type.Intersect([
      MyReview,
      Type.Object({
        refNo: Type.String(),
        /** Shown before the declaration, so the reviewer knows whom they would judge. */
        organizationName: Type.String(),
        title: Type.String(),
        offer: Type.String(),
      }),
    ]),
  ),
});
export type ReviewSheet = Static<typeof ReviewSheet>;

export const MyCalls = Type.Object({
  items: Type.Array(Type.Object({ callId: Uuid, refNo: Type.String(), title: Type.String(), status: Type.String(), kind: StringEnum(['expert', 'juror'] as const), owed: Type.Integer(), done: Type.Integer() })),
});

export const Progress = Type.Object({
  panel: Type.Array(
    Type.Object({
      userId: Uuid,
      displayName: Type.String(),
      kind: StringEnum(['expert', 'juror'] as const),
      tied: Type.Integer(),
      undeclared: Type.Integer(),
      conflict: Type.Integer(),
      scoring: Type.Integer(),
      submitted: Type.Integer(),
    }),
  ),
  applications: Type.Array(Type.Object({ id: Uuid, refNo: Type.String(), title: Type.String(), organizationName: Type.String(), submitted: Type.Integer(), owed: Type.Integer() })),
  /** Reviews still owed: undeclared or not yet handed in. The panel closes at 0. */
  outstanding: Type.Integer(),
});
export type Progress = Static<typeof Progress>;

export const RankingRow = Type.Object({
  rank: Type.Integer(),
  applicationId: Uuid,
  refNo: Type.String(),
  title: Type.String(),
  organizationId: Uuid,
  organizationName: Type.String(),
  /** The offered project applied for; null for a theme proposal. */
  projectId: Nullable(Uuid),
  offer: Type.String(),
  requestedFen: Type.Integer(),
  reviewCount: Type.Integer(),
  trimmed: Type.Boolean(),
  base: Type.Number(),
  bonus: Type.Number(),
  total: Type.Number(),
  recommended: Type.Boolean(),
  tieBrokenBy: Nullable(StringEnum(TIE_RULES)),
});

export const Ranking = Type.Object({
  callId: Uuid,
  refNo: Type.String(),
  title: Type.String(),
  trimFrom: Type.Integer(),
  passMark: Type.Integer(),
  tieRules: Type.Array(StringEnum(TIE_RULES)),
  items: Type.Array(RankingRow),
});
export type Ranking = Static<typeof Ranking>;
