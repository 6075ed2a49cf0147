#!/usr/bin/env node
// `npm test`: type check, lint, the Vitest suite on the embedded database, the same suite on
// PostgreSQL when TEST_DATABASE_URL is set, then the browser tests. Stops at the first
// failing step and ends with one line "N passed, N failed" summed over the test runs.
// A skipped, todo or focused test fails the run; with CI set, so does a pass that did not run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countsOf, isCi, missingPasses } from './test-summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-test-'));
const totals = { passed: 0, failed: 0 };
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const ci = isCi(process.env);

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

// eslint-disable-next-line no-control-regex -- matches the terminal's colour escapes
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

/** Runs Vitest (directly or through e2e/run.mjs, which passes the arguments on) with a JSON report. */
async function vitest(label, cmd, args, env = process.env) {
  banner(label);
  const report = path.join(tmp, `vitest-${label.replace(/\W+/g, '-')}.json`);
  const { code, out } = await run(cmd, [...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { env, capture: true });
  let counts;
  try {
    counts = countsOf(JSON.parse(fs.readFileSync(report, 'utf8')));
  } catch {
    counts = { ...(parseSummary(out) ?? { passed: 0, failed: 0 }), notRun: [] };
  }
  // A run can fail without a failing test (a file that does not load, an unhandled error, a
  // focused test that allowOnly: false refuses).
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  if (counts.notRun.length > 0) console.log(`\n${counts.notRun.length} test(s) did not run (skipped or todo), which fails the run:\n  ${counts.notRun.join('\n  ')}`);
  totals.passed += counts.passed;
  totals.failed += counts.failed + counts.notRun.length;
  if (code !== 0 || counts.notRun.length > 0) finish(`\n${label} failed; later steps were not run.`);
  return counts.passed;
}

/** On CI, a required pass that ran no test fails the run like a failing one. */
function requireTests(label, passed) {
  const [problem] = ci ? missingPasses([{ label, ran: true, passed }]) : [];
  if (problem) {
    totals.failed += 1;
    finish(`\n${problem}`);
  }
}

const { TEST_DATABASE_URL, ...withoutServer } = process.env;
const VITEST_PG = 'Vitest on PostgreSQL';
const BROWSER = 'Browser tests (e2e/run.mjs)';
const hasBrowserTests = fs.existsSync(path.join(root, 'e2e', 'run.mjs'));
if (ci) {
  // Said before the long steps rather than after them.
  const absent = missingPasses([
    { label: VITEST_PG, ran: Boolean(TEST_DATABASE_URL) },
    { label: BROWSER, ran: hasBrowserTests },
  ]);
  if (absent.length > 0) {
    totals.failed += absent.length;
    finish(`\n${absent.join('\n')}\nCI runs both: set TEST_DATABASE_URL to a PostgreSQL server (.ci/run starts one) and keep e2e/run.mjs.`);
  }
}

banner('Type check (tsc)');
if ((await run(npx, ['tsc', '-p', '.'])).code !== 0) stepFailed('Type check');

banner('Lint (eslint)');
if ((await run(npx, ['eslint', '--max-warnings', '0', '.'])).code !== 0) stepFailed('Lint');

// testing.ts picks PostgreSQL whenever TEST_DATABASE_URL is set, so the embedded pass must not see it.
await vitest('Vitest on PGlite', npx, ['vitest', 'run'], withoutServer);

if (TEST_DATABASE_URL) {
  requireTests(VITEST_PG, await vitest(VITEST_PG, npx, ['vitest', 'run'], { ...process.env, TEST_DATABASE_URL }));
} else {
  console.log('\nPostgreSQL tests were NOT run: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres; each test file creates and drops its own database).');
}

if (hasBrowserTests) {
  requireTests(BROWSER, await vitest(BROWSER, process.execPath, ['e2e/run.mjs']));
} else {
  console.log('\nBrowser tests were NOT run: e2e/run.mjs does not exist.');
}

finish();
