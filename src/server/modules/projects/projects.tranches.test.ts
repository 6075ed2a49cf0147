import { describe, expect, it } from 'vitest';
import { planProblem, releaseBlock, splitByPercent, type ContractFacts, type TranchePlan } from './projects.tranches.ts';

// Story 3: ¥180,000 in three tranches, 30% at signing, 40% after a passed mid-term, 30% after final acceptance.
const plan: TranchePlan[] = [
  { amountFen: 5_400_000, precondition: 'signed' },
  { amountFen: 7_200_000, precondition: 'midterm_passed' },
  { amountFen: 5_400_000, precondition: 'final_accepted' },
];

const facts = (over: Partial<ContractFacts> = {}): ContractFacts => ({
  signed: true,
  terminated: false,
  midterm: null,
  final: null,
  milestonesReached: new Set(),
  released: new Set(),
  ...over,
});

describe('tranche plan', () => {
  it('splits by percent with the rounding on the last tranche', () => {
    expect(splitByPercent(18_000_000, [30, 40, 30])).toEqual([5_400_000, 7_200_000, 5_400_000]);
    expect(splitByPercent(100, [33, 33, 34])).toEqual([33, 33, 34]);
    expect(splitByPercent(1_000, [33, 33, 33, 1])).toEqual([330, 330, 330, 10]);
    expect(splitByPercent(1_001, [50, 50])).toEqual([500, 501]);
    expect(() => splitByPercent(1_000, [30, 40])).toThrow();
  });

  it('must add up to the contract amount with positive whole fen', () => {
    expect(planProblem(18_000_000, plan)).toBeNull();
    expect(planProblem(18_000_001, plan)).toBe('sum_differs');
    expect(planProblem(0, [])).toBe('no_tranches');
    expect(planProblem(100, [{ amountFen: 100.5, precondition: 'signed' }])).toBe('not_positive');
    expect(planProblem(100, [{ amountFen: 0, precondition: 'signed' }, { amountFen: 100, precondition: 'signed' }])).toBe('not_positive');
    expect(planProblem(100, [{ amountFen: 100, precondition: 'milestone_reached' }])).toBe('milestone_missing');
    expect(planProblem(100, [{ amountFen: 100, precondition: 'signed', milestoneId: 'm1' }])).toBe('milestone_unexpected');
  });
});

describe('releasing a tranche', () => {
  it('releases the first at signing and holds the second until the mid-term passes (story 3)', () => {
    expect(releaseBlock(plan, 1, facts())).toBeNull();
    expect(releaseBlock(plan, 1, facts({ signed: false }))).toBe('precondition_not_met');
    const afterFirst = { released: new Set([1]) };
    expect(releaseBlock(plan, 2, facts(afterFirst))).toBe('precondition_not_met');
    expect(releaseBlock(plan, 2, facts({ ...afterFirst, midterm: 'rectify' }))).toBe('precondition_not_met');
    expect(releaseBlock(plan, 2, facts({ ...afterFirst, midterm: 'passed' }))).toBeNull();
  });

  it('never releases a tranche twice, nor out of order', () => {
    expect(releaseBlock(plan, 1, facts({ released: new Set([1]) }))).toBe('already_released');
    expect(releaseBlock(plan, 2, facts({ midterm: 'passed' }))).toBe('earlier_tranche_pending');
  });

  it('stops every payment after a failed mid-term or a termination', () => {
    expect(releaseBlock(plan, 2, facts({ released: new Set([1]), midterm: 'failed' }))).toBe('midterm_failed');
    expect(releaseBlock(plan, 1, facts({ terminated: true }))).toBe('terminated');
  });

  it('pays the final tranche on acceptance, with or without conditions, never on failure', () => {
    const paid = { released: new Set([1, 2]), midterm: 'passed' as const };
    expect(releaseBlock(plan, 3, facts({ ...paid, final: 'accepted' }))).toBeNull();
    expect(releaseBlock(plan, 3, facts({ ...paid, final: 'accepted_with_conditions' }))).toBeNull();
    expect(releaseBlock(plan, 3, facts({ ...paid, final: 'failed' }))).toBe('precondition_not_met');
    expect(releaseBlock(plan, 3, facts(paid))).toBe('precondition_not_met');
  });

  it('waits for the named milestone', () => {
    const byMilestone: TranchePlan[] = [{ amountFen: 100, precondition: 'milestone_reached', milestoneId: 'm1' }];
    expect(releaseBlock(byMilestone, 1, facts({ milestonesReached: new Set(['m2']) }))).toBe('precondition_not_met');
    expect(releaseBlock(byMilestone, 1, facts({ milestonesReached: new Set(['m1']) }))).toBeNull();
  });
});
