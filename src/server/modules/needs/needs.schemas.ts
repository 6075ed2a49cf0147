import { Type, type Static } from 'typebox';
import { DateStr, Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { NEED_STATES } from './needs.lifecycle.ts';
import { API_ACTIONS } from './needs.policy.ts';

export const URGENCIES = ['urgent', 'normal', 'difficult'] as const;
export const SOURCES = ['visit', 'resident', 'staff', 'council', 'open311'] as const;
export const OUTCOMES = ['fully', 'partly', 'closed_unresolved'] as const;

export const IdParams = Type.Object({ id: Uuid });
export const DateParams = Type.Object({ date: DateStr });

const Limit = Type.Object({ amount: Type.Integer({ minimum: 0, maximum: 15 * 24 }), unit: StringEnum(['hours', 'working_days']) }, { additionalProperties: false });
const UrgencyLimits = Type.Object({ triage: Limit, resolve: Limit }, { additionalProperties: false });
export const Limits = Type.Object({ urgent: UrgencyLimits, normal: UrgencyLimits, difficult: UrgencyLimits }, { additionalProperties: false });

export const CategoryQuery = Type.Object({ districtId: Type.Optional(Uuid) });
export const CategoryView = Type.Object({
  id: Uuid,
  districtId: Uuid,
  parentId: Nullable(Uuid),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  limits: Limits,
  defaultRoute: StringEnum(['community', 'refer', 'project_pool']),
  open311Code: Nullable(Type.String()),
  active: Type.Boolean(),
});
export const CategoryList = Type.Object({ items: Type.Array(CategoryView) });

const CategoryFields = {
  name: Type.String({ minLength: 1, maxLength: 50 }),
  nameEn: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  limits: Type.Optional(Limits),
  defaultRoute: Type.Optional(StringEnum(['community', 'refer', 'project_pool'])),
  open311Code: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
  active: Type.Optional(Type.Boolean()),
};
export const CreateCategoryBody = Type.Object(
  {
    districtId: Uuid,
    parentId: Type.Optional(Nullable(Uuid)),
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,49}$' }),
    ...CategoryFields,
  },
  { additionalProperties: false },
);
export const UpdateCategoryBody = Type.Object(
  { ...CategoryFields, name: Type.Optional(CategoryFields.name) },
  { additionalProperties: false, minProperties: 1 },
);

export const SettingsQuery = Type.Object({ districtId: Type.Optional(Uuid) });
export const SettingsView = Type.Object({ districtId: Uuid, autoConfirmDays: Type.Integer() });
export const SettingsBody = Type.Object(
  { districtId: Uuid, autoConfirmDays: Type.Integer({ minimum: 1, maximum: 60 }) },
  { additionalProperties: false },
);

export const CalendarQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export const CalendarDayView = Type.Object({
  date: DateStr,
  kind: StringEnum(['holiday', 'workday']),
  name: Type.String(),
  source: StringEnum(['national', 'local'], { description: 'national: the national calendar; local: the platform admin\'s edit, which applies over it' }),
});
export const CalendarDayBody = Type.Object(
  { kind: StringEnum(['holiday', 'workday']), name: Type.String({ maxLength: 50 }) },
  { additionalProperties: false },
);
export const CalendarList = Type.Object({
  items: Type.Array(CalendarDayView),
  national: Type.Object(
    { published: Type.Boolean(), firstYear: Type.Integer(), lastYear: Type.Integer() },
    { description: 'Whether the installed national calendar has the year, and the years it has' },
  ),
});

export const Point = Type.Object(
  { lng: Type.Number({ minimum: 73, maximum: 136 }), lat: Type.Number({ minimum: 3, maximum: 54 }) },
  { additionalProperties: false },
);

export const CreateNeedBody = Type.Object(
  {
    source: StringEnum(['resident', 'staff', 'visit', 'council']),
    intakeChannel: Type.Optional(StringEnum(['phone', 'walk_in'])),
    categoryId: Uuid,
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    householdId: Type.Optional(Uuid),
    gridId: Type.Optional(Uuid),
    point: Type.Optional(Point),
    reporterResidentId: Type.Optional(Uuid),
    beneficiaries: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
    urgency: Type.Optional(StringEnum(URGENCIES)),
  },
  { additionalProperties: false },
);
export type CreateNeedBody = Static<typeof CreateNeedBody>;

