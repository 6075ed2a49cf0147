import { AppError } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import { inReaderLanguage } from '../needs/index.ts';
import { matchable, resourceView, suggestFor } from './commonneeds.matching.ts';
import { commonNeedPolicy } from './commonneeds.policy.ts';
import { present } from './commonneeds.service.ts';
import * as store from './commonneeds.store.ts';

/** A community the caller may read for this action; anything else answers like a missing one. */
async function loadCommunity(ctx: RequestContext, id: string, action: 'read' | 'suggest') {
  const actor = await store.readerActor(ctx.db, requireActor(ctx));
  const c = await store.findCommunity(ctx.db, id, store.tenantFilter(actor));
  const record = c && { districtId: c.district_id, level: 'community' as const, streetId: c.street_id, communityId: c.id, gridId: null, coveredStreetIds: [], coveredCommunityIds: [], status: 'open' as const };
  if (!record || !commonNeedPolicy.can(actor, 'read', record)) throw new AppError('resource.not_found');
  commonNeedPolicy.authorize(actor, action, record);
  return { actor, place: { districtId: record.districtId, streetId: record.streetId, communityId: record.communityId } };
}

interface Group {
  categoryId: string;
  categoryCode: string;
  categoryName: string;
  gridId: string | null;
  needCount: number;
  beneficiaryCount: number;
  needIds: string[];
}

/**
 * Accepted needs nobody has grouped yet, grouped by category: one suggestion per category with
 * at least two needs in the community, and, when they lie in several grids, one per grid that
 * has at least two on its own. Largest first.
 */
export async function suggestions(ctx: RequestContext, communityId: string) {
  const { place } = await loadCommunity(ctx, communityId, 'suggest');
  const needs = await inReaderLanguage(ctx, (await store.ungroupedNeeds(ctx.db, place)).map((n) => ({ ...n, district_id: place.districtId })));
  const groups = new Map<string, Group>();
  const add = (key: string, n: (typeof needs)[number], gridId: string | null) => {
    const g = groups.get(key) ?? { categoryId: n.category_id, categoryCode: n.category_code, categoryName: n.category_name, gridId, needCount: 0, beneficiaryCount: 0, needIds: [] };
    g.needCount += 1;
    g.beneficiaryCount += n.beneficiaries;
    g.needIds.push(n.id);
    groups.set(key, g);
  };
  for (const n of needs) {
    add(n.category_id, n, null);
    add(`${n.category_id}/${n.grid_id}`, n, n.grid_id);
  }
  const all = [...groups.values()];
  // When one grid holds all of a category's needs, the grid group is the suggestion, not the community one.
  const oneGrid = (g: Group) => all.some((o) => o.gridId !== null && o.categoryId === g.categoryId && o.needCount === g.needCount);
  const items = all.filter((g) => g.needCount >= 2 && (g.gridId !== null || !oneGrid(g)));
  items.sort((a, b) => b.needCount - a.needCount || b.beneficiaryCount - a.beneficiaryCount || a.categoryCode.localeCompare(b.categoryCode));
  return { items };
}

/** 需求清单、资源清单、项目清单 of one community, with the best resources for each open group. */
export async function threeLists(ctx: RequestContext, communityId: string) {
  const { actor, place } = await loadCommunity(ctx, communityId, 'read');
  const [groups, resourceRows] = await Promise.all([
    store
      .selectCommonNeeds(ctx.db)
      .where('cn.district_id', '=', place.districtId)
      .where('cn.community_id', '=', place.communityId)
      .where('cn.status', '!=', 'closed')
      .orderBy('cn.id', 'desc')
      .limit(200)
      .execute(),
    store.resourcesFor(ctx.db, place),
  ]);
  const resources = resourceRows.map(matchable);
  const matches = [];
  for (const g of groups.filter((x) => x.status === 'open' || x.status === 'candidate')) {
    const top = await suggestFor(ctx.db, { ...place, districtId: g.district_id, categoryId: g.category_id }, resources, 3);
    matches.push({ commonNeedId: g.id, resources: top });
  }
  const needs = (await inReaderLanguage(ctx, groups)).map((g) => present(actor, g));
  return {
    communityId: place.communityId,
    needs,
    resources: resources.slice(0, 200).map(resourceView),
    projects: needs
      .filter((g) => g.status === 'candidate' || g.status === 'projected')
      .map((g) => ({ commonNeedId: g.id, title: g.title, status: g.status, projectRef: g.projectRef, beneficiaryCount: g.beneficiaryCount })),
    matches,
  };
}
