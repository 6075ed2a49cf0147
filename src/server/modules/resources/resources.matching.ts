import type { WeeklyWindow } from './resources.tables.ts';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Local weekday (Monday = 1), time 'HH:MM' and date of an instant in Asia/Shanghai (no daylight saving). */
export function shanghaiParts(at: Date): { weekday: number; time: string; date: string } {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const iso = local.toISOString();
  return { weekday: local.getUTCDay() === 0 ? 7 : local.getUTCDay(), time: iso.slice(11, 16), date: iso.slice(0, 10) };
}

export interface Availability {
  weeklyWindows: WeeklyWindow[];
  availableFrom: string | null;
  availableUntil: string | null;
}

/**
 * Open at the instant: inside the date range (either end may be open) and, when weekly windows
 * are given, inside one of them (`from` inclusive, `to` exclusive). The list query applies the
 * same rule in SQL.
 */
export function isAvailableAt(r: Availability, at: Date): boolean {
  const { weekday, time, date } = shanghaiParts(at);
  if (r.availableFrom && date < r.availableFrom) return false;
  if (r.availableUntil && date > r.availableUntil) return false;
  if (r.weeklyWindows.length === 0) return true;
  return r.weeklyWindows.some((w) => w.weekday === weekday && w.from <= time && time < w.to);
}

export interface MatchableResource extends Availability {
  id: string;
  name: string;
  districtId: string;
  streetId: string | null;
  communityId: string | null;
  categories: string[];
  status: 'active' | 'archived';
}

export interface MatchQuery {
  /** One category or several (a common need may span more than one). */
  category?: string | string[];
  communityId?: string;
  /** The street of `communityId`, so that street-wide resources count as nearby. */
  streetId?: string;
  at?: Date;
}

export type MatchReason = 'category' | 'same_community' | 'same_street' | 'district_wide' | 'available';

export interface Match<R> {
  resource: R;
  score: number;
  reasons: MatchReason[];
}

const WEIGHT = { category: 0.5, community: 0.3, street: 0.2, district: 0.1, available: 0.2 } as const;

/**
 * Ranks resources for a need: the share of the need's categories the resource serves weighs
 * most, then how close it is offered (own community, then the street, then the district), then
 * whether it is open at the given time. When categories are asked for, resources serving none
 * of them are left out; archived resources never match. Best first, ties by name.
 */
export function matchResources<R extends MatchableResource>(resources: readonly R[], query: MatchQuery): Match<R>[] {
  const wanted = query.category === undefined ? [] : [...new Set([query.category].flat())];
  const matches: Match<R>[] = [];
  for (const r of resources) {
    if (r.status !== 'active') continue;
    const reasons: MatchReason[] = [];
    let score = 0;
    if (wanted.length) {
      const overlap = wanted.filter((c) => r.categories.includes(c)).length;
      if (overlap === 0) continue;
      score += (WEIGHT.category * overlap) / wanted.length;
      reasons.push('category');
    }
    if (query.communityId) {
      if (r.communityId === query.communityId) {
        score += WEIGHT.community;
        reasons.push('same_community');
      } else if (r.communityId === null && r.streetId !== null && r.streetId === query.streetId) {
        score += WEIGHT.street;
        reasons.push('same_street');
      } else if (r.communityId === null && r.streetId === null) {
        score += WEIGHT.district;
        reasons.push('district_wide');
      }
    }
    if (query.at && isAvailableAt(r, query.at)) {
      score += WEIGHT.available;
      reasons.push('available');
    }
    if (score > 0) matches.push({ resource: r, score: Math.round(score * 1000) / 1000, reasons });
  }
  return matches.sort((a, b) => b.score - a.score || a.resource.name.localeCompare(b.resource.name, 'zh-CN'));
}
