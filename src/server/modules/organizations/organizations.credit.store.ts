import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../tables.ts';
import type { CreditRecordsTable, ListEntriesTable, ListObjectionsTable } from './organizations.tables.ts';

export type CreditRecordRow = Selectable<CreditRecordsTable>;
export type ListEntryRow = Selectable<ListEntriesTable>;
export type ObjectionRow = Selectable<ListObjectionsTable>;

export function creditRecords(db: Kysely<DB>, organizationId: string): Promise<CreditRecordRow[]> {
  return db
    .selectFrom('organization_credit_records')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function listEntries(db: Kysely<DB>, organizationId: string): Promise<ListEntryRow[]> {
  return db
    .selectFrom('organization_list_entries')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('entered_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The objections of these entries, oldest first. */
export function objectionsOf(db: Kysely<DB>, entryIds: string[]): Promise<ObjectionRow[]> {
  if (entryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organization_list_objections')
    .selectAll()
    .where('entry_id', 'in', entryIds)
    .orderBy('lodged_at')
    .orderBy('id')
    .execute();
}

/** An entry of this organization (none for an entry of another one). */
export function findEntry(db: Kysely<DB>, organizationId: string, entryId: string): Promise<ListEntryRow | undefined> {
  return db
    .selectFrom('organization_list_entries')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', entryId)
    .executeTakeFirst();
}

export function pendingObjection(db: Kysely<DB>, entryId: string): Promise<ObjectionRow | undefined> {
  return db
    .selectFrom('organization_list_objections')
    .selectAll()
    .where('entry_id', '=', entryId)
    .where('outcome', 'is', null)
    .executeTakeFirst();
}

/** The years of the organization's filed annual reports (for readers who do not see the records). */
export function annualReports(db: Kysely<DB>, organizationId: string): Promise<{ report_year: number | null; occurred_on: string }[]> {
  return db
    .selectFrom('organization_credit_records')
    .select(['report_year', 'occurred_on'])
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'annual_report')
    .execute();
}

/** Whether the organization has an entry on this list that has not been removed. */
export async function stillListed(db: Kysely<DB>, organizationId: string, list: ListEntryRow['list']): Promise<boolean> {
  const row = await db
    .selectFrom('organization_list_entries')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('list', '=', list)
    .where('removed_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function reportFiled(db: Kysely<DB>, organizationId: string, year: number): Promise<boolean> {
  const row = await db
    .selectFrom('organization_credit_records')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('kind', '=', 'annual_report')
    .where('report_year', '=', year)
    .executeTakeFirst();
  return row !== undefined;
}

/** What standing needs from the register and the credit tables, for many organizations in three queries. */
export async function standingRows(db: Kysely<DB>, ids: string[], onDate: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return { orgs: [], entries: [], reports: [] };
  const [orgs, entries, reports] = await Promise.all([
    db
      .selectFrom('organizations')
      .select(['id', 'type', 'status', 'registration_date', 'rating', 'rating_valid_until'])
      .where('id', 'in', unique)
      .execute(),
    // On a list on the day: entered on or before it, and not yet off (removed_on is the first day off).
    db
      .selectFrom('organization_list_entries')
      .select(['organization_id', 'list', 'entered_on', 'removed_on'])
      .where('organization_id', 'in', unique)
      .where('entered_on', '<=', onDate)
      .where((eb) => eb.or([eb('removed_on', 'is', null), eb('removed_on', '>', onDate)]))
      .orderBy('entered_on')
      .execute(),
    db
      .selectFrom('organization_credit_records')
      .select(['organization_id', 'report_year', 'occurred_on'])
      .where('organization_id', 'in', unique)
      .where('kind', '=', 'annual_report')
      .where('occurred_on', '<=', onDate)
      .orderBy('report_year')
      .execute(),
  ]);
  return { orgs, entries, reports };
}
