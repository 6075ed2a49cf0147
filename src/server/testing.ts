import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { newId } from './platform/db/ids.ts';
import type { Role, ScopeType } from '../common/roles.ts';
import { buildApp } from './app.ts';
import { hashPassword } from './platform/auth/passwords.ts';
import { startCaches } from './platform/caches.ts';
import { loadConfig, type Config } from './platform/config.ts';
import { PiiCipher } from './platform/crypto/pii.ts';
import { openDatabase, type Database } from './platform/db/kysely.ts';
import { MIGRATIONS_DIR, migrate } from './platform/db/migrate.ts';
import type { Platform, RequestContext } from './platform/http/context.ts';
import type { ErrorBody } from './platform/http/errors.ts';
import type { StatementListener } from './platform/http/statement-hooks.ts';
import type { HostLookup } from './platform/webhooks/destination.ts';
import type { DB } from './tables.ts';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new
 * database on the PostgreSQL server of TEST_DATABASE_URL (dropped again on close). A migration
 * test asks for it unmigrated, or migrated from another directory (to test a migration against
 * older data).
 */
export async function openTestDatabase(
  options: { migrated?: boolean; migrations?: string } = {},
): Promise<Database & { url?: string }> {
  const migrated = options.migrated ?? true;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({});
    if (migrated) await migrate(database.db, options.migrations);
    return database;
  }
  const name = `sanshe_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  if (migrated) await migrate(database.db, options.migrations);
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const again = new pg.Client({ connectionString: serverUrl });
      again.on('error', () => {});
      await again.connect();
      // Closed pool sockets may still be saying goodbye; let them go before forcing the drop.
      for (let i = 0; i < 50; i++) {
        const { rows } = await again.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

/**
 * A database migrated up to, not including, `migration`: a migration test writes older data,
 * then runs `migrate(db)` to apply the rest. Closing it also removes the copied files.
 */
export async function openTestDatabaseBefore(migration: string): Promise<Database> {
  const before = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  for (const f of fs.readdirSync(MIGRATIONS_DIR).filter((f) => f < migration)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(before, f));
  const database = await openTestDatabase({ migrations: before });
  return {
    ...database,
    async close() {
      await database.close();
      fs.rmSync(before, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<DB>;
  platform: Platform;
  close(): Promise<void>;
}

export interface TestAppWithPeers extends TestApp {
  /**
   * A second app on the same database with a session cache of its own, as a second server
   * process: on PostgreSQL with its own pool and listening connection. Close it before this one.
   */
  peer(): Promise<TestApp>;
}

export interface TestAppOptions {
  /** Pino options (level, stream) to turn logging on. */
  logger?: object;
  /** Folder of a built web app to serve. */
  webDir?: string;
  /** Name resolution for webhook receivers. */
  lookup?: HostLookup;
  /** Told the SQL statements of each answered request. */
  onStatements?: StatementListener;
}

/** A request context with no one signed in, as the platform's own jobs and outside systems run. */
export const anonymousContext = (t: TestApp, ip = ''): RequestContext => ({ ...t.platform, actor: null, locale: 'zh-CN', ip });

export async function createTestApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): Promise<TestAppWithPeers> {
  const database = await openTestDatabase();
  // A data folder of its own, so attachments of one test never land where another test (or a
  // later run) looks; the web folder inside it is never created, so no web app is served.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-test-app-'));
  // Test webhook receivers listen on loopback.
  const config = { ...loadConfig({}), dataDir: scratch, seedDemo: false, webhookPrivateTargets: true, ...overrides };
  const caches = await startCaches(database);
  const platform: Platform = {
    db: database.db,
    dbKind: database.kind,
    pii: new PiiCipher(crypto.randomBytes(32)),
    config,
    lookup: options.lookup,
    sessionCache: caches.sessionCache,
    referenceCache: caches.referenceCache,
  };
  const app = await buildApp({
    platform,
    webDir: options.webDir ?? path.join(scratch, 'no-web-app'),
    logger: options.logger,
    onStatements: options.onStatements,
  });
  return {
    app,
    db: database.db,
    platform,
    async peer() {
      // On PostgreSQL another pool on the same database, as a second server process would have.
      const shared = database.url ? await openDatabase({ databaseUrl: database.url, poolSize: 5 }) : null;
      const peerDatabase = shared ?? database;
      const peerCaches = await startCaches(peerDatabase);
      const peerPlatform: Platform = { ...platform, db: peerDatabase.db, sessionCache: peerCaches.sessionCache, referenceCache: peerCaches.referenceCache };
      const peerApp = await buildApp({ platform: peerPlatform, webDir: path.join(scratch, 'no-web-app') });
      return {
        app: peerApp,
        db: peerDatabase.db,
        platform: peerPlatform,
        async close() {
          await peerApp.close();
          await peerCaches.close();
          await shared?.close();
        },
      };
    },
    async close() {
      await app.close();
      await caches.close();
      await database.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export const TEST_PASSWORD = 'Passw0rd-test';
let passwordHash: Promise<string> | undefined;

export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId?: string | null;
  districtId?: string | null;
}

/** A user with the given role assignments (all sharing one test password). */
export async function createUser(
  db: Kysely<DB>,
  grants: Grant[],
  opts: { username?: string; displayName?: string; locale?: 'zh-CN' | 'en' } = {},
): Promise<{ id: string; username: string }> {
  const id = newId();
  const username = opts.username ?? `u_${crypto.randomBytes(5).toString('hex')}`;
  await db
    .insertInto('users')
    .values({
      id,
      username,
      display_name: opts.displayName ?? username,
      password_hash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
      locale: opts.locale ?? 'zh-CN',
    })
    .execute();
  for (const g of grants) {
    await db
      .insertInto('role_assignments')
      .values({
        id: newId(),
        user_id: id,
        role: g.role,
        scope_type: g.scopeType,
        scope_id: g.scopeId ?? null,
        scope_district_id: g.districtId ?? (g.scopeType === 'district' ? g.scopeId ?? null : null),
      })
      .execute();
  }
  return { id, username };
}

export type { ErrorBody };

/** A list answer: one page and the cursor of the next. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * An answer whose JSON body the test names, e.g. `res.json<NeedDetail>()` or
 * `res.json<ErrorBody>()`; left unnamed it is `unknown`, never `any`.
 */
export type TestResponse = Omit<LightMyRequestResponse, 'json'> & { json<T = unknown>(): T };

/** The parts of the OpenAPI document that tests read. */
export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { summary?: string; tags?: string[]; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }> }>
  >;
}

/** field → error code of an error answer's field problems. */
export function fieldsOf(res: TestResponse): Record<string, string> {
  return Object.fromEntries((res.json<ErrorBody>().error.details?.fields ?? []).map((f) => [f.field, f.code]));
}

/** A signed-in HTTP client over app.inject(): keeps the cookie and sends the CSRF header. */
export class Client {
  private cookie = '';
  csrf = '';
  lang?: 'zh-CN' | 'en';
  /** The peer address the server sees (app.inject's default is 127.0.0.1). */
  remoteAddress?: string;

  constructor(private readonly app: FastifyInstance) {}

  async login(username: string, password = TEST_PASSWORD): Promise<TestResponse> {
    const res = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (res.statusCode === 200) {
      const set = res.cookies.find((c) => c.name === 'sanshe_session');
      this.cookie = set ? `sanshe_session=${set.value}` : '';
      this.csrf = res.json<{ csrfToken: string }>().csrfToken;
    }
    return res;
  }

  /** The session's headers as a browser sends them: its cookies, and the CSRF token on a write. */
  sessionHeaders(method: string): Record<string, string> {
    const cookies = [this.cookie, this.lang ? `sanshe_lang=${this.lang}` : ''].filter(Boolean).join('; ');
    return { ...(cookies ? { cookie: cookies } : {}), ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}) };
  }

  request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
    return this.app.inject({
      method: method as 'GET',
      url,
      payload: body as object,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
      headers: { ...this.sessionHeaders(method), ...headers },
    });
  }
  /** The same signed-in session, sent to another app (as to another server process). */
  on(app: FastifyInstance): Client {
    const other = new Client(app);
    other.cookie = this.cookie;
    other.csrf = this.csrf;
    other.lang = this.lang;
    return other;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

/** Signs a new user with these grants in and returns the client. */
export async function clientAs(t: TestApp, grants: Grant[], opts: Parameters<typeof createUser>[2] = {}) {
  const user = await createUser(t.db, grants, opts);
  const client = new Client(t.app);
  const res = await client.login(user.username);
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  return Object.assign(client, { user });
}

export async function auditCount(db: Kysely<DB>, action: string): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
