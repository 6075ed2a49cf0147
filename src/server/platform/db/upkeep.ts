import { sql, type Kysely } from 'kysely';
import type { DB } from '../../tables.ts';

/** What one table is due for. */
export interface TableUpkeep {
  table: string;
  analyze: boolean;
  vacuum: boolean;
}

export interface UpkeepOptions {
  /**
   * Also count as changed the rows a table gained by its size: the planner's own estimate,
   * rows per page at the last analysis × pages now. For start-up: the change counters live in
   * memory and start at zero with the process, so they miss what an earlier process wrote.
   */
  bySize?: boolean;
}

/**
 * The tables whose statistics or free space need taking care of, by autovacuum's default
 * rules: statistics once more than 50 + 10 % of the rows changed (or were never taken), a
 * vacuum once more than 50 + 20 % of them are dead or 1,000 + 20 % were added.
 */
export async function tablesDue(db: Kysely<DB>, options: UpkeepOptions = {}): Promise<TableUpkeep[]> {
  // PGlite's single session never reaches the idle point where PostgreSQL hands a backend's
  // counters to the statistics system: without this, its counters stay zero.
  await sql`select pg_stat_force_next_flush()`.execute(db);
  // The counters' functions rather than the pg_stat_user_tables view, and the files' sizes only
  // when asked: this runs every few seconds on the thread that answers requests.
  const pages = options.bySize ? sql`pg_relation_size(c.oid) / current_setting('block_size')::int` : sql`c.relpages`;
  const { rows } = await sql<{ table: string; rows: number; changed: number; dead: number; added: number; pages: number; analyzed_pages: number }>`
    select c.relname as table, c.reltuples::float8 as rows, pg_stat_get_mod_since_analyze(c.oid)::float8 as changed,
      pg_stat_get_dead_tuples(c.oid)::float8 as dead, pg_stat_get_ins_since_vacuum(c.oid)::float8 as added,
      (${pages})::float8 as pages, c.relpages::float8 as analyzed_pages
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
    order by c.relname`.execute(db);
  return rows
    .map((r) => {
      const known = Math.max(r.rows, 0);
      // A table analyzed empty has no rows per page yet: any page since is growth.
      const grown = r.analyzed_pages > 0 ? (r.rows / r.analyzed_pages) * r.pages - known : r.pages > 0 ? Infinity : 0;
      const analyze = r.rows < 0 || Math.max(r.changed, grown) > 50 + 0.1 * known;
      const vacuum = r.dead > 50 + 0.2 * known || r.added > 1000 + 0.2 * known;
      return { table: r.table, analyze, vacuum };
    })
    .filter((t) => t.analyze || t.vacuum);
}

/** Analyzes and vacuums the tables due, one statement each, so other work runs in between. */
export async function upkeep(db: Kysely<DB>, options: UpkeepOptions = {}): Promise<TableUpkeep[]> {
  const due = await tablesDue(db, options);
  for (const t of due) {
    const what = t.vacuum ? (t.analyze ? 'vacuum (analyze)' : 'vacuum') : 'analyze';
    await sql`${sql.raw(what)} ${sql.id(t.table)}`.execute(db);
  }
  return due;
}

/**
 * Autovacuum for the embedded database, which has no background workers: every `everyMs`, on
 * the one thread that also answers requests, so each round does only what changed since the
 * last. Returns the function that stops it.
 */
export function startUpkeep(db: Kysely<DB>, everyMs: number, on: { done: (tables: TableUpkeep[], ms: number) => void; error: (e: unknown) => void }): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    const started = performance.now();
    upkeep(db)
      .then((done) => done.length > 0 && on.done(done, performance.now() - started))
      .catch(on.error)
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
