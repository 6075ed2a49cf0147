/** Volunteers and the time bank (DESIGN 3.9), shared by server and web. */

/** What a volunteer offers; the web app names each in both languages. */
export const VOLUNTEER_SKILLS = ['companionship', 'meal_help', 'tutoring', 'health', 'repair', 'haircut', 'legal', 'digital_help', 'event_help', 'patrol', 'translation', 'other'] as const;
export type VolunteerSkill = (typeof VOLUNTEER_SKILLS)[number];

/** Half-days of the week a volunteer is usually free: mon_am … sun_eve. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const DAY_PARTS = ['am', 'pm', 'eve'] as const;
export const AVAILABILITY_SLOTS = WEEKDAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}_${p}` as const));
export type AvailabilitySlot = (typeof AVAILABILITY_SLOTS)[number];

/** Service hours are recorded in half hours, at most twelve hours for one session. */
export const HOURS_STEP_MINUTES = 30;
export const MAX_SHIFT_MINUTES = 720;

/** DESIGN 3.9: 100 / 300 / 600 / 1000 / 1500 verified hours give one to five stars (a district setting). */
export const DEFAULT_STAR_HOURS = [100, 300, 600, 1000, 1500] as const;
export const DEFAULT_POINTS_PER_HOUR = 10;

/** Stars of a volunteer: how many thresholds their verified hours have reached. */
export function starsFor(verifiedMinutes: number, starHours: readonly number[]): number {
  return starHours.filter((h) => verifiedMinutes >= h * 60).length;
}

/** Points a verified stretch of service earns: whole half hours times half the hourly rate (the rate is even). */
export function pointsFor(minutes: number, pointsPerHour: number): number {
  return Math.floor(minutes / HOURS_STEP_MINUTES) * (pointsPerHour / 2);
}
