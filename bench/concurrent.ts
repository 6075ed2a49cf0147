// `npm run bench -- --concurrent`: the app under concurrent load, over HTTP, with the server in
// its own process, against the city that `npm run bench` loaded (BENCH_DATABASE_URL), and the
// embedded default (PGlite with the demo) beside it. Figures go to bench/results/concurrent.json.
//   --seconds N (measured, default 20) --warmup-seconds N (default 10) --clients N (default 16)
//   --writers N (default 8) --only reads,mixed,intake-spread,intake-district,bare,two-processes,pglite
//   --profile        the single app server runs with node --cpu-prof; its top entries go to the record
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { startCaches } from '../src/server/platform/caches.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { PiiCipher } from '../src/server/platform/crypto/pii.ts';
import { listenOnServer } from '../src/server/platform/db/listen.ts';
import { Client } from '../src/server/testing.ts';
import type { DB } from '../src/server/tables.ts';
import { intakeReporters, removeIntakeRows, staffNeed } from './intake.ts';
import { embeddedBoardReads } from './embedded-board.ts';
import { closeClients, runClients, type Call, type Figures } from './load-clients.ts';
import { benchPiiKey, BENCH_PASSWORD, readMarker } from './prepare.ts';
import { profileTop } from './profile-top.ts';
import { encodeRecipes, StatementRecorder, type Recipe, type RecordedRequest } from './recipes.ts';
import { log, sessionsOf, startServer, stopServer, type Session } from './servers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string) => (process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : undefined);
const num = (name: string, fallback: number) => {
  const n = Number(arg(name) ?? fallback);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive integer`);
  return n;
};
const seconds = num('seconds', 20);
const warmup = num('warmup-seconds', 10);
const clients = num('clients', 16);
const writers = num('writers', 8);
const ALL = ['reads', 'mixed', 'intake-spread', 'intake-district', 'bare', 'two-processes', 'pglite'];
const only = new Set(arg('only')?.split(',') ?? ALL);
const profile = process.argv.includes('--profile');
for (const o of only) if (!ALL.includes(o)) throw new Error(`--only takes ${ALL.join(',')}`);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-bench-'));
const machine = () => ({ cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() });

type Result = { all: Figures; byKind: Record<string, Figures> };
const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
const lcm = (a: number, b: number) => (a / gcd(a, b)) * b;
const results: Record<string, Result & Record<string, unknown>> = {};
const report = (name: string, r: Result, extra: Record<string, unknown> = {}) => {
  results[name] = { ...r, ...extra };
  const a = r.all;
  log(`${name}: ${a.perSecond} req/s, p50 ${a.p50} p95 ${a.p95} p99 ${a.p99} ms, ${a.errors} errors of ${a.requests}`);
  for (const [k, f] of Object.entries(r.byKind)) log(`    ${k}: ${f.perSecond} req/s, p50 ${f.p50} p99 ${f.p99} ms, ${f.errors} errors`);
  if (a.firstError) log(`    first error: ${a.firstError}`);
};

// The embedded scenario alone needs no city and no PostgreSQL.
if (only.size === 1 && only.has('pglite')) {
  report('embedded: board reads', await embeddedBoardReads({ clients, writers, seconds, warmup, dataDir: path.join(scratch, 'pglite') }));
  const record = { ranAt: new Date().toISOString(), machine: machine(), options: { seconds, warmup, clients, writers }, results };
  fs.writeFileSync(path.join(root, 'bench', 'results', 'concurrent-partial.json'), JSON.stringify(record, null, 2) + '\n');
  closeClients();
  process.exit(0);
}

const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  console.error('Set BENCH_DATABASE_URL (or DATABASE_URL) to the database `npm run bench` loaded.');
  process.exit(2);
}

const pool = new pg.Pool({ connectionString: url, max: 10 });
pool.on('error', () => {});
const recorder = new StatementRecorder();
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: recorder.log });
const marker = await readMarker(db);
if (!marker?.needs) {
  console.error('Load the city and its needs history first: npm run bench (see bench/README.md).');
  process.exit(2);
}

// ---- who asks for what --------------------------------------------------------------------

interface Reader {
  username: string;
  /** Paths by kind, cycled through. */
  paths: [string, string][];
}

const NAME_PREFIXES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];

/** Community admins of 24 communities, street officers of 8 streets and 8 residents, all over the city. */
async function readers(): Promise<Reader[]> {
  const admins = await sql<{ username: string; community_id: string }>`
    select u.username, ra.scope_id as community_id from users u join role_assignments ra on ra.user_id = u.id
    where u.username like 'bench\\_ca\\_%' order by md5(u.username) limit 24`.execute(db);
  const streets = await sql<{ id: string; district_id: string; community_id: string }>`
    select s.id, s.district_id, (select c.id from communities c where c.street_id = s.id order by c.id limit 1) as community_id
    from streets s order by md5(s.id::text) limit 8`.execute(db);
  const hash = await hashPassword(BENCH_PASSWORD);
  const officers: { username: string; communityId: string }[] = [];
  for (const [i, s] of streets.rows.entries()) {
    const username = `bench_so_${i}`;
    const user = await sql<{ id: string }>`
      insert into users (id, username, display_name, password_hash) values (gen_random_uuid(), ${username}, ${username}, ${hash})
      on conflict (username) do update set password_hash = excluded.password_hash returning id`.execute(db);
    const userId = user.rows[0]!.id;
    await sql`delete from role_assignments where user_id = ${userId}`.execute(db);
    await sql`insert into role_assignments (id, user_id, role, scope_type, scope_id, scope_district_id)
      values (gen_random_uuid(), ${userId}, 'street_officer', 'street', ${s.id}, ${s.district_id})`.execute(db);
    officers.push({ username, communityId: s.community_id });
  }
  // Residents whose household follows a need merged away from it: their board is their
  // household's needs, the ones they reported and the ones they follow.
  const residents = await sql<{ username: string }>`
    select u.username from need_followers f join users u on u.id = f.user_id
    where u.username like 'bench\\_r\\_%' group by u.username order by md5(u.username) limit 8`.execute(db);
  const search = (i: number): [string, string] => ['name search', `/api/v1/residents?q=${encodeURIComponent(NAME_PREFIXES[i % NAME_PREFIXES.length]!)}`];
  return [
    ...admins.rows.map((a, i) => ({
      username: a.username,
      paths: [
        ['needs board', `/api/v1/needs?communityId=${a.community_id}`],
        ['needs board, filtered', `/api/v1/needs?communityId=${a.community_id}&state=reported`],
        ['needs board, filtered', `/api/v1/needs?communityId=${a.community_id}&overdue=true`],
        ['needs map', `/api/v1/needs/map?communityId=${a.community_id}`],
        ['households', `/api/v1/households?communityId=${a.community_id}`],
        search(i),
      ] as [string, string][],
    })),
    ...officers.map((o, i) => ({
      username: o.username,
      paths: [
        ['needs board', '/api/v1/needs'],
        ['needs board, filtered', '/api/v1/needs?state=in_progress'],
        ['needs board, filtered', '/api/v1/needs?overdue=true'],
        ['needs map', '/api/v1/needs/map'],
        ['households', `/api/v1/households?communityId=${o.communityId}`],
        search(i + 3),
      ] as [string, string][],
    })),
    ...residents.rows.map((r) => ({
      username: r.username,
      paths: [
        ['resident: my needs', '/api/v1/needs'],
        ['resident: my notices', '/api/v1/inbox'],
      ] as [string, string][],
    })),
  ];
}

const readerList = await readers();
const NO_STREET = '00000000-0000-0000-0000-000000000000';
const spread = (await intakeReporters(db, 24, NO_STREET)).staff;
const byDistrict = (await intakeReporters(db, 240, NO_STREET)).staff;
const hotline = byDistrict.filter((r) => r.districtId === byDistrict[0]!.districtId).slice(0, 16);
log(`${readerList.length} readers, ${spread.length} reporters over the city, ${hotline.length} in one district`);

// ---- servers ------------------------------------------------------------------------------

const appEnv = { DATABASE_URL: url, PII_KEY: benchPiiKey().toString('base64'), SEED_DEMO: 'false', DATA_DIR: path.join(scratch, 'app') };

// ---- scenarios ----------------------------------------------------------------------------

/** Read client `client`'s i-th request: reader r's j-th path. */
const readOf = (client: number, i: number) => {
  const r = (client * 7 + i) % readerList.length;
  return { r, j: i % readerList[r]!.paths.length };
};
const readCall = (bases: string[], sessions: Session[]) => (client: number, i: number): Call => {
  const { r, j } = readOf(client, i);
  const [kind, p] = readerList[r]!.paths[j]!;
  return { kind, base: bases[client % bases.length]!, method: 'GET', path: p, headers: sessions[r]!.headers, expect: 200 };
};

type Reporter = (typeof spread)[number];
/** Intake client `client`'s i-th report: which reporter sends it, and what. */
const intakeReport = (reporters: Reporter[], offset: number, client: number, i: number) => {
  const k = (client + i) % reporters.length;
  return { k, body: staffNeed({ ...reporters[k]!, cookie: '', csrf: '' }, offset + client * 1_000_000 + i).body };
};
const intakeCall = (bases: string[], reporters: Reporter[], sessions: Session[], offset: number) => (client: number, i: number): Call => {
  const { k, body } = intakeReport(reporters, offset, client, i);
  return { kind: 'intake', base: bases[client % bases.length]!, method: 'POST', path: '/api/v1/needs', headers: sessions[k]!.headers, body: JSON.stringify(body), expect: 201 };
};
// Where each kind of scenario's reports are numbered from (their descriptions tell them apart).
const SPREAD = 20_000_000;
const HOTLINE = 30_000_000;

const profileDir = path.join(scratch, 'profile');
// The first four scenarios share one app server on the city. It starts only for them: like any
// start of the app, it applies the migrations of the code under test to the database.
let profiled: ReturnType<typeof profileTop> | undefined;
if (['reads', 'mixed', 'intake-spread', 'intake-district'].some((o) => only.has(o))) {
  const serverA = await startServer('app', 3101, appEnv, undefined, profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const readSessions = await sessionsOf(serverA.base, readerList.map((r) => r.username), BENCH_PASSWORD);
  const spreadSessions = await sessionsOf(serverA.base, spread.map((r) => r.username), BENCH_PASSWORD);
  const hotlineSessions = await sessionsOf(serverA.base, hotline.map((r) => r.username), BENCH_PASSWORD);

  if (only.has('reads')) {
    log(`reads: ${clients} clients`);
    report('reads', await runClients(clients, readCall([serverA.base], readSessions), seconds, warmup));
  }
  if (only.has('mixed')) {
    log(`reads with writers: ${clients} read clients + ${writers} intake clients`);
    const reads = readCall([serverA.base], readSessions);
    const writes = intakeCall([serverA.base], spread, spreadSessions, 10_000_000);
    report('reads with writers', await runClients(clients + writers, (c, i) => (c < clients ? reads(c, i) : writes(c - clients, i)), seconds, warmup));
  }
  if (only.has('intake-spread')) {
    log(`intake spread over districts: ${clients} clients`);
    report('intake, spread', await runClients(clients, intakeCall([serverA.base], spread, spreadSessions, SPREAD), seconds, warmup));
  }
  if (only.has('intake-district')) {
    log(`intake of one district's hotline: ${clients} clients`);
    report('intake, one district', await runClients(clients, intakeCall([serverA.base], hotline, hotlineSessions, HOTLINE), seconds, warmup));
  }
  await stopServer(serverA);
  // The profile covers the server's whole life: its start, the sign-ins (password hashing) and the
  // scenarios chosen with --only.
  profiled = profile ? profileTop(path.join(profileDir, fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'))!)) : undefined;
  if (profiled) {
    log(`profile of the app server (${profiled.totalSeconds} s sampled), self time:`);
    for (const f of profiled.functions) log(`    ${f.percent}%  ${f.name}`);
    log('  by package or file:');
    for (const f of profiled.places) log(`    ${f.percent}%  ${f.name}`);
  }
}

if (only.has('bare')) {
  // The same requests once more through the app in this process, recording their statements.
  // With the caches the server runs with, each request sent once before it is recorded: the
  // session, the district's categories and webhook subscriptions are then cached, as they are
  // in a server that has run for a while, so the baseline replays no look-up the app skips.
  const caches = await startCaches({ db, listen: (channel, on) => listenOnServer(url, channel, on) });
  const app = await buildApp({
    platform: {
      db,
      dbKind: 'postgresql',
      pii: new PiiCipher(benchPiiKey()),
      config: { ...loadConfig({}), databaseUrl: url, seedDemo: false, dataDir: path.join(scratch, 'rec') },
      sessionCache: caches.sessionCache,
      referenceCache: caches.referenceCache,
    },
    webDir: path.join(scratch, 'no-web-app'),
  });
  const signIn = async (username: string) => {
    const c = new Client(app);
    await c.login(username, BENCH_PASSWORD);
    return c;
  };
  const recordWarm = async (during: () => Promise<number>, kind: string, request: RecordedRequest, write: boolean) => {
    await during();
    return recorder.record(during, kind, request, write);
  };
  const recipes: Recipe[] = [];
  // Reader r's j-th path is recipe readRecipe[r][j]; the replay asks for them in the app's order.
  const readRecipe: number[][] = [];
  for (const r of readerList) {
    const c = await signIn(r.username);
    readRecipe.push(r.paths.map((_, j) => recipes.length + j));
    for (const [kind, p] of r.paths) recipes.push(await recordWarm(async () => (await c.get(p)).statusCode, kind, { method: 'GET', headers: c.sessionHeaders('GET') }, false));
  }
  const readRecipes = recipes.length;
  // Each intake client's reports as the app received them, until they repeat (reporter and
  // household, each cycled): the baseline writes the same rows at the same places.
  const periodOf = (reporters: Reporter[]) => reporters.reduce((p, r) => lcm(p, r.households.length), reporters.length);
  const recordIntake = async (reporters: Reporter[], offset: number) => {
    const signedIn: Client[] = [];
    for (const r of reporters) signedIn.push(await signIn(r.username));
    const from = recipes.length;
    const period = periodOf(reporters);
    for (let client = 0; client < clients; client++) {
      for (let i = 0; i < period; i++) {
        const { k, body } = intakeReport(reporters, offset, client, i);
        const request = { method: 'POST' as const, headers: signedIn[k]!.sessionHeaders('POST'), body: JSON.stringify(body) };
        recipes.push(await recordWarm(async () => (await signedIn[k]!.post('/api/v1/needs', body)).statusCode, 'intake', request, true));
      }
    }
    return from;
  };
  const spreadFrom = await recordIntake(spread, SPREAD);
  const hotlineFrom = await recordIntake(hotline, HOTLINE);
  const hotlineTo = recipes.length;
  await app.close();
  await caches.close();
  // The recorded needs are gone again before they are replayed.
  await removeIntakeRows(db);
  const bad = recipes.filter((r) => r.status >= 300);
  if (bad.length) throw new Error(`recording: ${bad.length} requests failed, e.g. ${bad[0]!.kind} ${bad[0]!.status}`);
  const file = path.join(scratch, 'recipes.json');
  fs.writeFileSync(file, encodeRecipes(recipes));
  const statementsOf = (from: number, to: number) => recipes.slice(from, to).reduce((n, r) => n + r.statements.length, 0) / (to - from);
  log(`recorded ${recipes.length} requests; statements per read ${statementsOf(0, readRecipes).toFixed(1)}, per intake ${statementsOf(spreadFrom, hotlineFrom).toFixed(1)}`);

  const bare = await startServer('bare baseline', 3103, { BARE_RECIPES: file, BARE_DATABASE_URL: url }, 'bench/bare-server.ts');
  const replay = (kind: string, index: number): Call => {
    const { method, headers, body } = recipes[index]!.request;
    return { kind, base: bare.base, method, path: `/bare/${index}`, headers, body, expect: kind === 'intake' ? 201 : 200 };
  };
  // Intake client `client` replays its own reports in the order it sent them.
  const intakeReplay = (from: number, to: number) => (client: number, i: number) => {
    const period = (to - from) / clients;
    return replay('intake', from + client * period + (i % period));
  };
  const readReplay = (client: number, i: number) => {
    const { r, j } = readOf(client, i);
    return replay('reads', readRecipe[r]![j]!);
  };
  report('bare: reads', await runClients(clients, readReplay, seconds, warmup), {
    statementsPerRequest: statementsOf(0, readRecipes),
  });
  report('bare: intake, spread', await runClients(clients, intakeReplay(spreadFrom, hotlineFrom), seconds, warmup), {
    statementsPerRequest: statementsOf(spreadFrom, hotlineFrom),
  });
  report('bare: intake, one district', await runClients(clients, intakeReplay(hotlineFrom, hotlineTo), seconds, warmup));
  await stopServer(bare);
  await removeIntakeRows(db);
}

if (only.has('two-processes')) {
  log(`two app processes on one database: ${clients} read clients + ${writers} intake clients, alternating`);
  const a = await startServer('app 1', 3101, appEnv);
  const b = await startServer('app 2', 3102, { ...appEnv, DATA_DIR: path.join(scratch, 'app2') });
  await removeIntakeRows(db);
  // Sessions opened on one process are used on both.
  const reads = readCall([a.base, b.base], await sessionsOf(a.base, readerList.map((r) => r.username), BENCH_PASSWORD));
  const writes = intakeCall([b.base, a.base], spread, await sessionsOf(b.base, spread.map((r) => r.username), BENCH_PASSWORD), 50_000_000);
  let created = 0;
  const r = await runClients(
    clients + writers,
    (c, i) => (c < clients ? reads(c, i) : writes(c - clients, i)),
    seconds,
    warmup,
    (call, status) => {
      if (call.kind === 'intake' && status === 201) created++;
    },
  );
  const stored = await sql<{ needs: number; numbers: number }>`
    select count(*)::int as needs, count(distinct (district_id, ref_no))::int as numbers from needs where description like '%（压测 %'`.execute(db);
  const { needs, numbers } = stored.rows[0]!;
  report('two processes', r, { created, stored: needs, distinctReferenceNumbers: numbers });
  if (needs !== created || numbers !== needs) log(`  CHECK FAILED: ${created} answered 201, ${needs} stored, ${numbers} distinct reference numbers`);
  await stopServer(a);
  await stopServer(b);
}
await removeIntakeRows(db);

if (only.has('pglite')) report('embedded: board reads', await embeddedBoardReads({ clients, writers, seconds, warmup, dataDir: path.join(scratch, 'pglite') }));

// ---- the record -----------------------------------------------------------------------------

const ratio = (full?: Result, bare?: Result) => (full && bare ? Math.round((full.all.perSecond / bare.all.perSecond) * 100) / 100 : undefined);
const settings = await sql<{ name: string; setting: string; unit: string | null }>`
  select name, setting, unit from pg_settings where name in ('shared_buffers', 'effective_cache_size', 'work_mem', 'max_connections',
    'synchronous_commit', 'fsync', 'jit', 'random_page_cost', 'max_wal_size') order by name`.execute(db);
const version = await sql<{ v: string }>`select version() as v`.execute(db);
const record = {
  ranAt: new Date().toISOString(),
  machine: machine(),
  postgres: { version: version.rows[0]!.v, settings: Object.fromEntries(settings.rows.map((s) => [s.name, s.unit ? `${s.setting} ${s.unit}` : s.setting])) },
  scale: { households: marker.households, residents: marker.residents, needs: (marker.needs as { needs?: number }).needs },
  options: { seconds, warmup, clients, writers },
  results,
  ...(profiled ? { profile: profiled } : {}),
  fullOverBare: {
    reads: ratio(results['reads'], results['bare: reads']),
    intakeSpread: ratio(results['intake, spread'], results['bare: intake, spread']),
    intakeOneDistrict: ratio(results['intake, one district'], results['bare: intake, one district']),
  },
};
// Only a run of every scenario replaces the committed record.
const name = only.size === ALL.length ? 'concurrent.json' : 'concurrent-partial.json';
fs.writeFileSync(path.join(root, 'bench', 'results', name), JSON.stringify(record, null, 2) + '\n');
log(`full ÷ bare: ${JSON.stringify(record.fullOverBare)}; written to bench/results/${name}`);
closeClients();
await db.destroy();
fs.rmSync(scratch, { recursive: true, force: true });
