/** A social worker's time (DESIGN 3.4): the categories of a work log, shared by server and web. */

export const PROFESSIONAL_CATEGORIES = ['casework', 'group_work', 'community_work', 'supervision_received', 'training'] as const;
export const ADMINISTRATIVE_CATEGORIES = ['statistics_forms', 'inspection', 'meeting', 'campaign', 'other_admin'] as const;
export const WORK_CATEGORIES = [...PROFESSIONAL_CATEGORIES, ...ADMINISTRATIVE_CATEGORIES] as const;
export type ProfessionalCategory = (typeof PROFESSIONAL_CATEGORIES)[number];
export type AdministrativeCategory = (typeof ADMINISTRATIVE_CATEGORIES)[number];
export type WorkCategory = (typeof WORK_CATEGORIES)[number];

export function isAdministrative(category: WorkCategory): category is AdministrativeCategory {
  return (ADMINISTRATIVE_CATEGORIES as readonly string[]).includes(category);
}

/** Who assigned administrative work: a community, a street office, the district, or one of its departments. */
export const WORK_ORIGINS = ['community', 'street', 'district', 'department'] as const;
export type WorkOrigin = (typeof WORK_ORIGINS)[number];

export const ADMIN_TASK_STATUSES = ['open', 'done', 'withdrawn'] as const;
export type AdminTaskStatus = (typeof ADMIN_TASK_STATUSES)[number];

/** A day holds at most this many minutes, logged and recorded together. */
export const MINUTES_PER_DAY = 24 * 60;

/**
 * The professional share of logged time, in per cent to one decimal (null when nothing is logged):
 * the "dual role" measure, computed the same way wherever it is shown.
 */
export function professionalShare(professional: number, administrative: number): number | null {
  const total = professional + administrative;
  return total === 0 ? null : Math.round((professional * 1000) / total) / 10;
}
