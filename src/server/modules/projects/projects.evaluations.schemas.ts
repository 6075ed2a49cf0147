import { Type, type Static } from 'typebox';
import { DateStr, Nullable, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { GRADES } from './projects.grading.ts';
import { EVALUATION_KINDS } from './projects.tables.ts';

export const EvaluationParams = Type.Object({ id: Uuid });

export const AssignBody = Type.Object({ userId: Uuid }, { additionalProperties: false });
export const StartBody = Type.Object({ kind: StringEnum(EVALUATION_KINDS) }, { additionalProperties: false });

/** Points per level-3 indicator (halves allowed); a draft may leave some out. */
const Awarded = Type.Record(Type.String({ maxLength: 100 }), Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.5 }));
export const DraftBody = Type.Object({ awarded: Type.Optional(Awarded), findings: Type.Optional(Type.String({ maxLength: 5000 })) }, { additionalProperties: false });
export type DraftBody = Static<typeof DraftBody>;

export const SubmitBody = Type.Object(
  {
    conclusion: StringEnum(['passed', 'rectify', 'failed', 'accepted', 'accepted_with_conditions'] as const),
    /** For a rectification: what must be put right, and by when. */
    rectification: Type.Optional(Type.String({ maxLength: 2000 })),
    rectifyBy: Type.Optional(DateStr),
  },
  { additionalProperties: false },
);
export type SubmitBody = Static<typeof SubmitBody>;

export const RectifiedBody = Type.Object({ note: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });
export const RecheckBody = Type.Object({ result: StringEnum(['passed', 'failed'] as const), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false });

const Name = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });
const TemplateNode = Type.Object({ id: Type.String(), name: Name, points: Type.Optional(Type.Integer()), children: Type.Optional(Type.Array(Type.Unknown())) });

export const EvaluationView = Type.Object({
  id: Uuid,
  kind: StringEnum(EVALUATION_KINDS),
  evaluatorName: Type.String(),
  awarded: Type.Record(Type.String(), Type.Number()),
  /** Sum of the points awarded so far; final once submitted. */
  score: Type.Number(),
  grade: Nullable(StringEnum(GRADES)),
  findings: Type.String(),
  conclusion: Nullable(Type.String()),
  rectification: Type.String(),
  rectifyBy: Nullable(Type.String()),
  rectifiedNote: Nullable(Type.String()),
  rectifiedAt: Nullable(Type.String()),
  recheck: Nullable(StringEnum(['passed', 'failed'] as const)),
  recheckNote: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  /** What the caller may do on it now: save, submit, answer (the contractor), recheck. */
  allowedActions: Type.Array(Type.String()),
});
export type EvaluationView = Static<typeof EvaluationView>;

export const ProjectEvaluations = Type.Object({
  evaluator: Nullable(Type.Object({ userId: Uuid, name: Type.String(), organizationName: Type.String() })),
  template: Type.Array(TemplateNode),
  bands: Type.Array(Type.Object({ grade: StringEnum(GRADES), min: Type.Number() })),
  evaluations: Type.Array(EvaluationView),
  /** The mid-term result the tranches go by: passed, rectification pending, failed, or none yet. */
  midterm: Nullable(StringEnum(['passed', 'rectify', 'failed'] as const)),
  allowedActions: Type.Array(Type.String()),
});
export type ProjectEvaluations = Static<typeof ProjectEvaluations>;
