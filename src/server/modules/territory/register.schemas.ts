import { Type, type Static } from 'typebox';
import { Nullable, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';

/** Households and residents: the personal part of the register. */

export const RELATIONS = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const;
export const RESIDENT_STATUSES = ['active', 'moved_out', 'deceased'] as const;
const Actions = Type.Array(Type.String(), { description: 'actions the caller may take on this record' });

export const ResidentView = Type.Object({
  id: Type.String(),
  districtId: Type.String(),
  streetId: Type.String(),
  communityId: Type.String(),
  gridId: Type.String(),
  householdId: Type.String(),
  householdAddress: Type.String(),
  name: Type.String(),
  gender: StringEnum(['male', 'female'] as const),
  birthDate: Type.String({ description: 'derived from the ID number' }),
  age: Type.Integer(),
  idNumberMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  relation: StringEnum(RELATIONS),
  tags: Type.Array(Type.String(), { description: 'sensitive tags only for roles allowed read_sensitive' }),
  status: StringEnum(RESIDENT_STATUSES),
  notes: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Actions,
});
export type ResidentView = Static<typeof ResidentView>;

const HouseholdFields = {
  id: Type.String(),
  districtId: Type.String(),
  streetId: Type.String(),
  communityId: Type.String(),
  communityName: Type.String(),
  gridId: Type.String(),
  gridName: Type.String(),
  buildingId: Nullable(Type.String()),
  buildingName: Nullable(Type.String()),
  address: Type.String(),
  householdNo: Nullable(Type.String()),
  notes: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Actions,
};
export const HouseholdView = Type.Object(HouseholdFields);
export type HouseholdView = Static<typeof HouseholdView>;
export const HouseholdDetail = Type.Object({ ...HouseholdFields, members: Type.Array(ResidentView) });
/** A household in a list: its head and the tags of its active members tell neighbours apart. */
export const HouseholdListItem = Type.Object({
  ...HouseholdFields,
  headName: Nullable(Type.String()),
  headAge: Nullable(Type.Integer()),
  memberCount: Type.Integer({ description: 'active members' }),
  tags: Type.Array(Type.String(), { description: 'tags of active members; sensitive ones only for roles allowed read_sensitive' }),
});
export type HouseholdListItem = Static<typeof HouseholdListItem>;
export type HouseholdDetail = Static<typeof HouseholdDetail>;

const Address = Type.String({ minLength: 1, maxLength: 200 });
const HouseholdNo = Nullable(Type.String({ maxLength: 40 }));
const Notes = Type.String({ maxLength: 2000 });
export const HouseholdQuery = Type.Object({
  gridId: Type.Optional(Uuid),
  communityId: Type.Optional(Uuid),
  streetId: Type.Optional(Uuid),
  buildingId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'address prefix or fragment' })),
  ...PageQuery,
});
export const HouseholdBody = Type.Object(
  {
    gridId: Uuid,
    address: Address,
    buildingId: Type.Optional(Nullable(Uuid)),
    householdNo: Type.Optional(HouseholdNo),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false },
);
export const HouseholdPatch = Type.Object(
  {
    gridId: Type.Optional(Uuid),
    address: Type.Optional(Address),
    buildingId: Type.Optional(Nullable(Uuid)),
    householdNo: Type.Optional(HouseholdNo),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false, minProperties: 1 },
);

const Name = Type.String({ minLength: 1, maxLength: 50 });
const IdNumber = Type.String({ minLength: 1, maxLength: 40, description: '18-character resident ID number' });
const Phone = Nullable(Type.String({ maxLength: 30 }));
const Tags = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30, uniqueItems: true });
export const ResidentQuery = Type.Object({
  householdId: Type.Optional(Uuid),
  gridId: Type.Optional(Uuid),
  communityId: Type.Optional(Uuid),
  tag: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(StringEnum(RESIDENT_STATUSES)),
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 50, description: 'name prefix, or an exact ID number or phone number' }),
  ),
  ...PageQuery,
});
export const ResidentBody = Type.Object(
  {
    householdId: Uuid,
    name: Name,
    idNumber: IdNumber,
    phone: Type.Optional(Phone),
    relation: Type.Optional(StringEnum(RELATIONS)),
    tags: Type.Optional(Tags),
    status: Type.Optional(StringEnum(RESIDENT_STATUSES)),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false, description: 'birth date and gender are derived from the ID number' },
);
export const ResidentPatch = Type.Object(
  {
    householdId: Type.Optional(Uuid),
    name: Type.Optional(Name),
    idNumber: Type.Optional(IdNumber),
    phone: Type.Optional(Phone),
    relation: Type.Optional(StringEnum(RELATIONS)),
    tags: Type.Optional(Tags),
    status: Type.Optional(StringEnum(RESIDENT_STATUSES)),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const RevealBody = Type.Object({ field: StringEnum(['idNumber', 'phone'] as const) }, { additionalProperties: false });
export const RevealView = Type.Object({ value: Type.String() });

export const TagView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  sensitive: Type.Boolean(),
  careIntervalDays: Nullable(Type.Integer()),
});
export type TagView = Static<typeof TagView>;

/** What an import of a register found (dry run) or did (commit). */
const Counts = (keys: string[]) => Type.Object(Object.fromEntries(keys.map((k) => [k, Type.Integer()])));
const ImportSummary = {
  mode: StringEnum(['dry_run', 'commit', 'job'] as const, { description: 'job: a register larger than one batch, checked and being written by the job' }),
  sheet: Type.String({ description: 'the sheet read (empty for CSV)' }),
  sheets: Type.Array(Type.String(), { description: 'sheets of the file that have a header; send `sheet` to read another' }),
  total: Type.Integer(),
  valid: Type.Integer(),
  errors: Type.Array(
    Type.Object({
      line: Type.Integer({ description: 'line (CSV) or row (XLSX) as a person sees it; the header is line 1' }),
      field: Type.String(),
      code: Type.String(),
      message: Type.String(),
      suggestion: Type.Optional(Type.String({ description: 'the nearest known value, for an unknown one' })),
    }),
  ),
  wouldCreate: Type.Optional(Counts(['households', 'residents', 'buildings'])),
  wouldUpdate: Type.Optional(Counts(['residents'])),
  created: Type.Optional(Counts(['households', 'residents', 'buildings'])),
  updated: Type.Optional(Counts(['residents'])),
  unchanged: Type.Optional(Counts(['residents'])),
};
const ReportOnly = Type.Object(ImportSummary);

/** An import too large for one transaction, written in batches while the caller watches. */
export const ImportJobView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  communityId: Type.String({ format: 'uuid' }),
  fileName: Type.Union([Type.String(), Type.Null()]),
  state: StringEnum(['running', 'done', 'failed'] as const),
  writesTotal: Type.Integer({ description: 'buildings, households and residents to create or update' }),
  writesDone: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  report: ReportOnly,
});
export type ImportJobView = Static<typeof ImportJobView>;

export const ImportReport = Type.Object({ ...ImportSummary, job: Type.Optional(ImportJobView) });
export type ImportReport = Static<typeof ImportReport>;

/** Words the import reads as a tag: built in, and the district's own (its setting). */
export const TagSynonym = Type.Object({ synonym: Type.String({ maxLength: 20 }), tagCode: Type.String({ maxLength: 40 }) });
export const TagSynonymsView = Type.Object({
  synonyms: Type.Array(TagSynonym, { description: "the district's own words" }),
  builtIn: Type.Array(TagSynonym, { description: 'words every district reads as the tag' }),
  allowedActions: Type.Array(Type.String()),
});
export type TagSynonymsView = Static<typeof TagSynonymsView>;
