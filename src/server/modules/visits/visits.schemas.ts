import { Type, type Static } from 'typebox';
import { DateStr, Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';

export const VISIT_KINDS = ['routine', 'follow_up', 'care', 'emergency'] as const;
const URGENCIES = ['urgent', 'normal', 'difficult'] as const;

export const IdParams = Type.Object({ id: Uuid });
export const TagParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 50 }) });

export const VisitNeedBody = Type.Object(
  {
    categoryId: Uuid,
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    urgency: Type.Optional(StringEnum(URGENCIES)),
    beneficiaries: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  },
  { additionalProperties: false },
);

export const CreateVisitBody = Type.Object(
  {
    householdId: Uuid,
    residentId: Type.Optional(Nullable(Uuid)),
    kind: StringEnum(VISIT_KINDS),
    visitedAt: Type.String({ format: 'date-time', description: 'when the visit took place: not in the future, at most 30 days ago' }),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
    findings: Type.Optional(Type.String({ maxLength: 4000 })),
    needs: Type.Optional(Type.Array(VisitNeedBody, { maxItems: 20, description: 'needs found on the visit, recorded with it in one transaction' })),
  },
  { additionalProperties: false },
);
export type CreateVisitBody = Static<typeof CreateVisitBody>;

export const VisitListQuery = Type.Object({
  ...PageQuery,
  gridId: Type.Optional(Uuid),
  householdId: Type.Optional(Uuid),
  workerId: Type.Optional(Uuid),
  kind: Type.Optional(StringEnum(VISIT_KINDS)),
  from: Type.Optional(DateStr),
  to: Type.Optional(DateStr),
});
export type VisitListQuery = Static<typeof VisitListQuery>;

export const VisitView = Type.Object({
  id: Uuid,
  districtId: Uuid,
  streetId: Uuid,
  communityId: Uuid,
  gridId: Uuid,
  householdId: Uuid,
  householdAddress: Type.String(),
  residentId: Nullable(Uuid),
  residentName: Nullable(Type.String()),
  workerUserId: Uuid,
  workerName: Type.String(),
  kind: StringEnum(VISIT_KINDS),
  visitedAt: Type.String(),
  notes: Type.String(),
  findings: Type.String(),
  createdAt: Type.String(),
  allowedActions: Type.Array(Type.String()),
});
export type VisitView = Static<typeof VisitView>;

export const VisitNeedView = Type.Object({
  id: Uuid,
  refNo: Type.String(),
  categoryId: Uuid,
  categoryName: Type.String(),
  description: Type.String(),
  urgency: StringEnum(URGENCIES),
  beneficiaries: Type.Integer(),
  state: Type.String(),
  dueAt: Nullable(Type.String({ description: 'the time limit that applies now; null once finished' })),
  overdue: Type.Boolean(),
  createdAt: Type.String(),
});
export const VisitDetail = Type.Object({ ...VisitView.properties, needs: Type.Array(VisitNeedView) });
export const VisitPage = Page(VisitView);

export const CoverageView = Type.Object({
  gridId: Uuid,
  households: Type.Integer(),
  visited30: Type.Integer({ description: 'households of the grid visited in the last 30 days' }),
  visited90: Type.Integer(),
  share30: Type.Number({ description: 'visited30 / households, 0 for an empty grid' }),
  share90: Type.Number(),
});

export const WorklistQuery = Type.Object({ gridId: Uuid });
export const WorklistItem = Type.Object({
  residentId: Uuid,
  residentName: Type.String(),
  householdId: Uuid,
  householdAddress: Type.String(),
  tags: Type.Array(Type.String(), { description: 'the resident\'s tags with a care interval that the caller may see' }),
  careIntervalDays: Type.Integer({ description: 'the shortest interval of those tags' }),
  lastVisitAt: Nullable(Type.String()),
  lastVisitDate: Nullable(DateStr),
  daysOverdue: Nullable(Type.Integer({ description: 'null when never visited' })),
});
export const Worklist = Type.Object({
  gridId: Uuid,
  items: Type.Array(WorklistItem, { description: 'never visited first, then most overdue; at most 200' }),
  total: Type.Integer(),
});

export const TagIntervalBody = Type.Object(
  { careIntervalDays: Nullable(Type.Integer({ minimum: 1, maximum: 365 })) },
  { additionalProperties: false },
);
export const TagView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  sensitive: Type.Boolean(),
  careIntervalDays: Nullable(Type.Integer()),
});
