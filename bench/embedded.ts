// `npx tsx bench/embedded.ts`: where the embedded default spends a board read. Starts the app
// in this process on a fresh PGlite folder with the demo (with the database upkeep the server
// runs), reports 2,000 needs through the API (as the concurrent benchmark's `pglite` scenario
// does), then times each board route one request at a time (wall, processor, time in SQL) and
// each of its statements alone on PGlite, slowest first.
//   --requests N   timed requests per route (default 40)
//   --keep DIR     keep the prepared data folder in DIR and start from it when it exists
//   --profile N    afterwards, 16 closed-loop clients for N seconds under the V8 profiler;
//                  self time by function and by package (PGlite's WebAssembly shows as a module named by a hash)
//   --explain      print the plans (default: timings and statements only)
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type LogEvent } from 'kysely';
import { seedDemoIfEmpty } from '../seed/demo.ts';
import { DEMO_PASSWORD } from '../seed/demo-accounts.ts';
import { buildApp } from '../src/server/app.ts';
import { startCaches } from '../src/server/platform/caches.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { loadPiiKey, PiiCipher } from '../src/server/platform/crypto/pii.ts';
import { pgliteOptions, type Database } from '../src/server/platform/db/kysely.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { startUpkeep, upkeep } from '../src/server/platform/db/upkeep.ts';
import { PGliteDialect } from '../src/server/platform/db/pglite-dialect.ts';
import { countStatement } from '../src/server/platform/db/statements.ts';
import type { Platform } from '../src/server/platform/http/context.ts';
import type { DB } from '../src/server/tables.ts';
import { staffNeed } from './intake.ts';
import { closeClients, runClients, signIn } from './load-clients.ts';
import { profileTop } from './profile-top.ts';

const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const requests = Number(arg('requests') ?? 40);
const keep = arg('keep');
const profileSeconds = Number(arg('profile') ?? 0);
const explain = process.argv.includes('--explain');

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-embedded-'));
const dataDir = keep ? path.resolve(keep) : scratch;
const prepared = fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'));
fs.mkdirSync(path.join(dataDir, 'pgdata'), { recursive: true });

// The app's database as `openDatabase` opens it, with a log hook that also keeps parameters.
const client = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata'), ...pgliteOptions() });
let recording: { sql: string; parameters: readonly unknown[]; ms: number }[] | null = null;
const db = new Kysely<DB>({
  dialect: new PGliteDialect(client),
  log: (e: LogEvent) => {
    countStatement(e);
    if (e.level === 'query') recording?.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
  },
});
const database: Database = {
  db,
  kind: 'pglite',
  listen: async (channel, on) => {
    const stop = await client.listen(channel, (payload) => on.message(payload));
    on.state(true);
    return async () => {
      if (!client.closed) await stop();
    };
  },
  close: () => db.destroy(),
};
await migrate(db);
const config = { ...loadConfig({}), dataDir, seedDemo: true };
const caches = await startCaches(database);
const platform: Platform = {
  db,
  dbKind: 'pglite',
  pii: new PiiCipher(loadPiiKey(undefined, dataDir)),
  config,
  sessionCache: caches.sessionCache,
  referenceCache: caches.referenceCache,
};
const app = await buildApp({ platform, webDir: path.join(scratch, 'no-web-app') });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

if (!prepared) {
  const t = performance.now();
  await seedDemoIfEmpty(platform);
  log(`demo seeded in ${Math.round(performance.now() - t)} ms`);
}
// As the server does (src/server/main.ts).
const upkept = async (options = {}) => {
  const t = performance.now();
  const done = await upkeep(db, options);
  log(`upkeep in ${Math.round(performance.now() - t)} ms: ${done.map((d) => `${d.vacuum ? 'vacuum ' : ''}${d.analyze ? 'analyze ' : ''}${d.table}`).join(', ') || 'nothing due'}`);
};
await upkept({ bySize: true });
const stopUpkeep = startUpkeep(db, 10_000, { done: (d, ms) => log(`upkeep job in ${Math.round(ms)} ms: ${d.map((t) => t.table).join(', ')}`), error: (e) => console.error(e) });
const wu = await signIn(base, 'wu', DEMO_PASSWORD);
const get = async <T>(headers: Record<string, string>, p: string) => (await (await fetch(base + p, { headers })).json()) as T;
const community = (await get<{ items: { id: string }[] }>(wu, '/api/v1/communities')).items[0]!.id;
if (!prepared) {
  const households = (await get<{ items: { id: string }[] }>(wu, `/api/v1/households?communityId=${community}&limit=100`)).items.map((h) => h.id);
  const categories = (await get<{ items: { id: string }[] }>(wu, '/api/v1/need-categories')).items.map((c) => c.id);
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < 2000; i = next++) {
        const { body } = staffNeed({ username: 'wu', districtId: '', households, categories, cookie: '', csrf: '' }, i);
        const res = await fetch(`${base}/api/v1/needs`, { method: 'POST', headers: { ...wu, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        await res.arrayBuffer();
        if (res.status !== 201) throw new Error(`POST /needs: ${res.status}`);
      }
    }),
  );
  log(`2,000 needs reported in ${Math.round(performance.now() - t)} ms`);
}
// What the server's upkeep does within ten seconds of the last report.
await upkept();
const counts = await client.query<{ needs: number; households: number }>('select (select count(*)::int from needs) as needs, (select count(*)::int from households) as households');
log(`needs ${counts.rows[0]!.needs}, households ${counts.rows[0]!.households}`);

