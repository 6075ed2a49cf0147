/**
 * Contract tranches (DESIGN 3.6): N payments that add up to the contract amount, each released
 * only when its precondition holds. Pure rules; the contract store records releases and makes a
 * second release of the same tranche impossible (unique payment per tranche).
 */

export const TRANCHE_PRECONDITIONS = ['signed', 'midterm_passed', 'final_accepted', 'milestone_reached'] as const;
export type TranchePrecondition = (typeof TRANCHE_PRECONDITIONS)[number];

export interface TranchePlan {
  amountFen: number;
  precondition: TranchePrecondition;
  /** Only for `milestone_reached`. */
  milestoneId?: string;
}

/** What has happened on the contract, as recorded. */
export interface ContractFacts {
  signed: boolean;
  terminated: boolean;
  /** The latest mid-term result: rectification pending counts as not passed yet. */
  midterm: 'passed' | 'rectify' | 'failed' | null;
  final: 'accepted' | 'accepted_with_conditions' | 'failed' | null;
  milestonesReached: ReadonlySet<string>;
  /** Sequence numbers (1-based) of the tranches already released. */
  released: ReadonlySet<number>;
}

export type PlanProblem = 'no_tranches' | 'not_positive' | 'sum_differs' | 'milestone_missing' | 'milestone_unexpected';

export function planProblem(contractFen: number, plan: readonly TranchePlan[]): PlanProblem | null {
  if (plan.length === 0) return 'no_tranches';
  if (plan.some((t) => !Number.isInteger(t.amountFen) || t.amountFen <= 0)) return 'not_positive';
  if (plan.some((t) => t.precondition === 'milestone_reached' && !t.milestoneId)) return 'milestone_missing';
  if (plan.some((t) => t.precondition !== 'milestone_reached' && t.milestoneId)) return 'milestone_unexpected';
  if (plan.reduce((s, t) => s + t.amountFen, 0) !== contractFen) return 'sum_differs';
  return null;
}

/**
 * Splits an amount by whole percentages; the fen lost to rounding go to the last tranche so the
 * tranches always add up to the amount (30/40/30 of ¥180,000 → ¥54,000, ¥72,000, ¥54,000).
 */
export function splitByPercent(amountFen: number, percents: readonly number[]): number[] {
  if (percents.length === 0 || percents.reduce((a, b) => a + b, 0) !== 100) throw new Error('percentages must add up to 100');
  const parts = percents.map((p) => Math.floor((amountFen * p) / 100));
  parts[parts.length - 1]! += amountFen - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export type ReleaseBlock =
  | 'already_released'
  | 'earlier_tranche_pending'
  | 'terminated'
  | 'midterm_failed'
  | 'precondition_not_met';

/**
 * Why tranche `seq` (1-based) cannot be released now, or null when it can. Tranches are paid in
 * order; a failed mid-term or a failed final acceptance stops every later payment.
 */
export function releaseBlock(plan: readonly TranchePlan[], seq: number, facts: ContractFacts): ReleaseBlock | null {
  const tranche = plan[seq - 1];
  if (!tranche) throw new Error(`no tranche ${seq}`);
  if (facts.released.has(seq)) return 'already_released';
  if (facts.terminated) return 'terminated';
  if (facts.midterm === 'failed') return 'midterm_failed';
  for (let earlier = 1; earlier < seq; earlier++) if (!facts.released.has(earlier)) return 'earlier_tranche_pending';
  return holds(tranche, facts) ? null : 'precondition_not_met';
}

function holds(t: TranchePlan, facts: ContractFacts): boolean {
  switch (t.precondition) {
    case 'signed':
      return facts.signed;
    case 'midterm_passed':
      return facts.midterm === 'passed';
    case 'final_accepted':
      // 有条件通过 is an acceptance: its conditions are followed up, the payment is not withheld.
      return facts.final === 'accepted' || facts.final === 'accepted_with_conditions';
    case 'milestone_reached':
      return t.milestoneId !== undefined && facts.milestonesReached.has(t.milestoneId);
  }
}
