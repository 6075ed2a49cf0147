import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { closeClients, runClients, runQueue, signIn, type Call, type Figures } from './load-clients.ts';
import { benchPiiKey, BENCH_PASSWORD } from './prepare.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reads the bench_* tables of the projects phase
type AnyDb = Kysely<any>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ProjectFigures extends Figures {
  endpoint: string;
  concurrency: number;
}

export interface ProjectMeasureOptions {
  url: string;
  concurrencies: number[];
  /** Closed-loop reads: measured and unmeasured seconds per endpoint and concurrency. */
  seconds: number;
  warmup: number;
  /** Sign-ins per kind and concurrency (each a new one), after `signInWarmup` unmeasured. */
  signIns: number;
  signInWarmup: number;
  log: (msg: string) => void;
}

export async function startServer(url: string, port: number, log: (msg: string) => void): Promise<ChildProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-bench-projects-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: url, PII_KEY: benchPiiKey().toString('base64'), SEED_DEMO: 'false', DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app ended (${child.exitCode}): ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the app did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`app listening on port ${port} (its own process, pool of 10)`);
  return child;
}

export async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const ended = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await ended;
}

/** Signs users in one after another (the per-address sign-in limit counts attempts in flight). */
export async function sessions(base: string, usernames: string[]): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  for (const u of new Set(usernames)) out.set(u, await signIn(base, u, BENCH_PASSWORD));
  return out;
}

/**
 * Today's sessions to sign in at: one more session, running now, of every activity of the
 * projects in delivery in the four streets with most of them. A third are for the staff at the
 * door, with the activity's regulars registered; the others for residents with an account in the
 * street, each household registered with all its members for a fifth of them.
 */
async function prepareDoor(db: AnyDb): Promise<{ staff: number; resident: number }> {
  await sql`drop table if exists bench_door`.execute(db);
  await sql`
    create table bench_door as
    with st as (
      select a.street_id from activities a join projects p on p.district_id = a.district_id and p.id = a.project_id
      where p.status in ('in_delivery', 'midterm') and a.status = 'published' group by a.street_id order by count(*) desc, a.street_id limit 4
    ), act as (
      select a.district_id, a.id as activity_id, a.street_id, a.capacity, row_number() over (partition by a.street_id order by a.id) as di
      from activities a join projects p on p.district_id = a.district_id and p.id = a.project_id
      where a.street_id in (select street_id from st) and p.status in ('in_delivery', 'midterm') and a.status = 'published'
    )
    select act.*, bench_uuid_at('door', row_number() over (order by act.activity_id), now()) as session_id,
      (select max(s.seq) from activity_sessions s where s.district_id = act.district_id and s.activity_id = act.activity_id) as last_seq,
      lpad((abs(hashtext(act.activity_id::text || now()::text)) % 1000000)::text, 6, '0') as code,
      case when act.di % 3 = 0 then 'staff' else 'resident' end as kind
    from act`.execute(db);
  await sql`
    insert into activity_sessions (district_id, id, activity_id, seq, starts_at, ends_at, checkin_code)
    select district_id, session_id, activity_id, coalesce(last_seq, 0) + 1, now() - interval '15 minutes', now() + interval '4 hours', code from bench_door`.execute(db);
  // The staff's doors: the activity's regulars (bench/projects.ts), as many as it has places.
  await sql`
    insert into activity_registrations (district_id, session_id, resident_id, household_id, registered_by, registered_at)
    select d.district_id, d.session_id, bench_uuid('r', h.h * 8 + 1), bench_uuid('h', h.h), a.staff_user, now() - interval '1 day'
    from bench_door d join bench_pact a on a.district_id = d.district_id and a.id = d.activity_id, generate_series(0, d.capacity - 1) k,
    lateral (select a.first_household + (a.p0 + k) % a.households as h) h
    where d.kind = 'staff'`.execute(db);
  // The residents' doors: 40 households with an account in each street (bench/resident-accounts.ts).
  await sql`
    insert into activity_registrations (district_id, session_id, resident_id, household_id, registered_by, registered_at)
    select d.district_id, d.session_id, r.id, h.id, md5('bench-ur' || h.id::text)::uuid, now() - interval '1 day'
    from bench_door d
    join lateral (select h.id, h.district_id, row_number() over (order by md5(h.id::text)) as ai from households h
                  where h.district_id = d.district_id and h.street_id = d.street_id and abs(hashtext(h.id::text)) % 100 < 8
                  order by md5(h.id::text) limit 40) h on (h.ai + d.di) % 5 = 0
    join residents r on r.district_id = h.district_id and r.household_id = h.id
    where d.kind = 'resident'`.execute(db);
  await sql`analyze activity_sessions, activity_registrations`.execute(db);
  const n = (await sql<{ kind: string; n: number }>`
    select d.kind, count(*)::int as n from bench_door d join activity_registrations r on r.district_id = d.district_id and r.session_id = d.session_id group by d.kind`.execute(db)).rows;
  return { staff: n.find((x) => x.kind === 'staff')?.n ?? 0, resident: n.find((x) => x.kind === 'resident')?.n ?? 0 };
}

