import pg from 'pg';

export interface ListenHandlers {
  /** A notification's payload. */
  message(payload: string): void;
  /**
   * true once the channel is listened to; false when the listening connection is lost (whatever
   * was sent meanwhile is missed until it is true again).
   */
  state(listening: boolean): void;
}

/** Stops listening. */
export type Unlisten = () => Promise<void>;

const RETRY_MS = 1_000;

/**
 * Listens to a channel on a PostgreSQL server over one connection of its own (a pooled
 * connection would be handed to other work). A lost connection is reported and reopened.
 */
export function listenOnServer(url: string, channel: string, on: ListenHandlers): Promise<Unlisten> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = (gone: pg.Client) => {
    if (client !== gone) return;
    client = null;
    on.state(false);
    gone.end().catch(() => {});
    if (!closed) retry = setTimeout(() => void open(), RETRY_MS);
  };

  async function open(): Promise<void> {
    const next = new pg.Client({ connectionString: url, application_name: `sanshe_listen_${channel}` });
    client = next;
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (n) => {
      if (n.channel === channel) on.message(n.payload ?? '');
    });
    try {
      await next.connect();
      await next.query(`listen ${pg.escapeIdentifier(channel)}`);
      if (client === next && !closed) on.state(true);
    } catch {
      lost(next);
    }
  }

  return open().then(() => async () => {
    closed = true;
    clearTimeout(retry);
    const last = client;
    client = null;
    if (last) await last.end().catch(() => {});
  });
}
