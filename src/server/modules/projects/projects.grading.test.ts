import { describe, expect, it } from 'vitest';
import { bandsProblem, DEFAULT_GRADE_BANDS, gradeFor } from './projects.grading.ts';

describe('grade bands', () => {
  it('grades by the default bands at each boundary (≥ 90 优秀, 80–89 良好, 60–79 合格, < 60 不合格)', () => {
    const cases: [number, string][] = [
      [100, 'excellent'],
      [91, 'excellent'],
      [90, 'excellent'],
      [89.9, 'good'],
      [80, 'good'],
      [79.5, 'pass'],
      [78, 'pass'],
      [60, 'pass'],
      [59.9, 'fail'],
      [0, 'fail'],
    ];
    for (const [score, grade] of cases) expect([score, gradeFor(score, DEFAULT_GRADE_BANDS)]).toEqual([score, grade]);
  });

  it('follows configured bands', () => {
    const strict = [
      { grade: 'excellent' as const, min: 95 },
      { grade: 'pass' as const, min: 70 },
      { grade: 'fail' as const, min: 0 },
    ];
    expect(bandsProblem(strict)).toBeNull();
    expect(gradeFor(94, strict)).toBe('pass');
    expect(gradeFor(69, strict)).toBe('fail');
  });

  it('refuses bands that leave a score without exactly one grade', () => {
    expect(bandsProblem(DEFAULT_GRADE_BANDS)).toBeNull();
    expect(bandsProblem([])).toBe('empty');
    expect(bandsProblem([{ grade: 'pass', min: 60 }])).toBe('not_from_zero');
    expect(bandsProblem([{ grade: 'pass', min: 60 }, { grade: 'good', min: 80 }, { grade: 'fail', min: 0 }])).toBe('not_descending');
    expect(bandsProblem([{ grade: 'good', min: 80 }, { grade: 'pass', min: 80 }, { grade: 'fail', min: 0 }])).toBe('not_descending');
    expect(bandsProblem([{ grade: 'good', min: 80 }, { grade: 'good', min: 60 }, { grade: 'fail', min: 0 }])).toBe('grade_twice');
    expect(bandsProblem([{ grade: 'excellent', min: 101 }, { grade: 'fail', min: 0 }])).toBe('out_of_range');
  });
});
