import type { Kysely } from 'kysely';
import type { CreditList } from '../../../common/credit.ts';
import type { DB } from '../../tables.ts';
import * as store from './organizations.credit.store.ts';
import type { OrganizationStanding } from './organizations.eligibility.ts';
import type { OrganizationRow } from './organizations.store.ts';

const DAY = 24 * 3600_000;
const days = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY));

type OrgFacts = Pick<OrganizationRow, 'id' | 'type' | 'status' | 'registration_date' | 'rating' | 'rating_valid_until'>;
interface EntryFacts { list: CreditList; entered_on: string; removed_on: string | null }
interface ReportFacts { report_year: number | null; occurred_on: string }

/**
 * The standing of one organization on `onDate` from its register row, its list entries and its
 * annual reports. An entry counts from the day it was entered up to the day before its removal;
 * an annual report counts once filed.
 */
export function standingOf(o: OrgFacts, entries: EntryFacts[], reports: ReportFacts[], onDate: string): OrganizationStanding {
  const since = (list: CreditList) =>
    entries
      .filter((e) => e.list === list && e.entered_on <= onDate && (e.removed_on === null || e.removed_on > onDate))
      .map((e) => e.entered_on)
      .sort()[0] ?? null;
  const abnormalSince = since('abnormal');
  const dishonestSince = since('dishonest');
  return {
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
    onAbnormalList: abnormalSince !== null,
    abnormalSince,
    onDishonestList: dishonestSince !== null,
    dishonestSince,
    annualReportFiledFor: [
      ...new Set(reports.filter((r) => r.report_year !== null && r.occurred_on <= onDate).map((r) => r.report_year!)),
    ].sort((a, b) => a - b),
  };
}

/**
 * The standing facts of many organizations on `onDate` (YYYY-MM-DD), for a call that checks
 * all its applicants at once, in three queries; unknown ids are left out.
 */
export async function organizationStandings(db: Kysely<DB>, ids: string[], onDate: string): Promise<Map<string, OrganizationStanding>> {
  const { orgs, entries, reports } = await store.standingRows(db, ids, onDate);
  return new Map(
    orgs.map((o) => [
      o.id,
      standingOf(o, entries.filter((e) => e.organization_id === o.id), reports.filter((r) => r.organization_id === o.id), onDate),
    ]),
  );
}

/** The standing facts of one organization on `onDate`; undefined for an unknown id. */
export async function organizationStanding(db: Kysely<DB>, id: string, onDate: string): Promise<OrganizationStanding | undefined> {
  return (await organizationStandings(db, [id], onDate)).get(id);
}
