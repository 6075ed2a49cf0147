import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogEvent } from 'kysely';

/**
 * Counts the SQL statements (round trips: BEGIN and COMMIT included) of the work running in an
 * async context — an HTTP request, or a block a test wraps. Each statement is attributed to a
 * phase: `platform` until the request reaches its route handler (session and role look-ups),
 * `route` afterwards, so budgets can tell the platform's share from the module's.
 */
export type StatementPhase = 'platform' | 'route';

export interface StatementTally {
  phase: StatementPhase;
  platform: number;
  route: number;
  /** The statements in the order they ran, with the phase each ran in. */
  statements: { phase: StatementPhase; sql: string }[];
}

const current = new AsyncLocalStorage<StatementTally>();

export function newTally(phase: StatementPhase = 'route'): StatementTally {
  return { phase, platform: 0, route: 0, statements: [] };
}

/** Kysely's `log` hook: every statement run, successful or not, counts in the current tally. */
export function countStatement(event: LogEvent): void {
  const tally = current.getStore();
  if (!tally) return;
  tally[tally.phase] += 1;
  tally.statements.push({ phase: tally.phase, sql: event.query.sql });
}

/** Runs `fn` with `tally` as the current one: statements of everything it starts are counted there. */
export function runCounted<T>(tally: StatementTally, fn: () => T): T {
  return current.run(tally, fn);
}

/** The statements of `fn` (a test's measure of a service call). */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; tally: StatementTally }> {
  const tally = newTally();
  const result = await runCounted(tally, fn);
  return { result, tally };
}
