/**
 * The participatory-budgeting benchmark (issue 12): a street of `--households` households (30
 * communities, 10 grids each) votes in one street-wide round of ten candidates. Most ballots are
 * written inside PostgreSQL; `--http-ballots` households with a resident account each cast
 * theirs over real HTTP (the app in its own process, pool of 10) at each `--concurrency`. Then
 * the street's and a community's public notice board are read by concurrent clients while the
 * round is open, the window is closed and the count is timed (approvals, the winners, turnout
 * for every grid), and the board is read again with the results.
 *
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/participation.ts [--households 300000]
 *     [--http-ballots 2000] [--concurrency 16,64] [--seconds 15] [--warmup-seconds 3]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/tables.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { openDatabase } from '../src/server/platform/db/kysely.ts';
import { migrate } from '../src/server/platform/db/migrate.ts';
import { ensureDefaultCategories } from '../src/server/modules/needs/needs.categories.ts';
import { closeClients, runClients, runQueue, signIn, type Call, type Figures } from './load-clients.ts';
import { BENCH_PASSWORD } from './prepare.ts';
import { startServer, stopServer } from './projects-measure.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the load writes many modules' tables in SQL
type AnyDb = Kysely<any>;

const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const HOUSEHOLDS = option('households', 300_000);
const HTTP_BALLOTS = option('http-ballots', 2_000);
const SECONDS = option('seconds', 15);
const WARMUP = option('warmup-seconds', 3);
const concurrencyArg = process.argv.includes('--concurrency') ? process.argv[process.argv.indexOf('--concurrency') + 1]! : '16,64';
const CONCURRENCY = concurrencyArg.split(',').map(Number);
const COMMUNITIES = 30;
const GRIDS_PER_COMMUNITY = 10;
const CANDIDATES = 10;
const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  console.error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL database.');
  process.exit(2);
}
const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
const since = (t: number) => Math.round(performance.now() - t);
const id = (label: string) => sql.raw(`md5('bench-pb-' || ${label})::uuid`);

/** The street, its communities, grids and households, resident accounts, a street officer and the round. */
async function load(db: AnyDb, passwordHash: string) {
  const t = performance.now();
  await sql`delete from budget_turnout where round_id = ${id("'round'")}`.execute(db);
  await sql`delete from budget_ballots where round_id = ${id("'round'")}`.execute(db);
  await sql`delete from budget_candidates where round_id = ${id("'round'")}`.execute(db);
  await sql`delete from budget_rounds where id = ${id("'round'")}`.execute(db);
  const exists = await sql<{ n: string }>`select count(*) as n from households where street_id = ${id("'street'")}`.execute(db);
  if (Number(exists.rows[0]!.n) !== HOUSEHOLDS) {
    await sql`delete from role_assignments where user_id in (select id from users where username like 'bench_pb_%')`.execute(db);
    await sql`delete from sessions where user_id in (select id from users where username like 'bench_pb_%')`.execute(db);
    await sql`delete from households where street_id = ${id("'street'")}`.execute(db);
    await sql`delete from users where username like 'bench_pb_%'`.execute(db);
    await sql`delete from grids where street_id = ${id("'street'")}`.execute(db);
    await sql`delete from communities where street_id = ${id("'street'")}`.execute(db);
    await sql`delete from streets where id = ${id("'street'")}`.execute(db);
    await sql`delete from districts where id = ${id("'district'")}`.execute(db);
    await sql`insert into districts (id, code, name) values (${id("'district'")}, 'BENCH-PB', '参与基准区')`.execute(db);
    await sql`insert into streets (id, district_id, code, name) values (${id("'street'")}, ${id("'district'")}, 'BENCH-PB-S', '参与基准街道')`.execute(db);
    await sql`
      insert into communities (id, district_id, street_id, code, name)
      select ${id("'c' || c")}, ${id("'district'")}, ${id("'street'")}, 'BENCH-PB-C' || c, '第' || c || '社区' from generate_series(1, ${COMMUNITIES}::int) c`.execute(db);
    await sql`
      insert into grids (district_id, id, street_id, community_id, code, name)
      select ${id("'district'")}, ${id("'g' || c || '-' || g")}, ${id("'street'")}, ${id("'c' || c")}, 'BENCH-PB-G' || c || '-' || g, '第' || g || '网格'
      from generate_series(1, ${COMMUNITIES}::int) c, generate_series(1, ${GRIDS_PER_COMMUNITY}::int) g`.execute(db);
    await sql`
      insert into households (district_id, id, street_id, community_id, grid_id, address, address_key)
      select ${id("'district'")}, ${id("'h' || h")}, ${id("'street'")}, ${id("'c' || (1 + h % " + COMMUNITIES + ')')}, ${id("'g' || (1 + h % " + COMMUNITIES + ") || '-' || (1 + (h / " + COMMUNITIES + ') % ' + GRIDS_PER_COMMUNITY + ')')},
        h || '号', 'h' || h
      from generate_series(1, ${HOUSEHOLDS}::int) h`.execute(db);
    await sql`
      insert into users (id, username, display_name, password_hash)
      select ${id("'u' || h")}, 'bench_pb_' || h, '居民', ${passwordHash} from generate_series(1, ${HTTP_BALLOTS}::int) h`.execute(db);
    await sql`
      insert into role_assignments (id, user_id, role, scope_type, scope_id, scope_district_id)
      select ${id("'ra' || h")}, ${id("'u' || h")}, 'resident', 'household', ${id("'h' || h")}, ${id("'district'")} from generate_series(1, ${HTTP_BALLOTS}::int) h`.execute(db);
    await sql`insert into users (id, username, display_name, password_hash) values (${id("'officer'")}, 'bench_pb_officer', '街道干部', ${passwordHash})`.execute(db);
    await sql`insert into role_assignments (id, user_id, role, scope_type, scope_id, scope_district_id) values (${id("'ra-officer'")}, ${id("'officer'")}, 'street_officer', 'street', ${id("'street'")}, ${id("'district'")})`.execute(db);
    await sql`analyze households, grids, users, role_assignments`.execute(db);
  }
  const loadMs = since(t);
  await ensureDefaultCategories({}, db as Kysely<DB>, (await sql<{ id: string }>`select ${id("'district'")} as id`.execute(db)).rows[0]!.id);
  const categoryId = (await sql<{ id: string }>`select id from need_categories where district_id = ${id("'district'")} limit 1`.execute(db)).rows[0]!.id;
  await sql`
    insert into budget_rounds (district_id, id, street_id, community_id, title, total_budget_fen, rule, max_choices, opens_at, closes_at, status, created_by)
    values (${id("'district'")}, ${id("'round'")}, ${id("'street'")}, null, '街道微项目预算', 200000000, 'knapsack', 3, now() - interval '1 hour', now() + interval '6 hours', 'open', ${id("'officer'")})`.execute(db);
  await sql`
    insert into budget_candidates (district_id, id, round_id, title, cost_fen, category_id, community_id, source)
    select ${id("'district'")}, ${id("'cand' || k")}, ${id("'round'")}, '候选项目' || k, (20 + k * 7) * 1000000, ${categoryId}, ${id("'c' || k")}, 'staff' from generate_series(1, ${CANDIDATES}::int) k`.execute(db);
  // Every household without an account votes inside the database: one to three choices, some on paper.
  const t2 = performance.now();
  await sql`
    insert into budget_ballots (district_id, round_id, household_id, community_id, grid_id, candidate_ids, channel, cast_by)
    select h.district_id, ${id("'round'")}, h.id, h.community_id, h.grid_id,
      array(select distinct ${id("'cand' || (1 + (abs(hashtext(h.id::text || k::text)) % " + CANDIDATES + '))')} from generate_series(1, 1 + abs(hashtext(h.id::text)) % 3) k),
      case when abs(hashtext(h.id::text)) % 12 = 0 then 'paper' else 'online' end, ${id("'officer'")}
    from households h
    where h.street_id = ${id("'street'")} and h.id not in (select ${id("'h' || h")} from generate_series(1, ${HTTP_BALLOTS}::int) h)`.execute(db);
  await sql`analyze budget_ballots`.execute(db);
  return { loadMs, ballotsMs: since(t2) };
}

