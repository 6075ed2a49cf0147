/** Resources committed to a common need or a project: the resources list matched to the needs list, with terms. */
import { newId } from '../../platform/db/ids.ts';
import { AppError, invalid, notFoundAt, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { changeableCommonNeed, visibleOrigin } from '../commonneeds/index.ts';
import { visibleResource } from '../resources/index.ts';
import { commitmentView, withNames } from './projects.commitment-view.ts';
import { projectPolicy } from './projects.policy.ts';
import type * as S from './projects.schemas.ts';
import { loadVisible, recordOf } from './projects.service.ts';
import * as store from './projects.store.ts';

async function commit(ctx: RequestContext, districtId: string, target: { common_need_id: string | null; project_id: string | null }, body: S.CommitBody) {
  const actor = requireActor(ctx);
  const resource = await referenced('resourceId', () => visibleResource(ctx, body.resourceId));
  // A resource of another district is out of reach like a missing one.
  if (resource.districtId !== districtId) throw notFoundAt('resourceId');
  if (body.periodStart && body.periodEnd && body.periodEnd < body.periodStart) throw invalid({ field: 'periodEnd', code: 'project.period_order' });
  const values = {
    district_id: districtId,
    id: newId(),
    resource_id: resource.id,
    ...target,
    terms: body.terms.trim(),
    period_start: body.periodStart ?? null,
    period_end: body.periodEnd ?? null,
    committed_by: actor.userId,
  };
  const row = await command(ctx, async ({ trx, audit }) => {
    const r = await trx.insertInto('resource_commitments').values(values).returningAll().executeTakeFirstOrThrow();
    await audit({ action: 'resource_commitment.create', entityType: 'resource_commitment', entityId: r.id, districtId, after: values });
    return r;
  });
  return commitmentView({ ...row, committed_by_name: actor.displayName, resource_name: resource.name, resource_kind: resource.kind });
}

export async function commitToProject(ctx: RequestContext, id: string, body: S.CommitBody) {
  const { actor, row } = await loadVisible(ctx, id);
  projectPolicy.authorize(actor, 'commit_resource', recordOf(row));
  return commit(ctx, row.district_id, { common_need_id: null, project_id: row.id }, body);
}

export async function commitToCommonNeed(ctx: RequestContext, id: string, body: S.CommitBody) {
  const group = await changeableCommonNeed(ctx, id);
  return commit(ctx, group.districtId, { common_need_id: group.id, project_id: null }, body);
}

export async function commitmentsOfCommonNeed(ctx: RequestContext, id: string) {
  const group = await visibleOrigin(ctx, id);
  return { items: await withNames(ctx, await store.commitmentsOf(ctx.db, group.districtId, { commonNeedIds: [group.id] })) };
}

/** Withdraws a commitment: by whoever may commit to its project or common need. Kept, marked, for the record. */
export async function withdrawCommitment(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const found = await store.findCommitment(ctx.db, id, store.tenantFilter(actor));
  if (!found) throw new AppError('resource.not_found');
  if (found.project_id) {
    const { row } = await loadVisible(ctx, found.project_id);
    projectPolicy.authorize(actor, 'commit_resource', recordOf(row));
  } else {
    await changeableCommonNeed(ctx, found.common_need_id!);
  }
  if (found.withdrawn_at) throw new AppError('resource_commitment.withdrawn');
  await command(ctx, async ({ trx, audit }) => {
    const r = await trx
      .updateTable('resource_commitments')
      .set({ withdrawn_at: new Date(), withdrawn_by: actor.userId })
      .where('district_id', '=', found.district_id)
      .where('id', '=', found.id)
      .where('withdrawn_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw new AppError('resource_commitment.withdrawn');
    await audit({ action: 'resource_commitment.withdraw', entityType: 'resource_commitment', entityId: r.id, districtId: r.district_id, before: { withdrawn_at: null }, after: { withdrawn_at: r.withdrawn_at } });
  });
  return (await withNames(ctx, [(await store.findCommitment(ctx.db, id, [found.district_id]))!]))[0]!;
}
