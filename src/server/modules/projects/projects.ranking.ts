/**
 * The panel's ranking of a call's applications (DESIGN 3.6, issue 9): computed from the
 * reviewers' scores and the application's recorded facts, never typed. Pure: the store loads
 * the submitted reviews, this orders them.
 *
 * Scores are kept in tenths of a point as integers and means as exact fractions, so two
 * applications are never ordered by a floating-point accident; figures are rounded (half up, to
 * hundredths) only for display.
 */

export interface Criterion {
  id: string;
  /** The most points a reviewer may give; the weights of a call's criteria add up to 100. */
  maxPoints: number;
}

export interface BonusRules {
  /** Points per full ten per cent of the project budget the applicant co-funds. */
  coFundingPointsPerTenPercent: number;
  /** Themes the call gives extra points for, and how many. */
  priorityThemes: readonly { theme: string; points: number }[];
  /** No application gets more bonus points than this in total. */
  maxBonus: number;
}

export interface RankingRules {
  criteria: readonly Criterion[];
  bonus: BonusRules;
  /** With this many reviews or more, the highest and the lowest total are dropped (trimmed mean). */
  trimFrom: number;
  /** Below this base score (without bonus) an application is not recommended for the award. */
  passMark: number;
}

export interface ApplicationFacts {
  id: string;
  /** When it was submitted: an earlier submission wins the last tie. */
  submittedAt: Date;
  coFundingFen: number;
  budgetFen: number;
  themes: readonly string[];
  /** One entry per submitted review: points per criterion id, in tenths of a point. */
  reviews: readonly Readonly<Record<string, number>>[];
}

/** An exact non-negative fraction of tenths of a point. */
interface Fraction {
  num: number;
  den: number;
}

export interface RankedApplication {
  id: string;
  rank: number;
  reviewCount: number;
  trimmed: boolean;
  /** Mean (or trimmed mean) of the reviewers' totals, in points, rounded to hundredths. */
  base: number;
  bonus: number;
  total: number;
  recommended: boolean;
  /** Which rule separated this application from the one ranked just above it, if any. */
  tieBrokenBy: TieRule | null;
}

/** The stated tie rule, in order: the total, then the base, then the heaviest criterion, then time. */
export const TIE_RULES = ['total', 'base', 'heaviest_criterion', 'earlier_submission'] as const;
export type TieRule = (typeof TIE_RULES)[number];

export const DEFAULT_RANKING_RULES: Omit<RankingRules, 'criteria'> = {
  bonus: { coFundingPointsPerTenPercent: 1, priorityThemes: [], maxBonus: 5 },
  trimFrom: 5,
  passMark: 60,
};

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function meanOf(values: readonly number[], trim: boolean): Fraction {
  if (values.length === 0) return { num: 0, den: 1 };
  const kept = trim ? [...values].sort((a, b) => a - b).slice(1, -1) : values;
  return { num: sum(kept), den: kept.length };
}

/** Compares a/b with c/d without division (all positive denominators). */
const compare = (a: Fraction, b: Fraction) => a.num * b.den - b.num * a.den;
const add = (a: Fraction, tenths: number): Fraction => ({ num: a.num + tenths * a.den, den: a.den });

/** Tenths of a point as points, rounded half up to hundredths. */
function points(f: Fraction): number {
  return Math.round((f.num * 10) / f.den) / 100;
}

/** Bonus points in tenths, from the co-funding share and the priority themes, capped. */
export function bonusTenths(app: Pick<ApplicationFacts, 'coFundingFen' | 'budgetFen' | 'themes'>, rules: BonusRules): number {
  const tenPercents = app.budgetFen > 0 ? Math.floor((app.coFundingFen * 10) / app.budgetFen) : 0;
  const coFunding = tenPercents * rules.coFundingPointsPerTenPercent * 10;
  const themes = sum(rules.priorityThemes.filter((t) => app.themes.includes(t.theme)).map((t) => t.points * 10));
  return Math.min(coFunding + themes, rules.maxBonus * 10);
}

/** Checks a reviewer's scores against the criteria; answers the first problem found. */
export function scoreProblem(criteria: readonly Criterion[], scores: Readonly<Record<string, number>>): { criterion: string; problem: 'missing' | 'out_of_range' | 'not_tenths' } | null {
  for (const c of criteria) {
    const s = scores[c.id];
    if (s === undefined) return { criterion: c.id, problem: 'missing' };
    if (!Number.isInteger(s)) return { criterion: c.id, problem: 'not_tenths' };
    if (s < 0 || s > c.maxPoints * 10) return { criterion: c.id, problem: 'out_of_range' };
  }
  return null;
}

interface Scored {
  app: ApplicationFacts;
  base: Fraction;
  total: Fraction;
  heaviest: Fraction;
  bonus: number;
  trimmed: boolean;
}

function firstDifference(a: Scored, b: Scored): { rule: TieRule; order: number } {
  const steps: [TieRule, number][] = [
    ['total', compare(b.total, a.total)],
    ['base', compare(b.base, a.base)],
    ['heaviest_criterion', compare(b.heaviest, a.heaviest)],
    ['earlier_submission', a.app.submittedAt.getTime() - b.app.submittedAt.getTime()],
  ];
  for (const [rule, order] of steps) if (order !== 0) return { rule, order };
  // Same in every stated rule, submitted in the same millisecond: the id keeps the order stable.
  return { rule: 'earlier_submission', order: a.app.id < b.app.id ? -1 : 1 };
}

/**
 * Orders the applications that have at least one submitted review. The heaviest criterion is
 * the one with the most points (the first listed among equals).
 */
export function rankApplications(apps: readonly ApplicationFacts[], rules: RankingRules): RankedApplication[] {
  const heaviest = [...rules.criteria].sort((a, b) => b.maxPoints - a.maxPoints)[0];
  const scored: Scored[] = apps
    .filter((app) => app.reviews.length > 0)
    .map((app) => {
      const trimmed = app.reviews.length >= rules.trimFrom;
      const totals = app.reviews.map((r) => sum(rules.criteria.map((c) => r[c.id] ?? 0)));
      const base = meanOf(totals, trimmed);
      const bonus = bonusTenths(app, rules.bonus);
      return {
        app,
        base,
        bonus,
        trimmed,
        total: add(base, bonus),
        heaviest: meanOf(app.reviews.map((r) => (heaviest ? r[heaviest.id] ?? 0 : 0)), trimmed),
      };
    });
  scored.sort((a, b) => firstDifference(a, b).order);
  return scored.map((s, i) => ({
    id: s.app.id,
    rank: i + 1,
    reviewCount: s.app.reviews.length,
    trimmed: s.trimmed,
    base: points(s.base),
    bonus: s.bonus / 10,
    total: points(s.total),
    recommended: compare(s.base, { num: rules.passMark * 10, den: 1 }) >= 0,
    tieBrokenBy: i === 0 ? null : tieRuleAbove(scored[i - 1]!, s),
  }));
}

/** The rule that put `above` first, or null when their totals already differ. */
function tieRuleAbove(above: Scored, below: Scored): TieRule | null {
  const { rule } = firstDifference(above, below);
  return rule === 'total' ? null : rule;
}