export const TransitionBody = Type.Object(
  {
    action: StringEnum(API_ACTIONS),
    note: Type.Optional(Type.String({ maxLength: 2000, description: 'an internal note among staff: never shown to residents, in notices or in Open311' })),
    reply: Type.Optional(
      Type.String({ maxLength: 2000, description: 'a reply to the resident: shown on their timeline, in their notices and as Open311 status_notes' }),
    ),
    reason: Type.Optional(Type.String({ maxLength: 2000, description: 'why (reject, wait, dispute, resolve as closed_unresolved): the resident is told' })),
    duplicateOf: Type.Optional(Uuid),
    commonNeedId: Type.Optional(Uuid),
    handlerUserId: Type.Optional(Uuid),
    expectedDate: Type.Optional(DateStr),
    referralOrgId: Type.Optional(Uuid),
    referralDepartment: Type.Optional(Type.String({ maxLength: 200 })),
    answer: Type.Optional(Type.String({ maxLength: 2000, description: 'the referral target\'s answer: for staff only' })),
    outcome: Type.Optional(StringEnum(OUTCOMES)),
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    comment: Type.Optional(Type.String({ maxLength: 2000, description: 'the resident\'s words with the rating: shown like a reply' })),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const NeedView = Type.Object({
  id: Uuid,
  refNo: Type.String(),
  source: StringEnum(SOURCES),
  intakeChannel: Nullable(StringEnum(['phone', 'walk_in'])),
  recordedByUserId: Nullable(Uuid),
  reporterUserId: Nullable(Uuid),
  reporterResidentId: Nullable(Uuid),
  categoryId: Uuid,
  categoryName: Type.String(),
  description: Type.String(),
  districtId: Uuid,
  streetId: Uuid,
  communityId: Uuid,
  gridId: Uuid,
  householdId: Nullable(Uuid),
  buildingId: Nullable(Uuid),
  point: Nullable(Point),
  beneficiaries: Type.Integer(),
  urgency: StringEnum(URGENCIES),
  state: StringEnum(NEED_STATES),
  handlerUserId: Nullable(Uuid),
  /** The handler's display name, shown on the board, the inbox, the need page and to the resident. */
  handlerName: Nullable(Type.String()),
  referralOrgId: Nullable(Uuid),
  referralOrgName: Nullable(Type.String()),
  referralDepartment: Nullable(Type.String()),
  /** The referral target's answer, for staff: null for a resident. */
  referralAnswer: Nullable(Type.String()),
  waitingUntil: Nullable(DateStr),
  outcome: Nullable(StringEnum(OUTCOMES)),
  outcomeNote: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  ratingComment: Nullable(Type.String()),
  autoConfirmed: Type.Boolean(),
  mergedIntoId: Nullable(Uuid),
  /** The need this one was split off. */
  splitFromId: Nullable(Uuid),
  /** The visit the need was found on (GET /visits/{id} for its findings). */
  visitId: Nullable(Uuid),
  triageDueAt: Type.String(),
  resolveDueAt: Type.String(),
  /** The limit that applies now: triage while reported, resolution afterwards; null once finished. */
  dueAt: Nullable(Type.String()),
  overdue: Type.Boolean(),
  escalationLevel: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Type.Array(Type.String()),
});
export type NeedView = Static<typeof NeedView>;

export const Duplicate = Type.Object({
  id: Uuid,
  refNo: Type.String(),
  state: StringEnum(NEED_STATES),
  description: Type.String(),
  similarity: Type.Number(),
  sameHousehold: Type.Boolean(),
});
export type Duplicate = Static<typeof Duplicate>;
export const DuplicateList = Type.Object({ items: Type.Array(Duplicate) });

/** A report before it is made: the intake form asks for its possible duplicates. */
export const DuplicateQuery = Type.Object(
  {
    categoryId: Uuid,
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    /** The place, as in the report: a household, or a grid. */
    householdId: Type.Optional(Uuid),
    gridId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type DuplicateQuery = Static<typeof DuplicateQuery>;

export const TimelineEntry = Type.Object({
  id: Uuid,
  at: Type.String(),
  actorUserId: Nullable(Uuid),
  actorName: Type.String(),
  action: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Nullable(Type.String()),
  /** The internal note: empty for a resident reading the need by their relation to it. */
  note: Type.String(),
  /** What the resident was told. */
  reply: Type.String(),
  /** The change in detail, for staff; null for a resident. */
  data: Type.Unknown(),
});

export const RELATIONS = ['split_from', 'split_into', 'merged_into', 'merged_from', 'same_household'] as const;
/** Another need linked to this one, shown on the need page (only those the caller may read). */
export const RelatedNeed = Type.Object({
  id: Uuid,
  refNo: Type.String(),
  state: StringEnum(NEED_STATES),
  categoryName: Type.String(),
  description: Type.String(),
  relation: StringEnum(RELATIONS),
});
export type RelatedNeed = Static<typeof RelatedNeed>;

export const NeedDetail = Type.Intersect([
  NeedView,
  Type.Object({
    timeline: Type.Array(TimelineEntry),
    duplicates: Type.Array(Duplicate),
    related: Type.Array(RelatedNeed),
    servicePhone: Nullable(Type.String({ description: 'the phone of the need\'s community for residents to call; null until the community enters it' })),
    /** The project answering the need (through its common need), so its reporter knows what happens next. */
    project: Nullable(Type.Object({ id: Uuid, refNo: Type.String(), title: Type.String(), status: Type.String() })),
  }),
]);
export type NeedDetail = Static<typeof NeedDetail>;

export const SplitBody = Type.Object(
  {
    categoryId: Uuid,
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    urgency: Type.Optional(StringEnum(URGENCIES)),
    beneficiaries: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type SplitBody = Static<typeof SplitBody>;

export const BULK_ACTIONS = ['accept', 'reject', 'assign', 'merge'] as const;
const { note, reply, reason, handlerUserId, duplicateOf } = TransitionBody.properties;
/** One action for many needs: the fields of TransitionBody that triage uses. */
export const BulkTransitionBody = Type.Object(
  {
    needIds: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }),
    action: StringEnum(BULK_ACTIONS),
    note,
    reply,
    reason,
    handlerUserId,
    duplicateOf,
  },
  { additionalProperties: false },
);
export type BulkTransitionBody = Static<typeof BulkTransitionBody>;
export const BulkTransitionResult = Type.Object({
  needId: Uuid,
  ok: Type.Boolean(),
  need: Type.Optional(NeedView),
  error: Type.Optional(
    Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }))),
    }),
  ),
});
export type BulkTransitionResult = Static<typeof BulkTransitionResult>;
export const BulkTransitionResponse = Type.Object({ results: Type.Array(BulkTransitionResult) });

