import type { Platform } from '../src/server/platform/http/context.ts';
export { DEMO_ACCOUNTS } from './demo-accounts.ts';

/** Loads the demo community into an empty database; returns whether it did. */
export async function seedDemoIfEmpty(platform: Platform): Promise<boolean> {
  const any = await platform.db.selectFrom('districts').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  return false; // generator lands in seed/generator
}
