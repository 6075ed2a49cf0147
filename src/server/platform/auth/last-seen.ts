import { sql, type Kysely } from 'kysely';
import type { DB } from '../../tables.ts';

/** How often the sessions seen meanwhile are written. */
export const LAST_SEEN_FLUSH_MS = 5_000;

/**
 * Records when sessions were last seen without a round trip per request: the times are
 * collected here and written in one statement every few seconds and on close. A time only
 * moves forward, so two processes writing the same session keep the later one.
 */
export class LastSeenWriter {
  private readonly pending = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.timer = setInterval(() => void this.flush(), LAST_SEEN_FLUSH_MS);
    this.timer.unref();
  }

  seen(sessionId: string, at: number): void {
    this.pending.set(sessionId, at);
  }

  flush(): Promise<void> {
    if (this.pending.size === 0) return this.writing;
    const rows = sql.join([...this.pending].map(([id, at]) => sql`(${id}::uuid, ${new Date(at).toISOString()}::timestamptz)`));
    this.pending.clear();
    // one write at a time, so a slow one is not overtaken by the next
    this.writing = this.writing.then(() =>
      sql`update sessions set last_seen_at = v.seen from (values ${rows}) as v(id, seen)
        where sessions.id = v.id and sessions.ended_at is null and sessions.last_seen_at < v.seen`
        .execute(this.db)
        .then(() => undefined, this.onError),
    );
    return this.writing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
