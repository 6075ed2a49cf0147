/**
 * The workforce benchmark (issue 11): on a loaded city (`npm run bench`, any size), tops the
 * social-worker register up to a city's workforce, writes five years of their daily work logs
 * and half a million cases with their sessions inside PostgreSQL, then measures over real HTTP,
 * with the app in its own process, a worker's month and day, an organization's and a street's
 * workforce view and a street's administrative load, with concurrent clients.
 *
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/workforce.ts [--workers 20000] [--years 5] [--cases 500000]
 *     [--reuse] [--concurrency 16] [--seconds 15] [--warmup-seconds 5]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { openDatabase } from '../src/server/platform/db/kysely.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { dropSecondary, restoreSecondary } from './load.ts';
import { closeClients, runClients, type Call, type Figures } from './load-clients.ts';
import { sessions, startServer, stopServer } from './projects-measure.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the phase writes many modules' tables in SQL
type AnyDb = Kysely<any>;

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const WORKERS = option('workers', 20_000);
const YEARS = option('years', 5);
const CASES = option('cases', 500_000);
const CONCURRENCY = option('concurrency', 16);
const SECONDS = option('seconds', 15);
const WARMUP = option('warmup-seconds', 5);
const reuse = process.argv.includes('--reuse');
const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  console.error('Set BENCH_DATABASE_URL (or DATABASE_URL) to the database `npm run bench` loaded.');
  process.exit(2);
}
const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
const since = (t: number) => Math.round((performance.now() - t) / 100) / 10;
const TABLES = ['work_log_entries', 'case_records', 'cases'] as const;

async function load(db: AnyDb): Promise<Record<string, number>> {
  const phases: Record<string, number> = {};
  let t = performance.now();
  await sql`truncate work_log_entries, admin_tasks, supervision_sessions, ce_records, case_referrals, case_consents, case_records, cases`.execute(db);
  await sql`delete from social_workers where certificate_no like 'BENCH-%'`.execute(db);
  const existing = Number((await sql<{ n: string }>`select count(*) as n from social_workers`.execute(db)).rows[0]!.n);
  // Community-employed workers (社区社工) spread over the communities, certified in the usual mix.
  await sql`
    insert into social_workers (district_id, id, name, employer_type, employer_community_id, community_ids, street_ids, certificate_level, certificate_date, certificate_no, pay_grade)
    select c.district_id, gen_random_uuid(), '社工' || g, 'community', c.id, array[c.id], array[c.street_id],
      (array['assistant', 'assistant', 'intermediate', 'senior'])[1 + g % 4], date '2016-01-01' + (g % 3000), 'BENCH-' || g,
      (array['一级', '二级', '三级', '四级', '五级'])[1 + g % 5]
    from generate_series(1, ${Math.max(0, WORKERS - existing)}::int) g
    join (select row_number() over (order by id) - 1 as k, * from communities) c on c.k = g % (select count(*) from communities)`.execute(db);
  // The first worker of each employer supervises the others.
  await sql`
    update social_workers w set supervisor_id = s.id
    from (select distinct on (district_id, coalesce(employer_organization_id, employer_community_id)) district_id, id, coalesce(employer_organization_id, employer_community_id) as employer
          from social_workers order by district_id, coalesce(employer_organization_id, employer_community_id), id) s
    where w.district_id = s.district_id and coalesce(w.employer_organization_id, w.employer_community_id) = s.employer and w.id <> s.id`.execute(db);
  phases.workers = since(t);

  const saved = await dropSecondary(db, TABLES);
  // Put back what was dropped even when a step fails: a second run would find nothing to restore.
  try {
    t = performance.now();
    const districts = (await sql<{ id: string }>`select id from districts order by code`.execute(db)).rows;
    const opener = (await sql<{ id: string }>`select id from users order by username limit 1`.execute(db)).rows[0]!.id;
    for (const d of districts) {
      // Every working day of the period: professional time and administrative time from the worker's community or street.
      await sql`
        insert into work_log_entries (district_id, id, social_worker_id, day, category, minutes, origin, origin_unit_id, origin_street_id)
        select w.district_id, gen_random_uuid(), w.id, day::date,
          (array['casework', 'group_work', 'community_work', 'training', 'supervision_received'])[1 + ((hashtext(w.id::text) & 1023) + extract(doy from day)::int) % 5],
          240 + (hashtext(w.id::text || day::text) & 63), null, null, null
        from social_workers w cross join generate_series((current_date - ${YEARS * 365}::int)::timestamp, (current_date - 1)::timestamp, interval '1 day') day
        where w.district_id = ${d.id} and extract(isodow from day) < 6`.execute(db);
      await sql`
        insert into work_log_entries (district_id, id, social_worker_id, day, category, minutes, origin, origin_unit_id, origin_street_id)
        select w.district_id, gen_random_uuid(), w.id, day::date,
          (array['statistics_forms', 'inspection', 'meeting', 'campaign', 'other_admin'])[1 + ((hashtext(w.id::text) & 1023) + extract(doy from day)::int) % 5],
          90 + (hashtext(day::text || w.id::text) & 127),
          case when extract(dow from day)::int % 2 = 0 then 'street' else 'community' end,
          case when extract(dow from day)::int % 2 = 0 then w.street_ids[1] else w.community_ids[1] end,
          w.street_ids[1]
        from social_workers w cross join generate_series((current_date - ${YEARS * 365}::int)::timestamp, (current_date - 1)::timestamp, interval '1 day') day
        where w.district_id = ${d.id} and extract(isodow from day) < 6 and cardinality(w.community_ids) > 0`.execute(db);
      log(`work logs of district ${districts.indexOf(d) + 1}/${districts.length} (${since(t)} s)`);
    }
    phases.logs = since(t);

    t = performance.now();
    // Cases of the supervised workers for residents of their community, opened over the period; a
    // fifth still open; three sessions each.
    await sql`
      with w as (
        select row_number() over (order by id) - 1 as k, * from social_workers where supervisor_id is not null and cardinality(community_ids) > 0
      ), n as (select count(*) as n from w)
      insert into cases (district_id, id, ref_no, organization_id, street_id, community_id, client_resident_id, household_id, worker_id, supervisor_id, status, opened_by, opened_at, closed_at, updated_at)
      select w.district_id, gen_random_uuid(), 'GA-B' || g, coalesce(w.employer_organization_id, o.id), w.street_ids[1], w.community_ids[1], r.id, r.household_id, w.id, w.supervisor_id,
        case when g % 5 = 0 then 'in_service' else 'closed' end, ${opener}, now() - (g % ${YEARS * 365}) * interval '1 day',
        case when g % 5 = 0 then null else now() - (g % ${YEARS * 365}) * interval '1 day' + interval '60 days' end, now()
      from generate_series(1, ${CASES}::int) g
      join w on w.k = g % (select n from n)
      join lateral (select id, household_id from residents where district_id = w.district_id and community_id = w.community_ids[1] offset (g / (select n from n)) % 50 limit 1) r on true
      cross join lateral (select id from organizations order by id limit 1) o`.execute(db);
    await sql`
      insert into case_records (district_id, id, case_id, kind, body, held_on, minutes, author_user_id, worker_id, created_at)
      select c.district_id, gen_random_uuid(), c.id, 'session', '\\x00'::bytea, (c.opened_at + s * interval '7 days')::date, 60, ${opener}, c.worker_id, c.opened_at + s * interval '7 days'
      from cases c cross join generate_series(1, 3) s
      where (c.opened_at + s * interval '7 days')::date < current_date`.execute(db);
    phases.cases = since(t);
  } finally {
    t = performance.now();
    await restoreSecondary(db, saved, log);
  }
  await sql`analyze social_workers, work_log_entries, cases, case_records`.execute(db);
  phases.indexes = since(t);
  return phases;
}

async function counts(db: AnyDb): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['social_workers', 'work_log_entries', 'cases', 'case_records']) {
    out[table] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);
  }
  return out;
}

const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
const db = database.db as AnyDb;
await migrate(database.db);
let phases: Record<string, number> = {};
const before = await counts(db);
if (reuse && before.work_log_entries! > 0 && before.social_workers! >= WORKERS) {
  log(`reusing ${before.social_workers} social workers, ${before.work_log_entries} log entries, ${before.cases} cases`);
} else {
  const t = performance.now();
  phases = await load(db);
  log(`loaded in ${since(t)} s: ${Object.entries(phases).map(([k, v]) => `${k} ${v} s`).join(', ')}`);
}
const rows = await counts(db);
log(Object.entries(rows).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', '));

// Who asks: social workers with an account (their own month and day), organization administrators
// (their organization), street officers (their street).
const monthStart = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 8) + '01';
const lastMonthStart = new Date(Date.parse(`${monthStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 8) + '01';
const lastMonthEnd = new Date(Date.parse(`${monthStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
const pick = async (query: RawBuilder<{ username: string; id: string }>) => (await query.execute(db)).rows;
const workers = await pick(sql`select u.username, w.id from social_workers w join users u on u.id = w.user_id where w.status = 'active' order by w.id limit 200`);
const admins = await pick(sql`
  select u.username, r.scope_id as id from role_assignments r join users u on u.id = r.user_id
  where r.role = 'org_admin' and exists (select 1 from social_workers w where w.employer_organization_id = r.scope_id) order by u.username limit 100`);
const streets = await pick(sql`select u.username, r.scope_id as id from role_assignments r join users u on u.id = r.user_id where r.role = 'street_officer' order by u.username limit 36`);
log(`${workers.length} workers, ${admins.length} organization administrators, ${streets.length} street officers ask`);

const port = 3900 + (process.pid % 90);
const base = `http://127.0.0.1:${port}`;
const server = await startServer(url, port, log);
const results: (Figures & { endpoint: string; concurrency: number })[] = [];
try {
  const signed = await sessions(base, [...workers, ...admins, ...streets].map((x) => x.username));
  const at = <T extends { username: string; id: string }>(list: T[], i: number) => list[i % list.length]!;
  const scenarios: [string, (i: number) => { path: string; headers: Record<string, string> }][] = [
    ['GET /work-summary (a worker\'s last month)', (i) => ({ path: `/api/v1/work-summary?from=${lastMonthStart}&to=${lastMonthEnd}`, headers: signed.get(at(workers, i).username)! })],
    ['GET /work-days/:day (a worker\'s yesterday)', (i) => ({ path: `/api/v1/work-days/${yesterday}`, headers: signed.get(at(workers, i).username)! })],
    ['GET /workforce-view (an organization, last month)', (i) => ({ path: `/api/v1/workforce-view?unit=organization&id=${at(admins, i).id}&from=${lastMonthStart}&to=${lastMonthEnd}`, headers: signed.get(at(admins, i).username)! })],
    ['GET /workforce-view (a street, last month)', (i) => ({ path: `/api/v1/workforce-view?unit=street&id=${at(streets, i).id}&from=${lastMonthStart}&to=${lastMonthEnd}`, headers: signed.get(at(streets, i).username)! })],
    ['GET /admin-load (a street, last month)', (i) => ({ path: `/api/v1/admin-load?streetId=${at(streets, i).id}&from=${lastMonthStart}&to=${lastMonthEnd}`, headers: signed.get(at(streets, i).username)! })],
  ];
  for (const [endpoint, request] of scenarios) {
    const figures = (await runClients(CONCURRENCY, (client, i): Call => ({ kind: endpoint, base, method: 'GET', expect: 200, ...request(client * 7919 + i * 13) }), SECONDS, WARMUP)).all;
    results.push({ endpoint, concurrency: CONCURRENCY, ...figures });
    log(`${endpoint}: ${figures.perSecond.toFixed(1)} req/s, p50 ${figures.p50.toFixed(0)} ms, p99 ${figures.p99.toFixed(0)} ms, errors ${figures.errors}`);
  }
} finally {
  closeClients();
  await stopServer(server);
}
const version = (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]!.v;
await database.close();
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', 'workforce.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, load: os.loadavg()[0], postgres: version, node: process.version }, rows, phases, options: { WORKERS, YEARS, CASES, CONCURRENCY, SECONDS, WARMUP }, results }, null, 2) + '\n');
console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
