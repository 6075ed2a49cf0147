// `npm run bench`: city-scale load and latency benchmark against a PostgreSQL server.
//   BENCH_DATABASE_URL (or DATABASE_URL) — the database to use; it is EMPTIED first.
//   --households N   households to generate (default 3,000,000; residents ≈ 3.05 per household)
//   --reuse          skip the load when a finished load of at least that size is present
//   --requests N     measured requests per query (default 200), --warmup N (default 20)
//   --parallel N     districts loaded at once (default 2)
//   --needs N        needs in the two-year history (default 3,000,000), --visits N (default 4,000,000)
//   --intake N       measured intake POSTs per route and concurrency (default 5,000), --concurrency 16,64,
//                    --no-intake (board queries only)
//   --concurrent     the concurrent benchmark over HTTP instead (bench/concurrent.ts; the city must be loaded)
//   --projects       after the city and its needs, the projects phase (bench/projects.ts) and its HTTP benchmark
//                    instead of the needs board: --project-count N (default 10,000), --organizations N,
//                    --seconds N per read (default 15) after --warmup-seconds N (default 5), --sign-ins N (default 2,000)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { startCaches } from '../src/server/platform/caches.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { PiiCipher } from '../src/server/platform/crypto/pii.ts';
import { openDatabase } from '../src/server/platform/db/kysely.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import type { Platform } from '../src/server/platform/http/context.ts';
import { defaultReferenceYear } from '../seed/demo-data.ts';
import { wipeData } from '../seed/reseed.ts';
import { createHelpers, dropSecondary, insertGridMap, loadDistrict, restoreSecondary } from './load.ts';
import { deepCursors, measure, type Measurement, type Scenario } from './measure.ts';
import { intakeReporters, measureIntake, removeIntakeRows, staffNeed, visitWithNeed, type IntakeResult } from './intake.ts';
import {
  createNeedHelpers, emptyNeeds, ensureCategories, insertStaff, loadDistrictNeeds, NEED_BULK_TABLES, restartNumbering, type NeedsLoadInfo,
} from './needs.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { addResidentAccounts } from './resident-accounts.ts';
import { benchPiiKey, BENCH_PASSWORD, prepareTargets, readMarker, writeMarker, type Targets } from './prepare.ts';
import { cityStructure } from './structure.ts';
import { defaultOrganizations, loadProjectsPhase, type ProjectsLoadInfo } from './projects.ts';
import { measureProjects } from './projects-measure.ts';

