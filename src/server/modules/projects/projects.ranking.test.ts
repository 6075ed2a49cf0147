import { describe, expect, it } from 'vitest';
import { bonusTenths, rankApplications, scoreProblem, type ApplicationFacts, type RankingRules } from './projects.ranking.ts';

// Criteria of story 3's call: need fit 40, plan 30, team 20, budget 10.
const rules: RankingRules = {
  criteria: [
    { id: 'fit', maxPoints: 40 },
    { id: 'plan', maxPoints: 30 },
    { id: 'team', maxPoints: 20 },
    { id: 'budget', maxPoints: 10 },
  ],
  bonus: { coFundingPointsPerTenPercent: 1, priorityThemes: [{ theme: 'elderly', points: 2 }], maxBonus: 5 },
  trimFrom: 5,
  passMark: 60,
};

/** A review totalling `total` tenths, with `fit` tenths on the heaviest criterion. */
function review(total: number, fit = Math.min(total, 400)): Record<string, number> {
  let rest = total - fit;
  const plan = Math.min(rest, 300);
  rest -= plan;
  const team = Math.min(rest, 200);
  return { fit, plan, team, budget: rest - team };
}

function app(id: string, totals: number[], extra: Partial<ApplicationFacts> = {}): ApplicationFacts {
  return {
    id,
    submittedAt: new Date('2026-03-01T08:00:00Z'),
    coFundingFen: 0,
    budgetFen: 18_000_000,
    themes: [],
    reviews: totals.map((t) => review(t)),
    ...extra,
  };
}

describe('ranking', () => {
  it('takes the plain mean under five reviews and adds the co-funding bonus (story 3)', () => {
    // 启航: 20% co-funding → 2 points; the new organization: none.
    const qihang = app('qihang', [850, 820, 790, 880], { coFundingFen: 3_600_000 });
    const fresh = app('fresh', [860, 840, 800, 830]);
    const ranked = rankApplications([fresh, qihang], rules);
    expect(ranked.map((r) => [r.id, r.rank, r.base, r.bonus, r.total, r.trimmed])).toEqual([
      ['qihang', 1, 83.5, 2, 85.5, false],
      ['fresh', 2, 83.25, 0, 83.25, false],
    ]);
  });

  it('drops the highest and the lowest total from five reviews on', () => {
    const [five] = rankApplications([app('a', [900, 500, 700, 800, 600])], rules);
    expect(five).toMatchObject({ base: 70, trimmed: true, reviewCount: 5 });
    const [four] = rankApplications([app('a', [900, 500, 700, 800])], rules);
    expect(four).toMatchObject({ base: 72.5, trimmed: false });
  });

  it('caps the bonus and counts only whole tens of per cent of co-funding', () => {
    const budgetFen = 1_000_000; // ¥10,000
    expect(bonusTenths({ budgetFen, coFundingFen: 199_999, themes: [] }, rules.bonus)).toBe(10);
    expect(bonusTenths({ budgetFen, coFundingFen: 200_000, themes: [] }, rules.bonus)).toBe(20);
    expect(bonusTenths({ budgetFen, coFundingFen: 200_000, themes: ['elderly'] }, rules.bonus)).toBe(40);
    expect(bonusTenths({ budgetFen, coFundingFen: 900_000, themes: ['elderly'] }, rules.bonus)).toBe(50);
    expect(bonusTenths({ budgetFen, coFundingFen: 0, themes: ['sports'] }, rules.bonus)).toBe(0);
  });

  it('breaks ties by the base, then the heaviest criterion, then the earlier submission', () => {
    // Same total 82: one with 2 bonus points on a base of 80, one with no bonus on 82.
    const bonus = app('bonus', [800, 800], { coFundingFen: 3_600_000 });
    const noBonus = app('nobonus', [820, 820]);
    expect(rankApplications([bonus, noBonus], rules).map((r) => [r.id, r.tieBrokenBy])).toEqual([
      ['nobonus', null],
      ['bonus', 'base'],
    ]);

    const fitHigh = { ...app('fit', []), reviews: [review(800, 380)] };
    const fitLow = { ...app('plan', []), reviews: [review(800, 350)] };
    expect(rankApplications([fitLow, fitHigh], rules).map((r) => [r.id, r.tieBrokenBy])).toEqual([
      ['fit', null],
      ['plan', 'heaviest_criterion'],
    ]);

    const late = app('late', [800], { submittedAt: new Date('2026-03-02T08:00:00Z') });
    const early = app('early', [800], { submittedAt: new Date('2026-03-01T09:00:00Z') });
    expect(rankApplications([late, early], rules).map((r) => [r.id, r.rank, r.tieBrokenBy])).toEqual([
      ['early', 1, null],
      ['late', 2, 'earlier_submission'],
    ]);
  });

  it('orders by exact means, not by their rounding', () => {
    // 250.0/3 = 83.333… against 83.33: both show 83.33, the exact one is higher.
    const third = app('third', [830, 840, 830]);
    const flat = { ...app('flat', []), reviews: [review(833), review(833), review(833)] };
    expect(rankApplications([flat, third], rules).map((r) => [r.id, r.total])).toEqual([
      ['third', 83.33],
      ['flat', 83.3],
    ]);
  });

  it('recommends only applications whose base reaches the pass mark, whatever their bonus', () => {
    const ranked = rankApplications([app('pass', [600]), app('short', [590], { coFundingFen: 9_000_000 })], rules);
    expect(ranked.map((r) => [r.id, r.total, r.recommended])).toEqual([
      ['short', 64, false],
      ['pass', 60, true],
    ]);
  });

  it('leaves out applications nobody has scored yet', () => {
    expect(rankApplications([app('none', []), app('one', [700])], rules).map((r) => r.id)).toEqual(['one']);
  });
});

describe('a reviewer’s scores', () => {
  it('must score every criterion in tenths within its points', () => {
    expect(scoreProblem(rules.criteria, { fit: 400, plan: 300, team: 200, budget: 100 })).toBeNull();
    expect(scoreProblem(rules.criteria, { fit: 400, plan: 300, team: 200 })).toEqual({ criterion: 'budget', problem: 'missing' });
    expect(scoreProblem(rules.criteria, { fit: 401, plan: 0, team: 0, budget: 0 })).toEqual({ criterion: 'fit', problem: 'out_of_range' });
    expect(scoreProblem(rules.criteria, { fit: -1, plan: 0, team: 0, budget: 0 })).toEqual({ criterion: 'fit', problem: 'out_of_range' });
    expect(scoreProblem(rules.criteria, { fit: 10.5, plan: 0, team: 0, budget: 0 })).toEqual({ criterion: 'fit', problem: 'not_tenths' });
  });
});
