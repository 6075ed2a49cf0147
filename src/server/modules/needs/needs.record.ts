import { sql, type Insertable, type QueryCreator, type Selectable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { workingCalendar } from '../../platform/calendar/calendar.store.ts';
import { dueAt, localDate, type WorkingCalendar } from '../../platform/calendar/working-days.ts';
import type { AuditLogTable } from '../../platform/db/platform.tables.ts';
import { StatementTemplate, type TemplateValues } from '../../platform/db/statement-template.ts';
import type { CommandScope } from '../../platform/http/context.ts';
import type { WebhookDeliveriesTable } from '../../platform/webhooks/webhooks.tables.ts';
import type { DB } from '../../tables.ts';
import { limitsOf } from './needs.categories.ts';
import { eventRows } from './needs.events.ts';
import type { NeedState } from './needs.lifecycle.ts';
import type { NeedEventsTable, NeedSource, NeedsTable, Urgency } from './needs.tables.ts';

/** What differs between intake paths; numbering, time limits, timeline and audit do not. */
export interface NewNeed {
  districtId: string;
  streetId: string;
  communityId: string;
  gridId: string;
  householdId: string | null;
  buildingId: string | null;
  point?: { lng: number; lat: number } | null;
  category: { id: string; limits: unknown };
  source: NeedSource;
  intakeChannel?: NeedsTable['intake_channel'];
  recordedByUserId?: string | null;
  reporterUserId?: string | null;
  reporterResidentId?: string | null;
  visitId?: string | null;
  /** A part split off another need starts where that need stands: reported or accepted. */
  splitFrom?: { id: string; state: NeedState } | null;
  description: string;
  urgency?: Urgency;
  beneficiaries?: number;
  /** Who the timeline names: a user, or an outside system by name. */
  actor: { userId: string | null; displayName: string };
}

/**
 * Inserts one reported need, in one statement: the next reference number of the district and
 * year, due times from the category's limits on the working-day calendar, the first timeline
 * entry (which also publishes the webhook event) and the audit record. Run it with
 * oneStatementCommand, or within a command's transaction. Answers with the need as written.
 */
export async function insertNeed(
  scope: CommandScope,
  n: NewNeed,
  opts: { now?: Date; calendar?: WorkingCalendar } = {},
): Promise<Selectable<NeedsTable>> {
  const { trx } = scope;
  const now = opts.now ?? new Date();
  const urgency = n.urgency ?? 'normal';
  const limits = limitsOf(n.category.limits)[urgency];
  const calendar = opts.calendar ?? (await workingCalendar(scope.platform, trx));
  const year = Number(localDate(now).slice(0, 4));
  const id = newId();
  const values = {
    district_id: n.districtId,
    id,
    source: n.source,
    intake_channel: n.intakeChannel ?? null,
    recorded_by_user_id: n.recordedByUserId ?? null,
    reporter_user_id: n.reporterUserId ?? null,
    reporter_resident_id: n.reporterResidentId ?? null,
    category_id: n.category.id,
    description: n.description.trim(),
    street_id: n.streetId,
    community_id: n.communityId,
    grid_id: n.gridId,
    household_id: n.householdId,
    building_id: n.buildingId,
    lng: n.point?.lng ?? null,
    lat: n.point?.lat ?? null,
    beneficiaries: n.beneficiaries ?? 1,
    urgency,
    visit_id: n.visitId ?? null,
    split_from_id: n.splitFrom?.id ?? null,
    state: n.splitFrom?.state ?? 'reported',
    triage_due_at: dueAt(calendar, now, limits.triage.amount, limits.triage.unit),
    resolve_due_at: dueAt(calendar, now, limits.resolve.amount, limits.resolve.unit),
    created_at: now,
    updated_at: now,
  };
  const { timeline, deliveries } = await eventRows(scope, {
    districtId: n.districtId,
    needId: id,
    actor: n.actor,
    action: 'report',
    fromState: null,
    toState: 'reported',
    at: now,
    data: { source: n.source },
  });
  const audit = scope.auditRow({ action: 'need.create', entityType: 'need', entityId: id, districtId: n.districtId, after: { ...values, description: undefined } });
  const { rows } = await report.execute<Selectable<NeedsTable>>(trx, { ref: { district_id: n.districtId, year, prefix: `N-${year}-` }, need: values, timeline, audit, deliveries });
  return rows[0]!;
}

interface ReportValues extends TemplateValues {
  ref: { district_id: string; year: number; prefix: string };
  need: Omit<Insertable<NeedsTable>, 'ref_no'>;
  timeline: Insertable<NeedEventsTable>;
  audit: Insertable<AuditLogTable>;
  deliveries: Insertable<WebhookDeliveriesTable>[];
}

// One statement writes the need, its timeline entry, its webhook deliveries and its audit record
// (decision 0035): the timeline's key to the need is checked at commit (migration 0015). The
// district's sequence for the year gives the number, taken once (`ref`) for the need and its
// audit record (migration 0019, decision 0018): no row stays locked to the commit. Every report
// sends it, so Kysely builds it once per number of webhook deliveries (decision 0036).
const report = new StatementTemplate<ReportValues>((db, v) => {
  let writes: QueryCreator<DB> = db
    .with('ref', (db) =>
      db
        .selectFrom(sql<{ v: string }>`need_ref_next(${v.ref.district_id}, ${v.ref.year})`.as('v'))
        .select(sql<string>`${v.ref.prefix} || lpad(v::text, greatest(6, length(v::text)), '0')`.as('ref_no')),
    )
    .with('timeline', (db) => db.insertInto('need_events').values(v.timeline))
    .with('audit', (db) => db.insertInto('audit_log').values({ ...v.audit, after: sql`jsonb_set(${v.audit.after}::jsonb, '{ref_no}', (select to_jsonb(ref_no) from ref))` }));
  if (v.deliveries.length) writes = writes.with('deliveries', (db) => db.insertInto('webhook_deliveries').values(v.deliveries));
  return writes
    .insertInto('needs')
    .values({ ...v.need, ref_no: sql<string>`(select ref_no from ref)` })
    .returningAll();
});
