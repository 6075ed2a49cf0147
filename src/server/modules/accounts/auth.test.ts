import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { auditCount, Client, createTestApp, createUser, TEST_PASSWORD, type TestApp, type ErrorBody } from '../../testing.ts';
import type { MeView, SessionView as SessionViewSchema } from './accounts.schemas.ts';

type SessionView = Static<typeof SessionViewSchema>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign in and sessions', () => {
  it('opens a session with an httpOnly SameSite cookie and reports the user', async () => {
    const u = await createUser(t.db, [{ role: 'platform_admin', scopeType: 'platform' }]);
    const c = new Client(t.app);
    const res = await c.login(u.username);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'sanshe_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json<MeView>().user.username).toBe(u.username);
    expect(me.json<MeView>().assignments[0].role).toBe('platform_admin');
    expect(await auditCount(t.db, 'auth.login')).toBeGreaterThan(0);
  });

  it('refuses a wrong password with a translated error and audits it', async () => {
    const u = await createUser(t.db, []);
    const c = new Client(t.app);
    c.lang = 'en';
    const res = await c.login(u.username, 'nope');
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>().error).toEqual({ code: 'auth.invalid_credentials', message: 'Wrong username or password' });
    const zh = await new Client(t.app).login(u.username, 'nope');
    expect(zh.json<ErrorBody>().error.message).toBe('用户名或密码错误');
  });

  it('rate-limits failed sign-ins per account', async () => {
    const u = await createUser(t.db, []);
    for (let i = 0; i < 5; i++) expect((await new Client(t.app).login(u.username, 'bad')).statusCode).toBe(401);
    const blocked = await new Client(t.app).login(u.username, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<ErrorBody>().error.code).toBe('auth.too_many_attempts');
  });

  it('requires the CSRF header on unsafe requests of a session', async () => {
    const u = await createUser(t.db, []);
    const c = new Client(t.app);
    await c.login(u.username);
    const token = c.csrf;
    c.csrf = '';
    const res = await c.patch('/api/v1/me', { locale: 'en' });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe('auth.csrf');
    c.csrf = token;
    expect((await c.patch('/api/v1/me', { locale: 'en' })).statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const u = await createUser(t.db, []);
    const c = new Client(t.app);
    await c.login(u.username);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('password change ends other sessions and lists own sessions', async () => {
    const u = await createUser(t.db, []);
    const a = new Client(t.app);
    const b = new Client(t.app);
    await a.login(u.username);
    await b.login(u.username);
    const sessions = await a.get('/api/v1/me/sessions');
    expect(sessions.json<MeView>()).toHaveLength(2);
    const weak = await a.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    const ok = await a.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'NewPassword123' });
    expect(ok.statusCode).toBe(200);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
    expect((await a.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('ends one own session but answers 404 for another user\'s session', async () => {
    const u = await createUser(t.db, []);
    const other = await createUser(t.db, []);
    const a = new Client(t.app);
    const b = new Client(t.app);
    const o = new Client(t.app);
    await a.login(u.username);
    await b.login(u.username);
    await o.login(other.username);
    const otherSession = (await o.get('/api/v1/me/sessions')).json<SessionView[]>()[0]!.id;
    expect((await a.delete(`/api/v1/me/sessions/${otherSession}`)).statusCode).toBe(404);
    const bSession = (await a.get('/api/v1/me/sessions')).json<SessionView[]>().find((s) => !s.current)!.id;
    expect((await a.delete(`/api/v1/me/sessions/${bSession}`)).statusCode).toBe(200);
    expect((await b.get('/api/v1/me')).statusCode).toBe(401);
  });
});
