import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { loadConfig } from '../src/server/platform/config.ts';
import { loadPiiKey, PiiCipher } from '../src/server/platform/crypto/pii.ts';
import { openDatabase } from '../src/server/platform/db/kysely.ts';
import { migrate, MIGRATIONS_DIR } from '../src/server/platform/db/migrate.ts';
import type { DB } from '../src/server/tables.ts';
import { DEMO_ACCOUNTS, seedDemoIfEmpty } from './demo.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { consoleProgress } from './demo-progress.ts';
import { EXTRA_ACCOUNTS } from './demo-people.ts';

/**
 * Tables whose rows come from the migrations themselves (resident tags, default settings):
 * found by the `insert into` statements of the migration files, and kept on re-seed.
 */
export function migrationDataTables(dir = MIGRATIONS_DIR): Set<string> {
  const keep = new Set(['schema_migrations']);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/--.*$/gm, '');
    for (const m of text.matchAll(/insert\s+into\s+("?)([a-z_][a-z0-9_]*)\1/gi)) keep.add(m[2]!.toLowerCase());
  }
  return keep;
}

/**
 * Empties every data table in one TRUNCATE (one statement satisfies all foreign keys). The
 * audit log refuses changes, TRUNCATE included; a re-seed replaces the whole demo, so it
 * switches that guard off for its own transaction only (docs/decisions/0003-reseed-truncate.md).
 */
export async function wipeData(db: Kysely<DB>): Promise<string[]> {
  const keep = migrationDataTables();
  const rows = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  const tables = rows.rows.map((r) => r.tablename).filter((t) => !keep.has(t));
  if (tables.length) {
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_truncate`.execute(trx);
      await sql`truncate table ${sql.join(tables.map((t) => sql.table(t)))} restart identity`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_truncate`.execute(trx);
      // The new demo's needs are numbered afresh (decision 0018).
      await sql`select need_ref_forget()`.execute(trx);
    });
  }
  return tables;
}

async function main() {
  // `npm run seed`: the server must not be running on the embedded database (one process only).
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    const pii = new PiiCipher(loadPiiKey(config.piiKey, config.dataDir));
    const started = performance.now();
    const wiped = await wipeData(database.db);
    const progress = consoleProgress();
    await seedDemoIfEmpty({ db: database.db, dbKind: database.kind, pii, config }, undefined, progress.report);
    progress.finish();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`emptied ${wiped.length} tables and loaded the demo community in ${seconds} s (database: ${database.kind})`);
    console.log('Demo logins:');
    for (const a of DEMO_ACCOUNTS) console.log(`${a.role}: ${a.username} / ${a.password}`);
    for (const a of EXTRA_ACCOUNTS) console.log(`${a.role}: ${a.username} / ${DEMO_PASSWORD}`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
