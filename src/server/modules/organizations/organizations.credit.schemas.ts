import { Type, type Static } from 'typebox';
import {
  CREDIT_LISTS,
  CREDIT_RECORD_KINDS,
  INSPECTION_RESULTS,
  LIST_ENTRY_STATES,
  OBJECTION_OUTCOMES,
  REMOVAL_KINDS,
} from '../../../common/credit.ts';
import { ORGANIZATION_TYPES, RATINGS } from '../../../common/organizations.ts';
import { DateStr, Nullable, StringEnum } from '../../platform/http/schema.ts';

export const CREDIT_ACTIONS = [
  'read_lists',
  'read_records',
  'read_notes',
  'add_record',
  'add_list_entry',
  'repair',
  'answer_objection',
  'lodge_objection',
] as const;
export type CreditAction = (typeof CREDIT_ACTIONS)[number];
/** What may be done to one list entry, given its state. */
export const ENTRY_ACTIONS = ['repair', 'lodge_objection', 'answer_objection'] as const;
export type EntryAction = (typeof ENTRY_ACTIONS)[number];

const text = (max: number) => Type.String({ maxLength: max });

/** One form for every kind; which fields a kind needs is checked by the service, field by field. */
export const CreateCreditRecordBody = Type.Object(
  {
    kind: StringEnum(CREDIT_RECORD_KINDS),
    occurredOn: DateStr,
    source: text(200),
    reportYear: Type.Optional(Type.Integer({ minimum: 1980, maximum: 2100, description: 'annual report: the year reported on' })),
    inspectionResult: Type.Optional(StringEnum(INSPECTION_RESULTS)),
    authority: Type.Optional(text(100)),
    reason: Type.Optional(text(500)),
    awardName: Type.Optional(text(200)),
    internalNote: Type.Optional(text(1000)),
  },
  { additionalProperties: false },
);
export type CreateCreditRecordBody = Static<typeof CreateCreditRecordBody>;

export const CreateListEntryBody = Type.Object(
  { list: StringEnum(CREDIT_LISTS), enteredOn: DateStr, authority: text(100), reason: text(500) },
  { additionalProperties: false },
);
export type CreateListEntryBody = Static<typeof CreateListEntryBody>;

export const RepairBody = Type.Object(
  { removedOn: DateStr, reason: text(500) },
  { additionalProperties: false },
);
export type RepairBody = Static<typeof RepairBody>;

export const ObjectionBody = Type.Object({ grounds: text(1000) }, { additionalProperties: false });
export type ObjectionBody = Static<typeof ObjectionBody>;

export const AnswerObjectionBody = Type.Object(
  {
    outcome: StringEnum(OBJECTION_OUTCOMES),
    answer: text(1000),
    removedOn: Type.Optional(Type.String({ format: 'date', description: 'an upheld objection takes the entry off the list from this day (default today)' })),
  },
  { additionalProperties: false },
);
export type AnswerObjectionBody = Static<typeof AnswerObjectionBody>;

export const CreditRecordView = Type.Object({
  id: Type.String(),
  kind: StringEnum(CREDIT_RECORD_KINDS),
  occurredOn: Type.String(),
  reportYear: Nullable(Type.Integer()),
  inspectionResult: Nullable(StringEnum(INSPECTION_RESULTS)),
  authority: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  awardName: Nullable(Type.String()),
  source: Type.String(),
  // Left out unless the reader is the registering authority.
  internalNote: Type.Optional(Nullable(Type.String())),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
});
export type CreditRecordView = Static<typeof CreditRecordView>;

export const ObjectionView = Type.Object({
  id: Type.String(),
  grounds: Type.String(),
  lodgedAt: Type.String(),
  lodgedBy: Type.String(),
  outcome: Nullable(StringEnum(OBJECTION_OUTCOMES)),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
});

export const ListEntryView = Type.Object({
  id: Type.String(),
  list: StringEnum(CREDIT_LISTS),
  enteredOn: Type.String(),
  authority: Type.String(),
  reason: Type.String(),
  state: StringEnum(LIST_ENTRY_STATES),
  removedOn: Nullable(Type.String()),
  removalKind: Nullable(StringEnum(REMOVAL_KINDS)),
  removalReason: Nullable(Type.String()),
  objections: Type.Array(ObjectionView),
  allowedActions: Type.Array(StringEnum(ENTRY_ACTIONS)),
});
export type ListEntryView = Static<typeof ListEntryView>;

export const StandingView = Type.Object({
  organizationId: Type.String(),
  onDate: Type.String(),
  type: StringEnum(ORGANIZATION_TYPES),
  registered: Type.Boolean(),
  filedOnly: Type.Boolean(),
  registeredOn: Type.String(),
  ageDays: Type.Integer(),
  rating: Nullable(StringEnum(RATINGS)),
  ratingValidUntil: Nullable(Type.String()),
  ratingValid: Type.Boolean(),
  onAbnormalList: Type.Boolean(),
  abnormalSince: Nullable(Type.String()),
  onDishonestList: Type.Boolean(),
  dishonestSince: Nullable(Type.String()),
  annualReportFiledFor: Type.Array(Type.Integer()),
});

export const CreditView = Type.Object({
  organizationId: Type.String(),
  standing: StandingView,
  entries: Type.Array(ListEntryView),
  // null when the reader may see list status only
  records: Nullable(Type.Array(CreditRecordView)),
  allowedActions: Type.Array(StringEnum(['add_record', 'add_list_entry'] as const)),
});
export type CreditView = Static<typeof CreditView>;

export const EntryParams = Type.Object({ id: Type.String({ format: 'uuid' }), entryId: Type.String({ format: 'uuid' }) });
