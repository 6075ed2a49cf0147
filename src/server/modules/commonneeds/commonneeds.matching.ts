import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import { matchResources, type MatchableResource } from '../resources/index.ts';
import { categoryCodes, resourcesFor, type GroupPlace } from './commonneeds.store.ts';

type ResourceRow = Awaited<ReturnType<typeof resourcesFor>>[number];
type WeeklyWindow = MatchableResource['weeklyWindows'][number];

export function matchable(r: ResourceRow): MatchableResource & { kind: string } {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    districtId: r.district_id,
    streetId: r.street_id,
    communityId: r.community_id,
    categories: r.categories,
    status: r.status,
    weeklyWindows: (r.weekly_windows ?? []) as WeeklyWindow[],
    availableFrom: r.available_from,
    availableUntil: r.available_until,
  };
}

export function resourceView(r: MatchableResource & { kind: string }) {
  return { id: r.id, name: r.name, kind: r.kind, streetId: r.streetId, communityId: r.communityId, categories: r.categories };
}

/**
 * Resources for a group, best first: the resources module's ranking over what the community can
 * draw on, asked for the group's category (and its parent) at the moment of asking.
 */
export async function suggestFor(
  db: Kysely<DB>,
  group: { categoryId: string } & GroupPlace,
  resources: (MatchableResource & { kind: string })[],
  top: number,
) {
  const codes = await categoryCodes(db, group.districtId, group.categoryId);
  return matchResources(resources, { category: codes, communityId: group.communityId ?? undefined, streetId: group.streetId ?? undefined, at: new Date() })
    .slice(0, top)
    .map((m) => ({ ...resourceView(m.resource), score: m.score, reasons: m.reasons }));
}
