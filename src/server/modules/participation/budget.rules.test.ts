import { describe, expect, it } from 'vitest';
import { ranked, winners, type Tally } from './budget.rules.ts';

/**
 * The count of a participatory budget round, on hand-made tallies: every expected set below is
 * worked out in the comment above it (costs in yuan-sized numbers for reading; the rule does
 * not care about the unit).
 */
const tally = (id: string, votes: number, costFen: number): Tally => ({ id, votes, costFen });
const ids = (s: Set<string>) => [...s].sort();

describe('ranking', () => {
  it('puts most approvals first, then the cheaper, then the one listed first', () => {
    // A 3 votes 50, B 5 votes 90, C 3 votes 40, D 3 votes 50 (listed after A)
    const order = ranked([tally('A', 3, 50), tally('B', 5, 90), tally('C', 3, 40), tally('D', 3, 50)]);
    // B (5) | C (3, 40) | A (3, 50, listed 1st) | D (3, 50, listed 4th)
    expect(order.map((t) => t.id)).toEqual(['B', 'C', 'A', 'D']);
  });

  it('keeps the listing order for full ties whichever way the list comes', () => {
    expect(ranked([tally('P', 2, 10), tally('Q', 2, 10)]).map((t) => t.id)).toEqual(['P', 'Q']);
    expect(ranked([tally('Q', 2, 10), tally('P', 2, 10)]).map((t) => t.id)).toEqual(['Q', 'P']);
  });
});

describe('approval: fund by votes until the budget runs out', () => {
  it('stops at the first candidate that does not fit, even when a later one would', () => {
    // budget 100: A (5 votes, 60) fits, 40 left; B (4 votes, 50) does not fit → funding ends;
    // C (3 votes, 10) would fit in the 40 left but comes after the stop
    expect(ids(winners('approval', 100, [tally('A', 5, 60), tally('B', 4, 50), tally('C', 3, 10)]))).toEqual(['A']);
  });

  it('funds every candidate down the ranking while the money lasts, a cost equal to what is left included', () => {
    // budget 100: A (9, 40) → 60 left; B (7, 35) → 25 left; C (6, 25) → exactly 0 left; D (1, 1) no money
    expect(ids(winners('approval', 100, [tally('D', 1, 1), tally('C', 6, 25), tally('B', 7, 35), tally('A', 9, 40)]))).toEqual(['A', 'B', 'C']);
  });

  it('funds nothing when the best-ranked candidate is over the whole budget', () => {
    // A (5, 200) does not fit 100: funding ends before B (1, 50)
    expect(ids(winners('approval', 100, [tally('A', 5, 200), tally('B', 1, 50)]))).toEqual([]);
  });

  it('breaks a tie in votes by the cheaper candidate, then by the one listed first', () => {
    // budget 50, both 3 votes: B (40) is cheaper → funded, 10 left; A (50) no longer fits
    expect(ids(winners('approval', 50, [tally('A', 3, 50), tally('B', 3, 40)]))).toEqual(['B']);
    // budget 60, both 3 votes and 50: the one listed first is funded, the other does not fit the 10 left
    expect(ids(winners('approval', 60, [tally('A', 3, 50), tally('B', 3, 50)]))).toEqual(['A']);
    expect(ids(winners('approval', 60, [tally('B', 3, 50), tally('A', 3, 50)]))).toEqual(['B']);
  });

  it('never funds a candidate nobody approved, however much money is left', () => {
    // budget 1000: A (2, 10) funded; B (0, 10) has no approval
    expect(ids(winners('approval', 1000, [tally('A', 2, 10), tally('B', 0, 10)]))).toEqual(['A']);
    expect(ids(winners('approval', 1000, [tally('A', 0, 10), tally('B', 0, 10)]))).toEqual([]);
  });
});

describe('knapsack: the set that fits the budget with the most approvals', () => {
  it('finds the best-fitting set where funding down the ranking does not', () => {
    // budget 100: A (10 votes, 60), B (7, 50), C (7, 50).
    // Down the ranking: A → 40 left, neither B nor C fits: {A} with 10 approvals.
    // Sets that fit: {A} 10, {B} 7, {C} 7, {B, C} 14 (cost 100); {A, B} and {A, C} cost 110.
    const tallies = [tally('A', 10, 60), tally('B', 7, 50), tally('C', 7, 50)];
    expect(ids(winners('approval', 100, tallies))).toEqual(['A']);
    expect(ids(winners('knapsack', 100, tallies))).toEqual(['B', 'C']);
  });

  it('takes the cheaper of two sets with as many approvals, even when the dearer holds the top candidate', () => {
    // budget 90: X (6, 90), Y (3, 30), Z (3, 40). {X} 6 approvals for 90; {Y, Z} 6 approvals for 70;
    // {X, Y} and {X, Z} do not fit → {Y, Z}
    expect(ids(winners('knapsack', 90, [tally('X', 6, 90), tally('Y', 3, 30), tally('Z', 3, 40)]))).toEqual(['Y', 'Z']);
  });

  it('of two sets equal in approvals and cost takes the one with the better-ranked candidates', () => {
    // budget 40: A (4, 40) alone, or B (2, 20) with C (2, 20): both 4 approvals for 40; A ranks first
    expect(ids(winners('knapsack', 40, [tally('B', 2, 20), tally('C', 2, 20), tally('A', 4, 40)]))).toEqual(['A']);
    // the same candidates all with equal votes and cost: the first listed wins a budget for one
    expect(ids(winners('knapsack', 20, [tally('B', 2, 20), tally('C', 2, 20)]))).toEqual(['B']);
  });

  it('never adds a candidate nobody approved, and funds nothing when nobody approved anything', () => {
    // budget 1000: {A} 2 approvals for 10; {A, B} also 2 approvals but 20 → the cheaper {A}
    expect(ids(winners('knapsack', 1000, [tally('A', 2, 10), tally('B', 0, 10)]))).toEqual(['A']);
    expect(ids(winners('knapsack', 1000, [tally('A', 0, 10), tally('B', 0, 10)]))).toEqual([]);
  });

  it('funds a later candidate when the top one is over the whole budget', () => {
    // budget 100: A (5, 200) never fits; B (1, 50) does → {B} (approval funds nothing here)
    expect(ids(winners('knapsack', 100, [tally('A', 5, 200), tally('B', 1, 50)]))).toEqual(['B']);
  });

  it('tries every set of the 20 candidates a round may hold, and refuses more', () => {
    // 20 candidates, candidate i (1…20) has i votes and costs i; budget 20.
    // Most approvals within cost 20 is 20 (votes equal cost); the cheapest sets reaching it all
    // cost 20; of those the best-ranked holds candidate 20 alone.
    const twenty = Array.from({ length: 20 }, (_, i) => tally(`c${i + 1}`, i + 1, i + 1));
    expect(ids(winners('knapsack', 20, twenty))).toEqual(['c20']);
    // with candidate 20 voted down to 19 approvals, 20 approvals need two or more others:
    // {1,19}, {2,18}, … all cost 20; the best-ranked set holds the best-ranked candidate, 19, with 1
    const tweaked = twenty.map((t) => (t.id === 'c20' ? { ...t, votes: 19 } : t));
    expect(ids(winners('knapsack', 20, tweaked))).toEqual(['c1', 'c19']);
    expect(() => winners('knapsack', 20, [...twenty, tally('c21', 1, 1)])).toThrow();
  });
});
