/**
 * The key that decides whether two typed addresses are the same household: full-width
 * characters folded to half-width, spaces and punctuation dropped, letters upper-cased.
 * "J社区 12栋 3单元 301室" and "J社区12栋3单元301室" are one household.
 */
export function addressKey(address: string): string {
  return address
    .normalize('NFKC')
    .replace(/[\s\-—_·.,，。、()（）#]/g, '')
    .toUpperCase();
}
