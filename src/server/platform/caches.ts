import { SessionCache } from './auth/session-cache.ts';
import { ReferenceCache } from './cache/reference-cache.ts';
import type { Database } from './db/kysely.ts';
import type { Platform } from './http/context.ts';

/** The caches of one process, each listening to the changes announced on its channel. */
export interface ProcessCaches extends Required<Pick<Platform, 'sessionCache' | 'referenceCache'>> {
  close(): Promise<void>;
}

export async function startCaches(database: Pick<Database, 'db' | 'listen'>): Promise<ProcessCaches> {
  const sessionCache = new SessionCache();
  const referenceCache = new ReferenceCache();
  await sessionCache.start(database);
  await referenceCache.start(database);
  return {
    sessionCache,
    referenceCache,
    async close() {
      await sessionCache.close();
      await referenceCache.close();
    },
  };
}