const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
const db = database.db as AnyDb;
await migrate(database.db);
const passwordHash = await hashPassword(BENCH_PASSWORD);
log(`loading a street of ${HOUSEHOLDS.toLocaleString()} households…`);
const loaded = await load(db, passwordHash);
log(`street ready in ${loaded.loadMs} ms; ${HOUSEHOLDS - HTTP_BALLOTS} ballots written in ${loaded.ballotsMs} ms`);

const port = 3900 + (process.pid % 50);
const base = `http://127.0.0.1:${port}`;
const server = await startServer(url, port, log);
const figures: Record<string, Figures | number> = {};
try {
  log(`signing in ${HTTP_BALLOTS} residents…`);
  const residents: Record<string, string>[] = [];
  for (let h = 1; h <= HTTP_BALLOTS; h++) residents.push(await signIn(base, `bench_pb_${h}`, BENCH_PASSWORD));
  const officer = await signIn(base, 'bench_pb_officer', BENCH_PASSWORD);
  const roundId = (await sql<{ id: string }>`select ${id("'round'")} as id`.execute(db)).rows[0]!.id;
  const candidates = (await sql<{ id: string }>`select id from budget_candidates where round_id = ${roundId} order by title`.execute(db)).rows.map((r) => r.id);
  const streetId = (await sql<{ id: string }>`select ${id("'street'")} as id`.execute(db)).rows[0]!.id;
  const communityId = (await sql<{ id: string }>`select ${id("'c1'")} as id`.execute(db)).rows[0]!.id;

  // Ballots over HTTP: each resident once, split between the concurrency levels; a second ballot of the same household is refused.
  let next = 0;
  const share = Math.floor(HTTP_BALLOTS / CONCURRENCY.length);
  for (const c of CONCURRENCY) {
    const calls: Call[] = residents.slice(next, next + share).map((headers, i) => ({
      kind: 'ballot', base, method: 'POST', path: `/api/v1/budget-rounds/${roundId}/ballots`, headers, body: JSON.stringify({ candidateIds: [candidates[i % CANDIDATES], candidates[(i * 3 + 1) % CANDIDATES]].filter((x, k, a) => a.indexOf(x) === k) }), expect: 201,
    }));
    next += share;
    figures[`ballots, ${c} clients`] = await runQueue(c, calls, Math.min(50, Math.floor(calls.length / 10)));
    log(`ballots at ${c} clients: ${JSON.stringify(figures[`ballots, ${c} clients`])}`);
  }
  const again: Call[] = residents.slice(0, 200).map((headers) => ({ kind: 'second ballot', base, method: 'POST', path: `/api/v1/budget-rounds/${roundId}/ballots`, headers, body: JSON.stringify({ candidateIds: [candidates[0]] }), expect: 409 }));
  figures['second ballots refused (409), 16 clients'] = await runQueue(16, again, 20);

  const board = (q: string): Call => ({ kind: 'board', base, method: 'GET', path: `/api/v1/public/board?${q}`, expect: 200 });
  figures['street board while open, 16 clients'] = (await runClients(16, () => board(`streetId=${streetId}`), SECONDS, WARMUP)).all;
  figures['community board while open, 16 clients'] = (await runClients(16, () => board(`communityId=${communityId}`), SECONDS, WARMUP)).all;

  // The window closes; the count runs for the first reader (here the officer asking for it).
  await sql`update budget_rounds set closes_at = now() where id = ${roundId}`.execute(db);
  const t = performance.now();
  const counted = await fetch(`${base}/api/v1/budget-rounds/${roundId}/count`, { method: 'POST', headers: { ...officer, 'content-type': 'application/json' }, body: '{}' });
  figures['count (ms, one request: 300,000 ballots, winners, turnout of 300 grids)'] = since(t);
  if (counted.status !== 200) throw new Error(`count answered ${counted.status} ${await counted.text()}`);
  const result = (await counted.json()) as { turnout: { households: number; online: number; assisted: number; percent: number }; candidates: { votes: number; won: boolean }[] };
  log(`counted: ${JSON.stringify(result.turnout && { ...result.turnout, byGrid: undefined })}; winners ${result.candidates.filter((c) => c.won).length}`);
  await sql`update budget_rounds set status = 'published', published_at = now() where id = ${roundId}`.execute(db);
  figures['street board with results, 16 clients'] = (await runClients(16, () => board(`streetId=${streetId}`), SECONDS, WARMUP)).all;
  figures['community board with results, 16 clients'] = (await runClients(16, () => board(`communityId=${communityId}`), SECONDS, WARMUP)).all;
  figures['round detail with turnout, 16 clients'] = (await runClients(16, () => ({ kind: 'round', base, method: 'GET', path: `/api/v1/budget-rounds/${roundId}`, headers: officer, expect: 200 }), SECONDS, WARMUP)).all;
} finally {
  closeClients();
  await stopServer(server);
  await database.close();
}
const out = { date: new Date().toISOString(), households: HOUSEHOLDS, httpBallots: HTTP_BALLOTS, loadMs: loaded.loadMs, sqlBallotsMs: loaded.ballotsMs, figures };
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'participation.json'), JSON.stringify(out, null, 2));
console.log(JSON.stringify(out, null, 2));
