import { command, type RequestContext } from '../../platform/http/context.ts';
import { recordEvent } from './needs.events.ts';
import { transitionFor } from './needs.lifecycle.ts';

/**
 * A project accepted (结项) resolves the pooled needs it answered, in the caller's transaction:
 * each moves to resolved with the project named in the note its reporter reads, and from there
 * the needs loop goes on as for any resolved need — the reporter is asked to confirm and rate
 * (or dispute), and an unanswered one is confirmed automatically after the district's days.
 * Answers the needs resolved.
 */
export async function resolveThroughProject(ctx: RequestContext, districtId: string, needIds: string[], project: { refNo: string; title: string }): Promise<string[]> {
  const t = transitionFor('pooled', 'resolve_by_project')!;
  if (needIds.length === 0) return [];
  const now = new Date();
  const reply = `已通过项目“${project.title}”（${project.refNo}）解决，请确认并评价。`;
  return command(ctx, async (scope) => {
    const { trx, audit } = scope;
    const rows = await trx
      .updateTable('needs')
      .set({ state: t.to, outcome: 'fully', outcome_note: reply, resolved_at: now, updated_at: now })
      .where('district_id', '=', districtId)
      .where('id', 'in', needIds)
      .where('state', '=', 'pooled')
      .returning(['id'])
      .execute();
    for (const r of rows) {
      await recordEvent(scope, { districtId, needId: r.id, actor: null, action: 'resolve_by_project', fromState: 'pooled', toState: t.to, reply, data: { projectRef: project.refNo }, at: now });
      await audit({ action: 'need.resolve_by_project', entityType: 'need', entityId: r.id, districtId, after: { state: t.to, projectRef: project.refNo } });
    }
    return rows.map((r) => r.id);
  });
}
