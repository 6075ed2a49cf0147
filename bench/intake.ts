import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/server/tables.ts';
import { BENCH_PASSWORD } from './prepare.ts';

export interface IntakeResult {
  route: string;
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  mean: number;
}

interface Reporter {
  username: string;
  districtId: string;
  households: string[];
  categories: string[];
}

interface Session extends Reporter {
  cookie: string;
  csrf: string;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * Reporters spread over the city: the grid workers of one grid and the community workers of one
 * community in each district, with households of their scope and their district's categories.
 * Spread, because reference numbers count per district (one counter row per district and year).
 */
export async function intakeReporters(db: Kysely<DB>, perKind: number, avoidStreetId: string): Promise<{ staff: Reporter[]; gridWorkers: Reporter[] }> {
  const pick = async (kind: 'gw' | 'cw') => {
    // Not in the street whose board is measured: its needs stay those of the generated history.
    const rows = await sql<{ username: string; district_id: string; scope_id: string }>`
      select u.username, ra.scope_district_id as district_id, ra.scope_id
      from (select ra.*, row_number() over (partition by ra.scope_district_id order by ra.scope_id) as k
            from role_assignments ra join users u on u.id = ra.user_id
            where u.username like ${`bench\\_${kind}\\_%`}
              and not exists (select 1 from grids g where g.id = ra.scope_id and g.street_id = ${avoidStreetId})
              and not exists (select 1 from communities c where c.id = ra.scope_id and c.street_id = ${avoidStreetId})) ra
      join users u on u.id = ra.user_id
      where ra.k <= ${Math.ceil(perKind / 12)} order by ra.k, ra.scope_district_id limit ${perKind}`.execute(db);
    const out: Reporter[] = [];
    for (const r of rows.rows) {
      const column = kind === 'gw' ? 'grid_id' : 'community_id';
      const households = await db
        .selectFrom('households')
        .select('id')
        .where('district_id', '=', r.district_id)
        .where(column, '=', r.scope_id)
        .limit(40)
        .execute();
      const categories = await db.selectFrom('need_categories').select('id').where('district_id', '=', r.district_id).where('active', '=', true).execute();
      out.push({ username: r.username, districtId: r.district_id, households: households.map((h) => h.id), categories: categories.map((c) => c.id) });
    }
    return out;
  };
  return { staff: await pick('cw'), gridWorkers: await pick('gw') };
}

async function signIn(base: string, r: Reporter): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: r.username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench login ${r.username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sanshe_session='));
  const body = (await res.json()) as { csrfToken: string };
  return { ...r, cookie: cookie!, csrf: body.csrfToken };
}

/** Marks the needs the intake measurement writes, so that they can be removed afterwards. */
const MARK = '（压测 ';

/**
 * Removes what the intake measurement added (its needs with their timeline and notifications,
 * and its visits), so that a later `--reuse` run measures the generated history again. Audit
 * rows and webhook events of those requests stay; reference numbers are not given back.
 */
export async function removeIntakeRows(db: Kysely<DB>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`create temp table bench_intake_gone on commit drop as
      select district_id, id, visit_id from needs where description like ${`%${MARK}%`}`.execute(trx);
    for (const table of ['need_events', 'notifications', 'need_followers', 'need_attachments'] as const) {
      await sql`delete from ${sql.table(table)} t using bench_intake_gone g where t.district_id = g.district_id and t.need_id = g.id`.execute(trx);
    }
    const gone = await sql`delete from needs n using bench_intake_gone g where n.district_id = g.district_id and n.id = g.id`.execute(trx);
    await sql`delete from visits v using bench_intake_gone g where v.district_id = g.district_id and v.id = g.visit_id`.execute(trx);
    return Number(gone.numAffectedRows ?? 0);
  });
}

const DESCRIPTIONS = ['楼道声控灯不亮，老人晚上上下楼不安全', '独居老人希望社区食堂能送餐上门', '电动车在楼道充电存在火灾隐患', '楼下垃圾桶满溢无人清运', '邻居装修噪音扰民'];

type Body = (s: Session, i: number) => { url: string; body: unknown };

/** A staff member records a need on behalf of a resident who phoned (story 1). */
export const staffNeed: Body = (s, i) => ({
  url: '/api/v1/needs',
  body: {
    source: 'staff',
    intakeChannel: i % 3 === 0 ? 'walk_in' : 'phone',
    categoryId: s.categories[i % s.categories.length],
    householdId: s.households[i % s.households.length],
    description: `${DESCRIPTIONS[i % DESCRIPTIONS.length]}${MARK}${i}）`,
    urgency: i % 10 === 0 ? 'urgent' : 'normal',
  },
});

/** A grid worker records a visit with one need found on it (story 2). */
export const visitWithNeed: Body = (s, i) => ({
  url: '/api/v1/visits',
  body: {
    householdId: s.households[i % s.households.length],
    kind: 'routine',
    visitedAt: new Date(Date.now() - 60_000).toISOString(),
    notes: '入户走访',
    needs: [{ categoryId: s.categories[i % s.categories.length], description: `${DESCRIPTIONS[i % DESCRIPTIONS.length]}${MARK}${i}）` }],
  },
});

/**
 * POSTs from `concurrency` clients at once over HTTP keep-alive to the listening server, the
 * sessions shared round-robin between the clients; `warmup` requests first, unmeasured.
 */
export async function measureIntake(
  app: FastifyInstance,
  route: string,
  reporters: Reporter[],
  make: Body,
  concurrency: number,
  requests: number,
  warmup: number,
  offset: number,
): Promise<IntakeResult> {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the bench server is not listening');
  const base = `http://127.0.0.1:${address.port}`;
  // One after another: sign-ins in progress count against the address's limit of failures
  // until their password is checked, and all reporters come from this one address.
  const sessions: Session[] = [];
  for (const r of reporters) sessions.push(await signIn(base, r));
  let errors = 0;
  let firstError = '';
  const run = async (count: number, times: number[] | null, start: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, worker) => {
        const s = sessions[worker % sessions.length]!;
        for (let i = next++; i < count; i = next++) {
          const { url, body } = make(s, start + i);
          const started = performance.now();
          const res = await fetch(base + url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
            body: JSON.stringify(body),
          });
          const text = await res.text();
          if (times) times.push(performance.now() - started);
          if (res.status !== 201) {
            errors++;
            firstError ||= `${res.status} ${text.slice(0, 300)}`;
          }
        }
      }),
    );
  };
  await run(warmup, null, offset);
  errors = 0;
  const times: number[] = [];
  const started = performance.now();
  await run(requests, times, offset + warmup);
  const seconds = (performance.now() - started) / 1000;
  if (errors) console.error(`  ${route} c=${concurrency}: ${errors} errors, first: ${firstError}`);
  times.sort((a, b) => a - b);
  return {
    route,
    concurrency,
    requests,
    errors,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round((requests / seconds) * 10) / 10,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
  };
}
