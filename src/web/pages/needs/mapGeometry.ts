/** Geometry for placing needs on the grid map; pure so it can be tested without a browser. */

export type Ring = [number, number][];
export interface Polygonal {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

/** The outer rings of a Polygon or MultiPolygon (holes are ignored: grids have none worth avoiding). */
export function outerRings(boundary: unknown): Ring[] {
  const b = boundary as Polygonal | null;
  if (!b || typeof b !== 'object') return [];
  if (b.type === 'Polygon') return [((b.coordinates as Ring[])[0] ?? []) as Ring];
  if (b.type === 'MultiPolygon') return (b.coordinates as Ring[][]).map((p) => p[0] ?? []);
  return [];
}

function ringArea(r: Ring): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += r[j]![0] * r[i]![1] - r[i]![0] * r[j]![1];
  return a / 2;
}

/** Area-weighted centroid of the largest ring; the vertex mean when the ring is degenerate. */
export function centroid(rings: Ring[]): [number, number] | null {
  const ring = [...rings].sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
  if (!ring || ring.length === 0) return null;
  const area = ringArea(ring);
  if (Math.abs(area) < 1e-14) {
    const n = ring.length;
    return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    cx += (ring[j]![0] + ring[i]![0]) * f;
    cy += (ring[j]![1] + ring[i]![1]) * f;
  }
  return [cx / (6 * area), cy / (6 * area)];
}

export function contains(rings: Ring[], [x, y]: [number, number]): boolean {
  return rings.some((r) => {
    let inside = false;
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i]!;
      const [xj, yj] = r[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  });
}

/** A stable number in [0, 1) from a string (FNV-1a), so a need keeps its place between renders. */
export function unitHash(s: string, salt = 0): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x100000000;
}

/**
 * Where to draw a need that has no point of its own: near the grid's centroid, moved by an
 * offset derived from the need's id so that several needs of a grid do not hide each other,
 * kept inside the grid's bounding box (and inside the polygon when a try lands there).
 */
export function approximatePoint(rings: Ring[], needId: string): [number, number] | null {
  const c = centroid(rings);
  if (!c) return null;
  const xs = rings.flat().map((p) => p[0]);
  const ys = rings.flat().map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const clip = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  for (let attempt = 0; attempt < 4; attempt++) {
    // The spread shrinks with each try, so a narrow grid still gets a point inside it.
    const spread = 0.7 / (attempt + 1);
    const p: [number, number] = [
      clip(c[0] + (unitHash(needId, attempt * 2) - 0.5) * (maxX - minX) * spread, minX, maxX),
      clip(c[1] + (unitHash(needId, attempt * 2 + 1) - 0.5) * (maxY - minY) * spread, minY, maxY),
    ];
    if (contains(rings, p)) return p;
  }
  // A concave grid can have its centroid outside itself: sample the bounding box instead.
  for (let attempt = 0; attempt < 64; attempt++) {
    const p: [number, number] = [minX + unitHash(needId, 100 + attempt * 2) * (maxX - minX), minY + unitHash(needId, 101 + attempt * 2) * (maxY - minY)];
    if (contains(rings, p)) return p;
  }
  return [clip(c[0], minX, maxX), clip(c[1], minY, maxY)];
}

/** Where a grid's count is drawn: its centroid, or a point inside it when the centroid falls outside. */
export function labelPoint(rings: Ring[], gridId: string): [number, number] | null {
  const c = centroid(rings);
  if (!c) return null;
  return contains(rings, c) ? c : approximatePoint(rings, gridId);
}
