import { AppError } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import { transitionsFor } from './projects.lifecycle.ts';
import { event, loadVisible } from './projects.service.ts';
import * as store from './projects.store.ts';

/** What a call needs to know to offer a project: where it lies, who buys it, how far it is. */
export interface OfferableProject {
  id: string;
  districtId: string;
  status: store.ProjectRow['status'];
  purchaserLevel: store.ProjectRow['purchaser_level'];
  purchaserStreetId: string | null;
}

/** A project named in a call's body, through the projects' own read path (404 when not readable). */
export async function offerableProject(ctx: RequestContext, id: string): Promise<OfferableProject> {
  const { row } = await loadVisible(ctx, id);
  return { id: row.id, districtId: row.district_id, status: row.status, purchaserLevel: row.purchaser_level, purchaserStreetId: row.purchaser_street_id };
}

/** The projects a call offers, as its page lists them; the call's readers read these lines. */
export async function callProjectsOf(ctx: RequestContext, districtId: string, ids: string[]) {
  const rows = await store.projectsByIds(ctx.db, districtId, ids);
  return rows.map((r) => ({ id: r.id, refNo: r.ref_no, title: r.title, budgetFen: Number(r.budget_fen), status: r.status }));
}

/**
 * The offered projects follow their call (open, close, cancel), inside the call's transaction.
 * The call's issuing office is the projects' funder (calls offer only projects it buys), so the
 * call's own authorization stands for theirs; each project's timeline and audit say what moved it.
 */
export async function moveOfferedProjects(ctx: RequestContext, districtId: string, ids: string[], action: 'open_call' | 'close_call' | 'withdraw_call' | 'publicize', actorId: string, callRef: string) {
  for (const row of await store.projectsByIds(ctx.db, districtId, ids)) {
    const t = transitionsFor(row.status, action)[0];
    if (!t) throw new AppError('project.invalid_transition', { status: row.status, action });
    await command(ctx, async ({ trx, audit }) => {
      const moved = await trx
        .updateTable('projects')
        .set({ status: t.to, updated_at: new Date() })
        .where('district_id', '=', row.district_id)
        .where('id', '=', row.id)
        .where('status', '=', row.status)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw new AppError('project.invalid_transition', { status: row.status, action });
      await event(trx, row, action, row.status, t.to, actorId, callRef);
      await audit({ action: `project.${action}`, entityType: 'project', entityId: row.id, districtId: row.district_id, before: { status: row.status }, after: { status: t.to, call: callRef } });
    });
  }
}

/** The days each organization's failed or terminated projects ended: eligibility's exclusion period runs from them. */
export async function failedProjectEndDates(db: RequestContext['db'], organizationIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (organizationIds.length === 0) return out;
  const rows = await db
    .selectFrom('projects')
    .select(['contractor_organization_id', 'ended_on'])
    .where('contractor_organization_id', 'in', organizationIds)
    .where('outcome', 'in', ['failed', 'terminated'])
    .execute();
  for (const r of rows) out.set(r.contractor_organization_id!, [...(out.get(r.contractor_organization_id!) ?? []), r.ended_on!]);
  return out;
}
