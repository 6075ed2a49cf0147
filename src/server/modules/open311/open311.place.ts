import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import { Open311Error } from './open311.format.ts';

type Ring = [number, number][];

/** Outer and inner rings of a GeoJSON Polygon or MultiPolygon, as polygons of rings. */
function polygonsOf(boundary: unknown): Ring[][] {
  const g = (typeof boundary === 'string' ? JSON.parse(boundary) : boundary) as { type?: string; coordinates?: unknown } | null;
  if (!g || !Array.isArray(g.coordinates)) return [];
  if (g.type === 'Polygon') return [g.coordinates as Ring[]];
  if (g.type === 'MultiPolygon') return g.coordinates as Ring[][];
  return [];
}

function inRing(ring: Ring, lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function contains(boundary: unknown, lng: number, lat: number): boolean {
  return polygonsOf(boundary).some(([outer, ...holes]) => !!outer && inRing(outer, lng, lat) && !holes.some((h) => inRing(h, lng, lat)));
}

/** Mean of the outer ring's vertices (closing vertex excluded): a point inside any convex grid. */
export function centreOf(boundary: unknown): { lng: number; lat: number } | null {
  const outer = polygonsOf(boundary)[0]?.[0];
  if (!outer || outer.length < 3) return null;
  const pts = outer.slice(0, -1);
  return {
    lng: pts.reduce((s, p) => s + p[0], 0) / pts.length,
    lat: pts.reduce((s, p) => s + p[1], 0) / pts.length,
  };
}

export interface Placed {
  gridId: string;
  point: { lng: number; lat: number };
  byPoint: boolean;
}

/**
 * Where in the community a request lies: the grid whose boundary contains its lat/long, else
 * the community's first grid (by code). A request located by address only gets that grid's
 * centre as its point, flagged so the API does not present it as a reported position.
 */
export async function placeInCommunity(
  db: Kysely<DB>,
  community: { districtId: string; id: string },
  point: { lng: number; lat: number } | null,
): Promise<Placed> {
  const grids = await db
    .selectFrom('grids')
    .select(['id', 'boundary'])
    .where('district_id', '=', community.districtId)
    .where('community_id', '=', community.id)
    .orderBy('code')
    .orderBy('id')
    .execute();
  if (grids.length === 0) throw new Open311Error(400, 'This jurisdiction has no grid to receive requests yet');
  if (point) {
    const hit = grids.find((g) => g.boundary && contains(g.boundary, point.lng, point.lat));
    return { gridId: (hit ?? grids[0]!).id, point, byPoint: true };
  }
  const first = grids[0]!;
  const centre = centreOf(first.boundary);
  if (!centre) throw new Open311Error(400, 'This jurisdiction cannot place a request by address; send lat and long');
  return { gridId: first.id, point: centre, byPoint: false };
}