export const NeedMapQuery = Type.Object({
  communityId: Type.Optional(Uuid),
  streetId: Type.Optional(Uuid),
  gridId: Type.Optional(Uuid),
  state: Type.Optional(StringEnum(NEED_STATES)),
  categoryId: Type.Optional(Uuid),
  source: Type.Optional(StringEnum(SOURCES)),
  overdue: Type.Optional(Type.Boolean()),
  /** The zoomed area, "minLng,minLat,maxLng,maxLat" (WGS-84 degrees): needs whose own point lies in it. */
  bbox: Type.Optional(Type.String({ maxLength: 100, description: 'minLng,minLat,maxLng,maxLat: needs whose own point lies inside' })),
});
export type NeedMapQuery = Static<typeof NeedMapQuery>;
export const NeedMapItem = Type.Object({
  id: Uuid,
  refNo: Type.String(),
  state: StringEnum(NEED_STATES),
  urgency: StringEnum(URGENCIES),
  overdue: Type.Boolean(),
  categoryName: Type.String(),
  communityId: Uuid,
  gridId: Uuid,
  point: Nullable(Point),
  createdAt: Type.String(),
});
export type NeedMapItem = Static<typeof NeedMapItem>;
export const NeedMapGrid = Type.Object({
  gridId: Uuid,
  name: Type.String(),
  count: Type.Integer(),
  overdue: Type.Integer({ description: 'of count, how many are overdue' }),
  urgent: Type.Integer({ description: 'of count, how many are urgent' }),
});
export type NeedMapGrid = Static<typeof NeedMapGrid>;
/** One view of the board map: its needs as points, or per-grid counts when they are too many to read. */
export const NeedMap = Type.Union([
  Type.Object({ mode: Type.Literal('points'), total: Type.Integer(), points: Type.Array(NeedMapItem) }),
  Type.Object({ mode: Type.Literal('grids'), total: Type.Integer(), pointsMax: Type.Integer(), grids: Type.Array(NeedMapGrid) }),
]);
export type NeedMap = Static<typeof NeedMap>;

export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid });
export const AttachmentView = Type.Object({
  id: Uuid,
  needId: Uuid,
  fileName: Type.String(),
  contentType: StringEnum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
  sizeBytes: Type.Integer(),
  uploadedByName: Type.String(),
  createdAt: Type.String(),
  /** Where the bytes are served, to callers who may read the need. */
  url: Type.String(),
});
export type AttachmentView = Static<typeof AttachmentView>;
export const AttachmentList = Type.Object({ items: Type.Array(AttachmentView) });

export const NeedListQuery = Type.Object({
  ...PageQuery,
  state: Type.Optional(StringEnum(NEED_STATES)),
  categoryId: Type.Optional(Uuid),
  gridId: Type.Optional(Uuid),
  communityId: Type.Optional(Uuid),
  streetId: Type.Optional(Uuid),
  householdId: Type.Optional(Uuid),
  source: Type.Optional(StringEnum(SOURCES)),
  overdue: Type.Optional(Type.Boolean()),
  open: Type.Optional(Type.Boolean({ description: 'true: only needs someone still has to act on (reported … reopened); false: only the others' })),
  handlerUserId: Type.Optional(Uuid),
  recordedByUserId: Type.Optional(Uuid),
  /** A reference number (exact) or words of the description. */
  q: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
});
export type NeedListQuery = Static<typeof NeedListQuery>;
export const NeedPage = Page(NeedView);

export const InboxItem = Type.Intersect([NeedView, Type.Object({ reason: Type.String() })]);
export const Inbox = Type.Object({ items: Type.Array(InboxItem) });

export const NotificationView = Type.Object({
  id: Uuid,
  needId: Nullable(Uuid),
  kind: Type.String(),
  state: Nullable(Type.String()),
  /** The reply to the resident that came with the change (never an internal note). */
  reply: Type.String(),
  readAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const NotificationQuery = Type.Object({ ...PageQuery, unread: Type.Optional(Type.Boolean()) });
export const NotificationPage = Page(NotificationView);

export const HandlerList = Type.Object({
  items: Type.Array(Type.Object({ userId: Uuid, displayName: Type.String(), role: Type.String() })),
});
export type HandlerList = Static<typeof HandlerList>;
