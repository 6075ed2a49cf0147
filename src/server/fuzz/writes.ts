/**
 * Which rows a request committed: a row-level trigger on every table appends to fuzz_writes.
 * Its rows are written in the request's transaction, so a rolled-back command leaves none and
 * only committed writes are seen.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../tables.ts';

export interface Write {
  table: string;
  op: string;
  /** The audit action, for rows of audit_log. */
  action: string | null;
}

export async function recordWrites(db: Kysely<DB>, excluded: readonly string[]): Promise<{ since(): Promise<Write[]> }> {
  await sql`create table fuzz_writes (id bigserial primary key, tbl text not null, op text not null, action text)`.execute(db);
  await sql`
    create function fuzz_record_write() returns trigger language plpgsql as $$
    begin
      insert into fuzz_writes (tbl, op, action)
      values (tg_table_name, tg_op, case when tg_op = 'DELETE' then null else to_jsonb(new) ->> 'action' end);
      return null;
    end $$`.execute(db);
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'fuzz_writes'`.execute(db);
  for (const { name } of rows) {
    if (excluded.includes(name)) continue;
    await sql`create trigger fuzz_record_write after insert or update or delete on ${sql.table(name)}
              for each row execute function fuzz_record_write()`.execute(db);
  }
  let seen = 0;
  return {
    /** The writes committed since the last call. */
    async since() {
      const found = await sql<{ id: string; tbl: string; op: string; action: string | null }>`
        select id, tbl, op, action from fuzz_writes where id > ${seen} order by id`.execute(db);
      if (found.rows.length > 0) seen = Number(found.rows.at(-1)!.id);
      return found.rows.map((r) => ({ table: r.tbl, op: r.op, action: r.tbl === 'audit_log' ? r.action : null }));
    },
  };
}

/** Tables of the public schema, to check that every exclusion names a real table. */
export async function tableNames(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
  return rows.map((r) => r.name);
}
