import { describe, expect, it } from 'vitest';
import { addMonths, evaluateEligibility, fullMonths, type EligibilityRules, type OrganizationStanding } from './organizations.eligibility.ts';

const ON = '2026-06-15';

function standing(over: Partial<OrganizationStanding> = {}): OrganizationStanding {
  return {
    organizationId: 'o',
    onDate: ON,
    type: 'service_institution',
    registered: true,
    filedOnly: false,
    registeredOn: '2016-05-10',
    ageDays: 3688,
    rating: '3A',
    ratingValidUntil: '2028-06-30',
    ratingValid: true,
    onAbnormalList: false,
    abnormalSince: null,
    onDishonestList: false,
    dishonestSince: null,
    annualReportFiledFor: [2024, 2025],
    ...over,
  };
}
const LISTS: EligibilityRules = { excludeAbnormalList: true, excludeDishonestList: true };
const only = (rule: string, s: OrganizationStanding, rules: Partial<EligibilityRules>, failed: string[] = []) =>
  evaluateEligibility(s, { ...LISTS, ...rules }, failed).checks.find((c) => c.rule === rule);

describe('calendar months', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2026-06-15', -6, '2025-12-15'],
    ['2020-02-29', 12, '2021-02-28'],
  ])('%s + %i months = %s', (d, n, expected) => expect(addMonths(d, n)).toBe(expected));

  it.each([
    ['2024-06-15', '2026-06-15', 24],
    ['2024-06-16', '2026-06-15', 23],
    ['2026-06-16', '2026-06-15', 0],
    ['2024-01-31', '2024-02-29', 1],
  ])('from %s to %s: %i whole months', (a, b, n) => expect(fullMonths(a, b)).toBe(n));
});

