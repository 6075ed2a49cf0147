import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import { auditRow, writeAudit, type AuditEntry } from '../audit/audit.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import type { ReferenceCache } from '../cache/reference-cache.ts';
import type { Actor } from '../authz/actor.ts';
import type { Config } from '../config.ts';
import type { PiiCipher } from '../crypto/pii.ts';
import type { DatabaseKind } from '../db/kysely.ts';
import { OneWrite } from '../db/one-write.ts';
import type { AuditLogTable } from '../db/platform.tables.ts';
import { AppError } from '../errors/app-error.ts';
import type { Locale } from '../i18n/locale.ts';
import type { HostLookup } from '../webhooks/destination.ts';

/** What the platform gives every module at start-up. */
export interface Platform {
  db: Kysely<DB>;
  dbKind: DatabaseKind;
  pii: PiiCipher;
  config: Config;
  /** Name resolution for outgoing calls (webhooks); the system's unless a test gives its own. */
  lookup?: HostLookup;
  /**
   * Sessions resolved by this process, kept until a change is announced (auth/session-cache.ts);
   * without it (scripts) every request reads its session from the database.
   */
  sessionCache?: SessionCache;
  /** Reference data kept by this process until a change is announced (cache/reference-cache.ts). */
  referenceCache?: ReferenceCache;
}

/** One request: who asks, in which language, from where. */
export interface RequestContext extends Platform {
  actor: Actor | null;
  locale: Locale;
  ip: string;
}

/** The actor of a request that must be signed in. */
export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('auth.required');
  return ctx.actor;
}

export interface CommandScope {
  trx: Kysely<DB>;
  /** A bound function: commands destructure it (`async ({ trx, audit }) => ...`). */
  audit: (entry: AuditEntry) => Promise<void>;
  /** The audit row of an entry, for a command that writes it in the statement of its change. */
  auditRow: (entry: AuditEntry) => Insertable<AuditLogTable>;
  /** The platform's caches and settings, for commands that read reference data. */
  platform: Platform;
}

/**
 * Runs a command in one transaction; its audit records commit or roll back with it, so a
 * failed command leaves neither data nor a record that it happened.
 */
export function command<T>(ctx: RequestContext, fn: (scope: CommandScope) => Promise<T>): Promise<T> {
  const run = (trx: Kysely<DB>) => fn(scopeOf(ctx, trx));
  // A command composed of other commands (see withinTransaction) runs them all in its one transaction.
  return ctx.db.isTransaction ? run(ctx.db) : ctx.db.transaction().execute(run);
}

/**
 * Runs a command whose change, audit record included, is one statement (its other rows ride in
 * it as data-modifying CTEs): atomic by itself, it is sent without BEGIN and COMMIT, two round
 * trips fewer. Reads may come first; a second write throws (OneWrite). Within another command's
 * transaction it runs there.
 */
export function oneStatementCommand<T>(ctx: RequestContext, fn: (scope: CommandScope) => Promise<T>): Promise<T> {
  return ctx.db.isTransaction ? command(ctx, fn) : fn(scopeOf(ctx, ctx.db.withPlugin(new OneWrite())));
}

function scopeOf(ctx: RequestContext, trx: Kysely<DB>): CommandScope {
  const source = { actor: ctx.actor, ip: ctx.ip };
  return { trx, audit: (entry) => writeAudit(trx, source, entry), auditRow: (entry) => auditRow(source, entry), platform: ctx };
}

/** Runs several commands as one: they commit together or not at all. */
export function withinTransaction<T>(ctx: RequestContext, fn: (ctx: RequestContext) => Promise<T>): Promise<T> {
  return ctx.db.isTransaction ? fn(ctx) : ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

/** Records a read of sensitive data (its own small transaction). */
export function auditRead(ctx: RequestContext, entry: AuditEntry): Promise<void> {
  return writeAudit(ctx.db, { actor: ctx.actor, ip: ctx.ip }, entry);
}
