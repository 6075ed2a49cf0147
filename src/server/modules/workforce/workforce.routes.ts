import type { ModulePlugin } from '../../platform/http/module.ts';
import {
  CreateSocialWorkerBody,
  IdParams,
  RevealResult,
  RevealSocialWorkerBody,
  SocialWorkerListQuery,
  SocialWorkerPage,
  SocialWorkerView,
  UpdateSocialWorkerBody,
} from './workforce.schemas.ts';
import * as workforce from './workforce.service.ts';

const tags = ['workforce'];

export const socialWorkerRoutes: ModulePlugin = async (app) => {
  app.get(
    '/social-workers',
    {
      schema: {
        tags,
        summary: 'Social workers in the caller\'s scope (served communities, employer, district)',
        querystring: SocialWorkerListQuery,
        response: { 200: SocialWorkerPage },
      },
    },
    async (request) => workforce.listSocialWorkers(request.ctx, request.query),
  );

  app.post(
    '/social-workers',
    {
      schema: {
        tags,
        summary: 'Register a social worker (district officer, employing organization or employing community)',
        body: CreateSocialWorkerBody,
        response: { 201: SocialWorkerView },
      },
    },
    async (request, reply) => reply.status(201).send(await workforce.createSocialWorker(request.ctx, request.body)),
  );

  app.get(
    '/social-workers/:id',
    { schema: { tags, summary: 'One social worker', params: IdParams, response: { 200: SocialWorkerView } } },
    async (request) => workforce.getSocialWorker(request.ctx, request.params.id),
  );

  app.patch(
    '/social-workers/:id',
    {
      schema: {
        tags,
        summary: 'Change a social worker (their district never changes)',
        params: IdParams,
        body: UpdateSocialWorkerBody,
        response: { 200: SocialWorkerView },
      },
    },
    async (request) => workforce.updateSocialWorker(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/social-workers/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Show the full ID number or phone (audited)',
        params: IdParams,
        body: RevealSocialWorkerBody,
        response: { 200: RevealResult },
      },
    },
    async (request) => workforce.revealSocialWorkerField(request.ctx, request.params.id, request.body.field),
  );
};
