import { describe, expect, it } from 'vitest';
import { approximatePoint, centroid, contains, labelPoint, outerRings } from './mapGeometry.ts';

const square = { type: 'Polygon', coordinates: [[[118, 32], [118.01, 32], [118.01, 32.01], [118, 32.01], [118, 32]]] };
// An L shape: its centroid falls into the missing corner, outside the grid.
const ell = {
  type: 'MultiPolygon',
  coordinates: [[[[118, 32], [118.02, 32], [118.02, 32.005], [118.005, 32.005], [118.005, 32.02], [118, 32.02], [118, 32]]]],
};

describe('map geometry', () => {
  it("puts a grid's count at its centroid, or inside it when the centroid falls outside", () => {
    expect(labelPoint(outerRings(square), 'g1')).toEqual(centroid(outerRings(square)));
    const rings = outerRings(ell);
    expect(contains(rings, centroid(rings)!)).toBe(false);
    expect(contains(rings, labelPoint(rings, 'g2')!)).toBe(true);
  });

  it('finds the centroid of a square', () => {
    const [x, y] = centroid(outerRings(square))!;
    expect(x).toBeCloseTo(118.005, 6);
    expect(y).toBeCloseTo(32.005, 6);
  });

  it('places a need without a point inside its grid, the same way every time', () => {
    for (const shape of [square, ell]) {
      const rings = outerRings(shape);
      for (const id of ['a', 'b', '0192-need-1', 'ffff-need-2']) {
        const p = approximatePoint(rings, id)!;
        expect(contains(rings, p), `${id} in ${shape.type}`).toBe(true);
        expect(approximatePoint(rings, id)).toEqual(p);
      }
    }
  });

  it('spreads needs of one grid apart', () => {
    const rings = outerRings(square);
    const points = new Set(['n1', 'n2', 'n3', 'n4'].map((id) => approximatePoint(rings, id)!.join(',')));
    expect(points.size).toBe(4);
  });

  it('has no place for a grid without a boundary', () => {
    expect(approximatePoint(outerRings(null), 'x')).toBeNull();
  });
});
