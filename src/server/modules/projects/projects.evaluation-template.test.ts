import { describe, expect, it } from 'vitest';
import { DEFAULT_EVALUATION_TEMPLATE, leavesOf, scoreEvaluation, templateProblem, type Indicator } from './projects.evaluation-template.ts';

const leaf = (id: string, points: number): Indicator => ({ id, name: { 'zh-CN': id, en: id }, points });
const node = (id: string, children: Indicator[]): Indicator => ({ id, name: { 'zh-CN': id, en: id }, children });

const small = [node('a', [node('a.1', [leaf('a.1.x', 60), leaf('a.1.y', 40)])])];

describe('evaluation template', () => {
  it('accepts the seeded default: three levels, 100 points on the level-3 indicators', () => {
    expect(templateProblem(DEFAULT_EVALUATION_TEMPLATE)).toBeNull();
    expect(leavesOf(DEFAULT_EVALUATION_TEMPLATE).reduce((s, l) => s + l.points, 0)).toBe(100);
  });

  it('refuses templates that are not three levels worth 100 in all', () => {
    expect(templateProblem(small)).toBeNull();
    expect(templateProblem([node('a', [node('a.1', [leaf('a.1.x', 60), leaf('a.1.y', 39)])])])).toBe('not_100');
    expect(templateProblem([node('a', [leaf('a.x', 100)])])).toBe('not_three_levels');
    expect(templateProblem([node('a', [])])).toBe('not_three_levels');
    expect(templateProblem([node('a', [node('a.1', [{ ...leaf('a.1.x', 100), points: undefined }])])])).toBe('leaf_without_points');
    expect(templateProblem([{ ...node('a', [node('a.1', [leaf('a.1.x', 100)])]), points: 100 }])).toBe('parent_with_points');
    expect(templateProblem([node('a', [node('a.1', [leaf('a.1.x', 50), leaf('a.1.x', 50)])])])).toBe('id_twice');
  });
});

describe('scoring an evaluation', () => {
  it('sums the points awarded per level-3 indicator (story 4: 78 at mid-term)', () => {
    expect(scoreEvaluation(small, { 'a.1.x': 45.5, 'a.1.y': 32.5 })).toEqual({ score: 78 });
  });

  it('names the indicator in error', () => {
    expect(scoreEvaluation(small, { 'a.1.x': 45 })).toEqual({ indicator: 'a.1.y', problem: 'missing' });
    expect(scoreEvaluation(small, { 'a.1.x': 61, 'a.1.y': 0 })).toEqual({ indicator: 'a.1.x', problem: 'out_of_range' });
    expect(scoreEvaluation(small, { 'a.1.x': -1, 'a.1.y': 0 })).toEqual({ indicator: 'a.1.x', problem: 'out_of_range' });
    expect(scoreEvaluation(small, { 'a.1.x': 10.25, 'a.1.y': 0 })).toEqual({ indicator: 'a.1.x', problem: 'not_halves' });
    expect(scoreEvaluation(small, { 'a.1.x': 1, 'a.1.y': 1, 'a.2': 1 })).toEqual({ indicator: 'a.2', problem: 'unknown' });
  });
});
