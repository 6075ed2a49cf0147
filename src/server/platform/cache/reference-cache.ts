import { sql, type Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import type { Database } from '../db/kysely.ts';
import type { Unlisten } from '../db/listen.ts';

/** The channel on which the key of changed reference data is sent. */
export const REFERENCE_CHANNEL = 'sanshe_reference';

/** Read again after this long even without a notification: a safety net, as for sessions. */
export const REFERENCE_TTL_MS = 300_000;

/**
 * Reference data that every write reads and an administrator rarely changes (the working-day
 * calendar), kept in this process by key and dropped when a change to that key is announced on
 * REFERENCE_CHANNEL. Like the session cache it is only used while the process listens: a lost
 * listening connection empties it, and until listening resumes every read loads anew.
 */
export class ReferenceCache {
  private readonly entries = new Map<string, { value: unknown; loadedAt: number }>();
  private listening = false;
  private generation = 0;
  private unlisten?: Unlisten;

  async start(database: Pick<Database, 'listen'>): Promise<void> {
    this.unlisten = await database.listen(REFERENCE_CHANNEL, {
      message: (key) => this.evict(key),
      state: (listening) => {
        this.clear();
        this.listening = listening;
      },
    });
  }

  async close(): Promise<void> {
    this.listening = false;
    this.clear();
    await this.unlisten?.();
  }

  /**
   * The value of `key`, loaded when absent or older than the safety net. A load that overlapped
   * an eviction is returned but not kept: it may predate the change.
   */
  async get<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const entry = this.listening ? this.entries.get(key) : undefined;
    if (entry && now - entry.loadedAt < REFERENCE_TTL_MS) return entry.value as T;
    const version = this.generation;
    const value = await load();
    if (this.listening && version === this.generation) this.entries.set(key, { value, loadedAt: now });
    return value;
  }

  evict(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

/**
 * Announces that the reference data under `key` changed. Call it inside the changing
 * transaction: every process (this one included) drops the key when it commits, none if it rolls
 * back; this process also drops it at once, so its own next read loads anew.
 */
export async function referenceChanged(platform: { referenceCache?: ReferenceCache }, db: Kysely<DB>, key: string): Promise<void> {
  await sql`select pg_notify(${REFERENCE_CHANNEL}, ${key})`.execute(db);
  platform.referenceCache?.evict(key);
}