// The concurrent mode measures an already loaded city over HTTP (bench/concurrent.ts).
if (process.argv.includes('--concurrent')) {
  await import('./concurrent.ts');
  process.exit(0);
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]?.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} needs a positive integer`);
  return n;
}

const households = option('households', 3_000_000);
const requests = option('requests', 200);
const warmup = option('warmup', 20);
const parallel = option('parallel', 2);
const reuse = process.argv.includes('--reuse');
const needCount = option('needs', 3_000_000);
const visitCount = option('visits', 4_000_000);
const intakeRequests = option('intake', 5_000);
const skipIntake = process.argv.includes('--no-intake');
const concurrencyArg = process.argv.includes('--concurrency') ? process.argv[process.argv.indexOf('--concurrency') + 1] : undefined;
const concurrencies = (concurrencyArg ?? '16,64').split(',').map(Number);
if (concurrencies.some((c) => !Number.isInteger(c) || c <= 0)) throw new Error('--concurrency needs positive integers, e.g. 16,64');
const projectsMode = process.argv.includes('--projects');
const projectCount = option('project-count', 10_000);
const organizationCount = option('organizations', defaultOrganizations(projectCount));
const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  console.error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL database the benchmark may empty.');
  process.exit(2);
}

const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

const database = await openDatabase({ databaseUrl: url, poolSize: parallel + 2 });
const db = database.db;
await migrate(db);
const pii = new PiiCipher(benchPiiKey());

interface LoadInfo {
  households: number;
  residents: number;
  districts: number;
  streets: number;
  communities: number;
  grids: number;
  loadSeconds: number;
  phases: Record<string, number>;
  targets: Targets;
  needs?: NeedsLoadInfo;
  projects?: ProjectsLoadInfo;
}

async function load(): Promise<LoadInfo> {
  const phases: Record<string, number> = {};
  const started = performance.now();
  let t = performance.now();
  await wipeData(db);
  const city = cityStructure(households);
  log(`structure: ${city.districts.length} districts, ${city.streets.length} streets, ${city.communities.length} communities, ${city.grids.length} grids, ${city.households} households`);
  await db.insertInto('districts').values(city.districts.map((d) => ({ ...d, city: '南京市' }))).execute();
  await db.insertInto('streets').values(city.streets).execute();
  for (let i = 0; i < city.communities.length; i += 1000) await db.insertInto('communities').values(city.communities.slice(i, i + 1000)).execute();
  const grids = city.grids.map((g) => ({
    district_id: g.districtId, id: g.gridId, street_id: g.streetId, community_id: g.communityId,
    code: g.code, name: `第${g.code.split('-G')[1]}网格`, boundary: g.boundary,
  }));
  for (let i = 0; i < grids.length; i += 1000) await db.insertInto('grids').values(grids.slice(i, i + 1000)).execute();
  await createHelpers(db);
  await insertGridMap(db, city);
  const saved = await dropSecondary(db);
  phases.structure = seconds(t);

  t = performance.now();
  const refDate = `${defaultReferenceYear()}-07-01`;
  const queue = city.districts.map((_, i) => i);
  let done = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let d = queue.shift(); d !== undefined; d = queue.shift()) {
        await loadDistrict(db, d, refDate);
        log(`district ${city.districts[d]!.name} loaded (${++done}/${city.districts.length}, ${seconds(t)} s)`);
      }
    }),
  );
  phases.rows = seconds(t);

  t = performance.now();
  log('rebuilding indexes and constraints');
  await db.connection().execute(async (conn) => {
    await sql`set maintenance_work_mem = '1GB'`.execute(conn);
    await restoreSecondary(conn, saved, log);
  });
  phases.indexes = seconds(t);

  t = performance.now();
  await sql`analyze`.execute(db);
  phases.analyze = seconds(t);

  t = performance.now();
  const targets = await prepareTargets(db, pii, 300);
  phases.prepare = seconds(t);

  const count = async (table: 'households' | 'residents') =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  const info: LoadInfo = {
    households: await count('households'),
    residents: await count('residents'),
    districts: city.districts.length,
    streets: city.streets.length,
    communities: city.communities.length,
    grids: city.grids.length,
    loadSeconds: seconds(started),
    phases,
    targets,
  };
  await writeMarker(db, info as unknown as Record<string, unknown>);
  return info;
}

const marker = (await readMarker(db)) as LoadInfo | null;
let info: LoadInfo;
let reused = false;
if (reuse && marker && marker.households >= households * 0.99) {
  info = marker;
  reused = true;
  log(`reusing the loaded data: ${info.households} households, ${info.residents} residents (loaded in ${info.loadSeconds} s)`);
} else {
  log(`loading ${households} households into ${url.replace(/\/\/[^@]*@/, '//')}`);
  info = await load();
  log(`loaded ${info.households} households and ${info.residents} residents in ${info.loadSeconds} s`);
}

/** The needs history on top of the city: generated per district inside PostgreSQL, like the base load. */
async function loadNeeds(): Promise<NeedsLoadInfo> {
  const phases: Record<string, number> = {};
  const started = performance.now();
  const asOf = new Date();
  let t = performance.now();
  await emptyNeeds(db);
  const districts = await ensureCategories(db);
  await createNeedHelpers(db, needCount, visitCount, asOf);
  await insertStaff(db, await hashPassword(BENCH_PASSWORD));
  const saved = await dropSecondary(db, NEED_BULK_TABLES);
  phases.setup = seconds(t);

  t = performance.now();
  const queue = Array.from({ length: districts }, (_, i) => i);
  let done = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let d = queue.shift(); d !== undefined; d = queue.shift()) {
        await loadDistrictNeeds(db, d, asOf);
        log(`needs of district ${d + 1} loaded (${++done}/${districts}, ${seconds(t)} s)`);
      }
    }),
  );
  phases.rows = seconds(t);

  t = performance.now();
  log('rebuilding needs, timeline and visits indexes and constraints');
  await db.connection().execute(async (conn) => {
    await sql`set maintenance_work_mem = '1GB'`.execute(conn);
    await restoreSecondary(conn, saved, log);
  });
  phases.indexes = seconds(t);

  t = performance.now();
  await restartNumbering(db);
  await sql`analyze needs, need_events, visits, common_needs, users, role_assignments`.execute(db);
  phases.analyze = seconds(t);
  const count = async (table: 'needs' | 'visits' | 'need_events') =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  return {
    needs: await count('needs'),
    visits: await count('visits'),
    events: await count('need_events'),
    requestedNeeds: needCount,
    requestedVisits: visitCount,
    loadSeconds: seconds(started),
    phases,
    asOf: asOf.toISOString(),
  };
}

let needsReused = false;
if (reuse && info.needs && info.needs.requestedNeeds === needCount && info.needs.requestedVisits === visitCount) {
  needsReused = true;
  log(`reusing the needs history: ${info.needs.needs} needs, ${info.needs.visits} visits (loaded in ${info.needs.loadSeconds} s)`);
} else {
  log(`loading a needs history of ${needCount} needs and ${visitCount} visits`);
  info.needs = await loadNeeds();
  // The projects phase named the old history's common needs: it loads again.
  delete info.projects;
  await writeMarker(db, info as unknown as Record<string, unknown>);
  log(`loaded ${info.needs.needs} needs, ${info.needs.events} timeline entries and ${info.needs.visits} visits in ${info.needs.loadSeconds} s`);
}
if (!info.needs.accounts) {
  info.needs.accounts = await addResidentAccounts(db, await hashPassword(BENCH_PASSWORD));
  await writeMarker(db, info as unknown as Record<string, unknown>);
  const a = info.needs.accounts;
  log(`resident accounts: ${a.accounts}, needs they reported: ${a.reported}, follows of merged needs' survivors: ${a.follows}`);
}
if (projectsMode) {
  await runProjects(info);
  process.exit(0);
}

