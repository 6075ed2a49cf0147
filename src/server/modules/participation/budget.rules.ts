import type { RoundRule } from './participation.tables.ts';

/** A candidate as the count sees it: its cost, its approvals, and its place on the list (ties). */
export interface Tally {
  id: string;
  costFen: number;
  votes: number;
}

/** Most approvals first; then the cheaper; then the one listed first. */
export function ranked(tallies: readonly Tally[]): Tally[] {
  return tallies.map((t, i) => ({ t, i })).sort((a, b) => b.t.votes - a.t.votes || a.t.costFen - b.t.costFen || a.i - b.i).map((x) => x.t);
}

/**
 * The winners of a round within its budget.
 * - approval: down the ranking, each candidate is funded while the money lasts; the first that
 *   does not fit ends the funding (what residents read on the ballot: "by votes until the
 *   budget runs out").
 * - knapsack: the set of candidates that fits the budget with the most approvals in total; of
 *   equal sets the cheaper, then the one with the better-ranked candidates. Rounds have at
 *   most 20 candidates, so every set is tried.
 */
export function winners(rule: RoundRule, budgetFen: number, tallies: readonly Tally[]): Set<string> {
  const order = ranked(tallies);
  if (rule === 'approval') {
    const won = new Set<string>();
    let left = budgetFen;
    for (const t of order) {
      // a candidate nobody approved is never funded
      if (t.votes === 0 || t.costFen > left) break;
      won.add(t.id);
      left -= t.costFen;
    }
    return won;
  }
  const n = order.length;
  if (n > 20) throw new Error('a round has at most 20 candidates');
  // bit (n-1-i) stands for the i-th ranked candidate, so a larger mask holds better-ranked ones
  const size = 1 << n;
  const cost = new Float64Array(size);
  const votes = new Float64Array(size);
  let best = 0;
  for (let mask = 1; mask < size; mask++) {
    const low = mask & -mask;
    const i = n - 1 - Math.log2(low);
    cost[mask] = cost[mask ^ low]! + order[i]!.costFen;
    votes[mask] = votes[mask ^ low]! + order[i]!.votes;
    if (cost[mask]! > budgetFen) continue;
    if (votes[mask]! > votes[best]! || (votes[mask] === votes[best] && (cost[mask]! < cost[best]! || (cost[mask] === cost[best] && mask > best)))) best = mask;
  }
  return new Set(order.filter((_, i) => best & (1 << (n - 1 - i))).map((t) => t.id));
}
