import { Type, type Static } from 'typebox';
import {
  ORGANIZATION_STATUSES,
  ORGANIZATION_TYPES,
  RATING_STATUSES,
  RATINGS,
  SERVICE_FIELDS,
} from '../../../common/organizations.ts';
import { DateStr, Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';

export const ORGANIZATION_ACTIONS = ['read', 'read_contacts', 'create', 'update', 'update_contacts', 'reveal'] as const;
export type OrganizationAction = (typeof ORGANIZATION_ACTIONS)[number];

/** Fields an organization's own administrator may change; the rest belong to the registering authority. */
export const SELF_SERVICE_FIELDS = ['address', 'contactName', 'contactPhone', 'serviceFields'] as const;

const OrganizationType = StringEnum(ORGANIZATION_TYPES);
const Rating = StringEnum(RATINGS);
const ServiceField = StringEnum(SERVICE_FIELDS);
const Status = StringEnum(ORGANIZATION_STATUSES);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  uscc: Type.String({ minLength: 1, maxLength: 30, description: '统一社会信用代码 (GB 32100, 18 characters)' }),
  type: OrganizationType,
  registrationDate: DateStr,
  registrationAuthority: Type.String({ minLength: 1, maxLength: 100 }),
  registrationDistrictId: Nullable(Uuid),
  rating: Nullable(Rating),
  ratedOn: Nullable(
    Type.String({ format: 'date', description: 'assessment date; without ratingValidUntil the rating ends 5 years later, less one day' }),
  ),
  ratingValidUntil: Nullable(DateStr),
  serviceFields: Type.Array(ServiceField, { maxItems: SERVICE_FIELDS.length }),
  serviceCommunityIds: Type.Array(Uuid, { maxItems: 500 }),
  address: Type.String({ maxLength: 200 }),
  contactName: Type.String({ maxLength: 50 }),
  contactPhone: Nullable(Type.String({ maxLength: 30 })),
  status: Status,
};

export const CreateOrganizationBody = Type.Object(
  {
    name: fields.name,
    uscc: fields.uscc,
    type: fields.type,
    registrationDate: fields.registrationDate,
    registrationAuthority: fields.registrationAuthority,
    registrationDistrictId: Type.Optional(fields.registrationDistrictId),
    rating: Type.Optional(fields.rating),
    ratedOn: Type.Optional(fields.ratedOn),
    ratingValidUntil: Type.Optional(fields.ratingValidUntil),
    serviceFields: Type.Optional(fields.serviceFields),
    serviceCommunityIds: Type.Optional(fields.serviceCommunityIds),
    address: Type.Optional(fields.address),
    contactName: Type.Optional(fields.contactName),
    contactPhone: Type.Optional(fields.contactPhone),
  },
  { additionalProperties: false },
);
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;

export const UpdateOrganizationBody = Type.Object(
  {
    name: Type.Optional(fields.name),
    uscc: Type.Optional(fields.uscc),
    type: Type.Optional(fields.type),
    registrationDate: Type.Optional(fields.registrationDate),
    registrationAuthority: Type.Optional(fields.registrationAuthority),
    registrationDistrictId: Type.Optional(fields.registrationDistrictId),
    rating: Type.Optional(fields.rating),
    ratedOn: Type.Optional(fields.ratedOn),
    ratingValidUntil: Type.Optional(fields.ratingValidUntil),
    serviceFields: Type.Optional(fields.serviceFields),
    serviceCommunityIds: Type.Optional(fields.serviceCommunityIds),
    address: Type.Optional(fields.address),
    contactName: Type.Optional(fields.contactName),
    contactPhone: Type.Optional(fields.contactPhone),
    status: Type.Optional(fields.status),
  },
  { additionalProperties: false },
);
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;

export const OrganizationListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'part of the name, or the exact credit code' })),
    type: Type.Optional(OrganizationType),
    rating: Type.Optional(Rating),
    ratingStatus: Type.Optional(StringEnum(RATING_STATUSES)),
    districtId: Type.Optional(Type.String({ format: 'uuid', description: 'registration district' })),
    communityId: Type.Optional(Type.String({ format: 'uuid', description: 'a community the organization serves' })),
    status: Type.Optional(Status),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrganizationListQuery = Static<typeof OrganizationListQuery>;

export const OrganizationView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  uscc: Type.String(),
  type: OrganizationType,
  registrationDate: Type.String(),
  registrationAuthority: Type.String(),
  registrationDistrictId: Nullable(Type.String()),
  rating: Nullable(Rating),
  ratedOn: Nullable(Type.String()),
  ratingValidUntil: Nullable(Type.String()),
  ratingStatus: StringEnum(RATING_STATUSES),
  serviceFields: Type.Array(Type.String()),
  serviceCommunityIds: Type.Array(Type.String()),
  address: Type.String(),
  // Contacts are left out for residents: the register is public, the contact person is not.
  contactName: Type.Optional(Type.String()),
  contactPhoneMasked: Type.Optional(Nullable(Type.String())),
  status: Status,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Type.Array(StringEnum(ORGANIZATION_ACTIONS)),
});
export type OrganizationView = Static<typeof OrganizationView>;

export const OrganizationPage = Page(OrganizationView);

export const RevealOrganizationBody = Type.Object(
  { field: StringEnum(['contactPhone'] as const) },
  { additionalProperties: false },
);
export const RevealResult = Type.Object({ value: Nullable(Type.String()) });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
