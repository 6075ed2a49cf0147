import { RATINGS, type OrganizationType, type Rating } from '../../../common/organizations.ts';

/**
 * What a call needs to know about an organization on a given day; built by
 * `organizationStanding` from the register and the credit lists.
 */
export interface OrganizationStanding {
  organizationId: string;
  onDate: string;
  type: OrganizationType;
  /** Registered (or filed) on or before `onDate` and not deregistered. */
  registered: boolean;
  /** A community-based organization is filed (备案) with the street, not registered. */
  filedOnly: boolean;
  registeredOn: string;
  ageDays: number;
  /** The rating on record; whether it still counts depends on `ratingValidUntil`. */
  rating: Rating | null;
  ratingValidUntil: string | null;
  ratingValid: boolean;
  onAbnormalList: boolean;
  abnormalSince: string | null;
  onDishonestList: boolean;
  dishonestSince: string | null;
  annualReportFiledFor: number[];
}

/** A call's eligibility rules (申报条件). */
export interface EligibilityRules {
  minRating?: Rating;
  minAgeMonths?: number;
  /** The annual report for the previous calendar year must be filed. */
  requireAnnualReport?: boolean;
  excludeAbnormalList: boolean;
  excludeDishonestList: boolean;
  /** No project of the organization failed (不合格 / 终止) within this many months. */
  failedProjectExclusionMonths?: number;
  /** Community-level calls accept community-based organizations that are only filed (备案). */
  acceptsFiledCommunityOrgs?: boolean;
}

export const ELIGIBILITY_RULES = [
  'registered',
  'minRating',
  'minAgeMonths',
  'requireAnnualReport',
  'excludeAbnormalList',
  'excludeDishonestList',
  'failedProjectExclusionMonths',
] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];

/** Every reason an answer can give; the web catalogues hold a sentence for each. */
export const ELIGIBILITY_REASONS = [
  'registered',
  'filed_accepted',
  'filed_not_accepted',
  'deregistered',
  'not_yet_registered',
  'rating_met',
  'rating_below',
  'rating_none',
  'rating_expired',
  'age_met',
  'age_below',
  'annual_report_filed',
  'annual_report_missing',
  'annual_report_not_due',
  'not_on_abnormal_list',
  'on_abnormal_list',
  'not_on_dishonest_list',
  'on_dishonest_list',
  'no_recent_failed_project',
  'failed_project',
] as const;
export type EligibilityReason = (typeof ELIGIBILITY_REASONS)[number];

export interface EligibilityCheck {
  rule: EligibilityRule;
  pass: boolean;
  reason: EligibilityReason;
  params: Record<string, string | number>;
}

export interface EligibilityAnswer {
  eligible: boolean;
  checks: EligibilityCheck[];
}

/** `date` plus `months` calendar months; a day past the end of the month falls on its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole calendar months from `from` to `to` (0 when `to` is earlier). */
export function fullMonths(from: string, to: string): number {
  if (to < from) return 0;
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  let n = (ty - fy) * 12 + (tm - fm);
  while (n > 0 && addMonths(from, n) > to) n--;
  return n;
}

const rank = (r: Rating) => RATINGS.indexOf(r);

/**
 * Answers every rule of a call for one organization on `standing.onDate`, each with a reason
 * code and its parameters, so a refusal can be explained ("评估等级低于 3A（当前 2A）").
 * `failedProjectEndDates` are the days the organization's failed projects ended.
 */
export function evaluateEligibility(
  standing: OrganizationStanding,
  rules: EligibilityRules,
  failedProjectEndDates: readonly string[] = [],
): EligibilityAnswer {
  const on = standing.onDate;
  const checks: EligibilityCheck[] = [];
  const check = (rule: EligibilityRule, pass: boolean, reason: EligibilityReason, params: EligibilityCheck['params'] = {}) =>
    checks.push({ rule, pass, reason, params });

  if (!standing.registered) {
    check('registered', false, standing.registeredOn > on ? 'not_yet_registered' : 'deregistered', { on: standing.registeredOn });
  } else if (standing.filedOnly) {
    if (rules.acceptsFiledCommunityOrgs) check('registered', true, 'filed_accepted', { on: standing.registeredOn });
    else check('registered', false, 'filed_not_accepted');
  } else {
    check('registered', true, 'registered', { on: standing.registeredOn });
  }

  if (rules.minRating) {
    const min = rules.minRating;
    const valid = standing.rating !== null && standing.ratingValidUntil !== null && standing.ratingValidUntil >= on;
    if (!standing.rating) check('minRating', false, 'rating_none', { min });
    else if (!valid) check('minRating', false, 'rating_expired', { min, current: standing.rating, expiredOn: standing.ratingValidUntil ?? '' });
    else if (rank(standing.rating) < rank(min)) check('minRating', false, 'rating_below', { min, current: standing.rating });
    else check('minRating', true, 'rating_met', { min, current: standing.rating });
  }

  if (rules.minAgeMonths !== undefined) {
    const min = rules.minAgeMonths;
    const months = fullMonths(standing.registeredOn, on);
    check('minAgeMonths', addMonths(standing.registeredOn, min) <= on, months >= min ? 'age_met' : 'age_below', { min, months });
  }

  if (rules.requireAnnualReport) {
    const year = Number(on.slice(0, 4)) - 1;
    if (standing.annualReportFiledFor.includes(year)) check('requireAnnualReport', true, 'annual_report_filed', { year });
    // An organization registered after that year ended had nothing to report for it.
    else if (standing.registeredOn > `${year}-12-31`) check('requireAnnualReport', true, 'annual_report_not_due', { year });
    else check('requireAnnualReport', false, 'annual_report_missing', { year });
  }

  if (rules.excludeAbnormalList) {
    if (standing.onAbnormalList) check('excludeAbnormalList', false, 'on_abnormal_list', { since: standing.abnormalSince ?? '' });
    else check('excludeAbnormalList', true, 'not_on_abnormal_list');
  }
  if (rules.excludeDishonestList) {
    if (standing.onDishonestList) check('excludeDishonestList', false, 'on_dishonest_list', { since: standing.dishonestSince ?? '' });
    else check('excludeDishonestList', true, 'not_on_dishonest_list');
  }

  if (rules.failedProjectExclusionMonths !== undefined) {
    const months = rules.failedProjectExclusionMonths;
    // The latest failure that still excludes: one that ended on or before the day, whose period runs past it.
    const blocking = failedProjectEndDates
      .filter((d) => d <= on && addMonths(d, months) > on)
      .sort()
      .at(-1);
    if (blocking) check('failedProjectExclusionMonths', false, 'failed_project', { months, endedOn: blocking, until: addMonths(blocking, months) });
    else check('failedProjectExclusionMonths', true, 'no_recent_failed_project', { months });
  }

  return { eligible: checks.every((c) => c.pass), checks };
}
