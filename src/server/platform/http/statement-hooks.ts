import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { newTally, runCounted, type StatementTally } from '../db/statements.ts';

declare module 'fastify' {
  interface FastifyRequest {
    statements: StatementTally;
  }
}

const scopeOf = Symbol('statement scope');
type Scoped = FastifyRequest & { [scopeOf]?: AsyncResource };

/** Told the statements of each request once it is answered (tests hold routes to budgets with it). */
export type StatementListener = (request: FastifyRequest, tally: StatementTally) => void;

/**
 * Attributes every SQL statement to the request that ran it. Registered before the session
 * hook, so the session's look-ups count as the platform's; the route's share starts at
 * preHandler. Reading a request body runs in the socket's async context, so the handler is
 * put back into the request's own before it runs.
 */
export function registerStatementHooks(app: FastifyInstance, listener?: StatementListener) {
  app.decorateRequest('statements', null as unknown as StatementTally);
  app.addHook('onRequest', (request, _reply, done) => {
    const tally = newTally('platform');
    request.statements = tally;
    runCounted(tally, () => {
      (request as Scoped)[scopeOf] = new AsyncResource('sanshe.request');
      done();
    });
  });
  app.addHook('preHandler', (request, _reply, done) => {
    request.statements.phase = 'route';
    const scope = (request as Scoped)[scopeOf];
    if (scope) scope.runInAsyncScope(done);
    else done();
  });
  if (listener) {
    app.addHook('onResponse', async (request) => {
      listener(request, request.statements);
    });
  }
}
