import { sql, type Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
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

/** The claim's id, or how long until the account and the address may be checked again. */
export type Claim = { id: string } | { retryAfterSeconds: number };

/**
 * Claims a place among the failures of this account and address before the password is
 * checked; the claim counts as a failure until `acceptClaim` gives it back. Counting and
 * claiming are one step under a lock per key, so that parallel attempts cannot all pass the
 * count: at most `perAccount` checks of an account run in a window, however many arrive at once.
 */
export async function claimAttempt(db: Kysely<DB>, username: string, ip: string): Promise<Claim> {
  const [account, address] = [accountKey(username), addressKey(ip)];
  const claim = await db.transaction().execute(async (trx): Promise<Claim> => {
    // Always in this order (account, then address), so that two claims never wait on each other.
    for (const key of [account, address]) {
      await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
    }
    // A key is used up when its limit-th newest failure is still in the window; it frees up
    // when that failure leaves it (the oldest counted one, as claims never exceed the limit).
    const { rows } = await sql<{ seconds: number | null }>`
      select extract(epoch from max(failed_at) + make_interval(mins => ${THROTTLE.windowMinutes}) - now())::float8 as seconds
      from (select key, failed_at, row_number() over (partition by key order by failed_at desc) as nth
            from login_failures
            where key in (${account}, ${address})
              and failed_at > now() - make_interval(mins => ${THROTTLE.windowMinutes})) counted
      where (key = ${account} and nth = ${THROTTLE.perAccount}) or (key = ${address} and nth = ${THROTTLE.perAddress})`.execute(trx);
    const seconds = rows[0]?.seconds;
    if (seconds != null) return { retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
    const id = newId();
    await trx.insertInto('login_failures').values([account, address].map((key) => ({ claim: id, key }))).execute();
    return { id };
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
