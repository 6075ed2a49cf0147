import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, createUser, TEST_PASSWORD, type TestApp } from '../../testing.ts';
import { redactQuery } from './logging.ts';

let t: TestApp;
const lines: string[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  t = await createTestApp({}, { logger: { level: 'info', stream } });
  // A later change that logs a body or headers must not leak them either.
  t.app.post('/api/test-log', async (request) => {
    request.log.info({ body: request.body, headers: request.headers }, 'what came in');
    return { ok: true };
  });
  t.app.get('/api/test-fail', async () => {
    throw new Error('upstream https://hooks.example.org/in?token=upstream-token-9 refused');
  });
});
afterAll(() => t.close());

const logged = () => lines.join('\n');
/** The fields of a pino line that the tests read. */
interface LogLine {
  msg?: string;
  req?: { url?: string };
  body?: unknown;
  headers?: unknown;
}
const entries = () => lines.map((l) => JSON.parse(l) as LogLine);

describe('the server log', () => {
  it('logs requests, with secret query parameters replaced in the URL', async () => {
    const key = 'o311_QueryStringKey1234567890';
    await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=x&api_key=${key}&status=open` });
    await t.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.json?API%5Fkey=${key}-encoded`,
      payload: `service_code=x&api_key=${key}-form`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const urls = entries().flatMap((l) => l.req?.url ?? []);
    expect(urls).toContain('/open311/v2/requests.json?jurisdiction_id=x&api_key=[REDACTED]&status=open');
    expect(urls).toContain('/open311/v2/requests.json?API%5Fkey=[REDACTED]');
    expect(logged()).not.toContain(key);
  });

  it('never holds a password, session cookie, CSRF token or secret, in any field or message', async () => {
    const user = await createUser(t.db, [{ role: 'platform_admin', scopeType: 'platform' }]);
    const client = new Client(t.app);
    expect((await client.login(user.username)).statusCode).toBe(200);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: TEST_PASSWORD } });
    const session = login.cookies.find((c) => c.name === 'sanshe_session')!.value;
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/test-log?session=abc-session-param',
      headers: { cookie: `sanshe_session=${session}`, 'x-csrf-token': csrf, authorization: 'Bearer bearer-token-7' },
      payload: {
        password: 'body-password-1',
        currentPassword: 'body-password-2',
        user: { newPassword: 'body-password-3' },
        items: [{ secret: 'whsec_body-secret-4' }],
        apiKey: 'body-api-key-5',
        note: 'kept',
      },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/test-fail' })).statusCode).toBe(500);

    const text = logged();
    for (const secret of [
      TEST_PASSWORD, session, csrf, 'bearer-token-7', 'abc-session-param', 'body-password-1', 'body-password-2',
      'body-password-3', 'whsec_body-secret-4', 'body-api-key-5', 'upstream-token-9',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    const entry = entries().find((l) => l.msg === 'what came in');
    expect(entry?.body).toEqual({
      password: '[REDACTED]',
      currentPassword: '[REDACTED]',
      user: { newPassword: '[REDACTED]' },
      items: [{ secret: '[REDACTED]' }],
      apiKey: '[REDACTED]',
      note: 'kept',
    });
    expect(entry?.headers).toMatchObject({ cookie: '[REDACTED]', 'x-csrf-token': '[REDACTED]', authorization: '[REDACTED]' });
    expect(text).toContain('upstream https://hooks.example.org/in?token=[REDACTED] refused');
  });
});

describe('redactQuery', () => {
  it.each([
    ['/x?api_key=k1&a=1', '/x?api_key=[REDACTED]&a=1'],
    ['/x?a=1&apikey=k&b=2', '/x?a=1&apikey=[REDACTED]&b=2'],
    ['/x?access_token=t#frag', '/x?access_token=[REDACTED]#frag'],
    ['/x?client_secret=s&password=p', '/x?client_secret=[REDACTED]&password=[REDACTED]'],
    ['/x?q=%E6%A5%BC&page=2', '/x?q=%E6%A5%BC&page=2'],
    ['/x?bad=%E0%A4%A', '/x?bad=%E0%A4%A'],
  ])('%s → %s', (given, expected) => {
    expect(redactQuery(given)).toBe(expected);
  });
});
