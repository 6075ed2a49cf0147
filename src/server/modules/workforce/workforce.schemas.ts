import { Type, type Static } from 'typebox';
import { CERTIFICATE_LEVELS, EMPLOYER_TYPES, SOCIAL_WORKER_STATUSES } from '../../../common/organizations.ts';
import { DateStr, Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';

export const SOCIAL_WORKER_ACTIONS = ['read', 'create', 'update', 'reveal'] as const;
export type SocialWorkerAction = (typeof SOCIAL_WORKER_ACTIONS)[number];

const EmployerType = StringEnum(EMPLOYER_TYPES);
const CertificateLevel = StringEnum(CERTIFICATE_LEVELS, {
  description: 'none; assistant 助理社会工作师; intermediate 社会工作师; senior 高级社会工作师',
});
const Status = StringEnum(SOCIAL_WORKER_STATUSES);

const fields = {
  name: Type.String({ minLength: 1, maxLength: 50 }),
  idNumber: Nullable(Type.String({ maxLength: 30, description: 'resident ID number; gender is derived from it' })),
  phone: Nullable(Type.String({ maxLength: 30 })),
  employerType: EmployerType,
  employerOrganizationId: Nullable(Uuid),
  employerCommunityId: Nullable(Uuid),
  certificateLevel: CertificateLevel,
  certificateNo: Nullable(Type.String({ maxLength: 50 })),
  certificateDate: Nullable(DateStr),
  payGrade: Nullable(Type.String({ maxLength: 50 })),
  communityIds: Type.Array(Uuid, { maxItems: 100, description: 'communities served, all in one district' }),
  userId: Nullable(Uuid),
  supervisorId: Nullable(Type.String({ format: 'uuid', description: 'a colleague of the same employer who supervises this worker; cases opened take their supervisor from here' })),
  status: Status,
};

export const CreateSocialWorkerBody = Type.Object(
  {
    name: fields.name,
    idNumber: Type.Optional(fields.idNumber),
    phone: Type.Optional(fields.phone),
    employerType: fields.employerType,
    employerOrganizationId: Type.Optional(fields.employerOrganizationId),
    employerCommunityId: Type.Optional(fields.employerCommunityId),
    certificateLevel: Type.Optional(fields.certificateLevel),
    certificateNo: Type.Optional(fields.certificateNo),
    certificateDate: Type.Optional(fields.certificateDate),
    payGrade: Type.Optional(fields.payGrade),
    communityIds: Type.Optional(fields.communityIds),
    userId: Type.Optional(fields.userId),
    supervisorId: Type.Optional(fields.supervisorId),
  },
  { additionalProperties: false },
);
export type CreateSocialWorkerBody = Static<typeof CreateSocialWorkerBody>;

export const UpdateSocialWorkerBody = Type.Object(
  {
    name: Type.Optional(fields.name),
    idNumber: Type.Optional(fields.idNumber),
    phone: Type.Optional(fields.phone),
    employerType: Type.Optional(fields.employerType),
    employerOrganizationId: Type.Optional(fields.employerOrganizationId),
    employerCommunityId: Type.Optional(fields.employerCommunityId),
    certificateLevel: Type.Optional(fields.certificateLevel),
    certificateNo: Type.Optional(fields.certificateNo),
    certificateDate: Type.Optional(fields.certificateDate),
    payGrade: Type.Optional(fields.payGrade),
    communityIds: Type.Optional(fields.communityIds),
    userId: Type.Optional(fields.userId),
    supervisorId: Type.Optional(fields.supervisorId),
    status: Type.Optional(fields.status),
  },
  { additionalProperties: false },
);
export type UpdateSocialWorkerBody = Static<typeof UpdateSocialWorkerBody>;

export const SocialWorkerListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'start of the name' })),
    organizationId: Type.Optional(Type.String({ format: 'uuid', description: 'employing organization' })),
    communityId: Type.Optional(Type.String({ format: 'uuid', description: 'a community served' })),
    employerType: Type.Optional(EmployerType),
    certificateLevel: Type.Optional(CertificateLevel),
    status: Type.Optional(Status),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type SocialWorkerListQuery = Static<typeof SocialWorkerListQuery>;

export const SocialWorkerView = Type.Object({
  id: Type.String(),
  districtId: Type.String(),
  name: Type.String(),
  gender: Nullable(StringEnum(['male', 'female'] as const)),
  idNumberMasked: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  employerType: EmployerType,
  employerOrganizationId: Nullable(Type.String()),
  employerCommunityId: Nullable(Type.String()),
  employerName: Type.String(),
  certificateLevel: CertificateLevel,
  certificateNo: Nullable(Type.String()),
  certificateDate: Nullable(Type.String()),
  payGrade: Nullable(Type.String()),
  communityIds: Type.Array(Type.String()),
  streetIds: Type.Array(Type.String()),
  userId: Nullable(Type.String()),
  supervisorId: Nullable(Type.String()),
  status: Status,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Type.Array(StringEnum(SOCIAL_WORKER_ACTIONS)),
});
export type SocialWorkerView = Static<typeof SocialWorkerView>;

export const SocialWorkerPage = Page(SocialWorkerView);

export const RevealSocialWorkerBody = Type.Object(
  { field: StringEnum(['idNumber', 'phone'] as const) },
  { additionalProperties: false },
);
export const RevealResult = Type.Object({ value: Nullable(Type.String()) });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
