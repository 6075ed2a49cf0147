import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DB } from '../../tables.ts';

/**
 * Failed password checks are counted per account and per client address over a sliding window
 * and kept in the database, so the limit holds across restarts and across server processes.
 */
export const THROTTLE = {
  windowMinutes: 15,
  perAccount: 5,
  perAddress: 20,
};

const accountKey = (username: string) => `user:${username.toLowerCase()}`;
const addressKey = (ip: string) => `ip:${ip}`;

/** The claim's id, or null when the account or the address has used up its checks. */
export type Claim = string | null;

/**
 * Claims a place among the failures of this account and address before the password is
 * checked; the claim counts as a failure until `acceptClaim` gives it back. Counting and
 * claiming are one step under a lock per key, so that parallel attempts cannot all pass the
 * count: at most `perAccount` checks of an account run in a window, however many arrive at once.
 */
export async function claimAttempt(db: Kysely<DB>, username: string, ip: string): Promise<Claim> {
  const keys = [accountKey(username), addressKey(ip)];
  const claim = await db.transaction().execute(async (trx) => {
    // Always in this order (account, then address), so that two claims never wait on each other.
    for (const key of keys) await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
    const counts = await trx
      .selectFrom('login_failures')
      .select(['key', sql<number>`count(*)`.as('n')])
      .where('key', 'in', keys)
      .where('failed_at', '>', sql<Date>`now() - make_interval(mins => ${THROTTLE.windowMinutes})`)
      .groupBy('key')
      .execute();
    const full = counts.some((r) => r.n >= (r.key === keys[0] ? THROTTLE.perAccount : THROTTLE.perAddress));
    if (full) return null;
    const id = uuidv7();
    await trx.insertInto('login_failures').values(keys.map((key) => ({ claim: id, key }))).execute();
    return id;
  });
  // Keep the table small: what is past the window no longer counts.
  await db
    .deleteFrom('login_failures')
    .where('failed_at', '<', sql<Date>`now() - make_interval(mins => ${THROTTLE.windowMinutes * 2})`)
    .execute();
  return claim;
}

/** A right password gives its claim back and clears the account's count (not the address's). */
export async function acceptClaim(db: Kysely<DB>, username: string, claim: string): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where((eb) => eb.or([eb('key', '=', accountKey(username)), eb('claim', '=', claim)]))
    .execute();
}