describe('eligibility rules at their boundaries', () => {
  it('a clean registered organization with no extra rules is eligible, every list rule answered', () => {
    const a = evaluateEligibility(standing(), LISTS);
    expect(a.eligible).toBe(true);
    expect(a.checks.map((c) => [c.rule, c.pass, c.reason])).toEqual([
      ['registered', true, 'registered'],
      ['excludeAbnormalList', true, 'not_on_abnormal_list'],
      ['excludeDishonestList', true, 'not_on_dishonest_list'],
    ]);
  });

  it('rating exactly the minimum passes; one band lower fails with both ratings', () => {
    expect(only('minRating', standing({ rating: '3A' }), { minRating: '3A' })).toMatchObject({ pass: true, reason: 'rating_met' });
    expect(only('minRating', standing({ rating: '2A' }), { minRating: '3A' })).toEqual({
      rule: 'minRating', pass: false, reason: 'rating_below', params: { min: '3A', current: '2A' },
    });
    expect(only('minRating', standing({ rating: '5A' }), { minRating: '3A' })?.pass).toBe(true);
  });

  it('a rating valid until the day itself still counts; one that ended the day before counts as none', () => {
    expect(only('minRating', standing({ rating: '4A', ratingValidUntil: ON }), { minRating: '3A' })?.pass).toBe(true);
    expect(only('minRating', standing({ rating: '4A', ratingValidUntil: '2026-06-14', ratingValid: false }), { minRating: '3A' })).toEqual({
      rule: 'minRating', pass: false, reason: 'rating_expired', params: { min: '3A', current: '4A', expiredOn: '2026-06-14' },
    });
    expect(only('minRating', standing({ rating: null, ratingValidUntil: null, ratingValid: false }), { minRating: '1A' })).toMatchObject({
      pass: false, reason: 'rating_none', params: { min: '1A' },
    });
  });

  it('age exactly N months passes; a day short fails and says how old it is', () => {
    expect(only('minAgeMonths', standing({ registeredOn: '2025-06-15' }), { minAgeMonths: 12 })).toEqual({
      rule: 'minAgeMonths', pass: true, reason: 'age_met', params: { min: 12, months: 12 },
    });
    expect(only('minAgeMonths', standing({ registeredOn: '2025-06-16' }), { minAgeMonths: 12 })).toEqual({
      rule: 'minAgeMonths', pass: false, reason: 'age_below', params: { min: 12, months: 11 },
    });
  });

  it('the annual report for the previous year is required unless the organization did not exist then', () => {
    expect(only('requireAnnualReport', standing(), { requireAnnualReport: true })).toMatchObject({ pass: true, reason: 'annual_report_filed', params: { year: 2025 } });
    expect(only('requireAnnualReport', standing({ annualReportFiledFor: [2024] }), { requireAnnualReport: true })).toMatchObject({
      pass: false, reason: 'annual_report_missing', params: { year: 2025 },
    });
    expect(only('requireAnnualReport', standing({ registeredOn: '2025-12-31', annualReportFiledFor: [] }), { requireAnnualReport: true })?.pass).toBe(false);
    expect(only('requireAnnualReport', standing({ registeredOn: '2026-01-01', annualReportFiledFor: [] }), { requireAnnualReport: true })).toMatchObject({
      pass: true, reason: 'annual_report_not_due',
    });
  });

  it('an organization on either list fails that rule, with the day it was entered', () => {
    const a = evaluateEligibility(standing({ onAbnormalList: true, abnormalSince: '2026-03-02' }), LISTS);
    expect(a.eligible).toBe(false);
    expect(a.checks.find((c) => c.rule === 'excludeAbnormalList')).toEqual({
      rule: 'excludeAbnormalList', pass: false, reason: 'on_abnormal_list', params: { since: '2026-03-02' },
    });
    expect(only('excludeDishonestList', standing({ onDishonestList: true, dishonestSince: '2025-01-01' }), {})).toMatchObject({ pass: false, reason: 'on_dishonest_list' });
    // A call that does not exclude the abnormal list does not ask.
    expect(evaluateEligibility(standing({ onAbnormalList: true }), { excludeAbnormalList: false, excludeDishonestList: true }).eligible).toBe(true);
  });

  it('a failed project inside the exclusion period excludes until the period ends; on that day it no longer does', () => {
    const rules = { failedProjectExclusionMonths: 24 };
    expect(only('failedProjectExclusionMonths', standing(), rules, ['2024-06-16'])).toEqual({
      rule: 'failedProjectExclusionMonths', pass: false, reason: 'failed_project', params: { months: 24, endedOn: '2024-06-16', until: '2026-06-16' },
    });
    expect(only('failedProjectExclusionMonths', standing(), rules, ['2024-06-15'])).toMatchObject({ pass: true, reason: 'no_recent_failed_project' });
    // The latest failure is the one named; a failure dated after the day does not count yet.
    expect(only('failedProjectExclusionMonths', standing(), rules, ['2025-01-10', '2025-09-01', '2026-07-01'])?.params).toMatchObject({ endedOn: '2025-09-01' });
  });

  it('a filed community-based organization counts as registered only where the call accepts it', () => {
    const filed = standing({ type: 'community_based', filedOnly: true, registeredOn: '2025-09-01', rating: null, ratingValidUntil: null, ratingValid: false });
    expect(only('registered', filed, { acceptsFiledCommunityOrgs: true })).toMatchObject({ pass: true, reason: 'filed_accepted' });
    expect(only('registered', filed, {})).toMatchObject({ pass: false, reason: 'filed_not_accepted' });
    expect(only('registered', filed, { acceptsFiledCommunityOrgs: false })?.pass).toBe(false);
  });

  it('a deregistered organization, or one registered after the day, is not registered', () => {
    expect(only('registered', standing({ registered: false }), {})).toMatchObject({ pass: false, reason: 'deregistered' });
    expect(only('registered', standing({ registered: false, registeredOn: '2026-06-16' }), {})).toMatchObject({ pass: false, reason: 'not_yet_registered' });
  });
});
