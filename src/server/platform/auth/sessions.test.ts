import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, createUser, TEST_PASSWORD, type TestApp, type ErrorBody } from '../../testing.ts';
import { THROTTLE } from './throttle.ts';

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

describe('session lifetime', () => {
  it('ends a session idle for longer than the idle timeout', async () => {
    const { client, session } = await signedIn();
    const idle = t.platform.config.sessionIdleMinutes;
    await t.db.updateTable('sessions').set({ last_seen_at: minutesAgo(idle + 1) }).where('id', '=', session.id).execute();
    const res = await client.get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorBody>().error.code).toBe('auth.required');
    const after = await t.db.selectFrom('sessions').select('ended_at').where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(after.ended_at).not.toBeNull();
    // moving last_seen_at back does not revive it
    await t.db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', session.id).execute();
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('keeps a session in use alive and records when it was last seen', async () => {
    const { client, session } = await signedIn();
    const idle = t.platform.config.sessionIdleMinutes;
    await t.db.updateTable('sessions').set({ last_seen_at: minutesAgo(idle - 1) }).where('id', '=', session.id).execute();
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const after = await t.db.selectFrom('sessions').select('last_seen_at').where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(Date.now() - new Date(after.last_seen_at).getTime()).toBeLessThan(10_000);
  });

  it('ends a session at its absolute lifetime even when in use', async () => {
    const { client, res, session } = await signedIn();
    const lifetime = new Date(session.expires_at).getTime() - new Date(session.created_at).getTime();
    expect(Math.abs(lifetime - t.platform.config.sessionAbsoluteHours * 3600_000)).toBeLessThan(5_000);
    const cookie = res.cookies.find((c) => c.name === 'sanshe_session')!;
    expect(Math.abs(new Date(cookie.expires!).getTime() - new Date(session.expires_at).getTime())).toBeLessThan(1_000);
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000), last_seen_at: new Date() })
      .where('id', '=', session.id)
      .execute();
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('stops working as soon as the user is disabled', async () => {
    const { user, client } = await signedIn();
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
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

describe('sign-in rate limit per address', () => {
  const from = (ip: string, username: string, password: string) =>
    new Client(t.app).request('POST', '/api/v1/auth/login', { username, password }, { 'x-forwarded-for': ip });

  it(`blocks an address after ${THROTTLE.perAddress} failures across different accounts`, async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      expect((await from(ip, `nobody_${i}`, 'wrong')).statusCode).toBe(401);
    }
    const victim = await createUser(t.db, []);
    const blocked = await from(ip, victim.username, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<ErrorBody>().error.code).toBe('auth.too_many_attempts');
    // the account itself is not locked for other addresses
    expect((await from('203.0.113.8', victim.username, TEST_PASSWORD)).statusCode).toBe(200);
    // failures older than the window no longer count
    await sql`update login_failures set failed_at = now() - make_interval(mins => ${THROTTLE.windowMinutes + 1})
      where key = ${`ip:${ip}`}`.execute(t.db);
    expect((await from(ip, victim.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does not count an address below the limit', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < THROTTLE.perAddress - 1; i++) await from(ip, `nobody_${i}`, 'wrong');
    const user = await createUser(t.db, []);
    expect((await from(ip, user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});
