import type { ModulePlugin } from '../../platform/http/module.ts';
import { Ok } from './accounts.schemas.ts';
import {
  AssignmentParams,
  CreateUserBody,
  GrantRoleBody,
  ListUsersQuery,
  ResetPasswordBody,
  UpdateUserBody,
  UserIdParams,
  UserPage,
  UserView,
} from './users.schemas.ts';
import * as users from './users.service.ts';

const tags = ['accounts'];

/** Account administration: platform admins for everyone, district officers inside their district. */
export const usersRoutes: ModulePlugin = async (app) => {
  app.get(
    '/users',
    { schema: { tags, summary: 'Accounts the caller administers', querystring: ListUsersQuery, response: { 200: UserPage } } },
    async (request) => users.listUsers(request.ctx, request.query),
  );

  app.post(
    '/users',
    { schema: { tags, summary: 'Create an account', body: CreateUserBody, response: { 201: UserView } } },
    async (request, reply) => reply.status(201).send(await users.createUser(request.ctx, request.body)),
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: 'One account with its role assignments', params: UserIdParams, response: { 200: UserView } } },
    async (request) => users.getUser(request.ctx, request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change display name, language or status (disabling ends all sessions)',
        params: UserIdParams,
        body: UpdateUserBody,
        response: { 200: UserView },
      },
    },
    async (request) => users.updateUser(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        summary: "Set a new password for a user (ends all the user's sessions)",
        params: UserIdParams,
        body: ResetPasswordBody,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await users.resetPassword(request.ctx, request.params.id, request.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/users/:id/roles',
    {
      schema: {
        tags,
        summary: 'Grant a role in a scope',
        params: UserIdParams,
        body: GrantRoleBody,
        response: { 201: UserView },
      },
    },
    async (request, reply) => reply.status(201).send(await users.grantRole(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/users/:id/roles/:assignmentId',
    { schema: { tags, summary: 'Revoke a role assignment', params: AssignmentParams, response: { 200: Ok } } },
    async (request) => {
      await users.revokeRole(request.ctx, request.params.id, request.params.assignmentId);
      return { ok: true as const };
    },
  );
};
