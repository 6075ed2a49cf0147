import type { Kysely } from 'kysely';
import { command, type CommandScope, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { NEED_ACTIONS, type NeedState } from './needs.lifecycle.ts';
import type { NeedSource, Urgency } from './needs.tables.ts';
import { insertNeed } from './needs.record.ts';
import { activeCategory } from './needs.categories.ts';

/** A need reported by an outside system (no signed-in user): its place is already resolved by the caller. */
export interface SystemNeedInput {
  source: Extract<NeedSource, 'open311' | 'resident'>;
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  categoryId: string;
  description: string;
  point: { lng: number; lat: number } | null;
  /** The household it is about (a resident's wish that supports moved into the pool). */
  householdId?: string | null;
  urgency?: Urgency;
  /** Shown in the timeline as who reported it, e.g. the client app's name. */
  reportedVia: string;
}

/**
 * Intake for a system actor: the same numbering, time limits, timeline event and audit record
 * as the staff intake, in one transaction; `within` lets the caller store its own rows in it.
 */
export async function createSystemNeed(
  ctx: RequestContext,
  input: SystemNeedInput,
  within?: (scope: CommandScope, need: { id: string; refNo: string }) => Promise<void>,
): Promise<{ id: string; refNo: string }> {
  const category = await activeCategory(ctx, ctx.db, input.districtId, input.categoryId);
  return command(ctx, async (scope) => {
    const { id, ref_no: refNo } = await insertNeed(scope, {
      districtId: input.districtId,
      streetId: input.streetId,
      communityId: input.communityId,
      gridId: input.gridId,
      householdId: input.householdId ?? null,
      buildingId: null,
      point: input.point,
      category,
      source: input.source,
      description: input.description,
      urgency: input.urgency,
      // No user acts: the timeline names the outside system instead.
      actor: { userId: null, displayName: input.reportedVia },
    });
    if (within) await within(scope, { id, refNo });
    return { id, refNo };
  });
}

export interface ExternalNeedFilter {
  districtId: string;
  communityId: string;
  source: NeedSource;
  ids?: string[];
  categoryIds?: string[];
  states?: readonly NeedState[];
  createdFrom?: Date;
  createdTo?: Date;
  refNo?: string;
  limit: number;
}

/** Needs of one community and source for outside interfaces, newest first, with what they show publicly. */
export async function findExternalNeeds(db: Kysely<DB>, f: ExternalNeedFilter) {
  let q = db
    .selectFrom('needs')
    .innerJoin('need_categories as c', (j) => j.onRef('c.district_id', '=', 'needs.district_id').onRef('c.id', '=', 'needs.category_id'))
    .innerJoin('communities as cm', 'cm.id', 'needs.community_id')
    .leftJoin('organizations as o', 'o.id', 'needs.referral_org_id')
    .select([
      'needs.district_id',
      'needs.id',
      'needs.ref_no',
      'needs.state',
      'needs.description',
      'needs.lng',
      'needs.lat',
      'needs.referral_department',
      'needs.waiting_until',
      'needs.triage_due_at',
      'needs.resolve_due_at',
      'needs.created_at',
      'needs.updated_at',
      'c.name as category_name',
      'c.open311_code',
      'cm.name as community_name',
      'o.name as organization_name',
      // What the resident was told with the change that led here (never an internal note).
      (eb) =>
        eb
          .selectFrom('need_events as e')
          .select('e.reply')
          .whereRef('e.district_id', '=', 'needs.district_id')
          .whereRef('e.need_id', '=', 'needs.id')
          .where('e.action', 'in', [...NEED_ACTIONS])
          .orderBy('e.at', 'desc')
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('reply'),
    ])
    .where('needs.district_id', '=', f.districtId)
    .where('needs.community_id', '=', f.communityId)
    .where('needs.source', '=', f.source);
  if (f.ids) q = q.where('needs.id', 'in', f.ids.length ? f.ids : ['00000000-0000-0000-0000-000000000000']);
  if (f.refNo !== undefined) q = q.where('needs.ref_no', '=', f.refNo);
  if (f.categoryIds) q = q.where('needs.category_id', 'in', f.categoryIds.length ? f.categoryIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.states) q = q.where('needs.state', 'in', f.states.length ? [...f.states] : ['none' as NeedState]);
  if (f.createdFrom) q = q.where('needs.created_at', '>=', f.createdFrom);
  if (f.createdTo) q = q.where('needs.created_at', '<=', f.createdTo);
  return q.orderBy('needs.created_at', 'desc').orderBy('needs.id', 'desc').limit(f.limit).execute();
}
export type ExternalNeedRow = Awaited<ReturnType<typeof findExternalNeeds>>[number];