/** The projects phase (loaded again unless --reuse finds one of this size) and its HTTP benchmark. */
async function runProjects(info: LoadInfo) {
  const p = info.projects;
  if (reuse && p && p.requestedProjects === projectCount && p.requestedOrganizations === organizationCount) {
    log(`reusing the projects phase: ${p.rows.projects} projects, ${p.rows.activity_registrations} registrations (loaded in ${p.loadSeconds} s)`);
  } else {
    log(`loading ${projectCount} projects with ${organizationCount} organizations`);
    info.projects = await loadProjectsPhase(db, { projects: projectCount, organizations: organizationCount, parallel, log });
    await writeMarker(db, info as unknown as Record<string, unknown>);
    log(`projects phase loaded in ${info.projects.loadSeconds} s: ${Object.entries(info.projects.rows).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
  }
  const loadBefore = os.loadavg()[0]!;
  const { results, targets } = await measureProjects(db, {
    url: url!, concurrencies, seconds: option('seconds', 15), warmup: option('warmup-seconds', 5),
    signIns: option('sign-ins', 2_000), signInWarmup: 200, log,
  });
  const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]!.v;
  await database.close();
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
  console.log(`\nScale: ${info.households.toLocaleString('en')} households, ${info.residents.toLocaleString('en')} residents, ${info.needs?.needs.toLocaleString('en')} needs`);
  console.log(`Projects: ${Object.entries(info.projects!.rows).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}`);
  console.log(`Load of the projects phase: ${info.projects!.loadSeconds} s  phases: ${Object.entries(info.projects!.phases).map(([k, v]) => `${k} ${v} s`).join(', ')}`);
  console.log(`PostgreSQL ${version}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}\n`);
  console.log(`${pad('endpoint', 50)}${'conc'.padStart(5)}${'n'.padStart(7)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'errors'.padStart(7)}`);
  for (const r of results) {
    console.log(`${pad(r.endpoint, 50)}${String(r.concurrency).padStart(5)}${String(r.requests).padStart(7)}${r.perSecond.toFixed(0).padStart(8)}${r.p50.toFixed(1).padStart(8)}${r.p99.toFixed(1).padStart(8)}${String(r.errors).padStart(7)}`);
  }
  const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'projects.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { loadAverageAtStart: Math.round(loadBefore * 10) / 10, cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: version },
        scale: { households: info.households, residents: info.residents, needs: info.needs?.needs, cityLoadSeconds: info.loadSeconds, needsLoadSeconds: info.needs?.loadSeconds },
        projects: info.projects,
        options: { concurrencies, seconds: option('seconds', 15), warmupSeconds: option('warmup-seconds', 5), signIns: option('sign-ins', 2_000) },
        targets,
        results,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

const states = (await sql<{ state: string; n: string; overdue: string }>`
  select state, count(*) as n, count(*) filter (where state in ('reported', 'accepted', 'in_progress', 'referred', 'reopened')
    and (case when state = 'reported' then triage_due_at else resolve_due_at end) < now()) as overdue
  from needs group by state order by count(*) desc`.execute(db)).rows.map((r) => ({ state: r.state, needs: Number(r.n), overdue: Number(r.overdue) }));

// The app gets its own pool of the size the server runs with (the loader's is sized for loading).
// With the caches the server runs with (decision 0014).
const appDatabase = await openDatabase({ databaseUrl: url });
const caches = await startCaches(appDatabase);
const platform: Platform = {
  db: appDatabase.db,
  dbKind: appDatabase.kind,
  pii,
  config: { ...loadConfig({}), seedDemo: false },
  sessionCache: caches.sessionCache,
  referenceCache: caches.referenceCache,
};
const app = await buildApp({ platform, webDir: path.join(os.tmpdir(), 'sanshe-bench-no-web-app') });
const T = info.targets;
const prefixes = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '王秀', '李建', '张伟', '刘丽', '陈明', '徐', '孙', '马', '朱', '胡'];
const cycle = <T>(items: T[], n: number) => Array.from({ length: n }, (_, i) => items[(i * 7919) % items.length]!);
const deep = await deepCursors(app, { username: T.users.community, password: BENCH_PASSWORD }, `/api/v1/households?communityId=${T.communityId}&limit=50`);
log(`deep pages: ${deep.length} cursors in the second half of the community's household list`);

function queries(gridIds: string[], communityIds: string[]): [string, string[]][] {
  return [
    ['residents: name prefix', prefixes.map((p) => `/api/v1/residents?q=${encodeURIComponent(p)}`)],
    ['residents: exact ID number', T.idNumbers.map((id) => `/api/v1/residents?q=${id}`)],
    ['households: grid, first page', cycle(gridIds, 200).map((g) => `/api/v1/households?gridId=${g}`)],
    ['households: community, first page', cycle(communityIds, 200).map((c) => `/api/v1/households?communityId=${c}`)],
    ['households: community, deep page', deep.map((c) => `/api/v1/households?communityId=${T.communityId}&limit=50&cursor=${encodeURIComponent(c)}`)],
  ];
}
const scenarios: Scenario[] = [
  { role: 'community_admin', username: T.users.community, password: BENCH_PASSWORD, queries: queries(T.communityGridIds, [T.communityId]) },
  { role: 'street_officer', username: T.users.street, password: BENCH_PASSWORD, queries: queries(T.streetGridIds, T.streetCommunityIds) },
  { role: 'district_officer', username: T.users.district, password: BENCH_PASSWORD, queries: queries(T.districtGridIds, T.districtCommunityIds) },
];
const C = T.communityId;
const needDeep = await deepCursors(app, { username: T.users.community, password: BENCH_PASSWORD }, `/api/v1/needs?communityId=${C}&limit=50`);
log(`needs deep pages: ${needDeep.length} cursors in the second half of the community's needs`);
const hasMap = app.hasRoute({ method: 'GET', url: '/api/v1/needs/map' });
if (!hasMap) log('GET /api/v1/needs/map does not exist: the map query is not measured');
const map = (name: string, urls: string[]): [string, string[]][] => (hasMap ? [[name, urls]] : []);
scenarios.push(
  {
    role: 'community_admin', username: T.users.community, password: BENCH_PASSWORD,
    queries: [
      ['needs board: first page', [`/api/v1/needs?communityId=${C}`]],
      ['needs board: reported', [`/api/v1/needs?communityId=${C}&state=reported`]],
      ['needs board: in progress', [`/api/v1/needs?communityId=${C}&state=in_progress`]],
      ['needs board: overdue', [`/api/v1/needs?communityId=${C}&overdue=true`]],
      ['needs board: deep page', needDeep.map((c) => `/api/v1/needs?communityId=${C}&limit=50&cursor=${encodeURIComponent(c)}`)],
      ...map('needs map: community', [`/api/v1/needs/map?communityId=${C}`]),
    ],
  },
  {
    role: 'street_officer', username: T.users.street, password: BENCH_PASSWORD,
    queries: [
      ['needs board: whole street', ['/api/v1/needs']],
      ['needs board: street, reported', ['/api/v1/needs?state=reported']],
      ['needs board: street, overdue', ['/api/v1/needs?overdue=true']],
      ['needs board: one community', cycle(T.streetCommunityIds, 200).map((c) => `/api/v1/needs?communityId=${c}`)],
      ...map('needs map: whole street', ['/api/v1/needs/map']),
      ...map('needs map: street, overdue', ['/api/v1/needs/map?overdue=true']),
    ],
  },
  {
    role: 'district_officer', username: T.users.district, password: BENCH_PASSWORD,
    queries: [
      ['needs board: whole district', ['/api/v1/needs']],
      ['needs board: district, overdue', ['/api/v1/needs?overdue=true']],
    ],
  },
);
const loadBefore = os.loadavg()[0]!;
const results: Measurement[] = [];
for (const s of scenarios) {
  log(`measuring as ${s.role}`);
  results.push(...(await measure(app, s, requests, warmup)));
}

log('intake: signing in reporters and starting the HTTP server');
await app.listen({ port: 0, host: '127.0.0.1' });
const reporters = await intakeReporters(db, 24, T.streetId);
const intake: IntakeResult[] = [];
let offset = 0;
for (const [route, who, make] of [
  ['POST /needs (staff, on behalf)', reporters.staff, staffNeed],
  ['POST /visits (with one need)', reporters.gridWorkers, visitWithNeed],
] as const) {
  for (const c of skipIntake ? [] : concurrencies) {
    log(`intake: ${route} at concurrency ${c}`);
    const r = await measureIntake(app, route, who, make, c, intakeRequests, Math.min(500, intakeRequests), offset);
    offset += intakeRequests + 500;
    intake.push(r);
    log(`  ${r.perSecond} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors`);
  }
}
await app.close();
await caches.close();
await appDatabase.close();
if (!skipIntake) log(`intake: removed the ${await removeIntakeRows(db)} needs it wrote (and their visits and timeline)`);
const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]!.v;
await database.close();

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const ms = (x: number) => x.toFixed(1).padStart(8);
console.log(`\nScale: ${info.districts} districts, ${info.streets} streets, ${info.communities} communities, ${info.grids} grids, ${info.households.toLocaleString('en')} households, ${info.residents.toLocaleString('en')} residents`);
console.log(`Load: ${info.loadSeconds} s${reused ? ' (earlier run, reused)' : ''}  phases: ${Object.entries(info.phases).map(([k, v]) => `${k} ${v} s`).join(', ')}`);
if (info.needs) {
  const n = info.needs;
  console.log(`Needs: ${n.needs.toLocaleString('en')} needs, ${n.events.toLocaleString('en')} timeline entries, ${n.visits.toLocaleString('en')} visits; load ${n.loadSeconds} s${needsReused ? ' (earlier run, reused)' : ''}  phases: ${Object.entries(n.phases).map(([k, v]) => `${k} ${v} s`).join(', ')}`);
  console.log(`States: ${states.map((x) => `${x.state} ${x.needs.toLocaleString('en')}${x.overdue ? ` (${x.overdue.toLocaleString('en')} overdue)` : ''}`).join(', ')}`);
}
console.log(`PostgreSQL ${version}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}\n`);
console.log(`${pad('role', 18)}${pad('query', 36)}${'n'.padStart(5)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'req/s'.padStart(8)}${'items'.padStart(7)}`);
for (const r of results) {
  console.log(`${pad(r.role, 18)}${pad(r.query, 36)}${String(r.requests).padStart(5)}${ms(r.p50)}${ms(r.p99)}${(1000 / r.mean).toFixed(0).padStart(8)}${r.avgItems.toFixed(0).padStart(7)}`);
}
console.log(`\n${pad('intake', 36)}${'conc'.padStart(5)}${'n'.padStart(6)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'errors'.padStart(7)}`);
for (const r of intake) {
  console.log(`${pad(r.route, 36)}${String(r.concurrency).padStart(5)}${String(r.requests).padStart(6)}${r.perSecond.toFixed(0).padStart(8)}${ms(r.p50)}${ms(r.p99)}${String(r.errors).padStart(7)}`);
}

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
const { targets: _targets, ...scale } = info;
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: { loadAverageAtStart: Math.round(loadBefore * 10) / 10, cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: version },
      scale,
      reusedLoad: reused,
      reusedNeeds: needsReused,
      needStates: states,
      requestsPerQuery: requests,
      results: results.map((r) => ({ ...r, perSecond: Math.round((1000 / r.mean) * 10) / 10 })),
      intake,
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
