import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { THROTTLE } from '../../platform/auth/throttle.ts';
import { Client, createTestApp, createUser, TEST_PASSWORD, type ErrorBody, type TestApp } from '../../testing.ts';

// Counts the password checks while keeping the real ones.
vi.mock('../../platform/auth/passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../platform/auth/passwords.ts')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => vi.mocked(verifyPassword).mockClear());

/** How many times a password was checked against this hash. */
const checksAgainst = (passwordHash: string) => vi.mocked(verifyPassword).mock.calls.filter(([hash]) => hash === passwordHash).length;

/** How many times a password was checked against this user's hash. */
async function checksOf(userId: string): Promise<number> {
  const { password_hash } = await t.db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
  return checksAgainst(password_hash);
}

let peers = 0;
/** A client from an address of its own, so that tests do not share the per-address count. */
function clientFrom(peer = `198.51.100.${++peers}`): Client {
  const client = new Client(t.app);
  client.remoteAddress = peer;
  return client;
}

async function sessionsOf(userId: string): Promise<number> {
  const rows = await t.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute();
  return rows.length;
}

describe('failed sign-ins per account', () => {
  it('checks at most 5 of 30 parallel wrong passwords, and the right one among them does not sign in', async () => {
    const user = await createUser(t.db, []);
    const peer = `198.51.100.${++peers}`;
    const attempt = (password: string) => clientFrom(peer).login(user.username, password);
    const wrong = () => attempt('wrong-password-1');
    const answers = await Promise.all([
      ...Array.from({ length: 15 }, wrong),
      attempt(TEST_PASSWORD),
      ...Array.from({ length: 15 }, wrong),
    ]);
    const statuses = answers.map((a) => a.statusCode);
    const checked = await checksOf(user.id);
    expect(checked).toBeLessThanOrEqual(5);
    // every check was a refusal, every other attempt was turned away unchecked
    expect(statuses.filter((s) => s === 401)).toHaveLength(checked);
    expect(statuses.filter((s) => s === 429)).toHaveLength(31 - checked);
    expect(answers[15]!.statusCode).toBe(429);
    expect(await sessionsOf(user.id)).toBe(0);
    // and the account stays locked for the right password
    expect((await clientFrom().login(user.username, TEST_PASSWORD)).statusCode).toBe(429);
    expect(await checksOf(user.id)).toBe(checked);
  });

  it('says how long to wait: Retry-After until the oldest counted failure leaves the window', async () => {
    const user = await createUser(t.db, []);
    for (let i = 0; i < THROTTLE.perAccount; i++) expect((await clientFrom().login(user.username, 'wrong')).statusCode).toBe(401);
    // the five failures are 10, 11, 12, 13 and 14 minutes old: the oldest leaves in 60 seconds
    await sql`update login_failures f set failed_at = now() - make_interval(mins => (9 + r.k)::int)
      from (select claim, row_number() over (order by failed_at, claim) as k from login_failures where key = ${`user:${user.username}`}) r
      where f.claim = r.claim and f.key = ${`user:${user.username}`}`.execute(t.db);
    const en = clientFrom();
    en.lang = 'en';
    const blocked = await en.login(user.username, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    const wait = Number(blocked.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(55);
    expect(wait).toBeLessThanOrEqual(60);
    expect(blocked.json<ErrorBody>().error).toEqual({ code: 'auth.too_many_attempts', message: 'Too many failed attempts; try again in 1 min' });
    const zh = await clientFrom().login(user.username, TEST_PASSWORD);
    expect(zh.json<ErrorBody>().error.message).toBe('失败次数过多，请 1 分钟后再试');
    // once that failure has left the window, the right password signs in
    await sql`update login_failures set failed_at = failed_at - interval '1 minute' where key = ${`user:${user.username}`}`.execute(t.db);
    expect((await clientFrom().login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('wrong current passwords on POST /me/password', () => {
  async function signedIn() {
    const user = await createUser(t.db, []);
    const client = clientFrom();
    expect((await client.login(user.username)).statusCode).toBe(200);
    const hash = async () =>
      (await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()).password_hash;
    return { user, client, hashBefore: await hash(), hash };
  }
  const change = (client: Client, currentPassword: string, newPassword = 'NewPassword123') =>
    client.post('/api/v1/me/password', { currentPassword, newPassword });

  it(`answers 429 with Retry-After after ${THROTTLE.perAccount} wrong ones, checks no more, audits each and keeps the session`, async () => {
    const { user, client, hashBefore, hash } = await signedIn();
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      const res = await change(client, 'wrong-password-1');
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error.code).toBe('auth.wrong_password');
    }
    const blocked = await change(client, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<ErrorBody>().error.code).toBe('auth.too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await checksOf(user.id)).toBe(1 + THROTTLE.perAccount); // the sign-in, then the five
    expect(await hash()).toBe(hashBefore);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const audited = await t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'entity_id', 'ip'])
      .where('action', '=', 'user.change_password_failed')
      .where('entity_id', '=', user.id)
      .execute();
    expect(audited).toHaveLength(THROTTLE.perAccount);
    expect(audited[0]).toEqual({ actor_user_id: user.id, entity_id: user.id, ip: client.remoteAddress });
  });

  it('shares the count with sign-in: the account is locked for signing in too', async () => {
    const { user, client } = await signedIn();
    for (let i = 0; i < THROTTLE.perAccount; i++) await change(client, 'wrong-password-1');
    expect((await clientFrom().login(user.username)).statusCode).toBe(429);
  });

  it('checks at most 5 of 30 parallel wrong current passwords', async () => {
    const { client, hashBefore, hash } = await signedIn();
    vi.mocked(verifyPassword).mockClear();
    const answers = await Promise.all([
      ...Array.from({ length: 15 }, () => change(client, 'wrong-password-1')),
      change(client, TEST_PASSWORD),
      ...Array.from({ length: 15 }, () => change(client, 'wrong-password-1')),
    ]);
    const checked = checksAgainst(hashBefore);
    expect(checked).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(answers.filter((a) => a.statusCode === 400)).toHaveLength(checked);
    expect(answers[15]!.statusCode).toBe(429);
    expect(await hash()).toBe(hashBefore);
  });

  it('does not count a weak new password against the current one', async () => {
    const { client } = await signedIn();
    for (let i = 0; i <= THROTTLE.perAccount; i++) {
      expect((await change(client, TEST_PASSWORD, 'short')).json<ErrorBody>().error.code).toBe('auth.weak_password');
    }
    expect((await change(client, TEST_PASSWORD)).statusCode).toBe(200);
  });
});
