import { idNumberCheckChar } from '../src/common/identity.ts';
import { Rng, WeightedTable } from './prng.ts';

/**
 * Fictional resident ID numbers (GB 11643): mostly area codes of Jiangbei (浦口 320111,
 * 六合 320116), some of other Nanjing districts and of neighbouring provinces, since many
 * residents were born elsewhere. The check digit is valid; the numbers belong to nobody.
 */
export const AREA_CODES = new WeightedTable<string>([
  ['320111', 50], ['320116', 10], ['320106', 6], ['320102', 4], ['320104', 4], ['320113', 4],
  ['320115', 3], ['321102', 2], ['320923', 2], ['320382', 2], ['341102', 4], ['340104', 3],
  ['342401', 2], ['321283', 2], ['320812', 2],
]);

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** A random real date within the given year, as 'YYYY-MM-DD'. */
export function dateIn(rng: Rng, year: number, fromMonth = 1, toMonth = 12): string {
  const m = rng.int(fromMonth, toMonth);
  const days = m === 2 && isLeap(year) ? 29 : MONTH_DAYS[m - 1]!;
  return `${year}-${pad(m)}-${pad(rng.int(1, days))}`;
}

/** Whole years between a birth date and the reference date (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Issues ID numbers that are unique within one generator run. */
export class IdNumbers {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  make(birthDate: string, gender: 'male' | 'female', area?: string): string {
    for (;;) {
      const region = area ?? AREA_CODES.pick(this.rng);
      // The 17th digit is odd for men and even for women.
      const parity = this.rng.int(0, 4) * 2 + (gender === 'male' ? 1 : 0);
      const first17 = region + birthDate.replaceAll('-', '') + this.rng.digits(2) + String(parity);
      const id = first17 + idNumberCheckChar(first17);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
