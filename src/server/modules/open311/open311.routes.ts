import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors/app-error.ts';
import { errorBody } from '../../platform/http/errors.ts';
import type { ModulePlugin } from '../../platform/http/module.ts';
import * as clients from './open311.clients.ts';
import { contentType, Open311Error, renderError, renderList, renderObject, splitFormat, type Format, type Value } from './open311.format.ts';
import * as geo from './open311.georeport.ts';
import { ClientListQuery, ClientPage, CreateClientBody, CreatedClientView, ClientView, IdParams } from './open311.schemas.ts';

/** Form bodies keep every key as sent: repeated keys become arrays, attribute[code] stays a key. */
export function parseForm(body: string): geo.Params {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function paramsOf(request: FastifyRequest): geo.Params {
  const query = (request.query ?? {}) as geo.Params;
  const body = request.body && typeof request.body === 'object' ? (request.body as geo.Params) : {};
  return { ...query, ...body };
}

/** An AppError as one line of text: its message, then each field's. */
function describeAppError(error: AppError, request: FastifyRequest): string {
  const { message, details } = errorBody(error, request).error;
  return [message, ...(details?.fields ?? []).map((f) => `${f.field}: ${f.message}`)].join('; ');
}

const formatOfUrl = (url: string): Format => (/\.xml(\?|$)/.test(url.split('?')[0]! + '?') ? 'xml' : 'json');

function send(reply: FastifyReply, format: Format, body: string, status = 200) {
  return reply.status(status).type(contentType(format)).send(body);
}

const tags = ['open311'];
const FileParams = { type: 'object', properties: { file: { type: 'string' } }, required: ['file'] } as const;

/** GeoReport v2 under /open311/v2: public reads, keyed writes, answers and errors in the spec's shapes. */
export const geoReportRoutes: ModulePlugin = async (app) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseForm(body as string));
  });
  app.setErrorHandler((error, request, reply) => {
    const format = formatOfUrl(request.url);
    if (error instanceof Open311Error) return send(reply, format, renderError(format, error.status, error.description), error.status);
    // The platform's own refusals (CSRF of a signed-in browser, text that cannot be stored) keep their status.
    if (error instanceof AppError) return send(reply, format, renderError(format, error.status, describeAppError(error, request)), error.status);
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return send(reply, format, renderError(format, status, (error as Error).message), status);
    request.log.error({ err: error }, 'open311 error');
    return send(reply, format, renderError(format, 500, 'Internal error'), 500);
  });
  app.setNotFoundHandler((request, reply) => {
    const format = formatOfUrl(request.url);
    return send(reply, format, renderError(format, 404, 'Not found'), 404);
  });

  for (const format of ['json', 'xml'] as const) {
    app.get(`/discovery.${format}`, { schema: { tags, summary: `Discovery (${format})` } }, async (request, reply) => {
      const url = `${request.protocol}://${request.host}/open311/v2`;
      return send(reply, format, renderObject(format, 'discovery', geo.discovery(request.ctx, url)));
    });
    app.get(`/services.${format}`, { schema: { tags, summary: `Service list (${format})` } }, async (request, reply) =>
      send(reply, format, renderList(format, 'services', await geo.services(request.ctx, paramsOf(request)))),
    );
    app.get(`/requests.${format}`, { schema: { tags, summary: `Service requests, filtered (${format})` } }, async (request, reply) =>
      send(reply, format, renderList(format, 'service_requests', await geo.listRequests(request.ctx, paramsOf(request)))),
    );
    app.post(`/requests.${format}`, { schema: { tags, summary: `Submit a service request with an API key (${format})` } }, async (request, reply) =>
      send(reply, format, renderList(format, 'service_requests', await geo.createRequest(request.ctx, paramsOf(request)))),
    );
  }
  app.get('/services/:file', { schema: { tags, summary: 'Service definition: /services/{service_code}.json|xml', params: FileParams } }, async (request, reply) => {
    const { name, format } = splitFormat((request.params as { file: string }).file);
    const def = await geo.serviceDefinition(request.ctx, name, paramsOf(request));
    return send(reply, format, renderObject(format, 'service_definition', def as Record<string, Value>));
  });
  app.get('/requests/:file', { schema: { tags, summary: 'One service request: /requests/{id}.json|xml', params: FileParams } }, async (request, reply) => {
    const { name, format } = splitFormat((request.params as { file: string }).file);
    return send(reply, format, renderList(format, 'service_requests', await geo.getRequest(request.ctx, name, paramsOf(request))));
  });
  app.get('/tokens/:file', { schema: { tags, summary: 'Request id of a token: /tokens/{token}.json|xml', params: FileParams } }, async (request, reply) => {
    const { name, format } = splitFormat((request.params as { file: string }).file);
    return send(reply, format, renderList(format, 'service_requests', await geo.resolveToken(request.ctx, name, paramsOf(request))));
  });
};

const adminTags = ['open311'];

/** Management of client apps and their keys, under /api/v1. */
export const open311ClientRoutes: ModulePlugin = async (app) => {
  app.get(
    '/open311-clients',
    { schema: { tags: adminTags, summary: 'Open311 client apps of the districts the caller manages', querystring: ClientListQuery, response: { 200: ClientPage } } },
    async (request) => clients.listClients(request.ctx, request.query),
  );
  app.post(
    '/open311-clients',
    { schema: { tags: adminTags, summary: 'Issue an API key to a client app; the key is shown only in this answer', body: CreateClientBody, response: { 201: CreatedClientView } } },
    async (request, reply) => reply.status(201).send(await clients.createClient(request.ctx, request.body)),
  );
  app.post(
    '/open311-clients/:id/deactivate',
    { schema: { tags: adminTags, summary: 'Deactivate a client app: its key is refused from now on', params: IdParams, response: { 200: ClientView } } },
    async (request) => clients.deactivateClient(request.ctx, request.params.id),
  );
};
