import { sql, type Kysely } from 'kysely';
import type { DB } from '../../tables.ts';

/**
 * Failed sign-ins are counted per account and per client address over a sliding window and
 * kept in the database, so the limit holds across restarts and across server processes.
 */
export const THROTTLE = {
  windowMinutes: 15,
  perAccount: 5,
  perAddress: 20,
};

const accountKey = (username: string) => `user:${username.toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

export async function isThrottled(db: Kysely<DB>, username: string, ip: string): Promise<boolean> {
  const rows = await db
    .selectFrom('login_failures')
    .select(['key', sql<number>`count(*)`.as('n')])
    .where('key', 'in', [accountKey(username), addressKey(ip)])
    .where('failed_at', '>', sql<Date>`now() - make_interval(mins => ${THROTTLE.windowMinutes})`)
    .groupBy('key')
    .execute();
  return rows.some((r) =>
    r.key.startsWith('user:') ? r.n >= THROTTLE.perAccount : r.n >= THROTTLE.perAddress,
  );
}

export async function recordFailure(db: Kysely<DB>, username: string, ip: string): Promise<void> {
  await db
    .insertInto('login_failures')
    .values([{ key: accountKey(username) }, { key: addressKey(ip) }])
    .execute();
  // Keep the table small: what is past the window no longer counts.
  await db
    .deleteFrom('login_failures')
    .where('failed_at', '<', sql<Date>`now() - make_interval(mins => ${THROTTLE.windowMinutes * 2})`)
    .execute();
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearAccountFailures(db: Kysely<DB>, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', accountKey(username)).execute();
}
