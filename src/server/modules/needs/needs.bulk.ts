import { AppError, translate } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { BulkTransitionBody, BulkTransitionResult } from './needs.schemas.ts';
import { needPolicy } from './needs.policy.ts';
import { transitionNeed } from './needs.transitions.ts';

/**
 * Triage of many needs from the board. Each need goes through transitionNeed — the same checks,
 * timeline, audit, notifications and webhook event as one POST /needs/:id/transitions — in its
 * OWN transaction, one after another: a need that moved meanwhile (409), or one the caller
 * cannot see (404), fails in its row and never undoes the others. A need the caller may not
 * read reports `resource.not_found`, exactly like a missing id.
 */
export async function bulkTransition(ctx: RequestContext, body: BulkTransitionBody): Promise<{ results: BulkTransitionResult[] }> {
  const actor = requireActor(ctx);
  // Callers who could not take the action anywhere learn so once, not once per row.
  if (needPolicy.grants(actor, body.action).length === 0) throw new AppError('access.forbidden');
  const { needIds, ...transition } = body;
  const results: BulkTransitionResult[] = [];
  for (const needId of needIds) {
    try {
      results.push({ needId, ok: true, need: await transitionNeed(ctx, needId, transition) });
    } catch (caught) {
      // Earlier rows have committed already; an unexpected failure is reported in its row too.
      const err = caught instanceof AppError ? caught : new AppError('server.error');
      results.push({
        needId,
        ok: false,
        error: {
          code: err.code,
          message: translate(err.code, ctx.locale, err.params),
          ...(err.fields.length
            ? { fields: err.fields.map((f) => ({ field: f.field, code: f.code, message: translate(f.code, ctx.locale, f.params) })) }
            : {}),
        },
      });
    }
  }
  return { results };
}
