import { Type, type Static } from 'typebox';
import { Nullable, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';

export const IdParams = Type.Object({ id: Uuid });
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 60 });
const NameEn = Nullable(Type.String({ maxLength: 100 }));
const Actions = Type.Array(Type.String(), { description: 'actions the caller may take on this record' });
const Stamps = { createdAt: Type.String(), updatedAt: Type.String() };
export const GRID_KINDS = ['comprehensive', 'dedicated'] as const;
const Boundary = Nullable(
  Type.Unknown({ description: 'GeoJSON Polygon or MultiPolygon: closed rings of [lng, lat]' }),
);

export const DistrictView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  city: Type.String(),
  ...Stamps,
  allowedActions: Actions,
});
export type DistrictView = Static<typeof DistrictView>;
export const DistrictBody = Type.Object(
  { code: Code, name: Name, nameEn: Type.Optional(NameEn), city: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);
export const DistrictPatch = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(Name),
    nameEn: Type.Optional(NameEn),
    city: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const DistrictQuery = Type.Object({ ...PageQuery });

export const StreetView = Type.Object({
  id: Type.String(),
  districtId: Type.String(),
  districtName: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  ...Stamps,
  allowedActions: Actions,
});
export type StreetView = Static<typeof StreetView>;
export const StreetBody = Type.Object(
  { districtId: Uuid, code: Code, name: Name, nameEn: Type.Optional(NameEn) },
  { additionalProperties: false },
);
export const StreetPatch = Type.Object(
  { code: Type.Optional(Code), name: Type.Optional(Name), nameEn: Type.Optional(NameEn) },
  { additionalProperties: false, minProperties: 1 },
);
export const StreetQuery = Type.Object({ districtId: Type.Optional(Uuid), ...PageQuery });

export const CommunityView = Type.Object({
  id: Type.String(),
  districtId: Type.String(),
  districtName: Type.String(),
  streetId: Type.String(),
  streetName: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  serviceCenterAddress: Type.String({ description: 'Party and Mass Service Center (党群服务中心) address' }),
  servicePhone: Type.String({ description: 'the phone residents call about their requests; empty until entered' }),
  ...Stamps,
  allowedActions: Actions,
});
export type CommunityView = Static<typeof CommunityView>;
const ServiceCenter = Type.String({ maxLength: 200 });
/** Digits with the usual separators: 025-58881234, 12345, (025) 5888 1234 ext. 8. */
const ServicePhone = Type.String({ maxLength: 40, pattern: '^$|^[0-9+()][0-9 ()+-]{2,30}([ ]?(ext\\.|转)[ ]?[0-9]{1,6})?$' });
export const CommunityBody = Type.Object(
  {
    streetId: Uuid,
    code: Code,
    name: Name,
    nameEn: Type.Optional(NameEn),
    serviceCenterAddress: Type.Optional(ServiceCenter),
    servicePhone: Type.Optional(ServicePhone),
  },
  { additionalProperties: false },
);
export const CommunityPatch = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(Name),
    nameEn: Type.Optional(NameEn),
    serviceCenterAddress: Type.Optional(ServiceCenter),
    servicePhone: Type.Optional(ServicePhone),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const CommunityQuery = Type.Object({ districtId: Type.Optional(Uuid), streetId: Type.Optional(Uuid), ...PageQuery });

export const GridView = Type.Object({
  id: Type.String(),
  districtId: Type.String(),
  streetId: Type.String(),
  communityId: Type.String(),
  communityName: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: StringEnum(GRID_KINDS),
  dedicatedTo: Nullable(Type.String()),
  boundary: Boundary,
  householdCount: Type.Integer(),
  ...Stamps,
  allowedActions: Actions,
});
export type GridView = Static<typeof GridView>;
const DedicatedTo = Nullable(Type.String({ maxLength: 100 }));
export const GridBody = Type.Object(
  {
    communityId: Uuid,
    code: Code,
    name: Name,
    kind: Type.Optional(StringEnum(GRID_KINDS)),
    dedicatedTo: Type.Optional(DedicatedTo),
    boundary: Type.Optional(Boundary),
  },
  { additionalProperties: false },
);
export const GridPatch = Type.Object(
  {
    code: Type.Optional(Code),
    name: Type.Optional(Name),
    kind: Type.Optional(StringEnum(GRID_KINDS)),
    dedicatedTo: Type.Optional(DedicatedTo),
    boundary: Type.Optional(Boundary),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const GridQuery = Type.Object({ communityId: Type.Optional(Uuid), streetId: Type.Optional(Uuid), ...PageQuery });

export const BuildingView = Type.Object({
  id: Type.String(),
  districtId: Type.String(),
  streetId: Type.String(),
  communityId: Type.String(),
  gridId: Type.String(),
  gridName: Type.String(),
  name: Type.String(),
  address: Type.String(),
  floors: Nullable(Type.Integer()),
  ...Stamps,
  allowedActions: Actions,
});
export type BuildingView = Static<typeof BuildingView>;
const Floors = Nullable(Type.Integer({ minimum: 1, maximum: 200 }));
export const BuildingBody = Type.Object(
  {
    gridId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 40 }),
    address: Type.String({ minLength: 1, maxLength: 200 }),
    floors: Type.Optional(Floors),
  },
  { additionalProperties: false },
);
export const BuildingPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    floors: Type.Optional(Floors),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const BuildingQuery = Type.Object({ gridId: Type.Optional(Uuid), communityId: Type.Optional(Uuid), ...PageQuery });
