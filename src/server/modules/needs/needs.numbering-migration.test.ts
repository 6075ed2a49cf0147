/**
 * Migration 0019 moves numbering from the counter rows to one sequence per district and year:
 * a district's next number follows its counter, even when the needs with the latest numbers
 * are no longer stored.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../platform/db/migrate.ts';
import type { Database } from '../../platform/db/kysely.ts';
import { openTestDatabaseBefore } from '../../testing.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';

const MIGRATION = '0019_need_ref_sequences.sql';
let database: Database;
let w: NeedWorld;
let other: NeedWorld;

beforeAll(async () => {
  database = await openTestDatabaseBefore(MIGRATION);
  w = await buildNeedWorld(database.db);
  other = await buildNeedWorld(database.db);
});
afterAll(() => database.close());

describe(`migration ${MIGRATION}`, () => {
  it('continues each district and year after its counter', async () => {
    const db = database.db;
    // Numbers 1–57 of 2026 were given; the need with 57 was removed since, 56 is stored.
    await buildNeed(db, w, { ref_no: 'N-2026-000056' });
    await sql`insert into need_counters (district_id, year, last_no) values (${w.district.id}, 2026, 57), (${w.district.id}, 2025, 1200)`.execute(db);
    await migrate(db);
    const next = async (d: NeedWorld, year: number) =>
      (await sql<{ n: number }>`select need_ref_next(${d.district.id}, ${year})::int as n`.execute(db)).rows[0]!.n;
    expect(await next(w, 2026)).toBe(58);
    expect(await next(w, 2026)).toBe(59);
    expect(await next(w, 2025)).toBe(1201);
    // A district or year without a counter starts at 1.
    expect(await next(w, 2027)).toBe(1);
    expect(await next(other, 2026)).toBe(1);
    expect((await sql`select to_regclass('need_counters') as t`.execute(db)).rows[0]).toEqual({ t: null });
  });
});
