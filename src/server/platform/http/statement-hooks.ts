import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { runCounted } from '../db/statements.ts';

/** Told the SQL statements of each request as its answer is sent. */
export type StatementListener = (request: FastifyRequest, statements: string[]) => void;

/**
 * Attributes every SQL statement to the request that ran it (registered before the session
 * hook, so the session's look-ups count too). A request body is read in the socket's async
 * context, not the request's, so the request's context is put back before the handler runs.
 */
export function registerStatementHooks(app: FastifyInstance, listener: StatementListener) {
  const counted = new WeakMap<FastifyRequest, { statements: string[]; context: AsyncResource }>();
  app.addHook('onRequest', (request, _reply, done) => {
    const statements: string[] = [];
    runCounted(statements, () => {
      counted.set(request, { statements, context: new AsyncResource('sanshe.request') });
      done();
    });
  });
  app.addHook('preHandler', (request, _reply, done) => {
    counted.get(request)!.context.runInAsyncScope(done);
  });
  // onSend, not onResponse: the listener is told before the client has the answer.
  app.addHook('onSend', (request, _reply, payload, done) => {
    listener(request, counted.get(request)!.statements);
    done(null, payload);
  });
}
