import { sql, type KyselyPlugin, PostgresQueryCompiler, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { buildDistrictFixture, type DistrictFixture } from '../../modules/accounts/accounts.fixtures.ts';
import { Client, clientAs, createTestApp, createUser, TEST_PASSWORD, type TestApp, type TestAppWithPeers } from '../../testing.ts';

/**
 * Two apps on one database, each with its session cache, stand for two server processes: on
 * PostgreSQL the second has its own pool and listening connection, so a change made through
 * one reaches the other only by the notification.
 */
let a: TestAppWithPeers;
let b: TestApp;
let d: DistrictFixture;
let admin: Client;
beforeAll(async () => {
  a = await createTestApp();
  b = await a.peer();
  d = await buildDistrictFixture(a.db);
  admin = await clientAs(a, [{ role: 'platform_admin', scopeType: 'platform' }]);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const worker = () => ({ role: 'community_worker' as const, scopeType: 'community' as const, scopeId: d.communityId, districtId: d.districtId });

/** One user signed in twice: on app A and on app B (its cookie carried over to B). */
async function signedInOnBoth(grants = [worker()]) {
  const user = await createUser(a.db, grants);
  const onA = new Client(a.app);
  expect((await onA.login(user.username)).statusCode).toBe(200);
  const onB = new Client(b.app);
  expect((await onB.login(user.username)).statusCode).toBe(200);
  // each app has served (and so remembered) the session before the change
  expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
  expect((await onA.get('/api/v1/me')).statusCode).toBe(200);
  return { user, onA, onB };
}

/**
 * Waits up to 2 s for app B to reflect a change made on app A (the notification travels over
 * another connection), then checks that it stays so.
 */
async function reflected(check: () => Promise<boolean>) {
  const until = Date.now() + 2_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('still served from before the change after 2 s');
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(await check()).toBe(true);
}

const refused = (client: Client) => async () => (await client.get('/api/v1/me')).statusCode === 401;
const permissions = async (client: Client) => (await client.get('/api/v1/me')).json<{ permissions: string[] }>().permissions;

describe('a change on one app reaches the other app on its next request', () => {
  it('sign-out ends the session on the other app', async () => {
    const { onA } = await signedInOnBoth();
    const sameOnB = onA.on(b.app);
    expect((await sameOnB.get('/api/v1/me')).statusCode).toBe(200);
    expect((await onA.post('/api/v1/auth/logout')).statusCode).toBe(200);
    await reflected(refused(sameOnB));
    // and on the app that signed out, at once
    expect((await onA.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('a password change ends the other sessions, not the one that changed it', async () => {
    const { onA, onB } = await signedInOnBoth();
    const res = await onA.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'N3w-password-1' });
    expect(res.statusCode).toBe(200);
    await reflected(refused(onB));
    expect((await onA.on(b.app).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('an administrator\'s password reset ends every session', async () => {
    const { user, onB } = await signedInOnBoth();
    const res = await admin.post(`/api/v1/users/${user.id}/password`, { newPassword: 'N3w-password-2' });
    expect(res.statusCode).toBe(200);
    await reflected(refused(onB));
  });

  it('disabling the account ends its sessions', async () => {
    const { user, onB } = await signedInOnBoth();
    expect((await admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' })).statusCode).toBe(200);
    await reflected(refused(onB));
  });

  it('ending one of one\'s sessions ends it on the other app', async () => {
    const { user, onA, onB } = await signedInOnBoth();
    const sessions = await a.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).orderBy('id').execute();
    // the second sign-in was on B
    expect((await onA.delete(`/api/v1/me/sessions/${sessions[1]!.id}`)).statusCode).toBe(200);
    await reflected(refused(onB));
    expect((await onA.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('a revoked role is gone on the other app', async () => {
    const { user, onB } = await signedInOnBoth();
    expect(await permissions(onB)).not.toEqual([]);
    const assignment = await a.db.selectFrom('role_assignments').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect((await admin.delete(`/api/v1/users/${user.id}/roles/${assignment.id}`)).statusCode).toBe(200);
    await reflected(async () => (await permissions(onB)).length === 0);
  });

  it('a granted role applies on the other app', async () => {
    const { user, onB } = await signedInOnBoth([]);
    expect(await permissions(onB)).toEqual([]);
    const { role, scopeType, scopeId } = worker();
    expect((await admin.post(`/api/v1/users/${user.id}/roles`, { role, scopeType, scopeId })).statusCode).toBe(201);
    await reflected(async () => (await permissions(onB)).length > 0);
  });

  it('a changed language applies on the other app', async () => {
    const { onA, onB } = await signedInOnBoth();
    expect((await onA.patch('/api/v1/me', { locale: 'en' })).statusCode).toBe(200);
    await reflected(async () => (await onB.get('/api/v1/me')).json<{ user: { locale: string } }>().user.locale === 'en');
  });
});

/** Records the text of every statement sent through the database handle it is plugged into. */
class StatementLog implements KyselyPlugin {
  readonly statements: string[] = [];
  private readonly compiler = new PostgresQueryCompiler();
  transformQuery(args: PluginTransformQueryArgs) {
    this.statements.push(this.compiler.compileQuery(args.node, args.queryId).sql);
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs) {
    return Promise.resolve(args.result);
  }
}

describe('a signed-in request', () => {
  it('reads its session, user and roles from the database only the first time', async () => {
    const log = new StatementLog();
    const counted = await buildApp({ platform: { ...a.platform, db: a.db.withPlugin(log) }, webDir: path.join(a.platform.config.dataDir, 'no-web-app') });
    try {
      const user = await createUser(a.db, [worker()]);
      const client = new Client(counted);
      expect((await client.login(user.username)).statusCode).toBe(200);
      const authTables = /\b(sessions|users|role_assignments)\b/;
      const url = `/api/v1/households?communityId=${d.communityId}`;

      log.statements.length = 0;
      expect((await client.get(url)).statusCode).toBe(200);
      expect(log.statements.filter((s) => authTables.test(s))).toHaveLength(2);
      const routeOnly = log.statements.length - 2;

      log.statements.length = 0;
      expect((await client.get(url)).statusCode).toBe(200);
      expect(log.statements.filter((s) => authTables.test(s))).toEqual([]);
      expect(log.statements).toHaveLength(routeOnly);
    } finally {
      await counted.close();
    }
  });
});

// Only a server connection can be lost; the embedded database listens in its own process.
if (process.env.TEST_DATABASE_URL) {
  describe('a lost listening connection', () => {
    it('empties the cache and reads the database until listening again', async () => {
      const { user, onB } = await signedInOnBoth();
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and application_name like 'sanshe_listen%'`.execute(a.db);
      const until = Date.now() + 2_000;
      while (b.platform.sessionCache!.active && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
      expect(b.platform.sessionCache!.active).toBe(false);
      expect((await onB.get('/api/v1/me')).statusCode).toBe(200);
      // a change nobody announces: only a read of the database can see it
      await a.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
      expect((await onB.get('/api/v1/me')).statusCode).toBe(401);
      // listening resumes by itself
      const back = Date.now() + 5_000;
      while (!b.platform.sessionCache!.active && Date.now() < back) await new Promise((r) => setTimeout(r, 50));
      expect(b.platform.sessionCache!.active).toBe(true);
    });
  });
}
