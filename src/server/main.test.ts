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

async function start(): Promise<Running> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: root, env });
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  const deadline = Date.now() + 90_000;
  while (!out.includes('Sanshe is running at')) {
    if (child.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => out, base: `http://127.0.0.1:${port}` };
}

function stop(r: Running, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    r.child.once('exit', (code) => resolve(code));
    r.child.kill(signal);
  });
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

describe('start-up and shutdown', () => {
  let firstCount = 0;

  it('migrates, seeds the demo into the empty folder, prints the logins, and stops on SIGTERM', async () => {
    const r = await start();
    for (const a of DEMO_ACCOUNTS) expect(r.output()).toContain(`${a.role}: ${a.username} / ${a.password}`);
    const health: unknown = await (await fetch(`${r.base}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
    const openapi = (await (await fetch(`${r.base}/api/openapi.json`)).json()) as OpenApiDocument;
    expect(openapi.paths['/api/v1/residents']).toBeDefined();
    expect((await fetch(`${r.base}/api/docs`)).status).toBe(200);
    firstCount = await households(r.base);
    expect(firstCount).toBeGreaterThan(1000);
    expect(await stop(r, 'SIGTERM')).toBe(0);
  }, 180_000);

  it('starts again on the same folder without seeding twice, and stops on SIGINT', async () => {
    const r = await start();
    expect(await households(r.base)).toBe(firstCount);
    expect(await stop(r, 'SIGINT')).toBe(0);
  }, 180_000);
});
