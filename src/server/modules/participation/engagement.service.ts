import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import { reportingHouseholds } from '../needs/index.ts';
import { attendingHouseholds } from '../services/index.ts';
import { communitiesIn, communityNames, gridsOfHouseholds, householdsOfResidents, householdsPerGrid, publicPlace } from '../territory/index.ts';
import { volunteeringResidents } from '../volunteers/index.ts';
import { votingHouseholds } from './budget.service.ts';
import { localName } from './participation.places.ts';
import { engagementPolicy } from './participation.policy.ts';
import { ENGAGEMENT_KINDS, type Engagement, type EngagementQuery } from './participation.schemas.ts';
import { proposingHouseholds } from './proposals.service.ts';

const DAY = 86_400_000;
const WINDOW_DAYS = 90;
const pct = (v: number, of: number) => (of === 0 ? 0 : Math.round((v * 1000) / of) / 10);

/**
 * Households engaged in the 90 days up to a day — reported or rated a need, proposed,
 * supported, voted, attended an activity, volunteered — of all households, per community and
 * grid: where residents stay "cold" (DESIGN 3.10, resident participation).
 */
export async function engagementOf(ctx: RequestContext, q: EngagementQuery): Promise<Engagement> {
  const actor = requireActor(ctx);
  if (!q.communityId === !q.streetId) throw invalid({ field: 'communityId', code: 'participation.unit_required' });
  const kind = q.communityId ? 'community' : 'street';
  const place = await publicPlace(ctx.db, kind, (q.communityId ?? q.streetId)!);
  if (!place) throw notFoundAt(`${kind}Id`);
  const communityIds = q.communityId ? [q.communityId] : (await communitiesIn(ctx.db, { districtId: place.districtId, streetId: place.streetId })).map((c) => c.id);
  if (!engagementPolicy.can(actor, 'read', { districtId: place.districtId, streetId: place.streetId, communityId: communityIds })) throw notFoundAt(`${kind}Id`);
  const until = q.until ? new Date(`${q.until}T23:59:59+08:00`) : new Date();
  if (Number.isNaN(until.getTime())) throw new AppError('validation.failed');
  const since = new Date(until.getTime() - WINDOW_DAYS * DAY);
  const d = place.districtId;
  const [reported, { proposed, supported }, voted, attended, volunteerResidents, grids, names] = await Promise.all([
    reportingHouseholds(ctx.db, d, communityIds, since, until),
    proposingHouseholds(ctx.db, d, communityIds, since, until),
    votingHouseholds(ctx.db, d, communityIds, since, until),
    attendingHouseholds(ctx.db, d, communityIds, since, until),
    volunteeringResidents(ctx.db, d, communityIds, since, until),
    householdsPerGrid(ctx.db, d, communityIds),
    communityNames(ctx.db, communityIds),
  ]);
  const volunteered = await householdsOfResidents(ctx.db, d, volunteerResidents);
  const byKind = { reported, proposed, supported, voted, attended, volunteered };
  const engaged = new Set(Object.values(byKind).flat());
  const gridOf = await gridsOfHouseholds(ctx.db, d, [...engaged]);
  const inArea = new Set(grids.map((g) => g.gridId));
  const perGrid = new Map<string, number>();
  for (const h of engaged) {
    const g = gridOf.get(h);
    if (g && inArea.has(g)) perGrid.set(g, (perGrid.get(g) ?? 0) + 1);
  }
  const communities = communityIds.map((c) => {
    const gs = grids.filter((g) => g.communityId === c).map((g) => ({ id: g.gridId, name: g.name, households: g.households, engaged: perGrid.get(g.gridId) ?? 0, percent: pct(perGrid.get(g.gridId) ?? 0, g.households) }));
    const households = gs.reduce((s, g) => s + g.households, 0);
    const engagedHere = gs.reduce((s, g) => s + g.engaged, 0);
    return { id: c, name: localName(ctx, names.get(c) ?? { name: '', nameEn: null }), households, engaged: engagedHere, percent: pct(engagedHere, households), grids: gs };
  });
  const households = communities.reduce((s, c) => s + c.households, 0);
  const engagedTotal = communities.reduce((s, c) => s + c.engaged, 0);
  const inAreaHouseholds = (ids: string[]) => ids.filter((h) => inArea.has(gridOf.get(h) ?? '')).length;
  return {
    since: new Date(since.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    until: new Date(until.getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    households,
    engaged: engagedTotal,
    percent: pct(engagedTotal, households),
    kinds: Object.fromEntries(ENGAGEMENT_KINDS.map((k) => [k, inAreaHouseholds(byKind[k])])) as Engagement['kinds'],
    communities,
  };
}
