import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { OPEN311_CLIENT_ACTIONS } from './open311.policy.ts';

export const CreateClientBody = Type.Object(
  { districtId: Uuid, name: Type.String({ minLength: 1, maxLength: 100, description: 'the client app, e.g. its publisher and product' }) },
  { additionalProperties: false },
);
export type CreateClientBody = Static<typeof CreateClientBody>;

export const ClientListQuery = Type.Object(
  { districtId: Type.Optional(Uuid), active: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);
export type ClientListQuery = Static<typeof ClientListQuery>;

export const ClientView = Type.Object({
  id: Type.String(),
  districtId: Type.String(),
  name: Type.String(),
  keyPrefix: Type.String({ description: 'first characters of the key, to recognise it' }),
  active: Type.Boolean(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Type.Array(StringEnum(OPEN311_CLIENT_ACTIONS)),
});
export type ClientView = Static<typeof ClientView>;
export const ClientPage = Page(ClientView);

export const CreatedClientView = Type.Object({
  ...ClientView.properties,
  apiKey: Type.String({ description: 'the API key; shown only in this answer' }),
});

export const IdParams = Type.Object({ id: Uuid });
