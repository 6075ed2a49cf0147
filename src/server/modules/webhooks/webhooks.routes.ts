import type { ModulePlugin } from '../../platform/http/module.ts';
import {
  CreatedWebhookView,
  CreateWebhookBody,
  DeliveryListQuery,
  DeliveryPage,
  DeliveryView,
  IdParams,
  UpdateWebhookBody,
  WebhookListQuery,
  WebhookPage,
  WebhookView,
} from './webhooks.schemas.ts';
import * as webhooks from './webhooks.service.ts';

const tags = ['webhooks'];

export const webhookRoutes: ModulePlugin = async (app) => {
  app.get(
    '/webhooks',
    { schema: { tags, summary: 'Webhooks of the districts the caller manages', querystring: WebhookListQuery, response: { 200: WebhookPage } } },
    async (request) => webhooks.listWebhooks(request.ctx, request.query),
  );
  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Register a webhook for district events; the signing secret is shown only in this answer',
        body: CreateWebhookBody,
        response: { 201: CreatedWebhookView },
      },
    },
    async (request, reply) => reply.status(201).send(await webhooks.createWebhook(request.ctx, request.body)),
  );
  app.get(
    '/webhooks/:id',
    { schema: { tags, summary: 'One webhook', params: IdParams, response: { 200: WebhookView } } },
    async (request) => webhooks.getWebhook(request.ctx, request.params.id),
  );
  app.patch(
    '/webhooks/:id',
    { schema: { tags, summary: 'Change address, events, description or active state', params: IdParams, body: UpdateWebhookBody, response: { 200: WebhookView } } },
    async (request) => webhooks.updateWebhook(request.ctx, request.params.id, request.body),
  );
  app.delete(
    '/webhooks/:id',
    { schema: { tags, summary: 'Deactivate a webhook (its delivery log is kept)', params: IdParams, response: { 200: WebhookView } } },
    async (request) => webhooks.deactivateWebhook(request.ctx, request.params.id),
  );
  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: { tags, summary: 'Delivery log, newest first, with every attempt', params: IdParams, querystring: DeliveryListQuery, response: { 200: DeliveryPage } },
    },
    async (request) => webhooks.listDeliveries(request.ctx, request.params.id, request.query),
  );
  app.post(
    '/webhooks/:id/test',
    { schema: { tags, summary: 'Send a webhook.ping event now and report the outcome', params: IdParams, response: { 200: DeliveryView } } },
    async (request) => webhooks.testWebhook(request.ctx, request.params.id),
  );
};
