/**
 * Demo credit of the organizations (story 3): 启航 clean, 4A, annual reports filed; 乐龄 on the
 * activity-abnormal list since this year (so it cannot apply to a call that excludes the list);
 * 阳光 once listed and repaired, with a penalty on record; the filed community-based
 * organization with nothing yet. Plain data from the reference year, so the same year gives
 * the same credit; a date after today (early in January) is moved back to today when loaded.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CreditList, CreditRecordKind, InspectionResult } from '../src/common/credit.ts';
import type { DB } from '../src/server/tables.ts';

export interface DemoCreditRecord {
  organization: string;
  kind: CreditRecordKind;
  occurredOn: string;
  reportYear?: number;
  inspectionResult?: InspectionResult;
  authority?: string;
  reason?: string;
  awardName?: string;
  source: string;
  internalNote?: string;
}

export interface DemoListEntry {
  organization: string;
  list: CreditList;
  enteredOn: string;
  authority: string;
  reason: string;
  repaired?: { on: string; reason: string };
}

const AUTHORITY = '南京市江北新区民政局';
const REPORTS = '社会组织年度工作报告（全国社会组织信用信息公示平台）';

export function generateCredit(year: number): { records: DemoCreditRecord[]; entries: DemoListEntry[] } {
  const report = (organization: string, reportYear: number, occurredOn: string): DemoCreditRecord => ({
    organization, kind: 'annual_report', reportYear, occurredOn, source: REPORTS,
  });
  return {
    records: [
      report('qihang', year - 3, `${year - 2}-03-18`),
      report('qihang', year - 2, `${year - 1}-03-20`),
      report('qihang', year - 1, `${year}-01-15`),
      { organization: 'qihang', kind: 'inspection', occurredOn: `${year - 1}-05-12`, inspectionResult: 'passed', source: `${year - 2} 年度检查结论公告` },
      { organization: 'qihang', kind: 'award', occurredOn: `${year - 1}-12-20`, awardName: '江北新区优秀社会组织', source: '江北新区民政局表彰通报' },
      report('foundation', year - 2, `${year - 1}-04-02`),
      report('foundation', year - 1, `${year}-01-20`),
      report('association', year - 2, `${year - 1}-03-28`),
      report('association', year - 1, `${year}-01-22`),
      report('leling', year - 4, `${year - 3}-05-20`),
      report('leling', year - 3, `${year - 2}-05-30`),
      report('yangguang', year - 2, `${year - 1}-04-10`),
      report('yangguang', year - 1, `${year}-01-26`),
      {
        organization: 'yangguang', kind: 'penalty', occurredOn: `${year - 2}-06-20`, authority: AUTHORITY,
        reason: '住所变更后未按规定办理变更登记，给予警告', source: `宁新民罚〔${year - 2}〕7 号`,
        internalNote: '已约谈负责人，承诺一个月内办理变更',
      },
    ],
    entries: [
      {
        organization: 'leling', list: 'abnormal', enteredOn: `${year}-01-06`, authority: AUTHORITY,
        reason: `未按规定报送 ${year - 2} 年度工作报告，经责令限期改正逾期未改正`,
      },
      {
        organization: 'yangguang', list: 'abnormal', enteredOn: `${year - 2}-07-01`, authority: AUTHORITY,
        reason: '通过登记的住所无法取得联系',
        repaired: { on: `${year - 1}-03-15`, reason: '已办理住所变更登记并书面承诺守信，信用修复申请获准' },
      },
    ],
  };
}

/** Inserts the demo credit, recorded by the district officer's account. */
export async function loadCredit(
  db: Kysely<DB>,
  credit: ReturnType<typeof generateCredit>,
  ids: { organizationIds: Map<string, string>; recordedBy: string },
  today: string,
): Promise<number> {
  const upTo = (d: string) => (d > today ? today : d);
  const org = (key: string) => ids.organizationIds.get(key)!;
  if (credit.records.length) {
    await db
      .insertInto('organization_credit_records')
      .values(
        credit.records.map((r) => ({
          id: uuidv7(), organization_id: org(r.organization), kind: r.kind, occurred_on: upTo(r.occurredOn),
          report_year: r.reportYear ?? null, inspection_result: r.inspectionResult ?? null, authority: r.authority ?? null,
          reason: r.reason ?? null, award_name: r.awardName ?? null, source: r.source, internal_note: r.internalNote ?? null,
          recorded_by: ids.recordedBy, recorded_at: new Date(`${upTo(r.occurredOn)}T02:00:00Z`),
        })),
      )
      .execute();
  }
  if (credit.entries.length) {
    await db
      .insertInto('organization_list_entries')
      .values(
        credit.entries.map((e) => ({
          id: uuidv7(), organization_id: org(e.organization), list: e.list, entered_on: upTo(e.enteredOn), authority: e.authority,
          reason: e.reason, removed_on: e.repaired ? upTo(e.repaired.on) : null, removal_kind: e.repaired ? ('repair' as const) : null,
          removal_reason: e.repaired?.reason ?? null, removed_by: e.repaired ? ids.recordedBy : null, recorded_by: ids.recordedBy,
        })),
      )
      .execute();
  }
  return credit.records.length + credit.entries.length;
}
