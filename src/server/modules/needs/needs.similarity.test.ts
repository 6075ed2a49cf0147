import { describe, expect, it } from 'vitest';
import { bigramSimilarity } from './needs.similarity.ts';

describe('bigram similarity of Chinese descriptions', () => {
  it('scores the same complaint in other words above unrelated ones', () => {
    const same = bigramSimilarity('三单元楼道的灯坏了，晚上很黑', '三单元楼道灯坏了好几天');
    const other = bigramSimilarity('三单元楼道的灯坏了，晚上很黑', '小区门口的垃圾桶满了');
    expect(same).toBeGreaterThanOrEqual(0.2);
    expect(other).toBeLessThan(0.2);
  });
  it('ignores punctuation and spaces, and is 1 for equal text and 0 for empty', () => {
    expect(bigramSimilarity('电梯 坏了！', '电梯坏了')).toBe(1);
    expect(bigramSimilarity('', '电梯坏了')).toBe(0);
  });
});
