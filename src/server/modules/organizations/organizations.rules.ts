import { RATING_VALID_YEARS, type Rating, type RatingStatus } from '../../../common/organizations.ts';
import type { FieldError } from '../../platform/errors/app-error.ts';

export interface RatingState {
  rating: Rating | null;
  ratedOn: string | null;
  validUntil: string | null;
}

export interface RatingInput {
  rating?: Rating | null;
  ratedOn?: string | null;
  ratingValidUntil?: string | null;
}

/** The last day a rating given on `ratedOn` is valid: five years later, less one day. */
export function ratingEnd(ratedOn: string): string {
  const [y, m, d] = ratedOn.split('-').map(Number) as [number, number, number];
  // Date.UTC rolls 29 February over to 1 March in common years, so the day before is 28 February.
  const end = new Date(Date.UTC(y + RATING_VALID_YEARS, m - 1, d) - 24 * 3600_000);
  return end.toISOString().slice(0, 10);
}

export function ratingStatus(rating: Rating | null, validUntil: string | null, today: string): RatingStatus {
  if (!rating || !validUntil) return 'none';
  return validUntil < today ? 'expired' : 'valid';
}

/**
 * Applies a create or patch input to the current rating. A rating needs either its assessment
 * date (the validity then defaults to five years less one day) or an explicit end of validity;
 * a new rating value discards the dates of the old one, a new assessment date its old end.
 */
export function resolveRating(
  input: RatingInput,
  current: RatingState,
  today: string,
): { state: RatingState; errors: FieldError[] } {
  let { rating, ratedOn, validUntil } = current;
  const given = (k: keyof RatingInput) => input[k] !== undefined;
  if (given('rating') && input.rating !== rating) {
    rating = input.rating ?? null;
    ratedOn = null;
    validUntil = null;
  }
  if (given('ratedOn')) {
    ratedOn = input.ratedOn ?? null;
    if (!given('ratingValidUntil')) validUntil = null;
  }
  if (given('ratingValidUntil')) validUntil = input.ratingValidUntil ?? null;

  const errors: FieldError[] = [];
  if (rating === null) {
    if (ratedOn !== null || validUntil !== null) errors.push({ field: 'rating', code: 'organization.rating_required' });
    return { state: { rating: null, ratedOn: null, validUntil: null }, errors };
  }
  if (ratedOn !== null && ratedOn > today) errors.push({ field: 'ratedOn', code: 'organization.date_in_future' });
  if (validUntil === null) {
    if (ratedOn === null) errors.push({ field: 'ratedOn', code: 'organization.rating_date_required' });
    else validUntil = ratingEnd(ratedOn);
  } else if (ratedOn !== null && (validUntil < ratedOn || validUntil > ratingEnd(ratedOn))) {
    errors.push({ field: 'ratingValidUntil', code: 'organization.rating_validity_range' });
  }
  return { state: { rating, ratedOn, validUntil }, errors };
}
