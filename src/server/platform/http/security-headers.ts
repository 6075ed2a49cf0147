import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export type ApplySecurityHeaders = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The browser-side defences of every response (web app, API, API docs, errors). Scripts come
 * only from this origin's files (the Vite build has no inline script); styles may be inline,
 * since antd writes its CSS-in-JS into <style> elements and ECharts styles its tooltips. No
 * page may be framed (clickjacking). HSTS is sent only when the deployment is served over
 * HTTPS (SECURE_COOKIES): over plain HTTP it would lock browsers out of an intranet demo.
 */
export function securityHeaders(options: { https: boolean }): ApplySecurityHeaders {
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  return (req, res) =>
    middleware(req, res, (err?: unknown) => {
      if (err) throw err instanceof Error ? err : new Error('security headers could not be set', { cause: err });
    });
}

/**
 * Sets the headers on every request before anything else can answer (a route's own stricter
 * policy, as on attachments, replaces them). Answers of the API carry personal data, so no
 * browser or proxy cache may keep them (ASVS 8.2.1).
 */
export function registerSecurityHeaders(app: FastifyInstance, apply: ApplySecurityHeaders) {
  app.addHook('onRequest', async (request, reply) => apply(request.raw, reply.raw));
  app.addHook('onSend', async (request, reply) => {
    if (!reply.hasHeader('cache-control') && (request.url.startsWith('/api/v1/') || request.url.startsWith('/open311/'))) {
      reply.header('cache-control', 'no-store');
    }
  });
}
