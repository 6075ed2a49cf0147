import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { Locale, RoleSchema, ScopeTypeSchema } from './accounts.schemas.ts';

export const USER_ACTIONS = ['create', 'read', 'update', 'set_status', 'reset_password', 'grant_role', 'revoke_role'] as const;
export type UserAction = (typeof USER_ACTIONS)[number];
export const USER_STATUSES = ['active', 'disabled'] as const;

const Username = Type.String({
  minLength: 3,
  maxLength: 32,
  pattern: '^[a-z0-9_.-]+$',
  description: 'lower-case letters, digits, "_", "." and "-"',
});
const DisplayName = Type.String({ minLength: 1, maxLength: 60 });
const Password = Type.String({ minLength: 1, maxLength: 200 });

export const UserIdParams = Type.Object({ id: Uuid });
export const AssignmentParams = Type.Object({ id: Uuid, assignmentId: Uuid });

export const ListUsersQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'prefix of the username or display name' })),
    role: Type.Optional(RoleSchema),
    status: Type.Optional(StringEnum(USER_STATUSES)),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ListUsersQuery = Static<typeof ListUsersQuery>;

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    password: Password,
    locale: Type.Optional(Locale),
    districtId: Type.Optional(
      Type.String({
        format: 'uuid',
        description: 'district the account is created in; a district officer of several districts names one',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    status: Type.Optional(StringEnum(USER_STATUSES, { description: 'disabling ends all sessions of the user' })),
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object({ newPassword: Password }, { additionalProperties: false });

export const GrantRoleBody = Type.Object(
  {
    role: RoleSchema,
    scopeType: ScopeTypeSchema,
    scopeId: Type.Optional(Nullable(Uuid)),
    residentId: Type.Optional(
      Type.String({ format: 'uuid', description: 'resident role only: binds the account to this resident of the household' }),
    ),
  },
  { additionalProperties: false },
);
export type GrantRoleBody = Static<typeof GrantRoleBody>;

export const UserAssignmentView = Type.Object({
  id: Type.String(),
  role: RoleSchema,
  scopeType: ScopeTypeSchema,
  scopeId: Nullable(Type.String()),
  scopeName: Type.String(),
  allowedActions: Type.Array(StringEnum(['revoke'] as const)),
});

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  locale: Locale,
  status: StringEnum(USER_STATUSES),
  residentId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  assignments: Type.Array(UserAssignmentView),
  allowedActions: Type.Array(StringEnum(USER_ACTIONS)),
});
export type UserView = Static<typeof UserView>;

export const UserPage = Page(UserView);
