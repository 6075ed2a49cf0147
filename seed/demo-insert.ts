import type { Kysely } from 'kysely';
import type { DB } from '../src/server/tables.ts';

/** Told after each batch: the table written, its rows written so far and all it will get. */
export type LoadProgress = (table: string, done: number, total: number) => void;

const BATCH = 500;

/** Multi-row inserts of at most 500 rows, telling `progress` how far each table is. */
export function batchInserter(db: Kysely<DB>, progress?: LoadProgress) {
  return async function insertBatched<T extends keyof DB>(table: T, rows: unknown[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      // Rows are built to the table types of the callers; the generic insert cannot check them per table.
      await db.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
      progress?.(table, Math.min(i + BATCH, rows.length), rows.length);
    }
  };
}
