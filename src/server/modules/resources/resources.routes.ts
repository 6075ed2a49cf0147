import type { ModulePlugin } from '../../platform/http/module.ts';
import {
  CreateResourceBody,
  IdParams,
  ResourceListQuery,
  ResourcePage,
  ResourceView,
  RevealResourceBody,
  RevealResult,
  UpdateResourceBody,
} from './resources.schemas.ts';
import * as resources from './resources.service.ts';

const tags = ['resources'];

export const resourceRoutes: ModulePlugin = async (app) => {
  app.get(
    '/resources',
    {
      schema: {
        tags,
        summary: 'Resources list (资源清单) of the caller\'s area, including what its street and district offer',
        querystring: ResourceListQuery,
        response: { 200: ResourcePage },
      },
    },
    async (request) => resources.listResources(request.ctx, request.query),
  );
  app.post(
    '/resources',
    {
      schema: {
        tags,
        summary: 'Add a resource (staff of the community, street or district where it is offered)',
        body: CreateResourceBody,
        response: { 201: ResourceView },
      },
    },
    async (request, reply) => reply.status(201).send(await resources.createResource(request.ctx, request.body)),
  );
  app.get(
    '/resources/:id',
    { schema: { tags, summary: 'One resource', params: IdParams, response: { 200: ResourceView } } },
    async (request) => resources.getResource(request.ctx, request.params.id),
  );
  app.patch(
    '/resources/:id',
    {
      schema: { tags, summary: 'Change a resource, or archive it with status', params: IdParams, body: UpdateResourceBody, response: { 200: ResourceView } },
    },
    async (request) => resources.updateResource(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/resources/:id/reveal',
    {
      schema: { tags, summary: 'Show the full contact phone (audited)', params: IdParams, body: RevealResourceBody, response: { 200: RevealResult } },
    },
    async (request) => resources.revealResourceField(request.ctx, request.params.id, request.body.field),
  );
};
