import { Type } from 'typebox';
import { SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { ChangePasswordBody, IdParams, LoginBody, MeView, Ok, Preferences, PreferencesPatch, SessionView, UpdateMeBody } from './accounts.schemas.ts';
import * as accounts from './accounts.service.ts';
import { myPreferences, updateMyPreferences } from './preferences.service.ts';

const tags = ['accounts'];

export const authRoutes: ModulePlugin = async (app) => {
  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in: opens a session (httpOnly cookie) and returns the CSRF token',
        body: LoginBody,
        response: { 200: Type.Object({ csrfToken: Type.String() }) },
      },
    },
    async (request, reply) => {
      const session = await accounts.login(request.ctx, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? '',
      });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.ctx.config.secureCookies,
        expires: session.expiresAt,
      });
      return { csrfToken: session.csrfToken };
    },
  );

  app.post('/auth/logout', { schema: { tags, summary: 'Sign out', response: { 200: Ok } } }, async (request, reply) => {
    await accounts.logout(request.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/me', { schema: { tags, summary: 'The signed-in user, role assignments and permissions', response: { 200: MeView } } }, async (request) =>
    accounts.me(request.ctx),
  );

  app.patch('/me', { schema: { tags, summary: 'Change own language or display name', body: UpdateMeBody, response: { 200: Ok } } }, async (request) => {
    await accounts.updateMe(request.ctx, request.body);
    return { ok: true as const };
  });

  app.get('/me/preferences', { schema: { tags, summary: 'Own display preferences (large text, high contrast)', response: { 200: Preferences } } }, async (request) =>
    myPreferences(request.ctx),
  );

  app.patch(
    '/me/preferences',
    { schema: { tags, summary: 'Change own display preferences; answers all of them', body: PreferencesPatch, response: { 200: Preferences } } },
    async (request) => updateMyPreferences(request.ctx, request.body),
  );

  app.post(
    '/me/password',
    { schema: { tags, summary: 'Change own password (ends all other sessions)', body: ChangePasswordBody, response: { 200: Ok } } },
    async (request) => {
      await accounts.changePassword(request.ctx, request.body);
      return { ok: true as const };
    },
  );

  app.get('/me/sessions', { schema: { tags, summary: 'Own open sessions', response: { 200: Type.Array(SessionView) } } }, async (request) =>
    accounts.listSessions(request.ctx),
  );

  app.delete('/me/sessions/:id', { schema: { tags, summary: 'End one of own sessions', params: IdParams, response: { 200: Ok } } }, async (request) => {
    await accounts.endOwnSession(request.ctx, request.params.id);
    return { ok: true as const };
  });
};
