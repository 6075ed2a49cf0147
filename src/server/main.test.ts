import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../seed/demo-accounts.ts';
import type { OpenApiDocument, Page } from './testing.ts';
import type { CommunityView, GridView } from './modules/territory/structure.schemas.ts';

// The real start-up path: `tsx src/server/main.ts` on an embedded data folder of its own.
const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-main-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  base: string;
}

/** Servers of this file still running: a failed test must not leave one behind on the data folder. */
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Start-up migrates and seeds the whole demo into the embedded database: about 30 s of
 * processor time, which a busy machine stretches to minutes of wall time. So the server is held
 * to the work it does, not to the clock: waiting on it fails when it uses more than its budget
 * of processor time (it does too much) or uses none for STALL_MS (it hangs). Without /proc the
 * wall clock stands in for processor time, with the same budget.
 */
const STALL_MS = 60_000;

/** Processor seconds (user + system) the process has used, from /proc; null where there is none. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name: the state is field 3; utime and stime are fields 14 and 15, in 1/100 s.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Polls `ready` until it holds, while the server works within `budgetSeconds` of processor time. */
async function untilReady(child: ChildProcess, what: string, budgetSeconds: number, ready: () => boolean, output: () => string) {
  const started = Date.now();
  const cpuAtStart = cpuSeconds(child.pid!);
  let cpu = cpuAtStart ?? 0;
  let progressAt = started;
  while (!ready()) {
    const now = Date.now();
    const used = cpuSeconds(child.pid!);
    if (used !== null && used > cpu) [cpu, progressAt] = [used, now];
    const spent = cpuAtStart === null ? (now - started) / 1000 : cpu - cpuAtStart;
    if (spent > budgetSeconds) throw new Error(`${what}: more than ${budgetSeconds} s of processor time: ${output()}`);
    if (cpuAtStart !== null && now - progressAt > STALL_MS) throw new Error(`${what}: no progress for ${STALL_MS / 1000} s: ${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function start(): Promise<Running> {
  const port = await freePort();
  // LOG_LEVEL as a newcomer has it: unset.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  delete env.LOG_LEVEL;
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: root, env });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  const output = () => out;
  await untilReady(child, 'start-up', 120, () => {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    return out.includes('Sanshe is running at');
  }, output);
  return { child, output, base: `http://127.0.0.1:${port}` };
}

async function stop(r: Running, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => r.child.once('exit', (code) => resolve(code)));
  r.child.kill(signal);
  await untilReady(r.child, `stopping on ${signal}`, 30, () => r.child.exitCode !== null || r.child.signalCode !== null, r.output);
  return exited;
}

async function households(base: string): Promise<number> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'zhou', password: DEMO_ACCOUNTS[0]!.password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const communities = (await (await fetch(`${base}/api/v1/communities`, { headers: { cookie } })).json()) as Page<CommunityView>;
  const j = communities.items.find((c) => c.name === 'J社区')!;
  const grid = (await (await fetch(`${base}/api/v1/grids?communityId=${j.id}`, { headers: { cookie } })).json()) as Page<GridView>;
  return grid.items.reduce((n, g) => n + g.householdCount, 0);
}

// The waits on the server bound themselves (processor budget and stalls above, fetch's own
// time-outs): the test's time limit only stops a test that waits on something else by mistake.
const BACKSTOP_MS = 15 * 60_000;

describe('start-up and shutdown', () => {
  let firstCount = 0;

  it('migrates, seeds the demo into the empty folder, prints the logins, and stops on SIGTERM', async () => {
    const r = await start();
    // A person watching the console sees the demo load table by table, then the logins.
    expect(r.output()).toMatch(/loading demo: households \d{1,3}(,\d{3})*\/\d{1,3}(,\d{3})*\n/);
    expect(r.output()).toMatch(/loading demo: residents [\d,]+\/[\d,]+\n/);
    expect(r.output()).toMatch(/Demo community loaded in \d+ s\n/);
    for (const a of DEMO_ACCOUNTS) expect(r.output()).toContain(`${a.role}: ${a.username} / ${a.password}`);
    const health: unknown = await (await fetch(`${r.base}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
    const openapi = (await (await fetch(`${r.base}/api/openapi.json`)).json()) as OpenApiDocument;
    expect(openapi.paths['/api/v1/residents']).toBeDefined();
    expect((await fetch(`${r.base}/api/docs`)).status).toBe(200);
    firstCount = await households(r.base);
    expect(firstCount).toBeGreaterThan(1000);
    // Requests are not logged by default: the logins printed above stay on screen.
    expect(r.output()).not.toContain('incoming request');
    expect(r.output()).not.toContain('request completed');
    expect(await stop(r, 'SIGTERM')).toBe(0);
  }, BACKSTOP_MS);

  it('starts again on the same folder without seeding twice, and stops on SIGINT', async () => {
    const r = await start();
    expect(r.output()).not.toContain('loading demo');
    expect(await households(r.base)).toBe(firstCount);
    expect(await stop(r, 'SIGINT')).toBe(0);
  }, BACKSTOP_MS);
});
