#!/usr/bin/env node
// `npm test`: type check, the Vitest suite on the embedded database, the same suite on
// PostgreSQL when TEST_DATABASE_URL is set, then the browser tests. Stops at the first
// failing step and ends with one line "N passed, N failed" summed over the test runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-test-'));
const totals = { passed: 0, failed: 0 };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function banner(text) {
  console.log(`\n=== ${text} ===\n`);
}

/** Runs a command with inherited output; with `capture`, a copy of stdout is kept for parsing. */
function run(cmd, args, { env = process.env, capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['inherit', capture ? 'pipe' : 'inherit', 'inherit'] });
    let out = '';
    if (capture) {
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        out += chunk.toString();
      });
    }
    child.on('error', (err) => {
      console.error(`${cmd}: ${err.message}`);
      resolve({ code: 1, out });
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out }));
  });
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** Counts from Vitest's summary line ("Tests  2 failed | 40 passed (42)"). */
function parseSummary(text) {
  const line = stripAnsi(text)
    .split('\n')
    .filter((l) => /^\s*Tests\s+\d/.test(l))
    .at(-1);
  if (!line) return null;
  const num = (word) => Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
  return { passed: num('passed'), failed: num('failed') };
}

function finish(extraMessage) {
  if (extraMessage) console.log(extraMessage);
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(totals.failed > 0 ? 1 : 0);
}

/** A step that is not a test run (type check) counts as one failure when it fails. */
function stepFailed(what) {
  totals.failed += 1;
  finish(`\n${what} failed; later steps were not run.`);
}

async function vitest(label, env) {
  banner(`Vitest on ${label}`);
  const report = path.join(tmp, `vitest-${label.replace(/\W+/g, '-')}.json`);
  const { code, out } = await run(
    npx,
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { env, capture: true },
  );
  let counts = null;
  try {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    counts = { passed: json.numPassedTests, failed: json.numFailedTests };
  } catch {
    counts = parseSummary(out);
  }
  counts ??= { passed: 0, failed: 0 };
  // A run can fail without a failing test (a file that does not load, an unhandled error).
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  if (code !== 0) finish(`\nVitest on ${label} failed; later steps were not run.`);
}

banner('Type check (tsc)');
if ((await run(npx, ['tsc', '-p', '.'])).code !== 0) stepFailed('Type check');

// testing.ts picks PostgreSQL whenever TEST_DATABASE_URL is set, so the embedded pass must not see it.
const { TEST_DATABASE_URL, ...withoutServer } = process.env;
await vitest('PGlite', withoutServer);

if (TEST_DATABASE_URL) {
  await vitest('PostgreSQL', { ...process.env, TEST_DATABASE_URL });
} else {
  console.log('\nPostgreSQL tests were NOT run: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres; each test file creates and drops its own database).');
}

if (fs.existsSync(path.join(root, 'e2e', 'run.mjs'))) {
  banner('Browser tests (e2e/run.mjs)');
  const { code, out } = await run(process.execPath, ['e2e/run.mjs'], { capture: true });
  const counts = parseSummary(out) ?? { passed: 0, failed: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  if (code !== 0) finish('\nBrowser tests failed.');
} else {
  console.log('\nBrowser tests were NOT run: e2e/run.mjs does not exist.');
}

finish();
