import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../tables.ts';
import { openTestDatabase } from '../../testing.ts';
import type { Database } from './kysely.ts';
import { tablesDue, upkeep } from './upkeep.ts';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

// One connection throughout: on PostgreSQL a backend hands its change counters over when it
// goes idle, so the writes and the upkeep that counts them share a backend, as on PGlite.
const onOneConnection = (fn: (db: Kysely<DB>) => Promise<void>) => database.db.connection().execute(fn);
const dueFor = async (db: Kysely<DB>, table: string) => (await tablesDue(db)).find((t) => t.table === table) ?? { table, analyze: false, vacuum: false };
const rowsKnown = async (db: Kysely<DB>, table: string) =>
  (await sql<{ n: number }>`select reltuples::float8 as n from pg_class where oid = ${table}::regclass`.execute(db)).rows[0]!.n;
const insert = (db: Kysely<DB>, from: number, to: number) =>
  sql`insert into upkeep_probe select g, 'row ' || g from generate_series(${from}::int, ${to}::int) g`.execute(db);

describe('statistics upkeep (autovacuum for the embedded database)', () => {
  it('analyzes the tables never analyzed (a new database, the demo just loaded), then leaves them', async () => {
    await onOneConnection(async (db) => {
      expect(await rowsKnown(db, 'needs')).toBe(-1);
      expect(await dueFor(db, 'needs')).toMatchObject({ analyze: true });
      const done = await upkeep(db);
      expect(done.map((t) => t.table)).toContain('needs');
      expect(await rowsKnown(db, 'needs')).toBe(0);
      expect(await tablesDue(db)).toEqual([]);
    });
  });

  it('analyzes again after more than 50 + 10 % of the rows changed, vacuums after 50 + 20 % died or 1,000 + 20 % were added', async () => {
    await onOneConnection(async (db) => {
      await sql`create table upkeep_probe (id int primary key, v text not null)`.execute(db);
      await insert(db, 1, 1000);
      // Never analyzed; 1,000 new rows are not more than 1,000 + 20 % of the rows known (none).
      expect(await dueFor(db, 'upkeep_probe')).toEqual({ table: 'upkeep_probe', analyze: true, vacuum: false });
      await upkeep(db);
      expect(await rowsKnown(db, 'upkeep_probe')).toBe(1000);

      await insert(db, 1001, 1150); // 150 changed: not more than 50 + 100
      expect(await dueFor(db, 'upkeep_probe')).toEqual({ table: 'upkeep_probe', analyze: false, vacuum: false });
      await insert(db, 1151, 1151);
      expect(await dueFor(db, 'upkeep_probe')).toEqual({ table: 'upkeep_probe', analyze: true, vacuum: false });
      await upkeep(db);
      expect(await rowsKnown(db, 'upkeep_probe')).toBe(1151);

      await sql`delete from upkeep_probe where id <= 280`.execute(db); // 280 dead: not more than 50 + 230.2
      expect(await dueFor(db, 'upkeep_probe')).toEqual({ table: 'upkeep_probe', analyze: true, vacuum: false });
      await sql`delete from upkeep_probe where id = 281`.execute(db);
      expect(await dueFor(db, 'upkeep_probe')).toEqual({ table: 'upkeep_probe', analyze: true, vacuum: true });
      await upkeep(db);
      expect(await rowsKnown(db, 'upkeep_probe')).toBe(870);
      const dead = await sql<{ n: number }>`select n_dead_tup::int as n from pg_stat_user_tables where relname = 'upkeep_probe'`.execute(db);
      expect(dead.rows[0]!.n).toBe(0);
      expect(await tablesDue(db)).toEqual([]);

      // Added rows alone: a vacuum once more than 1,000 + 20 % of the 870 known were added.
      await insert(db, 5001, 6174); // 1,174 added: not more than 1,174
      expect(await dueFor(db, 'upkeep_probe')).toEqual({ table: 'upkeep_probe', analyze: true, vacuum: false });
      await insert(db, 6175, 6175);
      expect(await dueFor(db, 'upkeep_probe')).toEqual({ table: 'upkeep_probe', analyze: true, vacuum: true });
      await upkeep(db);
      expect(await rowsKnown(db, 'upkeep_probe')).toBe(2045);
      expect(await tablesDue(db)).toEqual([]);
    });
  });

  it('at start-up, sees by its size a table that grew while an earlier process counted its changes', async () => {
    await onOneConnection(async (db) => {
      await insert(db, 2001, 3000);
      // The counters of a process start at zero: they no longer know about these rows (counted
      // first, so that none are still on their way to the counters when they are reset).
      await sql`select pg_stat_force_next_flush()`.execute(db);
      await sql`select pg_stat_reset_single_table_counters('upkeep_probe'::regclass)`.execute(db);
      expect(await dueFor(db, 'upkeep_probe')).toEqual({ table: 'upkeep_probe', analyze: false, vacuum: false });
      expect((await tablesDue(db, { bySize: true })).find((t) => t.table === 'upkeep_probe')).toEqual({ table: 'upkeep_probe', analyze: true, vacuum: false });
      await upkeep(db, { bySize: true });
      expect(await rowsKnown(db, 'upkeep_probe')).toBe(3045);
      expect(await tablesDue(db, { bySize: true })).toEqual([]);
    });
  });
});
