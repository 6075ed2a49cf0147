import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  it('makes valid UUIDv7s that increase strictly, also within one millisecond, and never repeat', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids.slice(0, 100)) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    // 20,000 ids take a few milliseconds: many share one.
    expect(new Set(ids.map((id) => id.slice(0, 13))).size).toBeLessThan(ids.length / 10);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the time it was made in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('does not repeat its random part across the pool refills', () => {
    // 256 ids use one draw of the pool; 1,000 span four. Their last 40 bits are random bytes
    // only (no counter), so a pool reused without a new draw would repeat them.
    const tails = Array.from({ length: 1_000 }, () => newId().slice(-10));
    expect(new Set(tails).size).toBe(tails.length);
  });
});
