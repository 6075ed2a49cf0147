// What `npm test` concludes from its steps, kept apart from the process handling so that it
// can be tested (test-summary.test.mjs).

/**
 * Counts of one Vitest run from its JSON report. A skipped or todo test is a test that did not
 * run: it is listed, and the run fails, so nothing is left switched off by accident.
 * @param {{ numPassedTests: number, numFailedTests: number, testResults?: { name: string, assertionResults?: { fullName?: string, title: string, status: string }[] }[] }} report
 * @returns {{ passed: number, failed: number, notRun: string[] }}
 */
export function countsOf(report) {
  const notRun = [];
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'passed' && test.status !== 'failed') notRun.push(`${test.status}: ${file.name} > ${test.fullName ?? test.title}`);
    }
  }
  return { passed: report.numPassedTests, failed: report.numFailedTests, notRun };
}

/** `CI` set to anything but an empty string, `0` or `false`. */
export function isCi(env) {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * On CI every pass must run and run tests: a pass that was left out, or ran no test, would
 * let a green result hide an untested database or an untested browser.
 * @param {{ label: string, ran: boolean, passed: number }[]} passes
 * @returns {string[]} why the run fails, one line per missing pass
 */
export function missingPasses(passes) {
  return passes.filter((p) => !p.ran || p.passed === 0).map((p) => `${p.label} ${p.ran ? 'ran no test' : 'did not run'} while CI is set.`);
}
