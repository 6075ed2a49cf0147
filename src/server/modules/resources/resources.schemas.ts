import { Type, type Static } from 'typebox';
import { DateStr, Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { RESOURCE_ACTIONS } from './resources.policy.ts';
import { OWNER_TYPES, RESOURCE_KINDS, RESOURCE_STATUSES } from './resources.tables.ts';

const Kind = StringEnum(RESOURCE_KINDS);
const OwnerType = StringEnum(OWNER_TYPES);
const Status = StringEnum(RESOURCE_STATUSES);
const Category = Type.String({ pattern: '^[a-z][a-z0-9_.-]{0,49}$', description: 'service category code' });
const Time = Type.String({ pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', description: 'HH:MM, Asia/Shanghai' });

export const WeeklyWindow = Type.Object(
  { weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'Monday = 1 … Sunday = 7' }), from: Time, to: Time },
  { additionalProperties: false },
);

const fields = {
  kind: Kind,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.String({ maxLength: 2000 }),
  ownerType: OwnerType,
  ownerId: Nullable(Uuid),
  ownerName: Type.String({ maxLength: 100 }),
  districtId: Uuid,
  streetId: Nullable(Uuid),
  communityId: Nullable(Uuid),
  categories: Type.Array(Category, { maxItems: 20 }),
  weeklyWindows: Type.Array(WeeklyWindow, { maxItems: 50, description: 'empty: available at any time of day' }),
  availableFrom: Nullable(DateStr),
  availableUntil: Nullable(DateStr),
  capacity: Nullable(Type.Integer({ minimum: 0, maximum: 1e13, description: 'people; for funds an amount in fen' })),
  constraints: Type.String({ maxLength: 2000 }),
  contactName: Type.String({ maxLength: 50 }),
  contactPhone: Nullable(Type.String({ maxLength: 30 })),
  status: Status,
};

const optional = {
  description: Type.Optional(fields.description),
  ownerId: Type.Optional(fields.ownerId),
  ownerName: Type.Optional(fields.ownerName),
  streetId: Type.Optional(fields.streetId),
  communityId: Type.Optional(fields.communityId),
  categories: Type.Optional(fields.categories),
  weeklyWindows: Type.Optional(fields.weeklyWindows),
  availableFrom: Type.Optional(fields.availableFrom),
  availableUntil: Type.Optional(fields.availableUntil),
  capacity: Type.Optional(fields.capacity),
  constraints: Type.Optional(fields.constraints),
  contactName: Type.Optional(fields.contactName),
  contactPhone: Type.Optional(fields.contactPhone),
};

export const CreateResourceBody = Type.Object(
  {
    kind: fields.kind,
    name: fields.name,
    ownerType: fields.ownerType,
    districtId: Type.Optional(Type.String({ format: 'uuid', description: 'needed only when neither street nor community is given' })),
    ...optional,
  },
  { additionalProperties: false },
);
export type CreateResourceBody = Static<typeof CreateResourceBody>;

export const UpdateResourceBody = Type.Object(
  {
    kind: Type.Optional(fields.kind),
    name: Type.Optional(fields.name),
    ownerType: Type.Optional(fields.ownerType),
    status: Type.Optional(fields.status),
    ...optional,
  },
  { additionalProperties: false },
);
export type UpdateResourceBody = Static<typeof UpdateResourceBody>;

export const ResourceListQuery = Type.Object(
  {
    districtId: Type.Optional(Uuid),
    communityId: Type.Optional(Type.String({ format: 'uuid', description: 'available in this community (its own, its street\'s and its district\'s resources)' })),
    kind: Type.Optional(Kind),
    category: Type.Optional(Category),
    availableAt: Type.Optional(Type.String({ format: 'date-time', description: 'open at this instant (weekly windows in Asia/Shanghai)' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'part of the name' })),
    status: Type.Optional(Status),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ResourceListQuery = Static<typeof ResourceListQuery>;

export const ResourceView = Type.Object({
  id: Type.String(),
  districtId: Type.String(),
  streetId: Nullable(Type.String()),
  communityId: Nullable(Type.String()),
  kind: Kind,
  name: Type.String(),
  description: Type.String(),
  ownerType: OwnerType,
  ownerId: Nullable(Type.String()),
  ownerName: Type.String(),
  categories: Type.Array(Type.String()),
  weeklyWindows: Type.Array(WeeklyWindow),
  availableFrom: Nullable(Type.String()),
  availableUntil: Nullable(Type.String()),
  capacity: Nullable(Type.Integer()),
  constraints: Type.String(),
  contactName: Type.String(),
  contactPhoneMasked: Nullable(Type.String()),
  status: Status,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Type.Array(StringEnum(RESOURCE_ACTIONS)),
});
export type ResourceView = Static<typeof ResourceView>;
export const ResourcePage = Page(ResourceView);

export const IdParams = Type.Object({ id: Uuid });

export const RevealResourceBody = Type.Object({ field: StringEnum(['contactPhone'] as const) }, { additionalProperties: false });
export const RevealResult = Type.Object({ value: Nullable(Type.String()) });
