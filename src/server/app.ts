import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { AppError } from './platform/errors/app-error.ts';
import type { Config } from './platform/config.ts';
import type { Platform } from './platform/http/context.ts';
import { errorBody, handleError } from './platform/http/errors.ts';
import { loggerOptions } from './platform/http/logging.ts';
import { registerSecurityHeaders, securityHeaders } from './platform/http/security-headers.ts';
import { registerSessionHooks } from './platform/http/session-hooks.ts';
import { registerStatementHooks, type StatementListener } from './platform/http/statement-hooks.ts';
import { refuseUnstorableText, validatorCompiler } from './platform/http/validation.ts';
import { serveWebApp } from './platform/http/web-app.ts';
import { modules } from './modules/index.ts';
import { open311GeoReport } from './modules/open311/index.ts';

export interface BuildOptions {
  platform: Platform;
  logger?: boolean | object;
  /** Folder of the built web app; served when it exists. */
  webDir?: string;
  /** Told the SQL statements of each answered request (tests hold routes to budgets with it). */
  onStatements?: StatementListener;
}

/**
 * TRUST_PROXY as Fastify's trustProxy. Fastify no longer accepts a bare hop count because it
 * cannot tell a proxy from a client that reaches the server directly; whoever sets a count
 * states that only the proxies can, so the count is given as proxy-addr's hop test.
 */
function trustProxyOption(setting: Config['trustProxy']) {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting;
}

const DEFAULT_WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the HTTP application: platform plugins first, then the domain modules. No listen(). */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { platform } = options;
  const applySecurityHeaders = securityHeaders({ https: platform.config.secureCookies });
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logger === true ? {} : options.logger) : false,
    trustProxy: trustProxyOption(platform.config.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    // A URL the router cannot decode is answered before any hook runs.
    frameworkErrors: (error, request, reply) => {
      applySecurityHeaders(request.raw, reply.raw);
      const appError = new AppError((error.statusCode ?? 500) < 500 ? 'request.malformed' : 'server.error');
      // Fastify ignores what this handler returns: send() answers now, and the reply's promise
      // would only tell when the answer has been written.
      void (reply as FastifyReply).status(appError.status).send(errorBody(appError, request));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  registerSecurityHeaders(app, applySecurityHeaders);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Sanshe API',
        description: '三社联动 — community, social organizations and social workers linkage platform',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sanshe_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  if (options.onStatements) registerStatementHooks(app, options.onStatements);
  registerSessionHooks(app, platform);
  refuseUnstorableText(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody(new AppError('route.not_found'), request)),
  );

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String(), time: Type.String() }) },
      },
    },
    async () => {
      await platform.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      return { status: 'ok' as const, database: platform.dbKind, time: new Date().toISOString() };
    },
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const mod of modules) {
    await app.register(mod, { prefix: '/api/v1', platform });
  }
  await app.register(open311GeoReport, { prefix: '/open311/v2', platform });

  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  if (fs.existsSync(webDir)) await serveWebApp(app, webDir);
  return app;
}
