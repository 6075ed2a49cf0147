import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/tables.ts';

/** Percent of households where a family member holds a resident account bound to the household. */
export const ACCOUNT_PERCENT = 8;

export interface AccountsInfo {
  accounts: number;
  /** Needs the account reported itself (source resident). */
  reported: number;
  /** Follows of a surviving need by the household of a need merged into it. */
  follows: number;
}

const chosen = (household: string) => sql.raw(`abs(hashtext(${household}::text)) % 100 < ${ACCOUNT_PERCENT}`);
const accountId = (household: string) => sql.raw(`md5('bench-ur' || ${household}::text)::uuid`);

/**
 * Residents who use the platform, so that what the board checks for them is not empty: the
 * household accounts (they read their household's needs), the needs they reported themselves,
 * and the followers a merge leaves on the surviving need (the merged need's household follows
 * it, as `mergeInto` does in the app). Staff boards test `reporter_user_id` and `need_followers`
 * for the caller on every row they filter.
 */
export async function addResidentAccounts(db: Kysely<DB>, passwordHash: string): Promise<AccountsInfo> {
  return db.transaction().execute(async (trx) => {
    await sql`
      insert into users (id, username, display_name, password_hash)
      select ${accountId('h.id')}, 'bench_r_' || replace(h.id::text, '-', ''), '居民', ${passwordHash}
      from households h where ${chosen('h.id')}
      on conflict (username) do nothing`.execute(trx);
    await sql`
      insert into role_assignments (id, user_id, role, scope_type, scope_id, scope_district_id)
      select md5('bench-rr' || h.id::text)::uuid, ${accountId('h.id')}, 'resident', 'household', h.id, h.district_id
      from households h where ${chosen('h.id')}
      on conflict do nothing`.execute(trx);
    const reported = await sql`
      update needs n set reporter_user_id = ${accountId('n.household_id')}
      where n.source = 'resident' and n.household_id is not null and ${chosen('n.household_id')}`.execute(trx);
    const follows = await sql`
      insert into need_followers (district_id, need_id, user_id, created_at)
      select n.district_id, n.merged_into_id, ${accountId('n.household_id')}, n.updated_at
      from needs n
      where n.state = 'merged' and n.merged_into_id is not null and n.household_id is not null and ${chosen('n.household_id')}
      on conflict do nothing`.execute(trx);
    await sql`analyze users, role_assignments, need_followers`.execute(trx);
    const accounts = await sql<{ n: string }>`select count(*) as n from role_assignments where role = 'resident'`.execute(trx);
    return { accounts: Number(accounts.rows[0]!.n), reported: Number(reported.numAffectedRows ?? 0), follows: Number(follows.numAffectedRows ?? 0) };
  });
}
