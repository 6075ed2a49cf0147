import { newId } from '../../platform/db/ids.ts';
import type { ListEntryState } from '../../../common/credit.ts';
import { PLATFORM_DISTRICT } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, type FieldError } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { userDisplayNames } from '../accounts/index.ts';
import './organizations.errors.ts';
import type {
  AnswerObjectionBody,
  CreateCreditRecordBody,
  CreateListEntryBody,
  CreditRecordView,
  CreditView,
  EntryAction,
  ListEntryView,
  ObjectionBody,
  RepairBody,
} from './organizations.credit.schemas.ts';
import * as store from './organizations.credit.store.ts';
import type { ListEntryRow, ObjectionRow } from './organizations.credit.store.ts';
import { creditPolicy, type OrganizationRecord } from './organizations.policy.ts';
import { loadVisible, recordOf } from './organizations.service.ts';
import { standingOf } from './organizations.standing.ts';
import type { OrganizationRow } from './organizations.store.ts';

const today = () => localDate(new Date());
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function entryState(entry: ListEntryRow, objections: ObjectionRow[]): ListEntryState {
  if (entry.removed_on !== null) return 'removed';
  return objections.some((o) => o.outcome === null) ? 'objection_pending' : 'listed';
}

/** What the state of an entry allows, before asking who may. */
const STATE_ACTIONS: Record<ListEntryState, EntryAction[]> = {
  listed: ['repair', 'lodge_objection'],
  objection_pending: ['answer_objection'],
  removed: [],
};

async function presentCredit(ctx: RequestContext, actor: Actor, org: OrganizationRow): Promise<CreditView> {
  const record = recordOf(org);
  const on = today();
  const readRecords = creditPolicy.can(actor, 'read_records', record);
  const readNotes = creditPolicy.can(actor, 'read_notes', record);
  const entries = await store.listEntries(ctx.db, org.id);
  const records = readRecords ? await store.creditRecords(ctx.db, org.id) : null;
  const reports = records ? records.filter((r) => r.kind === 'annual_report') : await store.annualReports(ctx.db, org.id);
  const standing = standingOf(org, entries, reports, on);
  const objections = await store.objectionsOf(ctx.db, entries.map((e) => e.id));
  const names = await userDisplayNames(ctx.db, [...(records ?? []).map((r) => r.recorded_by), ...objections.map((o) => o.lodged_by)]);
  const allowed = creditPolicy.allowedActions(actor, record);

  const entryViews: ListEntryView[] = entries.map((e) => {
    const own = objections.filter((o) => o.entry_id === e.id);
    const state = entryState(e, own);
    return {
      id: e.id,
      list: e.list,
      enteredOn: e.entered_on,
      authority: e.authority,
      reason: e.reason,
      state,
      removedOn: e.removed_on,
      removalKind: e.removal_kind,
      removalReason: e.removal_reason,
      objections: own.map((o) => ({
        id: o.id,
        grounds: o.grounds,
        lodgedAt: iso(o.lodged_at)!,
        lodgedBy: names.get(o.lodged_by) ?? '',
        outcome: o.outcome,
        answer: o.answer,
        answeredAt: iso(o.answered_at),
      })),
      allowedActions: STATE_ACTIONS[state].filter((a) => allowed.includes(a)),
    };
  });
  const recordViews: CreditRecordView[] | null =
    records?.map((r) => ({
      id: r.id,
      kind: r.kind,
      occurredOn: r.occurred_on,
      reportYear: r.report_year,
      inspectionResult: r.inspection_result,
      authority: r.authority,
      reason: r.reason,
      awardName: r.award_name,
      source: r.source,
      ...(readNotes ? { internalNote: r.internal_note } : {}),
      recordedBy: names.get(r.recorded_by) ?? '',
      recordedAt: iso(r.recorded_at)!,
    })) ?? null;
  return {
    organizationId: org.id,
    standing,
    entries: entryViews,
    records: recordViews,
    allowedActions: (['add_record', 'add_list_entry'] as const).filter((a) => allowed.includes(a)),
  };
}

export async function getCredit(ctx: RequestContext, organizationId: string): Promise<CreditView> {
  const actor = requireActor(ctx);
  const org = await loadVisible(ctx, actor, organizationId);
  creditPolicy.authorize(actor, 'read_lists', recordOf(org));
  return presentCredit(ctx, actor, org);
}

