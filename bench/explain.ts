// `npx tsx bench/explain.ts <username> <url>...`: runs each GET once through the app against
// BENCH_DATABASE_URL as that user and prints EXPLAIN ANALYZE of every statement it ran, slowest
// first — to see which index a slow benchmark query needs.
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { PiiCipher } from '../src/server/platform/crypto/pii.ts';
import type { Platform } from '../src/server/platform/http/context.ts';
import type { DB } from '../src/server/tables.ts';
import { Client } from '../src/server/testing.ts';
import { benchPiiKey, BENCH_PASSWORD } from './prepare.ts';

const [username, ...urls] = process.argv.slice(2);
const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!url || !username || urls.length === 0) {
  console.error('usage: BENCH_DATABASE_URL=… npx tsx bench/explain.ts <username> <url>...');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 4 });
let ran: { query: CompiledQuery; ms: number }[] = [];
const db = new Kysely<DB>({
  dialect: new PostgresDialect({ pool }),
  log: (e) => void ran.push({ query: e.query, ms: e.queryDurationMillis }),
});
const platform: Platform = { db, dbKind: 'postgresql', pii: new PiiCipher(benchPiiKey()), config: { ...loadConfig({}), seedDemo: false } };
const app = await buildApp({ platform, webDir: '/nonexistent' });
const client = new Client(app);
const login = await client.login(username, BENCH_PASSWORD);
if (login.statusCode !== 200) throw new Error(`login ${username}: ${login.statusCode}`);
for (const u of urls) {
  await client.get(u); // warm
  ran = [];
  const started = performance.now();
  const res = await client.get(u);
  console.log(`\n=== ${u}: ${res.statusCode} in ${(performance.now() - started).toFixed(1)} ms`);
  for (const { query, ms } of [...ran].sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.TOP ?? 2))) {
    console.log(`--- ${ms.toFixed(1)} ms: ${query.sql.replace(/\s+/g, ' ')}\n    params: ${JSON.stringify(query.parameters)}`);
    const plan = await pool.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, query.parameters as unknown[]);
    for (const row of plan.rows) console.log(`    ${row['QUERY PLAN']}`);
  }
}
await app.close();
await pool.end();
