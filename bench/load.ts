import { sql, type Kysely } from 'kysely';
import { givenNames, SURNAME_WEIGHTS } from '../seed/names.ts';
import { HOUSEHOLDS_PER_BUILDING, type BenchStructure } from './structure.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench also writes its own bench_* tables, outside the schema type
type AnyDb = Kysely<any>;

const BULK_TABLES = ['buildings', 'households', 'residents'] as const;

export interface Saved {
  table: string;
  kind: 'constraint' | 'index';
  name: string;
  definition: string;
}

/**
 * Bulk loads are much faster without secondary indexes and foreign keys: drop them (keeping
 * primary keys), load, then rebuild them from their saved definitions in one pass each.
 */
export async function dropSecondary(db: AnyDb, tables: readonly string[] = BULK_TABLES): Promise<Saved[]> {
  const saved: Saved[] = [];
  for (const table of tables) {
    const constraints = await sql<{ name: string; def: string }>`
      select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = ${table}::regclass and contype in ('u', 'f') order by contype desc, conname`.execute(db);
    for (const c of constraints.rows) saved.push({ table, kind: 'constraint', name: c.name, definition: c.def });
    const indexes = await sql<{ name: string; def: string }>`
      select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = ${table}
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.conrelid = ${table}::regclass)`.execute(db);
    for (const i of indexes.rows) saved.push({ table, kind: 'index', name: i.name, definition: i.def });
  }
  // Foreign keys first (they depend on unique constraints of other tables).
  for (const s of [...saved].sort((a, b) => Number(b.definition.startsWith('FOREIGN')) - Number(a.definition.startsWith('FOREIGN')))) {
    if (s.kind === 'constraint') await sql`alter table ${sql.table(s.table)} drop constraint ${sql.ref(s.name)}`.execute(db);
    else await sql`drop index ${sql.ref(s.name)}`.execute(db);
  }
  return saved;
}