const districtOf = (org: OrganizationRow) => org.registration_district_id ?? PLATFORM_DISTRICT;

/** Collects one error per blank required text or date after today; trims what it checks. */
function check(fields: Record<string, string | undefined>, dates: Record<string, string | undefined>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!value || value.trim() === '') errors.push({ field, code: 'validation.required' });
  }
  const on = today();
  for (const [field, value] of Object.entries(dates)) {
    if (value && value > on) errors.push({ field, code: 'organization.date_in_future' });
  }
  return errors;
}

async function loadFor(ctx: RequestContext, organizationId: string, action: Parameters<typeof creditPolicy.can>[1]) {
  const actor = requireActor(ctx);
  const org = await loadVisible(ctx, actor, organizationId);
  const record: OrganizationRecord = recordOf(org);
  creditPolicy.authorize(actor, action, record);
  return { actor, org };
}

export async function addCreditRecord(ctx: RequestContext, organizationId: string, input: CreateCreditRecordBody): Promise<CreditView> {
  const { actor, org } = await loadFor(ctx, organizationId, 'add_record');
  const required: Record<string, string | undefined> = { source: input.source };
  const errors: FieldError[] = [];
  if (input.kind === 'annual_report' && input.reportYear === undefined) errors.push({ field: 'reportYear', code: 'validation.required' });
  if (input.kind === 'annual_report' && input.reportYear !== undefined && input.reportYear > Number(input.occurredOn.slice(0, 4))) {
    errors.push({ field: 'reportYear', code: 'organization.credit_report_year_after_filing' });
  }
  if (input.kind === 'inspection' && !input.inspectionResult) errors.push({ field: 'inspectionResult', code: 'validation.required' });
  if (input.kind === 'penalty') Object.assign(required, { authority: input.authority, reason: input.reason });
  if (input.kind === 'award') required.awardName = input.awardName;
  errors.push(...check(required, { occurredOn: input.occurredOn }));
  if (errors.length) throw invalid(...errors);
  if (input.kind === 'annual_report' && (await store.reportFiled(ctx.db, org.id, input.reportYear!))) {
    throw new AppError('organization.credit_duplicate_report', {}, [{ field: 'reportYear', code: 'organization.credit_duplicate_report' }]);
  }
  const only = <T>(kind: CreateCreditRecordBody['kind'], value: T | undefined) => (input.kind === kind ? (value ?? null) : null);
  const values = {
    id: newId(),
    organization_id: org.id,
    kind: input.kind,
    occurred_on: input.occurredOn,
    report_year: only('annual_report', input.reportYear),
    inspection_result: only('inspection', input.inspectionResult),
    authority: only('penalty', input.authority?.trim()),
    reason: only('penalty', input.reason?.trim()),
    award_name: only('award', input.awardName?.trim()),
    source: input.source.trim(),
    internal_note: only('penalty', input.internalNote?.trim() || undefined),
    recorded_by: actor.userId,
  };
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('organization_credit_records').values(values).execute();
    // The internal note stays out of the audit trail, which more people read than the note.
    const { internal_note: _note, ...shown } = values;
    await audit({ action: 'credit_record.create', entityType: 'credit_record', entityId: values.id, districtId: districtOf(org), after: { ...shown, hasInternalNote: values.internal_note !== null } });
  });
  return presentCredit(ctx, actor, org);
}

export async function addListEntry(ctx: RequestContext, organizationId: string, input: CreateListEntryBody): Promise<CreditView> {
  const { actor, org } = await loadFor(ctx, organizationId, 'add_list_entry');
  const errors = check({ authority: input.authority, reason: input.reason }, { enteredOn: input.enteredOn });
  if (errors.length) throw invalid(...errors);
  if (await store.stillListed(ctx.db, org.id, input.list)) {
    throw new AppError('organization.credit_already_listed', {}, [{ field: 'list', code: 'organization.credit_already_listed' }]);
  }
  const values = {
    id: newId(),
    organization_id: org.id,
    list: input.list,
    entered_on: input.enteredOn,
    authority: input.authority.trim(),
    reason: input.reason.trim(),
    recorded_by: actor.userId,
  };
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('organization_list_entries').values(values).execute();
    await audit({ action: 'credit_list_entry.create', entityType: 'credit_list_entry', entityId: values.id, districtId: districtOf(org), after: values });
  });
  return presentCredit(ctx, actor, org);
}

