import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { Client, createTestApp, createUser, TEST_PASSWORD, type ErrorBody, type TestApp } from '../../testing.ts';
import type { Config } from '../config.ts';
import { THROTTLE } from './throttle.ts';

let t: TestApp;
const extraApps: FastifyInstance[] = [];
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  for (const app of extraApps) await app.close();
  await t.close();
});

/** The same platform and database, served by an app built with another TRUST_PROXY. */
async function appTrusting(trustProxy: Config['trustProxy']): Promise<FastifyInstance> {
  const app = await buildApp({ platform: { ...t.platform, config: { ...t.platform.config, trustProxy } }, webDir: path.join(t.platform.config.dataDir, 'no-web-app') });
  extraApps.push(app);
  return app;
}

function signIn(app: FastifyInstance, peer: string, forwardedFor: string | null, username: string, password = 'wrong') {
  const client = new Client(app);
  client.remoteAddress = peer;
  return client.request('POST', '/api/v1/auth/login', { username, password }, forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});
}

/** The address the audit log recorded for the failed sign-in of this (unknown) username. */
async function auditedAddress(username: string): Promise<string> {
  const row = await t.db
    .selectFrom('audit_log')
    .select('ip')
    .where('action', '=', 'auth.login_failed')
    .where(sql<string>`after->>'username'`, '=', username)
    .executeTakeFirstOrThrow();
  return row.ip;
}

let n = 0;
const nobody = () => `nobody_${++n}`;

describe('sign-in limit per address', () => {
  it(`blocks an address after ${THROTTLE.perAddress} failures across different accounts`, async () => {
    const peer = '203.0.113.7';
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      expect((await signIn(t.app, peer, null, nobody())).statusCode).toBe(401);
    }
    const victim = await createUser(t.db, []);
    const blocked = await signIn(t.app, peer, null, victim.username, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<ErrorBody>().error.code).toBe('auth.too_many_attempts');
    // until the first of those failures, a moment ago, leaves the window
    const wait = Number(blocked.headers['retry-after']);
    expect(wait).toBeGreaterThan(THROTTLE.windowMinutes * 60 - 120);
    expect(wait).toBeLessThanOrEqual(THROTTLE.windowMinutes * 60);
    // the account itself is not locked for other addresses
    expect((await signIn(t.app, '203.0.113.8', null, victim.username, TEST_PASSWORD)).statusCode).toBe(200);
    // failures older than the window no longer count
    await sql`update login_failures set failed_at = now() - make_interval(mins => ${THROTTLE.windowMinutes + 1})
      where key = ${`ip:${peer}`}`.execute(t.db);
    expect((await signIn(t.app, peer, null, victim.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('does not block an address below the limit', async () => {
    const peer = '203.0.113.9';
    for (let i = 0; i < THROTTLE.perAddress - 1; i++) await signIn(t.app, peer, null, nobody());
    const user = await createUser(t.db, []);
    expect((await signIn(t.app, peer, null, user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('gives a right password\'s place back: successful sign-ins never block the address', async () => {
    const peer = '203.0.113.10';
    for (let i = 0; i <= THROTTLE.perAddress; i++) {
      const user = await createUser(t.db, []);
      expect((await signIn(t.app, peer, null, user.username, TEST_PASSWORD)).statusCode).toBe(200);
    }
  });
});

describe('client address (TRUST_PROXY)', () => {
  it('ignores X-Forwarded-For by default: the peer is limited and audited, whatever the header says', async () => {
    const peer = '198.51.100.20';
    const first = nobody();
    expect((await signIn(t.app, peer, '192.0.2.1', first)).statusCode).toBe(401);
    expect(await auditedAddress(first)).toBe(peer);
    for (let i = 1; i < THROTTLE.perAddress; i++) {
      expect((await signIn(t.app, peer, `192.0.2.${i + 1}`, nobody())).statusCode).toBe(401);
    }
    const victim = await createUser(t.db, []);
    expect((await signIn(t.app, peer, '192.0.2.200', victim.username, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('takes the client address from X-Forwarded-For when the peer is a listed proxy', async () => {
    const behindProxy = await appTrusting(['10.0.0.1', '10.1.0.0/16']);
    const client = '203.0.113.60';
    const first = nobody();
    expect((await signIn(behindProxy, '10.0.0.1', client, first)).statusCode).toBe(401);
    expect(await auditedAddress(first)).toBe(client);
    for (let i = 1; i < THROTTLE.perAddress; i++) {
      expect((await signIn(behindProxy, '10.0.0.1', client, nobody())).statusCode).toBe(401);
    }
    const victim = await createUser(t.db, []);
    // that client is limited through any listed proxy; another client behind the same proxy is not
    expect((await signIn(behindProxy, '10.1.2.3', client, victim.username, TEST_PASSWORD)).statusCode).toBe(429);
    expect((await signIn(behindProxy, '10.0.0.1', '203.0.113.61', victim.username, TEST_PASSWORD)).statusCode).toBe(200);
    // the session records the same address
    const session = await t.db.selectFrom('sessions').select('ip').where('user_id', '=', victim.id).executeTakeFirstOrThrow();
    expect(session.ip).toBe('203.0.113.61');
  });

  it('ignores X-Forwarded-For from a peer that is not a listed proxy', async () => {
    const behindProxy = await appTrusting(['10.0.0.1']);
    const peer = '192.0.2.99';
    const first = nobody();
    expect((await signIn(behindProxy, peer, '203.0.113.70', first)).statusCode).toBe(401);
    expect(await auditedAddress(first)).toBe(peer);
    for (let i = 1; i < THROTTLE.perAddress; i++) {
      expect((await signIn(behindProxy, peer, `203.0.113.${70 + i}`, nobody())).statusCode).toBe(401);
    }
    const victim = await createUser(t.db, []);
    expect((await signIn(behindProxy, peer, '203.0.113.99', victim.username, TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('with a hop count, takes the address that many proxies away', async () => {
    const oneHop = await appTrusting(1);
    const first = nobody();
    // the proxy appended the address it saw; what the client wrote before it is not trusted
    expect((await signIn(oneHop, '10.9.9.9', '198.51.100.1, 203.0.113.80', first)).statusCode).toBe(401);
    expect(await auditedAddress(first)).toBe('203.0.113.80');
    const twoHops = await appTrusting(2);
    const second = nobody();
    expect((await signIn(twoHops, '10.9.9.9', '198.51.100.1, 203.0.113.81, 10.8.8.8', second)).statusCode).toBe(401);
    expect(await auditedAddress(second)).toBe('203.0.113.81');
  });
});
