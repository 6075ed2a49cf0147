#!/usr/bin/env node
// Browser tests: builds the web app when needed, starts the real server on a free port with
// a fresh embedded database (demo seeded), runs e2e/**/*.e2e.ts with Vitest, stops the server.
// Arguments are passed on to Vitest (`npm test` adds its reporters).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfStale } from '../scripts/web-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const artifacts = path.join(root, 'e2e', 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });

function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited with code ${server.exitCode} (see e2e/artifacts/server.log)`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

// 1. Build the web app when dist/web is missing or older than its sources.
const built = await buildWebIfStale('e2e');
if (built !== 0) process.exit(built);

// 2. Each group of files gets the real server on a fresh embedded database (demo seeded).
// The demo's largest community has about 90 open needs, under the real limit (MAP_POINTS_MAX, 300);
// a limit of 40 makes its board map answer per-grid counts while each grid still shows points.
// Imports of more than 40 rows run as jobs in batches, so a register of a few dozen shows one.
// A round's deadline and publicity may be ended on purpose (one call at a time) by a test that walks it.
async function withServer(label, runTests) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'warn', MAP_POINTS_MAX: '40', IMPORT_BATCH_ROWS: '40', TEST_TIME_CONTROLS: 'true' };
  delete serverEnv.DATABASE_URL;
  delete serverEnv.PII_KEY;
  const logFile = path.join(artifacts, `server${label}.log`);
  const log = fs.openSync(logFile, 'w');
  const server = spawn(npx, ['tsx', 'src/server/main.ts'], { cwd: root, env: serverEnv, stdio: ['ignore', log, log], detached: true });
  let stopped = false;
  async function stopServer() {
    if (stopped) return;
    stopped = true;
    if (server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 10_000;
      while (server.exitCode === null && server.signalCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (server.exitCode === null && server.signalCode === null) {
        try {
          process.kill(-server.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  stopAll.push(stopServer);
  let code;
  try {
    console.log(`e2e: starting the server at ${baseUrl} (embedded database, demo data)`);
    const started = Date.now();
    await waitForHealth(baseUrl, server, 300_000);
    console.log(`e2e: server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    code = await runTests(baseUrl);
  } catch (err) {
    console.error(`e2e: ${err.message}`);
    code = 1;
  } finally {
    await stopServer();
  }
  if (code !== 0) {
    // The server's warnings and errors explain many a browser failure; CI keeps only this output.
    const lines = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n');
    console.error(`e2e: the server's last ${Math.min(lines.length, 80)} log lines:\n${lines.slice(-80).join('\n')}`);
  }
  return code;
}

const stopAll = [];
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => void Promise.all(stopAll.map((stop) => stop())).then(() => process.exit(130)));
}

// 3. Run the browser tests, one file at a time. The files share one server, except those that
// walk whole rounds of the demo and change its shared accounts (a reviewer seated on a district
// panel): they get a server of their own, so no other file's expectations depend on the order.
const OWN_SERVER = ['e2e/stories-linkage.e2e.ts'];
const args = process.argv.slice(2);
const files = args.filter((a) => a.endsWith('.e2e.ts'));
const options = args.filter((a) => !a.endsWith('.e2e.ts'));
const own = (f) => OWN_SERVER.includes(path.relative(root, path.resolve(root, f)));
const runs = files.length
  ? [files.filter((f) => !own(f)), files.filter(own)].filter((g) => g.length)
  : [OWN_SERVER.flatMap((f) => ['--exclude', f]), OWN_SERVER];
// `npm test` reads one JSON report: each later run writes beside it and is merged into it.
const report = options.find((o) => o.startsWith('--outputFile.json='))?.slice('--outputFile.json='.length);
let code = 0;
for (const [i, selection] of runs.entries()) {
  const opts = i > 0 && report ? options.map((o) => (o.startsWith('--outputFile.json=') ? `--outputFile.json=${report}.${i}` : o)) : options;
  const result = await withServer(i === 0 ? '' : `-${i}`, (baseUrl) => run(npx, ['vitest', 'run', '--config', 'e2e/vitest.config.ts', ...selection, ...opts], { ...process.env, E2E_BASE_URL: baseUrl }));
  if (i > 0 && report) mergeReport(report, `${report}.${i}`);
  code ||= result;
}
process.exit(code);

/** Adds a later run's JSON report (Vitest's Jest-like format) into the first one. */
function mergeReport(into, from) {
  if (!fs.existsSync(from)) return;
  if (!fs.existsSync(into)) return fs.renameSync(from, into);
  const [a, b] = [into, from].map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  for (const [k, v] of Object.entries(b)) if (k.startsWith('num') && typeof v === 'number') a[k] = (a[k] ?? 0) + v;
  a.testResults = [...(a.testResults ?? []), ...(b.testResults ?? [])];
  a.success = Boolean(a.success && b.success);
  fs.writeFileSync(into, JSON.stringify(a));
  fs.rmSync(from);
}
