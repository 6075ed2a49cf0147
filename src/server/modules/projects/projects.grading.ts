/**
 * Evaluation grades by bands (DESIGN 3.6). Bands are settings; a project keeps the bands it
 * started with, so these functions take them as data.
 */

export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

export interface GradeBand {
  grade: Grade;
  /** Lowest score (in points, 0–100) that still earns this grade. */
  min: number;
}

/** ≥ 90 优秀, 80–89 良好, 60–79 合格, < 60 不合格. */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { grade: 'excellent', min: 90 },
  { grade: 'good', min: 80 },
  { grade: 'pass', min: 60 },
  { grade: 'fail', min: 0 },
];

/**
 * Bands must give every score from 0 to 100 exactly one grade: highest first, each lower than
 * the one before, the last starting at 0, and no grade twice. Answers what is wrong, or null.
 */
export function bandsProblem(bands: readonly GradeBand[]): 'empty' | 'not_descending' | 'not_from_zero' | 'out_of_range' | 'grade_twice' | null {
  if (bands.length === 0) return 'empty';
  if (bands.some((b) => b.min < 0 || b.min > 100)) return 'out_of_range';
  if (new Set(bands.map((b) => b.grade)).size !== bands.length) return 'grade_twice';
  if (bands.some((b, i) => i > 0 && b.min >= bands[i - 1]!.min)) return 'not_descending';
  if (bands.at(-1)!.min !== 0) return 'not_from_zero';
  return null;
}

/** The grade of a score (points, may have decimals) under valid bands. */
export function gradeFor(score: number, bands: readonly GradeBand[]): Grade {
  const band = bands.find((b) => score >= b.min);
  if (!band) throw new Error(`no band for score ${score}`);
  return band.grade;
}
