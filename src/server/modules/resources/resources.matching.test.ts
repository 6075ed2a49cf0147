import { describe, expect, it } from 'vitest';
import { isAvailableAt, matchResources, shanghaiParts, type MatchableResource } from './resources.matching.ts';

// 2026-11-30 is a Monday.
const MON_1130_LOCAL = new Date('2026-11-30T03:30:00Z');
const MON_0030_LOCAL = new Date('2026-11-29T16:30:00Z'); // still Sunday in UTC

function resource(over: Partial<MatchableResource> = {}): MatchableResource {
  return {
    id: 'r',
    name: 'r',
    districtId: 'd1',
    streetId: 's1',
    communityId: 'c1',
    categories: ['elderly.meal'],
    weeklyWindows: [],
    availableFrom: null,
    availableUntil: null,
    status: 'active',
    ...over,
  };
}

describe('shanghaiParts', () => {
  it('reads weekday, time and date in Asia/Shanghai, not UTC', () => {
    expect(shanghaiParts(MON_1130_LOCAL)).toEqual({ weekday: 1, time: '11:30', date: '2026-11-30' });
    expect(shanghaiParts(MON_0030_LOCAL)).toEqual({ weekday: 1, time: '00:30', date: '2026-11-30' });
    expect(shanghaiParts(new Date('2026-11-29T03:00:00Z')).weekday).toBe(7);
  });
});

describe('isAvailableAt', () => {
  const lunch = { weeklyWindows: [{ weekday: 1, from: '11:00', to: '13:30' }], availableFrom: null, availableUntil: null };
  it('matches a weekly window by local weekday and time, start inclusive and end exclusive', () => {
    expect(isAvailableAt(lunch, MON_1130_LOCAL)).toBe(true);
    expect(isAvailableAt(lunch, new Date('2026-11-30T03:00:00Z'))).toBe(true);
    expect(isAvailableAt(lunch, new Date('2026-11-30T05:30:00Z'))).toBe(false);
    expect(isAvailableAt(lunch, new Date('2026-12-01T03:30:00Z'))).toBe(false);
    expect(isAvailableAt({ ...lunch, weeklyWindows: [{ weekday: 1, from: '00:00', to: '01:00' }] }, MON_0030_LOCAL)).toBe(true);
  });
  it('without windows is open all day, within the date range', () => {
    const range = { weeklyWindows: [], availableFrom: '2026-11-30', availableUntil: '2026-12-31' };
    expect(isAvailableAt(range, MON_0030_LOCAL)).toBe(true);
    expect(isAvailableAt(range, new Date('2026-11-29T15:59:00Z'))).toBe(false);
    expect(isAvailableAt(range, new Date('2026-12-31T15:59:00Z'))).toBe(true);
    expect(isAvailableAt(range, new Date('2026-12-31T16:00:00Z'))).toBe(false);
  });
});

describe('matchResources', () => {
  it('ranks category overlap first, then closeness, then availability', () => {
    const own = resource({ id: 'own', name: 'own', communityId: 'c1' });
    const street = resource({ id: 'street', name: 'street', communityId: null, streetId: 's1' });
    const district = resource({ id: 'district', name: 'district', communityId: null, streetId: null });
    const elsewhere = resource({ id: 'elsewhere', name: 'elsewhere', communityId: 'c9', streetId: 's9' });
    const closed = resource({ id: 'closed', name: 'closed', weeklyWindows: [{ weekday: 2, from: '08:00', to: '09:00' }] });
    const partial = resource({ id: 'partial', name: 'partial', categories: ['health'] });
    const both = resource({ id: 'both', name: 'both', categories: ['health', 'elderly.meal'] });
    const result = matchResources([elsewhere, partial, district, closed, street, own, both], {
      category: ['elderly.meal', 'health'],
      communityId: 'c1',
      streetId: 's1',
      at: MON_1130_LOCAL,
    });
    expect(result.map((m) => [m.resource.id, m.score])).toEqual([
      ['both', 1],
      ['own', 0.75],
      ['partial', 0.75],
      ['street', 0.65],
      ['closed', 0.55],
      ['district', 0.55],
      ['elsewhere', 0.45],
    ]);
    expect(result.find((m) => m.resource.id === 'own')!.reasons).toEqual(['category', 'same_community', 'available']);
    expect(result.find((m) => m.resource.id === 'closed')!.reasons).toEqual(['category', 'same_community']);
  });

  it('leaves out resources serving none of the categories, and archived ones', () => {
    const result = matchResources(
      [resource({ id: 'a', categories: ['culture'] }), resource({ id: 'b', status: 'archived' }), resource({ id: 'c' })],
      { category: 'elderly.meal', communityId: 'c1' },
    );
    expect(result.map((m) => m.resource.id)).toEqual(['c']);
  });

  it('without a category ranks by place and time alone and drops what scores nothing', () => {
    const result = matchResources(
      [resource({ id: 'far', communityId: 'c9', streetId: 's9' }), resource({ id: 'near' })],
      { communityId: 'c1', streetId: 's1' },
    );
    expect(result.map((m) => m.resource.id)).toEqual(['near']);
    expect(matchResources([resource()], {})).toEqual([]);
  });
});
