/**
 * Text similarity for duplicate suggestions. pg_trgm works on bytes-hashed trigrams for CJK
 * text and gives low scores to short Chinese sentences that mean the same thing ("楼道灯坏了"
 * vs "楼道的灯坏了好几天" ≈ 0.23), and results depend on the server's locale. Character bigrams
 * suit Chinese (most words are two characters), and the candidate set is small (same category
 * and place within 90 days), so the Jaccard index of bigram sets is computed here.
 */
function bigrams(text: string): Set<string> {
  const chars = Array.from(text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ''));
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

export function bigramSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}
