import { describe, expect, it } from 'vitest';
import { ratingEnd, ratingStatus, resolveRating, type RatingState } from './organizations.rules.ts';

const NONE: RatingState = { rating: null, ratedOn: null, validUntil: null };
const TODAY = '2025-06-15';

describe('rating validity', () => {
  it('ends five years after the assessment, less one day (leap days included)', () => {
    expect(ratingEnd('2023-07-01')).toBe('2028-06-30');
    expect(ratingEnd('2024-01-01')).toBe('2028-12-31');
    expect(ratingEnd('2024-02-29')).toBe('2029-02-28');
    expect(ratingEnd('2023-03-01')).toBe('2028-02-29');
  });

  it('is valid through its last day and expired the day after', () => {
    expect(ratingStatus('4A', '2025-06-15', TODAY)).toBe('valid');
    expect(ratingStatus('4A', '2025-06-14', TODAY)).toBe('expired');
    expect(ratingStatus(null, null, TODAY)).toBe('none');
  });

  it('derives the end from the assessment date, or takes an explicit one within five years', () => {
    expect(resolveRating({ rating: '3A', ratedOn: '2022-01-10' }, NONE, TODAY)).toEqual({
      state: { rating: '3A', ratedOn: '2022-01-10', validUntil: '2027-01-09' },
      errors: [],
    });
    expect(resolveRating({ rating: '3A', ratingValidUntil: '2026-01-01' }, NONE, TODAY).state.validUntil).toBe('2026-01-01');
    expect(resolveRating({ rating: '3A', ratedOn: '2022-01-10', ratingValidUntil: '2027-01-10' }, NONE, TODAY).errors).toEqual([
      { field: 'ratingValidUntil', code: 'organization.rating_validity_range' },
    ]);
    expect(resolveRating({ rating: '3A' }, NONE, TODAY).errors).toEqual([{ field: 'ratedOn', code: 'organization.rating_date_required' }]);
    expect(resolveRating({ ratedOn: '2022-01-10' }, NONE, TODAY).errors).toEqual([{ field: 'rating', code: 'organization.rating_required' }]);
    expect(resolveRating({ rating: '3A', ratedOn: '2025-06-16' }, NONE, TODAY).errors).toEqual([
      { field: 'ratedOn', code: 'organization.date_in_future' },
    ]);
  });

  it('a patch keeps the current dates for the same rating and drops them for a new one', () => {
    const current: RatingState = { rating: '3A', ratedOn: '2022-01-10', validUntil: '2027-01-09' };
    expect(resolveRating({ rating: '3A' }, current, TODAY).state).toEqual(current);
    expect(resolveRating({}, current, TODAY).state).toEqual(current);
    expect(resolveRating({ rating: '4A' }, current, TODAY).errors[0]?.code).toBe('organization.rating_date_required');
    expect(resolveRating({ rating: null }, current, TODAY)).toEqual({ state: NONE, errors: [] });
    expect(resolveRating({ ratingValidUntil: '2026-12-31' }, current, TODAY).state.validUntil).toBe('2026-12-31');
  });
});
