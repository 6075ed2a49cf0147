import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogEvent } from 'kysely';

/**
 * Collects the SQL of every statement (round trip: BEGIN and COMMIT included) run by the work
 * of one async context, e.g. an HTTP request, so tests can hold routes to a statement budget.
 */
const current = new AsyncLocalStorage<string[]>();

/** Kysely's `log` hook: outside a counted context it does nothing. */
export function countStatement(event: LogEvent): void {
  current.getStore()?.push(event.query.sql);
}

/** Runs `fn` so that the statements of everything it starts are pushed onto `into`. */
export function runCounted<T>(into: string[], fn: () => T): T {
  return current.run(into, fn);
}
