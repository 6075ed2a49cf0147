import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.ts';
import { AppError } from '../errors/app-error.ts';
import { DEFAULT_LOCALE, fromAcceptLanguage, toLocale } from '../i18n/locale.ts';
import type { Platform, RequestContext } from './context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export const LOCALE_COOKIE = 'sanshe_lang';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Resolves who is asking and in which language. The language follows, in order: the
 * language switch (a cookie), the signed-in user's setting, then Accept-Language.
 * Unsafe requests of a signed-in session must echo its CSRF token in a header, which a
 * cross-site form cannot set; the session cookie is also SameSite.
 */
export function registerSessionHooks(app: FastifyInstance, platform: Platform) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const switched = toLocale(request.cookies[LOCALE_COOKIE]);
    request.ctx = {
      ...platform,
      actor: null,
      locale: switched ?? fromAcceptLanguage(request.headers['accept-language']) ?? DEFAULT_LOCALE,
      ip: request.ip,
    };
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/open311/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await resolveSession(platform, token);
    if (!session) return;
    request.ctx.actor = session.actor;
    if (!switched) request.ctx.locale = session.actor.locale;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) throw new AppError('auth.csrf');
    }
  });
}
