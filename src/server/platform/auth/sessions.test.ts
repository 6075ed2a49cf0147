import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Client, createTestApp, createUser, type ErrorBody, type TestApp } from '../../testing.ts';
import { LAST_SEEN_FLUSH_MS } from './last-seen.ts';
import { authChanged } from './session-cache.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signedIn() {
  const user = await createUser(t.db, []);
  const client = new Client(t.app);
  const res = await client.login(user.username);
  expect(res.statusCode).toBe(200);
  const session = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
  return { user, client, res, session };
}
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
/** These tests edit the tables directly, so they announce the change as the services do. */
const announce = (userId: string) => authChanged(t.platform, t.db, userId);
afterEach(() => vi.useRealTimers());

describe('session lifetime', () => {
  it('ends a session idle for longer than the idle timeout', async () => {
    const { user, client, session } = await signedIn();
    const idle = t.platform.config.sessionIdleMinutes;
    await t.db.updateTable('sessions').set({ last_seen_at: minutesAgo(idle + 1) }).where('id', '=', session.id).execute();
    await announce(user.id);
    const res = await client.get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>().error.code).toBe('auth.required');
    const after = await t.db.selectFrom('sessions').select('ended_at').where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(after.ended_at).not.toBeNull();
    // moving last_seen_at back does not revive it
    await t.db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', session.id).execute();
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('ends a session remembered in memory once it has been idle for the timeout', async () => {
    const { client, session } = await signedIn();
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const idle = t.platform.config.sessionIdleMinutes;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (idle + 1) * 60_000);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    const after = await t.db.selectFrom('sessions').select('ended_at').where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(after.ended_at).not.toBeNull();
  });

  it('keeps a session in use alive and records when it was last seen', async () => {
    const { user, client, session } = await signedIn();
    const idle = t.platform.config.sessionIdleMinutes;
    await t.db.updateTable('sessions').set({ last_seen_at: minutesAgo(idle - 1) }).where('id', '=', session.id).execute();
    await announce(user.id);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const storedAge = async () => {
      const row = await t.db.selectFrom('sessions').select('last_seen_at').where('id', '=', session.id).executeTakeFirstOrThrow();
      return Date.now() - new Date(row.last_seen_at).getTime();
    };
    // not written by the request itself, but with the next batch
    expect(await storedAge()).toBeGreaterThan((idle - 2) * 60_000);
    const until = Date.now() + LAST_SEEN_FLUSH_MS + 3_000;
    while ((await storedAge()) > 10_000 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await storedAge()).toBeLessThan(10_000);
  });

  it('ends a session at its absolute lifetime even when in use', async () => {
    const { user, client, res, session } = await signedIn();
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const lifetime = new Date(session.expires_at).getTime() - new Date(session.created_at).getTime();
    expect(Math.abs(lifetime - t.platform.config.sessionAbsoluteHours * 3600_000)).toBeLessThan(5_000);
    const cookie = res.cookies.find((c) => c.name === 'sanshe_session')!;
    expect(Math.abs(new Date(cookie.expires!).getTime() - new Date(session.expires_at).getTime())).toBeLessThan(1_000);
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000), last_seen_at: new Date() })
      .where('id', '=', session.id)
      .execute();
    await announce(user.id);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('stops working as soon as the user is disabled', async () => {
    const { user, client } = await signedIn();
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    await announce(user.id);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    expect((await client.patch('/api/v1/me', { locale: 'en' })).statusCode).toBe(401);
  });

  it('ignores a forged token', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: 'sanshe_session=forged' } });
    expect(anon.statusCode).toBe(401);
  });
});

describe('session cookie', () => {
  it('is httpOnly, SameSite=Strict, for the whole site, and Secure behind HTTPS', async () => {
    const { res } = await signedIn();
    const cookie = res.cookies.find((c) => c.name === 'sanshe_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(res.json()).toEqual({ csrfToken: expect.any(String) as unknown });
    expect(res.body).not.toContain(cookie.value);
    t.platform.config.secureCookies = true;
    try {
      const again = await new Client(t.app).login((await createUser(t.db, [])).username);
      expect(again.cookies.find((c) => c.name === 'sanshe_session')!.secure).toBe(true);
    } finally {
      t.platform.config.secureCookies = false;
    }
  });

  it('stores only a hash of the token', async () => {
    const { res, session } = await signedIn();
    const token = res.cookies.find((c) => c.name === 'sanshe_session')!.value;
    expect(Buffer.from(session.token_hash).toString('utf8')).not.toContain(token);
    expect(Buffer.from(session.token_hash)).toHaveLength(32);
  });
});