async function removeDoor(db: AnyDb) {
  const inDoor = sql`(district_id, session_id) in (select district_id, session_id from bench_door)`;
  await sql`delete from activity_feedback where ${inDoor}`.execute(db);
  await sql`delete from activity_attendance where ${inDoor}`.execute(db);
  await sql`delete from activity_registrations where ${inDoor}`.execute(db);
  await sql`delete from activity_sessions where (district_id, id) in (select district_id, session_id from bench_door)`.execute(db);
  await sql`drop table bench_door`.execute(db);
}

/**
 * The projects benchmark over HTTP: the app in its own process, closed-loop keep-alive clients
 * reading the project page, its delivery card, a call's ranking and an organization's track
 * record, then signing residents in at today's sessions (staff at the door, residents with the
 * code), each sign-in a new one.
 */
export async function measureProjects(db: AnyDb, o: ProjectMeasureOptions): Promise<{ results: ProjectFigures[]; targets: Record<string, number> }> {
  const port = 3121;
  const base = `http://127.0.0.1:${port}`;
  const child = await startServer(o.url, port, o.log);
  const results: ProjectFigures[] = [];
  try {
    // Who reads what: the street office of the project's street (the district office for a
    // district call's ranking), and the organizations that won the most projects.
    const projects = (await sql<{ id: string; user: string }>`
      select j.id, 'bench_pso_' || j.si as user from bench_pj j order by md5(j.pi::text) limit 400`.execute(db)).rows;
    const delivered = (await sql<{ id: string; user: string }>`
      select j.id, 'bench_pso_' || j.si as user from bench_pj j where j.stage >= 8 order by md5(j.pi::text) limit 400`.execute(db)).rows;
    const calls = (await sql<{ id: string; user: string; applications: number }>`
      select k.id, case when k.level = 'street' then 'bench_pso_' || k.si else 'bench_pdo_' || k.district_idx end as user,
             (select count(*)::int from applications a where a.district_id = k.district_id and a.call_id = k.id and a.status = 'submitted') as applications
      from bench_pcall k where k.status in ('ranked', 'publicity', 'concluded') order by md5(k.cn::text)`.execute(db)).rows;
    const orgs = (await sql<{ id: string; won: number }>`
      select contractor_organization_id as id, count(*)::int as won from projects where contractor_organization_id is not null
      group by 1 order by count(*) desc, 1 limit 40`.execute(db)).rows;
    const readers = await sessions(base, [...projects, ...delivered, ...calls].map((x) => x.user));
    o.log(`${readers.size} officers signed in; ${calls.length} ranked calls (${Math.round(calls.reduce((s, c) => s + c.applications, 0) / Math.max(1, calls.length))} applications on average), organizations with ${orgs[0]?.won ?? 0}…${orgs.at(-1)?.won ?? 0} projects`);
    const anyone = [...readers.values()];
    const reads: [string, (i: number) => { path: string; headers: Record<string, string> }][] = [
      ['GET /projects/:id', (i) => ({ path: `/api/v1/projects/${projects[i % projects.length]!.id}`, headers: readers.get(projects[i % projects.length]!.user)! })],
      ['GET /projects/:id/delivery', (i) => ({ path: `/api/v1/projects/${delivered[i % delivered.length]!.id}/delivery`, headers: readers.get(delivered[i % delivered.length]!.user)! })],
      ['GET /calls/:id/ranking', (i) => ({ path: `/api/v1/calls/${calls[i % calls.length]!.id}/ranking`, headers: readers.get(calls[i % calls.length]!.user)! })],
      ['GET /organizations/:id/track-record', (i) => ({ path: `/api/v1/organizations/${orgs[i % orgs.length]!.id}/track-record`, headers: anyone[i % anyone.length]! })],
    ];
    for (const [endpoint, pick] of reads) {
      for (const c of o.concurrencies) {
        o.log(`${endpoint} with ${c} clients`);
        const r = await runClients(c, (client, i): Call => ({ kind: endpoint, base, method: 'GET', expect: 200, ...pick(client * 7919 + i * 13) }), o.seconds, o.warmup);
        results.push({ endpoint, concurrency: c, ...r.all });
        o.log(`  ${r.all.perSecond} req/s, p50 ${r.all.p50} ms, p99 ${r.all.p99} ms, ${r.all.errors} errors${r.all.firstError ? ` (${r.all.firstError})` : ''}`);
      }
    }

    const door = await prepareDoor(db);
    const staffPairs = (await sql<{ session_id: string; resident_id: string; user: string }>`
      select d.session_id, r.resident_id, u.username as user
      from bench_door d join activity_registrations r on r.district_id = d.district_id and r.session_id = d.session_id
      join bench_pact a on a.district_id = d.district_id and a.id = d.activity_id join users u on u.id = a.staff_user
      where d.kind = 'staff'
      order by row_number() over (partition by d.session_id order by r.resident_id), d.session_id`.execute(db)).rows;
    const residentPairs = (await sql<{ session_id: string; resident_id: string; code: string; user: string }>`
      select d.session_id, r.resident_id, d.code, 'bench_r_' || replace(r.household_id::text, '-', '') as user
      from bench_door d join activity_registrations r on r.district_id = d.district_id and r.session_id = d.session_id
      where d.kind = 'resident'
      order by row_number() over (partition by d.session_id order by r.resident_id), d.session_id`.execute(db)).rows;
    o.log(`today's sessions: ${door.staff} registrations to sign at the door, ${door.resident} for residents with the code`);
    const staff = await sessions(base, staffPairs.map((p) => p.user));
    const residents = await sessions(base, residentPairs.map((p) => p.user));
    o.log(`${staff.size} staff and ${residents.size} resident accounts signed in`);
    const writes: [string, Call[]][] = [
      ['POST /activity-sessions/:id/attendance (staff)', staffPairs.map((p) => ({
        kind: 'staff sign-in', base, method: 'POST', path: `/api/v1/activity-sessions/${p.session_id}/attendance`, headers: staff.get(p.user)!,
        body: JSON.stringify({ residentId: p.resident_id }), expect: 201,
      }))],
      ['POST /activity-sessions/:id/check-in (resident)', residentPairs.map((p) => ({
        kind: 'resident check-in', base, method: 'POST', path: `/api/v1/activity-sessions/${p.session_id}/check-in`, headers: residents.get(p.user)!,
        body: JSON.stringify({ residentId: p.resident_id, code: p.code }), expect: 201,
      }))],
    ];
    for (const [endpoint, calls] of writes) {
      // Each concurrency signs its own share; a smaller city has fewer to sign than asked.
      const share = Math.floor(calls.length / o.concurrencies.length);
      const warmup = Math.min(o.signInWarmup, Math.floor(share / 10));
      const measured = Math.min(o.signIns, share - warmup);
      for (const [k, c] of o.concurrencies.entries()) {
        const slice = calls.slice(k * share, k * share + warmup + measured);
        o.log(`${endpoint} with ${c} clients: ${measured} sign-ins after ${warmup}`);
        const r = await runQueue(c, slice, warmup);
        results.push({ endpoint, concurrency: c, ...r });
        o.log(`  ${r.perSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} errors${r.firstError ? ` (${r.firstError})` : ''}`);
      }
    }
    await removeDoor(db);
    return {
      results,
      targets: { projects: projects.length, delivered: delivered.length, rankedCalls: calls.length, organizations: orgs.length, doorRegistrationsStaff: door.staff, doorRegistrationsResident: door.resident },
    };
  } finally {
    closeClients();
    await stopServer(child);
  }
}
