import { sql } from 'kysely';
import type { Platform } from '../src/server/platform/http/context.ts';
import { generateDemo } from './demo-data.ts';
import type { LoadProgress } from './demo-insert.ts';
import { loadDemo } from './demo-load.ts';
export { DEMO_ACCOUNTS } from './demo-accounts.ts';

// Any constant: two servers starting against one empty database must not both seed it.
const SEED_LOCK = 7_310_002;

/**
 * Loads the demo community into an empty database (no district yet), telling `progress` how far
 * it is; returns whether it did.
 */
export async function seedDemoIfEmpty(platform: Platform, referenceYear?: number, progress?: LoadProgress): Promise<boolean> {
  return platform.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const any = await trx.selectFrom('districts').select('id').limit(1).executeTakeFirst();
    if (any) return false;
    await loadDemo(trx, platform.pii, generateDemo(referenceYear), new Date(), progress);
    return true;
  });
}
