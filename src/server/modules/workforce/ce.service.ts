import { sql, type Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { CertificateLevel } from '../../../common/organizations.ts';
import { localDate, nextDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { cePolicy } from './supervision.policy.ts';
import type { CeBody, CeStatus } from './supervision.schemas.ts';
import { workforceTargets, type WorkforceTargets } from './workforce-settings.service.ts';
import './worklogs.errors.ts';
import { workerRecord } from './worklogs.service.ts';
import * as store from './worklogs.store.ts';

const YEARS = 3;
const DAY_MS = 86_400_000;
const addYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`.replace(/-02-29$/, '-02-28');

/** The three-year cycle, counted from the certificate's date, that holds `today`. */
export function cycleOf(certificateDate: string, today: string): { start: string; end: string } {
  let start = certificateDate;
  while (addYears(start, YEARS) <= today) start = addYears(start, YEARS);
  const next = addYears(start, YEARS);
  return { start, end: nextDate(next, -1) };
}

export const requiredHours = (level: CertificateLevel, t: Pick<WorkforceTargets, 'ceHoursAssistant' | 'ceHoursOther'>) =>
  level === 'none' ? 0 : level === 'assistant' ? t.ceHoursAssistant : t.ceHoursOther;

/**
 * Where a worker stands in the cycle: hours done against the required hours in proportion to the
 * days gone (whole half hours), behind when fewer.
 */
export function standing(done: number, required: number, cycle: { start: string; end: string }, today: string) {
  const length = (Date.parse(cycle.end) - Date.parse(cycle.start)) / DAY_MS + 1;
  const gone = (Date.parse(today) - Date.parse(cycle.start)) / DAY_MS + 1;
  const expectedByNow = Math.floor(((required * gone) / length) * 2) / 2;
  return { required, done, expectedByNow, behind: done < expectedByNow };
}

/** Hours done per worker in each one's current cycle: one query for any number of workers. */
export async function ceDone(db: Kysely<DB>, districtId: string, workers: { id: string; start: string }[]): Promise<Map<string, number>> {
  if (workers.length === 0) return new Map();
  const rows = await db
    .selectFrom('ce_records as c')
    .innerJoin(
      sql<{ id: string; start: string }>`(select * from unnest(${sql.val(workers.map((w) => w.id))}::uuid[], ${sql.val(workers.map((w) => w.start))}::date[]) as x(id, start))`.as('w'),
      (j) => j.onRef('w.id', '=', 'c.social_worker_id'),
    )
    .select(['c.social_worker_id', sql<string>`sum(c.hours)`.as('hours')])
    .where('c.district_id', '=', districtId)
    .whereRef('c.completed_on', '>=', 'w.start')
    .groupBy('c.social_worker_id')
    .execute();
  return new Map(rows.map((r) => [r.social_worker_id, Number(r.hours)]));
}

async function readable(ctx: RequestContext, id: string) {
  const actor = requireActor(ctx);
  const worker = await store.workerById(ctx.db, id);
  if (!worker || !cePolicy.can(actor, 'read', workerRecord(worker))) throw new AppError('resource.not_found');
  return { actor, worker };
}

export async function getCe(ctx: RequestContext, id: string): Promise<CeStatus> {
  const { actor, worker } = await readable(ctx, id);
  const today = localDate(new Date());
  const [records, targets] = await Promise.all([
    ctx.db.selectFrom('ce_records').select(['id', sql<string>`to_char(completed_on, 'YYYY-MM-DD')`.as('completed_on'), 'hours', 'title', 'provider']).where('district_id', '=', worker.district_id).where('social_worker_id', '=', worker.id).orderBy('completed_on', 'desc').orderBy('id').limit(500).execute(),
    workforceTargets(ctx.db, worker.district_id),
  ]);
  const required = requiredHours(worker.certificate_level, targets);
  const cycle = worker.certificate_date && required > 0 ? cycleOf(worker.certificate_date, today) : null;
  const done = cycle ? records.filter((r) => r.completed_on >= cycle.start && r.completed_on <= cycle.end).reduce((n, r) => n + Number(r.hours), 0) : 0;
  return {
    socialWorkerId: worker.id,
    name: worker.name,
    certificateLevel: worker.certificate_level,
    cycle: cycle ? { ...cycle, ...standing(done, required, cycle, today) } : null,
    records: records.map((r) => ({ id: r.id, completedOn: r.completed_on, hours: Number(r.hours), title: r.title, provider: r.provider })),
    canRecord: cePolicy.can(actor, 'record', workerRecord(worker)),
  };
}

export async function recordCe(ctx: RequestContext, id: string, body: CeBody): Promise<CeStatus> {
  const { actor, worker } = await readable(ctx, id);
  cePolicy.authorize(actor, 'record', workerRecord(worker));
  if (body.completedOn > localDate(new Date())) throw invalid({ field: 'completedOn', code: 'workforce.date_in_future' });
  if (!body.title.trim()) throw invalid({ field: 'title', code: 'validation.required' });
  const recordId = newId();
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .insertInto('ce_records')
      .values({ district_id: worker.district_id, id: recordId, social_worker_id: worker.id, completed_on: body.completedOn, hours: body.hours, title: body.title.trim(), provider: body.provider?.trim() ?? '', recorded_by: actor.userId })
      .execute();
    await audit({ action: 'ce_record.create', entityType: 'ce_record', entityId: recordId, districtId: worker.district_id, after: { socialWorkerId: worker.id, completedOn: body.completedOn, hours: body.hours } });
  });
  return getCe(ctx, id);
}
