import { sql, type Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import type { Actor } from '../authz/actor.ts';
import type { Database } from '../db/kysely.ts';
import type { Unlisten } from '../db/listen.ts';
import { LastSeenWriter } from './last-seen.ts';

/** The channel on which a user id is sent when anything a session resolves to changes. */
export const AUTH_CHANNEL = 'sanshe_auth';

/** A signed-in session as a request sees it, with the times that decide whether it is alive. */
export interface LiveSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: number;
  /** The latest request of the session known here (stored, or served by this process). */
  seenAt: number;
  /** last_seen_at as stored (or about to be). */
  storedSeenAt: number;
}

export interface SessionCacheLimits {
  /** Sessions kept; the least recently used goes first. */
  size: number;
  /** A session is read again after this long even without a notification: a safety net. */
  ttlMs: number;
}

export const SESSION_CACHE_LIMITS: SessionCacheLimits = { size: 5_000, ttlMs: 60_000 };

/**
 * The sessions of this process, by token hash, so that a signed-in request does not read its
 * session, user and role assignments from the database each time. It is only used while the
 * process listens to AUTH_CHANNEL: a lost listening connection empties it, and until listening
 * resumes every request reads the database.
 */
export class SessionCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly entries = new Map<string, { session: LiveSession; loadedAt: number }>();
  private listening = false;
  private generation = 0;
  private unlisten?: Unlisten;
  /** Where the sessions' last-seen times go (from start() on). */
  lastSeen?: LastSeenWriter;

  constructor(private readonly limits: SessionCacheLimits = SESSION_CACHE_LIMITS) {}

  async start(database: Pick<Database, 'db' | 'listen'>): Promise<void> {
    this.lastSeen = new LastSeenWriter(database.db);
    this.unlisten = await database.listen(AUTH_CHANNEL, {
      message: (userId) => this.evictUser(userId),
      state: (listening) => {
        this.clear();
        this.listening = listening;
      },
    });
  }

  async close(): Promise<void> {
    await this.lastSeen?.close();
    this.listening = false;
    this.clear();
    await this.unlisten?.();
  }

  /** Whether the cache is in use (listening to changes). */
  get active(): boolean {
    return this.listening;
  }

  /** Taken before a session is read from the database and handed to put(). */
  get version(): number {
    return this.generation;
  }

  get(key: string, now = Date.now()): LiveSession | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (now - entry.loadedAt >= this.limits.ttlMs) return undefined;
    this.entries.set(key, entry);
    return entry.session;
  }

  /**
   * Keeps a session read from the database, unless something was evicted since the read began:
   * the read may then predate the change, and keeping it would serve the old state.
   */
  put(key: string, session: LiveSession, version: number, now = Date.now()): void {
    if (!this.listening || version !== this.generation) return;
    this.entries.delete(key);
    this.entries.set(key, { session, loadedAt: now });
    if (this.entries.size > this.limits.size) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drops a session found ended or expired. */
  drop(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  evictUser(userId: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) {
      if (entry.session.actor.userId === userId) this.entries.delete(key);
    }
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

/**
 * Announces that what a user's sessions resolve to has changed: a session ended, the account's
 * status, name or language, its role assignments. Call it inside the changing transaction: the
 * notification reaches every process (this one included) when it commits, and none if it rolls
 * back. This process also forgets the user at once, so that its own next request, which may be
 * served before the notification comes back, reads the database.
 */
export async function authChanged(platform: { sessionCache?: SessionCache }, db: Kysely<DB>, userId: string): Promise<void> {
  await sql`select pg_notify(${AUTH_CHANNEL}, ${userId})`.execute(db);
  platform.sessionCache?.evictUser(userId);
}
