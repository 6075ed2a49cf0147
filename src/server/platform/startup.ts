import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { SessionCache } from './auth/session-cache.ts';
import type { Config } from './config.ts';
import { loadPiiKey, PiiCipher } from './crypto/pii.ts';
import { openDatabase, type Database } from './db/kysely.ts';
import { migrate } from './db/migrate.ts';
import type { Platform } from './http/context.ts';

export interface Started {
  app: FastifyInstance;
  database: Database;
  platform: Platform;
}

/** Opens the configured database, applies pending migrations and builds the app (close platform.sessionCache before the database). */
export async function startPlatform(config: Config, logger: boolean | object = false): Promise<Started> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database.db);
  const pii = new PiiCipher(loadPiiKey(config.piiKey, config.dataDir));
  const sessionCache = new SessionCache();
  await sessionCache.start(database);
  const platform: Platform = { db: database.db, dbKind: database.kind, pii, config, sessionCache };
  const app = await buildApp({ platform, logger });
  return { app, database, platform };
}
