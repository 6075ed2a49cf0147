import { Type, type Static } from 'typebox';
import { CERTIFICATE_LEVELS } from '../../../common/organizations.ts';
import { DateStr, Nullable, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { SUPERVISION_FORMS, SUPERVISION_FUNCTIONS } from './workforce.tables.ts';

const Form = StringEnum(SUPERVISION_FORMS, { description: 'individual: one supervisee; group: two or more' });
const Functions = Type.Array(StringEnum(SUPERVISION_FUNCTIONS), { minItems: 1, maxItems: 3, uniqueItems: true, description: 'administrative, educational, supportive (Kadushin)' });

export const SupervisionBody = Type.Object(
  {
    superviseeIds: Type.Array(Uuid, { minItems: 1, maxItems: 30, uniqueItems: true, description: 'social workers the caller supervises' }),
    form: Form,
    functions: Functions,
    heldOn: DateStr,
    minutes: Type.Integer({ minimum: 10, maximum: 480 }),
    notes: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export type SupervisionBody = Static<typeof SupervisionBody>;

export const SupervisionSummary = Type.Object({
  id: Type.String(),
  supervisorId: Type.String(),
  supervisorName: Type.String(),
  supervisees: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  form: Form,
  functions: Functions,
  heldOn: Type.String(),
  minutes: Type.Integer(),
});
export type SupervisionSummary = Static<typeof SupervisionSummary>;
export const SupervisionDetail = Type.Intersect([SupervisionSummary, Type.Object({ notes: Nullable(Type.String({ description: 'only for the supervisor and the supervisees (each read audited)' })) })]);
export type SupervisionDetail = Static<typeof SupervisionDetail>;
export const SupervisionListQuery = Type.Object({ socialWorkerId: Type.Optional(Uuid) }, { additionalProperties: false });
export const SupervisionList = Type.Object({ items: Type.Array(SupervisionSummary) });

export const WorkerParams = Type.Object({ id: Uuid });
export const CeBody = Type.Object(
  {
    completedOn: DateStr,
    hours: Type.Number({ exclusiveMinimum: 0, maximum: 200, multipleOf: 0.5 }),
    title: Type.String({ minLength: 1, maxLength: 100 }),
    provider: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type CeBody = Static<typeof CeBody>;

export const CeStatus = Type.Object({
  socialWorkerId: Type.String(),
  name: Type.String(),
  certificateLevel: StringEnum(CERTIFICATE_LEVELS),
  cycle: Nullable(
    Type.Object({
      start: Type.String({ description: 'the three-year cycle counted from the certificate date' }),
      end: Type.String({ description: 'the last day of the cycle' }),
      required: Type.Integer(),
      done: Type.Number(),
      expectedByNow: Type.Number({ description: 'the required hours in proportion to the time gone in the cycle' }),
      behind: Type.Boolean({ description: 'fewer hours done than expected by now' }),
    }, { description: 'null without a certificate or its date' }),
  ),
  records: Type.Array(Type.Object({ id: Type.String(), completedOn: Type.String(), hours: Type.Number(), title: Type.String(), provider: Type.String() })),
  canRecord: Type.Boolean(),
});
export type CeStatus = Static<typeof CeStatus>;

export const ViewQuery = Type.Object(
  {
    unit: StringEnum(['community', 'street', 'district', 'organization'] as const),
    id: Uuid,
    from: DateStr,
    to: DateStr,
  },
  { additionalProperties: false },
);
export type ViewQuery = Static<typeof ViewQuery>;

const Share = Nullable(Type.Number());
export const WorkforceView = Type.Object({
  unit: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  targets: Type.Object({ adminShareTarget: Type.Integer(), workersPer10kTarget: Type.Number(), supervisionRatioTarget: Type.Integer() }),
  totals: Type.Object(
    { workers: Type.Integer(), professional: Nullable(Type.Integer()), administrative: Nullable(Type.Integer()), share: Share, openCases: Type.Integer(), ceBehind: Nullable(Type.Integer()) },
    { description: 'minutes, share and CE behind are null when one or two of the workers have figures hidden from the caller' },
  ),
  workers: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      certificateLevel: StringEnum(CERTIFICATE_LEVELS),
      employerName: Type.String(),
      openCases: Type.Integer(),
      professional: Nullable(Type.Integer()),
      administrative: Nullable(Type.Integer()),
      share: Share,
      ceBehind: Nullable(Type.Boolean()),
    }),
    { description: 'a worker\'s own minutes and CE standing only where the caller reads their log' },
  ),
  communities: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      residents: Type.Integer(),
      workers: Type.Integer({ description: 'active social workers serving it' }),
      fte: Type.Number({ description: 'full-time equivalents: a worker serving n communities counts 1/n in each' }),
      per10k: Nullable(Type.Number()),
    }),
  ),
  payGrades: Type.Array(Type.Object({ grade: Type.String(), workers: Nullable(Type.Integer({ description: 'null when fewer than three: never a figure that points at a person' })) })),
  supervision: Type.Object({ supervisors: Type.Integer(), supervised: Type.Integer(), ratio: Nullable(Type.Number({ description: 'supervised workers per supervisor' })), sessions: Type.Integer() }),
});
export type WorkforceView = Static<typeof WorkforceView>;