async function loadEntry(ctx: RequestContext, org: OrganizationRow, entryId: string) {
  const entry = await store.findEntry(ctx.db, org.id, entryId);
  if (!entry) throw new AppError('resource.not_found');
  return entry;
}

/** Credit repair: the organization leaves the list from `removedOn`; the entry stays as history. */
export async function repairEntry(ctx: RequestContext, organizationId: string, entryId: string, input: RepairBody): Promise<CreditView> {
  const { actor, org } = await loadFor(ctx, organizationId, 'repair');
  const entry = await loadEntry(ctx, org, entryId);
  if (entry.removed_on !== null) throw new AppError('organization.credit_entry_removed');
  if (await store.pendingObjection(ctx.db, entry.id)) throw new AppError('organization.credit_objection_pending');
  const errors = check({ reason: input.reason }, { removedOn: input.removedOn });
  if (input.removedOn < entry.entered_on) errors.push({ field: 'removedOn', code: 'organization.credit_removed_before_entered' });
  if (errors.length) throw invalid(...errors);
  const change = { removed_on: input.removedOn, removal_kind: 'repair' as const, removal_reason: input.reason.trim(), removed_by: actor.userId };
  await command(ctx, async ({ trx, audit }) => {
    await trx.updateTable('organization_list_entries').set({ ...change, updated_at: new Date() }).where('id', '=', entry.id).execute();
    await audit({ action: 'credit_list_entry.repair', entityType: 'credit_list_entry', entityId: entry.id, districtId: districtOf(org), before: { removed_on: null }, after: change });
  });
  return presentCredit(ctx, actor, org);
}

export async function lodgeObjection(ctx: RequestContext, organizationId: string, entryId: string, input: ObjectionBody): Promise<CreditView> {
  const { actor, org } = await loadFor(ctx, organizationId, 'lodge_objection');
  const entry = await loadEntry(ctx, org, entryId);
  if (entry.removed_on !== null) throw new AppError('organization.credit_entry_removed');
  if (await store.pendingObjection(ctx.db, entry.id)) throw new AppError('organization.credit_objection_pending');
  const errors = check({ grounds: input.grounds }, {});
  if (errors.length) throw invalid(...errors);
  const values = { id: newId(), entry_id: entry.id, grounds: input.grounds.trim(), lodged_by: actor.userId };
  await command(ctx, async ({ trx, audit }) => {
    await trx.insertInto('organization_list_objections').values(values).execute();
    await audit({ action: 'credit_list_entry.lodge_objection', entityType: 'credit_list_entry', entityId: entry.id, districtId: districtOf(org), after: values });
  });
  return presentCredit(ctx, actor, org);
}

/** An upheld objection takes the entry off the list, as a removal of its own kind. */
export async function answerObjection(ctx: RequestContext, organizationId: string, entryId: string, input: AnswerObjectionBody): Promise<CreditView> {
  const { actor, org } = await loadFor(ctx, organizationId, 'answer_objection');
  const entry = await loadEntry(ctx, org, entryId);
  const objection = await store.pendingObjection(ctx.db, entry.id);
  if (!objection) throw new AppError('organization.credit_no_pending_objection');
  const removedOn = input.outcome === 'upheld' ? (input.removedOn ?? today()) : null;
  const errors = check({ answer: input.answer }, { removedOn: removedOn ?? undefined });
  if (removedOn !== null && removedOn < entry.entered_on) errors.push({ field: 'removedOn', code: 'organization.credit_removed_before_entered' });
  if (errors.length) throw invalid(...errors);
  const answer = { outcome: input.outcome, answer: input.answer.trim(), answered_by: actor.userId, answered_at: new Date() };
  await command(ctx, async ({ trx, audit }) => {
    await trx.updateTable('organization_list_objections').set(answer).where('id', '=', objection.id).execute();
    const removal = removedOn ? { removed_on: removedOn, removal_kind: 'objection' as const, removal_reason: answer.answer, removed_by: actor.userId } : null;
    if (removal) await trx.updateTable('organization_list_entries').set({ ...removal, updated_at: new Date() }).where('id', '=', entry.id).execute();
    await audit({
      action: 'credit_list_entry.answer_objection',
      entityType: 'credit_list_entry',
      entityId: entry.id,
      districtId: districtOf(org),
      after: { objectionId: objection.id, outcome: answer.outcome, answer: answer.answer, ...(removal ? { removed_on: removal.removed_on } : {}) },
    });
  });
  return presentCredit(ctx, actor, org);
}
