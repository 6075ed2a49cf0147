/**
 * Structural check of a grid boundary: a GeoJSON Polygon or MultiPolygon whose rings are
 * closed lists of at least four [lng, lat] positions within the coordinate ranges.
 */
export function isValidBoundary(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') return isPolygon(g.coordinates);
  if (g.type === 'MultiPolygon') {
    return Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygon);
  }
  return false;
}

function isPolygon(rings: unknown): boolean {
  return Array.isArray(rings) && rings.length > 0 && rings.every(isRing);
}

function isRing(ring: unknown): boolean {
  if (!Array.isArray(ring) || ring.length < 4 || !ring.every(isPosition)) return false;
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  return first[0] === last[0] && first[1] === last[1];
}

function isPosition(p: unknown): boolean {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return false;
  if (!p.every((n) => typeof n === 'number' && Number.isFinite(n))) return false;
  const [lng, lat] = p as number[];
  return lng! >= -180 && lng! <= 180 && lat! >= -90 && lat! <= 90;
}