export async function restoreSecondary(db: AnyDb, saved: Saved[], log: (msg: string) => void): Promise<void> {
  const order = [...saved].sort((a, b) => rank(a) - rank(b));
  for (const s of order) {
    const started = performance.now();
    if (s.kind === 'index') await sql.raw(s.definition).execute(db);
    else await sql`alter table ${sql.table(s.table)} add constraint ${sql.ref(s.name)} ${sql.raw(s.definition)}`.execute(db);
    log(`  ${s.table}.${s.name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

function rank(s: Saved): number {
  // Unique constraints before the foreign keys that may rely on them.
  if (s.kind === 'index') return 0;
  return s.definition.startsWith('FOREIGN') ? 2 : 1;
}

/** Deterministic time-ordered UUIDs (v7 layout) from a row number, computed by the server. */
export async function createHelpers(db: AnyDb): Promise<void> {
  await sql`
    create or replace function bench_uuid(kind text, n bigint) returns uuid language sql immutable parallel safe as $$
      select (lpad(to_hex(1735689600000 + n), 12, '0') || '7' || substr(md5(kind || n), 1, 3) || '8'
              || substr(md5(kind || n), 4, 15))::uuid
    $$`.execute(db);
  await sql`
    create or replace function bench_pick(items text[], n bigint, salt int) returns text language sql immutable parallel safe as $$
      select items[1 + abs(hashint8extended(n, salt) % array_length(items, 1))]
    $$`.execute(db);
  await sql`drop table if exists bench_grid_map`.execute(db);
  await sql`create table bench_grid_map (
      district_idx int not null, district_id uuid not null, street_id uuid not null, community_id uuid not null,
      grid_id uuid not null, address_prefix text not null, first_household bigint not null, households int not null,
      community_offset int not null, first_building bigint not null, building_no_offset int not null)`.execute(db);
}

export async function insertGridMap(db: AnyDb, s: BenchStructure): Promise<void> {
  const rows = s.grids.map((g) => ({
    district_idx: g.districtIdx, district_id: g.districtId, street_id: g.streetId, community_id: g.communityId,
    grid_id: g.gridId, address_prefix: g.addressPrefix, first_household: g.firstHousehold, households: g.households,
    community_offset: g.communityOffset, first_building: g.firstBuilding, building_no_offset: g.buildingNoOffset,
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('bench_grid_map').values(rows.slice(i, i + 1000)).execute();
}

/** Buildings, households and residents of one district, generated inside the server. */
export async function loadDistrict(db: AnyDb, districtIdx: number, refDate: string): Promise<void> {
  const per = HOUSEHOLDS_PER_BUILDING;
  await db.connection().execute(async (conn) => {
    await sql`set synchronous_commit = off`.execute(conn);
    await sql`
      insert into buildings (district_id, id, street_id, community_id, grid_id, name, address, floors)
      select m.district_id, bench_uuid('b', m.first_building + b), m.street_id, m.community_id, m.grid_id,
             (m.building_no_offset + b + 1) || '栋', m.address_prefix || (m.building_no_offset + b + 1) || '栋', 10
      from bench_grid_map m, generate_series(0, ceil(m.households::numeric / ${per})::int - 1) b
      where m.district_idx = ${districtIdx}`.execute(conn);
    // Three units of ten floors with two flats each per building: 楼栋-单元-室 unique in the community.
    await sql`
      insert into households (district_id, id, street_id, community_id, grid_id, building_id, address, address_key, household_no)
      select m.district_id, bench_uuid('h', m.first_household + k), m.street_id, m.community_id, m.grid_id,
             bench_uuid('b', m.first_building + k / ${per}), a.address, upper(a.address),
             lpad((m.first_household + k)::text, 10, '0')
      from bench_grid_map m, generate_series(0, m.households - 1) k,
           lateral (select m.address_prefix || (m.building_no_offset + k / ${per} + 1) || '栋'
                    || ((k % ${per}) / 20 + 1) || '单元' || ((k % 20) / 2 + 1) || '0' || (k % 2 + 1) || '室' as address) a
      where m.district_idx = ${districtIdx}`.execute(conn);
    await sql`
      insert into residents (district_id, id, household_id, street_id, community_id, grid_id, name, gender, birth_date,
        id_number_cipher, id_number_hash, id_number_masked, phone_cipher, phone_hash, phone_masked, relation, tags)
      select m.district_id, bench_uuid('r', n), bench_uuid('h', h), m.street_id, m.community_id, m.grid_id,
        bench_pick(${SURNAME_POOL}::text[], n, 1)
          || bench_pick(case when p.male then ${MALE}::text[] else ${FEMALE}::text[] end, n, 2),
        case when p.male then 'male' else 'female' end, p.birth,
        -- Ciphertext-sized stand-ins (47 bytes like a sealed ID number); only the searched
        -- residents get real ciphertext and real lookup hashes (see bench/README.md).
        sha256(('c' || n)::bytea) || substr(sha256(('d' || n)::bytea), 1, 15),
        sha256(('i' || n)::bytea),
        p.area || '**********' || lpad((abs(hashint8extended(n, 4)) % 10000)::text, 4, '0'),
        case when p.adult then sha256(('p' || n)::bytea) || substr(sha256(('q' || n)::bytea), 1, 8) end,
        case when p.adult then sha256(('t' || n)::bytea) end,
        case when p.adult then '1' || (3 + abs(hashint8extended(n, 5)) % 7) || '*****' || lpad((abs(hashint8extended(n, 6)) % 10000)::text, 4, '0') end,
        case j when 1 then 'head' when 2 then 'spouse' else 'child' end,
        array_remove(array[
          case when p.age < 18 then 'minor' end,
          case when p.age >= 80 then 'elderly_80' end,
          case when p.size = 1 and p.age >= 65 then 'elderly_alone' end,
          case when abs(hashint8extended(n, 7)) % 100 < 3 then 'disabled' end,
          case when abs(hashint8extended(h, 8)) % 100 < 2 then 'low_income' end,
          case when p.age >= 20 and abs(hashint8extended(n, 9)) % 100 < 8 then 'party_member' end
        ]::text[], null)
      from bench_grid_map m, generate_series(0, m.households - 1) k,
        lateral (select m.first_household + k as h) hh,
        lateral (select case when r < 10 then 1 when r < 35 then 2 when r < 65 then 3 when r < 85 then 4 else 5 end as size
                 from (select abs(hashint8extended(hh.h, 10)) % 100 as r) x) s,
        generate_series(1, s.size) j,
        lateral (select hh.h * 8 + j as n) nn,
        -- Heads and spouses are adults (22–90); further members are children and young adults (2–32).
        lateral (select abs(hashint8extended(nn.n, 11)) % 2 = 0 as male,
                        ${refDate}::date - (case when j <= 2 then 22 * 365 + abs(hashint8extended(nn.n, 12)) % (68 * 365)
                                                else 2 * 365 + abs(hashint8extended(nn.n, 12)) % (30 * 365) end)::int as birth,
                        bench_pick(${AREA_POOL}::text[], nn.n, 13) as area) p0,
        lateral (select p0.*, (${refDate}::date - p0.birth) / 365 as age, (${refDate}::date - p0.birth) / 365 >= 18 as adult,
                        s.size) p
      where m.district_idx = ${districtIdx}`.execute(conn);
  });
}

function weightedPool(pairs: [string, number][]): string[] {
  return pairs.flatMap(([item, w]) => Array<string>(w).fill(item));
}
const SURNAME_POOL = weightedPool(SURNAME_WEIGHTS);
const MALE = givenNames('male');
const FEMALE = givenNames('female');
const AREA_POOL = ['3201', '3201', '3201', '3201', '3211', '3412', '3209'];
