/** What the projects module asks of common needs: its origins, their needs, and marking them projected. */
import type { Kysely } from 'kysely';
import { AppError } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { commonNeedPolicy } from './commonneeds.policy.ts';
import { loadVisible, present, recordOf } from './commonneeds.service.ts';
import * as store from './commonneeds.store.ts';

export interface Origin {
  id: string;
  districtId: string;
  title: string;
  status: string;
  parentId: string | null;
  /** The streets and communities whose needs it answers for (its own unit included). */
  streetIds: string[];
  communityIds: string[];
  householdCount: number;
  memberCount: number;
}

function originOf(row: store.CommonNeedRow): Origin {
  const streets = row.street_id ? [row.street_id, ...row.covered_street_ids] : row.covered_street_ids;
  const communities = row.community_id ? [row.community_id, ...row.covered_community_ids] : row.covered_community_ids;
  return {
    id: row.id,
    districtId: row.district_id,
    title: row.title,
    status: row.status,
    parentId: row.parent_id,
    // A street group with needs of its own street only still names that street once.
    streetIds: [...new Set(streets)],
    communityIds: [...new Set(communities)],
    householdCount: Number(row.household_count),
    memberCount: Number(row.member_count),
  };
}

/** A common need the caller may read; 404 `resource.not_found` otherwise (wrap in `referenced` for a body id). */
export async function visibleOrigin(ctx: RequestContext, id: string): Promise<Origin> {
  const { row } = await loadVisible(ctx, id);
  return originOf(row);
}

/** A common need the caller may change (to commit resources to it): 404 when unreadable, 403 when only readable. */
export async function changeableCommonNeed(ctx: RequestContext, id: string) {
  const { actor, row } = await loadVisible(ctx, id);
  commonNeedPolicy.authorize(actor, 'update', recordOf(row));
  return present(actor, row);
}

/** Common needs of one district by id, as the caller's project page shows them (read through the project). */
export async function originsById(db: Kysely<DB>, districtId: string, ids: string[]): Promise<Origin[]> {
  if (!ids.length) return [];
  const rows = await store.selectCommonNeeds(db).where('cn.district_id', '=', districtId).where('cn.id', 'in', ids).orderBy('cn.id').execute();
  return rows.map(originOf);
}

/** The needs the given groups answer for, and their distinct households across all of them. */
export async function answeredNeeds(db: Kysely<DB>, districtId: string, ids: string[]) {
  const lists = await Promise.all(ids.map((id) => store.membersOf(db, districtId, id)));
  const byId = new Map(lists.flat().map((n) => [n.id, n]));
  const needs = [...byId.values()];
  return {
    needs: needs.map((n) => ({ id: n.id, refNo: n.ref_no, state: n.state, communityId: n.community_id, beneficiaries: n.beneficiaries })),
    householdCount: new Set(needs.map((n) => n.household_id ?? n.id)).size,
    beneficiaryCount: needs.reduce((s, n) => s + n.beneficiaries, 0),
  };
}

/** The group holding a need and the group that one was added into: where a project may hold it. */
export async function groupChain(db: Kysely<DB>, districtId: string, id: string): Promise<string[]> {
  const row = await db.selectFrom('common_needs').select(['id', 'parent_id']).where('district_id', '=', districtId).where('id', '=', id).executeTakeFirst();
  return row ? [row.id, ...(row.parent_id ? [row.parent_id] : [])] : [];
}

/**
 * A project takes its groups (and the community groups inside them, so no need joins after it
 * was drafted) — `projected`, carrying its reference — or releases them to `open`. In the
 * caller's transaction, with an audit record per group.
 */
export async function markProjected(ctx: RequestContext, districtId: string, ids: string[], ref: string, take: boolean) {
  const to = take ? ('projected' as const) : ('open' as const);
  const projectRef = take ? ref : null;
  await command(ctx, async ({ trx, audit }) => {
    let q = trx
      .updateTable('common_needs')
      .set({ status: to, project_ref: projectRef, updated_at: new Date() })
      .where('district_id', '=', districtId)
      .where((eb) => eb.or([eb('id', 'in', ids), eb('parent_id', 'in', ids)]));
    // Only the groups this project holds are released.
    q = take ? q.where('status', 'in', ['open', 'candidate']) : q.where('status', '=', 'projected').where('project_ref', '=', ref);
    const rows = await q.returning(['id', 'parent_id']).execute();
    const outer = rows.filter((r) => ids.includes(r.id));
    // A group that moved meanwhile (another project took it) refuses the whole command.
    if (projectRef && outer.length !== ids.length) throw new AppError('common_need.status_locked', { status: 'projected' });
    for (const r of rows) {
      await audit({ action: projectRef ? 'common_need.project' : 'common_need.release', entityType: 'common_need', entityId: r.id, districtId, after: { status: to, project_ref: projectRef } });
    }
  });
}
