import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../../tables.ts';
import { listenOnServer, type ListenHandlers, type Unlisten } from './listen.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { countStatement } from './statements.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /**
   * Receives what `pg_notify(channel, payload)` sends, from this and every other process on the
   * database, once the sending transaction commits.
   */
  listen(channel: string, on: ListenHandlers): Promise<Unlisten>;
  close(): Promise<void>;
}

// Both drivers return the same JS types: int8/numeric as numbers, dates as 'YYYY-MM-DD' strings.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; when absent it lives in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

/** How the app opens PGlite, besides its data folder. */
export function pgliteOptions() {
  return {
    extensions: { pg_trgm },
    parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v), [DATE]: (v: string) => v },
  };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server ends (restart, admin termination) is dropped from the pool
    // and replaced on the next checkout; without a listener the error would end the process.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: countStatement });
    const url = options.databaseUrl;
    return { db, kind: 'postgresql', listen: (channel, on) => listenOnServer(url, channel, on), close: () => db.destroy() };
  }
  let dir: string | undefined;
  if (options.dataDir) {
    dir = path.join(options.dataDir, 'pgdata');
    fs.mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create({ dataDir: dir, ...pgliteOptions() });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client), log: countStatement });
  // One session in this process: a notification is delivered when its COMMIT runs, before the
  // committing call returns. Listening starts at start-up, when no transaction holds the session.
  const listen = async (channel: string, on: ListenHandlers): Promise<Unlisten> => {
    const stop = await client.listen(channel, (payload) => on.message(payload));
    on.state(true);
    return async () => {
      if (!client.closed) await stop();
    };
  };
  return { db, kind: 'pglite', listen, close: () => db.destroy() };
}
