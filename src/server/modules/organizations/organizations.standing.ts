import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import * as store from './organizations.credit.store.ts';
import type { OrganizationStanding } from './organizations.eligibility.ts';

const DAY = 24 * 3600_000;
const days = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY));

/**
 * The standing facts of many organizations on `onDate` (YYYY-MM-DD), for a call that checks
 * all its applicants at once; unknown ids are left out. An entry counts from the day it was
 * entered up to the day before its removal; an annual report counts once filed.
 */
export async function organizationStandings(db: Kysely<DB>, ids: string[], onDate: string): Promise<Map<string, OrganizationStanding>> {
  const { orgs, entries, reports } = await store.standingRows(db, ids, onDate);
  const result = new Map<string, OrganizationStanding>();
  for (const o of orgs) {
    const own = entries.filter((e) => e.organization_id === o.id);
    const since = (list: 'abnormal' | 'dishonest') => own.find((e) => e.list === list)?.entered_on ?? null;
    result.set(o.id, {
      organizationId: o.id,
      onDate,
      type: o.type,
      registered: o.status === 'active' && o.registration_date <= onDate,
      filedOnly: o.type === 'community_based',
      registeredOn: o.registration_date,
      ageDays: days(o.registration_date, onDate),
      rating: o.rating,
      ratingValidUntil: o.rating_valid_until,
      ratingValid: o.rating !== null && o.rating_valid_until !== null && o.rating_valid_until >= onDate,
      onAbnormalList: since('abnormal') !== null,
      abnormalSince: since('abnormal'),
      onDishonestList: since('dishonest') !== null,
      dishonestSince: since('dishonest'),
      annualReportFiledFor: [...new Set(reports.filter((r) => r.organization_id === o.id).map((r) => r.report_year!))],
    });
  }
  return result;
}

/** The standing facts of one organization on `onDate`; undefined for an unknown id. */
export async function organizationStanding(db: Kysely<DB>, id: string, onDate: string): Promise<OrganizationStanding | undefined> {
  return (await organizationStandings(db, [id], onDate)).get(id);
}
