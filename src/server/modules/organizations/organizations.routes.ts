import type { ModulePlugin } from '../../platform/http/module.ts';
import {
  CreateOrganizationBody,
  IdParams,
  OrganizationListQuery,
  OrganizationPage,
  OrganizationView,
  RevealOrganizationBody,
  RevealResult,
  UpdateOrganizationBody,
} from './organizations.schemas.ts';
import * as organizations from './organizations.service.ts';

const tags = ['organizations'];

export const organizationRoutes: ModulePlugin = async (app) => {
  app.get(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Register of social organizations (public to every signed-in user; contacts for staff only)',
        querystring: OrganizationListQuery,
        response: { 200: OrganizationPage },
      },
    },
    async (request) => organizations.listOrganizations(request.ctx, request.query),
  );

  app.post(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Register an organization (platform admin, or district officer of its registration district)',
        body: CreateOrganizationBody,
        response: { 201: OrganizationView },
      },
    },
    async (request, reply) => reply.status(201).send(await organizations.createOrganization(request.ctx, request.body)),
  );

  app.get(
    '/organizations/:id',
    { schema: { tags, summary: 'One organization', params: IdParams, response: { 200: OrganizationView } } },
    async (request) => organizations.getOrganization(request.ctx, request.params.id),
  );

  app.patch(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organization; its own administrator may change only address, contacts and service fields',
        params: IdParams,
        body: UpdateOrganizationBody,
        response: { 200: OrganizationView },
      },
    },
    async (request) => organizations.updateOrganization(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/organizations/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Show the full contact phone (audited)',
        params: IdParams,
        body: RevealOrganizationBody,
        response: { 200: RevealResult },
      },
    },
    async (request) => organizations.revealOrganizationField(request.ctx, request.params.id, request.body.field),
  );
};
