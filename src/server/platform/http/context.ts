import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import { writeAudit, type AuditEntry } from '../audit/audit.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import type { ReferenceCache } from '../cache/reference-cache.ts';
import type { Actor } from '../authz/actor.ts';
import type { Config } from '../config.ts';
import type { PiiCipher } from '../crypto/pii.ts';
import type { DatabaseKind } from '../db/kysely.ts';
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
  /** The platform's caches and settings, for commands that read reference data. */
  platform: Platform;
}

/**
 * Runs a command in one transaction; its audit records commit or roll back with it, so a
 * failed command leaves neither data nor a record that it happened.
 */
export function command<T>(ctx: RequestContext, fn: (scope: CommandScope) => Promise<T>): Promise<T> {
  const run = (trx: Kysely<DB>) => fn({ trx, audit: (entry) => writeAudit(trx, { actor: ctx.actor, ip: ctx.ip }, entry), platform: ctx });
  // A command composed of other commands (see withinTransaction) runs them all in its one transaction.
  return ctx.db.isTransaction ? run(ctx.db) : ctx.db.transaction().execute(run);
}

/** Runs several commands as one: they commit together or not at all. */
export function withinTransaction<T>(ctx: RequestContext, fn: (ctx: RequestContext) => Promise<T>): Promise<T> {
  return ctx.db.isTransaction ? fn(ctx) : ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
}

/** Records a read of sensitive data (its own small transaction). */
export function auditRead(ctx: RequestContext, entry: AuditEntry): Promise<void> {
  return writeAudit(ctx.db, { actor: ctx.actor, ip: ctx.ip }, entry);
}
