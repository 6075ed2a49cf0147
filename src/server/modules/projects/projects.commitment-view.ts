import type { RequestContext } from '../../platform/http/context.ts';
import { visibleResource } from '../resources/index.ts';
import type * as S from './projects.schemas.ts';
import type * as store from './projects.store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

export function commitmentView(r: store.CommitmentRow & { resource_name?: string; resource_kind?: string }): S.CommitmentView {
  return {
    id: r.id,
    resourceId: r.resource_id,
    resourceName: r.resource_name ?? '',
    resourceKind: r.resource_kind ?? '',
    commonNeedId: r.common_need_id,
    projectId: r.project_id,
    terms: r.terms,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    committedBy: r.committed_by,
    committedByName: r.committed_by_name,
    committedAt: iso(r.committed_at),
    withdrawnAt: r.withdrawn_at ? iso(r.withdrawn_at) : null,
  };
}

/** Resource names beside the commitments, through the resources module's read path (a few per group). */
export async function withNames(ctx: RequestContext, rows: store.CommitmentRow[]) {
  const names = new Map<string, { name: string; kind: string }>();
  for (const id of new Set(rows.map((r) => r.resource_id))) {
    const r = await visibleResource(ctx, id).catch(() => null);
    names.set(id, r ? { name: r.name, kind: r.kind } : { name: '', kind: '' });
  }
  return rows.map((r) => commitmentView({ ...r, resource_name: names.get(r.resource_id)!.name, resource_kind: names.get(r.resource_id)!.kind }));
}

