import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The database's bigram similarity of two descriptions (migration 0015). */
async function similarity(a: string, b: string): Promise<number> {
  return (await sql<{ s: number }>`select bigram_similarity(${a}, ${b}) as s`.execute(t.db)).rows[0]!.s;
}

describe('bigram similarity of Chinese descriptions, in SQL', () => {
  it('scores the same complaint in other words above unrelated ones', async () => {
    // 三单 单元 元楼 楼道 灯坏 坏了 shared, of 12 + 10 - 6 = 16 distinct bigrams: 6/16.
    expect(await similarity('三单元楼道的灯坏了，晚上很黑', '三单元楼道灯坏了好几天')).toBe(0.375);
    expect(await similarity('三单元楼道的灯坏了，晚上很黑', '小区门口的垃圾桶满了')).toBe(0);
  });

  it('ignores spaces, punctuation and symbols, ASCII and full-width, and letter case', async () => {
    expect(await similarity('电梯 坏了！', '电梯坏了')).toBe(1);
    expect(await similarity('“电梯”坏了。', '电梯坏了')).toBe(1);
    expect(await similarity('Lift—broken…', 'lift broken')).toBe(1);
  });

  it('is 0 for an empty text and compares a single character as itself', async () => {
    expect(await similarity('', '电梯坏了')).toBe(0);
    expect(await similarity('，', '电梯坏了')).toBe(0);
    expect(await similarity('A', 'a')).toBe(1);
  });
});