const zhou = await signIn(base, 'zhou', DEMO_PASSWORD);
const tsjd = await signIn(base, 'tsjd', DEMO_PASSWORD);
// The benchmark's board, in its order.
const board: [string, string, Record<string, string>][] = [
  ['board, community', `/api/v1/needs?communityId=${community}`, zhou],
  ['board, community reported', `/api/v1/needs?communityId=${community}&state=reported`, zhou],
  ['map, community', `/api/v1/needs/map?communityId=${community}`, zhou],
  ['board, street', '/api/v1/needs', tsjd],
  ['map, street', '/api/v1/needs/map', tsjd],
  ['households, community', `/api/v1/households?communityId=${community}`, zhou],
];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
// Warm the JIT on every route first, so the first route timed is not the one that pays for it.
for (let i = 0; i < 5; i++) for (const [, p, headers] of board) await (await fetch(base + p, { headers })).arrayBuffer();
for (const [name, p, headers] of board) {
  const times: number[] = [];
  let bytes = 0;
  recording = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    const res = await fetch(base + p, { headers });
    bytes = (await res.arrayBuffer()).byteLength;
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  const sqlMs = recording.reduce((s, r) => s + r.ms, 0) / requests;
  recording = [];
  await (await fetch(base + p, { headers })).arrayBuffer();
  const ran = recording;
  recording = null;
  // Processor time is what 16 clients share; wall time depends on what else the machine runs.
  const cpuMs = (used.user + used.system) / 1000 / requests;
  console.log(
    `\n=== ${name}: median ${pct(times, 50).toFixed(1)} ms, p90 ${pct(times, 90).toFixed(1)} ms, processor ${cpuMs.toFixed(1)} ms, ` +
      `in SQL ${sqlMs.toFixed(1)} ms per request; ${bytes} bytes, ${ran.length} statements (${p})`,
  );
  for (const r of [...ran].sort((a, b) => b.ms - a.ms)) {
    // The statement alone on PGlite, many times: what it costs without the app around it.
    const alone: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await client.query(r.sql, r.parameters as unknown[]);
      alone.push(performance.now() - t);
    }
    console.log(`--- ${r.ms.toFixed(1)} ms in the request, alone median ${pct(alone, 50).toFixed(2)} ms: ${r.sql.replace(/\s+/g, ' ').slice(0, explain ? 4000 : 300)}`);
    if (!explain || !/^\s*select/i.test(r.sql)) continue;
    console.log(`    params: ${JSON.stringify(r.parameters)}`);
    // Timing each plan node costs a clock call per row, far dearer in WebAssembly than natively.
    const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, timing off) ${r.sql}`, r.parameters as unknown[]);
    for (const row of plan.rows) console.log(`    ${row['QUERY PLAN']}`);
  }
}

if (profileSeconds > 0) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const r = await runClients(
    16,
    (c, i) => {
      const [kind, p, headers] = board[(c + i) % board.length]!;
      return { kind, base, method: 'GET', path: p, headers, expect: 200 };
    },
    profileSeconds,
    1,
  );
  const { profile } = await session.post('Profiler.stop');
  const file = path.join(os.tmpdir(), 'sanshe-embedded.cpuprofile');
  fs.writeFileSync(file, JSON.stringify(profile));
  const a = r.all;
  log(`16 clients (in this process, clients included): ${a.perSecond} req/s, p50 ${a.p50} p95 ${a.p95} p99 ${a.p99} ms, ${a.errors} errors`);
  for (const [k, f] of Object.entries(r.byKind)) log(`    ${k}: p50 ${f.p50} p99 ${f.p99} ms`);
  const top = profileTop(file, 25);
  console.log(`\nself time by function (profile in ${file}):`);
  for (const f of top.functions) console.log(`  ${f.percent}%  ${f.name}`);
  console.log('self time by package or file:');
  for (const f of top.places) console.log(`  ${f.percent}%  ${f.name}`);
}

closeClients();
stopUpkeep();
await app.close();
await caches.close();
await database.close();
fs.rmSync(scratch, { recursive: true, force: true });
