import type { LoadProgress } from './demo-insert.ts';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Shows a person at the console that the demo is loading and how far (about a minute on the
 * embedded database): on a terminal one line rewritten in place, in a log file a line when a
 * table is done and at most every five seconds in between.
 */
export function consoleProgress(out: NodeJS.WriteStream = process.stdout) {
  let started = 0;
  let printedAt = 0;
  const report: LoadProgress = (table, done, total) => {
    if (started === 0) {
      started = Date.now();
      out.write('Loading the demo community into the empty database (about a minute)…\n');
    }
    const line = `loading demo: ${table.replaceAll('_', ' ')} ${count(done)}/${count(total)}`;
    if (out.isTTY) {
      out.write(`\r\x1b[2K${line}`);
    } else if (done === total || Date.now() - printedAt >= 5000) {
      out.write(`${line}\n`);
      printedAt = Date.now();
    }
  };
  /** Ends the progress line, if anything was loaded. */
  const finish = () => {
    if (started === 0) return;
    out.write(`${out.isTTY ? '\r\x1b[2K' : ''}Demo community loaded in ${Math.round((Date.now() - started) / 1000)} s\n`);
  };
  return { report, finish };
}
