import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { startCaches, type ProcessCaches } from './caches.ts';
import type { Config } from './config.ts';
import { loadPiiKey, PiiCipher } from './crypto/pii.ts';
import { openDatabase, type Database } from './db/kysely.ts';
import { migrate } from './db/migrate.ts';
import type { Platform } from './http/context.ts';

export interface Started {
  app: FastifyInstance;
  database: Database;
  platform: Platform;
  caches: ProcessCaches;
}

/** Opens the configured database, applies pending migrations and builds the app (close its caches before the database). */
export async function startPlatform(config: Config, logger: boolean | object = false): Promise<Started> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database.db);
  const pii = new PiiCipher(loadPiiKey(config.piiKey, config.dataDir));
  const caches = await startCaches(database);
  const platform: Platform = { db: database.db, dbKind: database.kind, pii, config, sessionCache: caches.sessionCache, referenceCache: caches.referenceCache };
  const app = await buildApp({ platform, logger });
  return { app, database, platform, caches };
}
