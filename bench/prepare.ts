import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { newId } from '../src/server/platform/db/ids.ts';
import { idNumberCheckChar } from '../src/common/identity.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { maskIdNumber, type PiiCipher } from '../src/server/platform/crypto/pii.ts';
import type { DB } from '../src/server/tables.ts';
import { Rng } from '../seed/prng.ts';

export const BENCH_PASSWORD = 'Bench-Passw0rd';

export interface Targets {
  districtId: string;
  streetId: string;
  communityId: string;
  communityGridIds: string[];
  streetGridIds: string[];
  streetCommunityIds: string[];
  districtGridIds: string[];
  districtCommunityIds: string[];
  idNumbers: string[];
  users: { community: string; street: string; district: string };
}

/**
 * The signed-in users of the benchmark and the residents it searches for by ID number: those
 * get real ciphertext and real keyed hashes of valid ID numbers, like rows the app writes.
 */
export async function prepareTargets(db: Kysely<DB>, pii: PiiCipher, samples: number): Promise<Targets> {
  const rng = new Rng('sanshe-bench-targets');
  const district = await db.selectFrom('districts').select('id').orderBy('code', 'desc').executeTakeFirstOrThrow();
  const street = await db.selectFrom('streets').select('id').where('district_id', '=', district.id).orderBy('code').executeTakeFirstOrThrow();
  const community = await db.selectFrom('communities').select('id').where('street_id', '=', street.id).orderBy('code').executeTakeFirstOrThrow();
  const gridsOf = async (column: 'community_id' | 'street_id' | 'district_id', id: string) =>
    (await db.selectFrom('grids').select('id').where('district_id', '=', district.id).where(column, '=', id).orderBy('id').execute()).map((g) => g.id);
  const communitiesOf = async (column: 'street_id' | 'district_id', id: string) =>
    (await db.selectFrom('communities').select('id').where(column, '=', id).orderBy('id').execute()).map((c) => c.id);

  const residents = await db
    .selectFrom('residents')
    .select(['id', 'birth_date', 'gender'])
    .where('district_id', '=', district.id)
    .where('community_id', '=', community.id)
    .orderBy('id_number_hash')
    .limit(samples)
    .execute();
  const idNumbers: string[] = [];
  const used = new Set<string>();
  for (const r of residents) {
    let id: string;
    do {
      const parity = rng.int(0, 4) * 2 + (r.gender === 'male' ? 1 : 0);
      const first17 = `320111${r.birth_date.replaceAll('-', '')}${rng.digits(2)}${parity}`;
      id = first17 + idNumberCheckChar(first17);
    } while (used.has(id));
    used.add(id);
    idNumbers.push(id);
    await db
      .updateTable('residents')
      .set({ id_number_cipher: pii.encrypt(id), id_number_hash: pii.lookupHash(id), id_number_masked: maskIdNumber(id) })
      .where('district_id', '=', district.id)
      .where('id', '=', r.id)
      .execute();
  }

  const hash = await hashPassword(BENCH_PASSWORD);
  const users = { community: 'bench_community_admin', street: 'bench_street_officer', district: 'bench_district_officer' };
  const grants = [
    [users.community, 'community_admin', 'community', community.id],
    [users.street, 'street_officer', 'street', street.id],
    [users.district, 'district_officer', 'district', district.id],
  ] as const;
  for (const [username, role, scopeType, scopeId] of grants) {
    const id = newId();
    await db.insertInto('users').values({ id, username, display_name: username, password_hash: hash }).execute();
    await db
      .insertInto('role_assignments')
      .values({ id: newId(), user_id: id, role, scope_type: scopeType, scope_id: scopeId, scope_district_id: district.id })
      .execute();
  }
  return {
    districtId: district.id,
    streetId: street.id,
    communityId: community.id,
    communityGridIds: await gridsOf('community_id', community.id),
    streetGridIds: await gridsOf('street_id', street.id),
    streetCommunityIds: await communitiesOf('street_id', street.id),
    districtGridIds: await gridsOf('district_id', district.id),
    districtCommunityIds: await communitiesOf('district_id', district.id),
    idNumbers,
    users,
  };
}

/** A small table that records a finished load, so that `--reuse` can skip the next one. */
export async function readMarker(db: Kysely<DB>): Promise<Record<string, unknown> | null> {
  const exists = await sql<{ t: string | null }>`select to_regclass('bench_load')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return null;
  const row = await sql<{ info: Record<string, unknown> }>`select info from bench_load order by finished_at desc limit 1`.execute(db);
  return row.rows[0]?.info ?? null;
}

export async function writeMarker(db: Kysely<DB>, info: Record<string, unknown>): Promise<void> {
  await sql`create table if not exists bench_load (finished_at timestamptz not null default now(), info jsonb not null)`.execute(db);
  await sql`delete from bench_load`.execute(db);
  await sql`insert into bench_load (info) values (${JSON.stringify(info)}::jsonb)`.execute(db);
}

/** The benchmark's PII key: PII_KEY when given, else a fixed key (the data is synthetic). */
export function benchPiiKey(): Buffer {
  if (process.env.PII_KEY) return Buffer.from(process.env.PII_KEY, 'base64');
  return crypto.createHash('sha256').update('sanshe synthetic benchmark data').digest();
}
