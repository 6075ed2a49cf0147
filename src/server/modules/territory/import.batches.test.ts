import { describe, expect, it } from 'vitest';
import { batchesOf, writeCount } from './import.job.ts';

describe('batchesOf', () => {
  const writes = { buildings: ['b1'], households: ['h1', 'h2'], inserts: ['i1', 'i2', 'i3', 'i4'], updates: ['u1'] };

  it('cuts the writes into batches of the size, in the order they must be written', () => {
    expect(batchesOf(writes, 3)).toEqual([
      { buildings: ['b1'], households: ['h1', 'h2'], inserts: [], updates: [] },
      { buildings: [], households: [], inserts: ['i1', 'i2', 'i3'], updates: [] },
      { buildings: [], households: [], inserts: ['i4'], updates: ['u1'] },
    ]);
  });

  it('makes one batch when everything fits, and none when there is nothing to write', () => {
    expect(batchesOf(writes, 8)).toEqual([writes]);
    expect(batchesOf({ buildings: [], households: [], inserts: [], updates: [] }, 3)).toEqual([]);
  });

  it('loses and repeats nothing', () => {
    for (const size of [1, 2, 5, 7]) {
      const batches = batchesOf(writes, size);
      expect(batches.every((b) => writeCount(b) <= size && writeCount(b) > 0)).toBe(true);
      expect(batches.flatMap((b) => [...b.buildings, ...b.households, ...b.inserts, ...b.updates])).toEqual(['b1', 'h1', 'h2', 'i1', 'i2', 'i3', 'i4', 'u1']);
    }
  });
});
