import { Type, type Static } from 'typebox';
import { ROLES, SCOPE_TYPES } from '../../../common/roles.ts';
import { StringEnum } from '../../platform/http/schema.ts';

export const Locale = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);
export const RoleSchema = StringEnum(ROLES);
export const ScopeTypeSchema = StringEnum(SCOPE_TYPES);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const AssignmentView = Type.Object({
  id: Type.String(),
  role: RoleSchema,
  scopeType: ScopeTypeSchema,
  scopeId: Type.Union([Type.String(), Type.Null()]),
  scopeName: Type.String(),
});
export type AssignmentView = Static<typeof AssignmentView>;

export const MeView = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    locale: Locale,
  }),
  assignments: Type.Array(AssignmentView),
  permissions: Type.Array(Type.String(), { description: 'module.aggregate.action names the user may do somewhere' }),
  csrfToken: Type.String({ description: 'send back in the x-csrf-token header on unsafe requests' }),
});
export type MeView = Static<typeof MeView>;

export const UpdateMeBody = Type.Object(
  {
    locale: Type.Optional(Locale),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
  },
  { additionalProperties: false },
);

export const Preferences = Type.Object(
  {
    largeText: Type.Boolean({ description: 'larger text (20 px base) and higher contrast in the web app' }),
  },
  { additionalProperties: false },
);
export type Preferences = Static<typeof Preferences>;

export const PreferencesPatch = Type.Partial(Preferences, { additionalProperties: false, minProperties: 1 });
export type PreferencesPatch = Static<typeof PreferencesPatch>;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const SessionView = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  ip: Type.String(),
  userAgent: Type.String(),
  current: Type.Boolean(),
});
export type SessionView = Static<typeof SessionView>;

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const Ok = Type.Object({ ok: Type.Literal(true) });
