import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countsOf, isCi, missingPasses } from './test-summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs one fixture file with the project's Vitest settings, as `npm test` runs the suite. */
function runFixture(file) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-fixture-'));
  const report = path.join(dir, 'report.json');
  try {
    const res = spawnSync(
      process.platform === 'win32' ? 'npx.cmd' : 'npx',
      ['vitest', 'run', '--config', 'scripts/fixtures/vitest.config.ts', `scripts/fixtures/${file}`, '--reporter=json', `--outputFile.json=${report}`],
      { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '' } },
    );
    return { code: res.status, counts: countsOf(JSON.parse(fs.readFileSync(report, 'utf8'))) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('npm test refuses tests that did not run', () => {
  it('lists every skipped and todo test, whichever way it was switched off', { timeout: 60_000 }, () => {
    const { counts } = runFixture('skipped.fixture.mjs');
    expect(counts.passed).toBe(1);
    expect(counts.notRun.map((line) => line.replace(/:.*> /, ': '))).toEqual([
      'skipped: is skipped',
      'todo: is still to do',
      'skipped: is skipped by a condition',
      'skipped: a skipped group is skipped with its group',
      'skipped: skips itself at run time',
    ]);
  });

  it('fails a focused test even outside CI (allowOnly: false)', { timeout: 60_000 }, () => {
    const { code, counts } = runFixture('focused.fixture.mjs');
    expect(code).not.toBe(0);
    expect(counts.failed).toBe(1);
  });

  it('counts a report without skipped tests as it is', () => {
    const report = {
      numPassedTests: 2,
      numFailedTests: 1,
      testResults: [{ name: 'a.test.ts', assertionResults: [{ title: 'x', status: 'passed' }, { title: 'y', status: 'passed' }, { title: 'z', status: 'failed' }] }],
    };
    expect(countsOf(report)).toEqual({ passed: 2, failed: 1, notRun: [] });
  });
});

describe('on CI every pass must run', () => {
  it('reads CI as set unless it is empty, 0 or false', () => {
    expect([{ CI: 'true' }, { CI: '1' }, { CI: 'yes' }].map(isCi)).toEqual([true, true, true]);
    expect([{}, { CI: '' }, { CI: '0' }, { CI: 'false' }, { CI: 'FALSE' }].map(isCi)).toEqual([false, false, false, false, false]);
  });

  it('names a pass that did not run and one that ran no test', () => {
    expect(
      missingPasses([
        { label: 'Vitest on PostgreSQL', ran: false, passed: 0 },
        { label: 'Browser tests', ran: true, passed: 0 },
      ]),
    ).toEqual(['Vitest on PostgreSQL did not run while CI is set.', 'Browser tests ran no test while CI is set.']);
    expect(missingPasses([{ label: 'Vitest on PostgreSQL', ran: true, passed: 12 }])).toEqual([]);
  });
});
