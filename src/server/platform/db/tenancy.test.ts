import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing.ts';
import type { Database } from './kysely.ts';

/**
 * DESIGN 6.4: the tenant key is district_id. Tables not listed here are district-owned and must
 * be shaped so that Citus can distribute them by district. Extend the list when a module adds a
 * small shared registry (a reference table under Citus).
 */
const REFERENCE_TABLES = [
  'districts',
  'streets',
  'communities',
  'users',
  'role_assignments',
  'sessions',
  'login_failures',
  'resident_tags',
  'organizations',
  'organization_credit_records',
  'organization_list_entries',
  'organization_list_objections',
  'calendar_days',
  'schema_migrations',
];

interface KeyRow {
  table: string;
  name: string;
  kind: 'p' | 'u' | 'f' | 'i';
  columns: string[];
  ref_table: string | null;
  ref_columns: string[];
}

const columnNames = (rel: string, keys: string) => sql.raw(`array(
  select a.attname::text from unnest(${keys}) with ordinality k(n, i)
  join pg_attribute a on a.attrelid = ${rel} and a.attnum = k.n order by k.i)`);

/** Every rule of DESIGN 6.4 that the schema breaks, as readable lines (empty when it keeps them). */
async function tenancyViolations<Schema>(db: Kysely<Schema>, schema: string, referenceTables: string[]): Promise<string[]> {
  const tables = (
    await sql<{ name: string; district_nullable: boolean | null }>`
      select c.relname::text as name,
        (select not a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'district_id' and not a.attisdropped)
          as district_nullable
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and c.relkind in ('r', 'p')`.execute(db)
  ).rows;
  const keys = (
    await sql<KeyRow>`
      select c.relname::text as table, con.conname::text as name, con.contype::text as kind,
        ${columnNames('con.conrelid', 'con.conkey')} as columns,
        fc.relname::text as ref_table,
        ${columnNames('con.confrelid', 'con.confkey')} as ref_columns
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_class fc on fc.oid = con.confrelid
      where n.nspname = ${schema} and con.contype in ('p', 'u', 'f')
      union all
      select c.relname::text, ic.relname::text, 'i',
        ${columnNames('i.indrelid', 'i.indkey::int2[]')}, null, array[]::text[]
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_class ic on ic.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = ${schema} and i.indisunique and not i.indisprimary
        and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid)`.execute(db)
  ).rows;

  const reference = new Set(referenceTables);
  const owned = new Set(tables.map((t) => t.name).filter((n) => !reference.has(n)));
  const problems: string[] = [];
  for (const name of referenceTables) {
    if (!tables.some((t) => t.name === name)) problems.push(`${name}: listed as a reference table but does not exist`);
  }
  for (const t of tables.filter((t) => owned.has(t.name))) {
    if (t.district_nullable === null) problems.push(`${t.name}: no district_id column`);
    else if (t.district_nullable) problems.push(`${t.name}: district_id may be null`);
    const pk = keys.find((k) => k.table === t.name && k.kind === 'p');
    if (!pk) problems.push(`${t.name}: no primary key`);
    else if (pk.columns[0] !== 'district_id') problems.push(`${t.name}: primary key (${pk.columns.join(', ')}) does not start with district_id`);
  }
  for (const k of keys) {
    if (owned.has(k.table) && (k.kind === 'u' || k.kind === 'i') && !k.columns.includes('district_id')) {
      problems.push(`${k.table}: unique ${k.name} (${k.columns.join(', ')}) lacks district_id`);
    }
    if (k.kind !== 'f' || !k.ref_table || !owned.has(k.ref_table)) continue;
    if (!owned.has(k.table)) {
      problems.push(`${k.table}: reference table has foreign key ${k.name} to district-owned ${k.ref_table}`);
    } else if (k.columns[0] !== 'district_id' || k.ref_columns[0] !== 'district_id') {
      problems.push(`${k.table}: foreign key ${k.name} to ${k.ref_table} does not pair district_id with district_id first`);
    }
  }
  return problems.sort();
}

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('tenancy of the migrated schema (DESIGN 6.4)', () => {
  it('keeps every rule on every district-owned table', async () => {
    expect(await tenancyViolations(database.db, 'public', REFERENCE_TABLES)).toEqual([]);
  });

  it('has district-owned tables to check', async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.columns
      where table_schema = 'public' and column_name = 'district_id'`.execute(database.db);
    expect(rows[0]!.n).toBeGreaterThan(3);
  });

  it('flags each kind of broken table (checked in a schema that is rolled back)', async () => {
    const rollback = new Error('rollback');
    let found: string[] = [];
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql.raw(`
          create schema tenancy_probe;
          set local search_path to tenancy_probe;
          create table good (district_id uuid not null, id uuid not null, code text, primary key (district_id, id),
            unique (district_id, code));
          create table good_child (district_id uuid not null, id uuid not null, good_id uuid,
            primary key (district_id, id), foreign key (district_id, good_id) references good (district_id, id));
          create table no_district (id uuid primary key);
          create table nullable_district (district_id uuid, id uuid primary key);
          create table pk_order (district_id uuid not null, id uuid not null, primary key (id, district_id));
          create table bad_unique (district_id uuid not null, id uuid not null, code text, primary key (district_id, id),
            unique (code));
          create unique index bad_unique_lower on bad_unique (lower(code));
          create table bad_fk (district_id uuid not null, id uuid not null, other_district uuid, good_id uuid,
            primary key (district_id, id), foreign key (other_district, good_id) references good (district_id, id));
          create table registry (id uuid primary key, good_district uuid, good_id uuid,
            foreign key (good_district, good_id) references good (district_id, id));
        `).execute(trx);
        found = await tenancyViolations(trx, 'tenancy_probe', ['registry', 'gone']);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(found).toEqual([
      'bad_fk: foreign key bad_fk_other_district_good_id_fkey to good does not pair district_id with district_id first',
      'bad_unique: unique bad_unique_code_key (code) lacks district_id',
      'bad_unique: unique bad_unique_lower () lacks district_id',
      'gone: listed as a reference table but does not exist',
      'no_district: no district_id column',
      'no_district: primary key (id) does not start with district_id',
      'nullable_district: district_id may be null',
      'nullable_district: primary key (id) does not start with district_id',
      'pk_order: primary key (id, district_id) does not start with district_id',
      'registry: reference table has foreign key registry_good_district_good_id_fkey to district-owned good',
    ]);
    const left = await sql<{ n: number }>`select count(*)::int as n from pg_namespace where nspname = 'tenancy_probe'`.execute(database.db);
    expect(left.rows[0]!.n).toBe(0);
  });
});
