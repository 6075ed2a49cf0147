import { sql, type Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { AppError, translate } from '../../platform/errors/app-error.ts';
import { command, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import { importPolicy } from './import.policy.ts';
import type { ImportJobView, ImportReport } from './register.schemas.ts';
import { viewerOf } from './territory.viewer.ts';
import { seeCommunity } from './units.service.ts';

/** What an import writes, in the order it must be written (buildings before their households…). */
export interface Writes<B, H, I, U> {
  buildings: B[];
  households: H[];
  inserts: I[];
  updates: U[];
}

export const writeCount = (w: Writes<unknown, unknown, unknown, unknown>) => w.buildings.length + w.households.length + w.inserts.length + w.updates.length;

/** Cuts the writes into batches of at most `size`, keeping their order. */
export function batchesOf<B, H, I, U>(w: Writes<B, H, I, U>, size: number): Writes<B, H, I, U>[] {
  const keys = ['buildings', 'households', 'inserts', 'updates'] as const;
  const out: Writes<B, H, I, U>[] = [];
  let batch: Writes<B, H, I, U> = { buildings: [], households: [], inserts: [], updates: [] };
  let room = size;
  for (const key of keys) {
    let from = 0;
    const items = w[key] as unknown[];
    while (from < items.length) {
      const part = items.slice(from, from + room);
      (batch[key] as unknown[]).push(...part);
      from += part.length;
      room -= part.length;
      if (room === 0) {
        out.push(batch);
        batch = { buildings: [], households: [], inserts: [], updates: [] };
        room = size;
      }
    }
  }
  if (room < size) out.push(batch);
  return out;
}

/** A job that made no progress for this long belongs to a process that is gone. */
const STALE = "interval '10 minutes'";

interface Place {
  id: string;
  district_id: string;
  street_id: string;
}

/**
 * Starts a job in the caller's name. A job left running by a process that stopped no longer
 * holds the community; a live one does, and the start is refused.
 */
export async function startJob(ctx: RequestContext, community: Place, fileName: string | undefined, writesTotal: number, report: ImportReport) {
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .updateTable('import_jobs')
      .set({ state: 'failed', error_code: 'import.job_interrupted', finished_at: new Date() })
      .where('district_id', '=', community.district_id)
      .where('community_id', '=', community.id)
      .where('state', '=', 'running')
      .where('updated_at', '<', sql<Date>`now() - ${sql.raw(STALE)}`)
      .execute();
    const inserted = await trx
      .insertInto('import_jobs')
      .values({
        district_id: community.district_id,
        id,
        street_id: community.street_id,
        community_id: community.id,
        created_by: ctx.actor!.userId,
        file_name: fileName ?? null,
        state: 'running',
        writes_total: writesTotal,
        report: JSON.stringify(report),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('import.job_running');
    await audit({
      action: 'import.start',
      entityType: 'community',
      entityId: community.id,
      districtId: community.district_id,
      after: { job: id, file: fileName ?? null, sheet: report.sheet || null, total: report.total, valid: report.valid, errors: report.errors.length, writes: writesTotal },
    });
  });
  return id;
}

/** A small import is refused while a job writes the community, like a second job. */
export async function assertNoRunningJob(db: Kysely<DB>, community: Place) {
  const running = await db
    .selectFrom('import_jobs')
    .select('id')
    .where('district_id', '=', community.district_id)
    .where('community_id', '=', community.id)
    .where('state', '=', 'running')
    .where('updated_at', '>=', sql<Date>`now() - ${sql.raw(STALE)}`)
    .executeTakeFirst();
  if (running) throw new AppError('import.job_running');
}

/** Moves a job's progress in the transaction that wrote the batch. */
export async function advanceJob(trx: Kysely<DB>, community: Place, id: string, written: number) {
  await trx
    .updateTable('import_jobs')
    .set({ writes_done: sql<number>`writes_done + ${written}`, updated_at: sql<Date>`now()` })
    .where('district_id', '=', community.district_id)
    .where('id', '=', id)
    .execute();
}

export async function finishJob(trx: Kysely<DB>, community: Place, id: string, report: ImportReport) {
  await trx
    .updateTable('import_jobs')
    .set({ state: 'done', report: JSON.stringify(report), updated_at: sql<Date>`now()`, finished_at: sql<Date>`now()` })
    .where('district_id', '=', community.district_id)
    .where('id', '=', id)
    .execute();
}

/** A batch that failed rolled back alone; the batches before it stay, and the job says so. */
export async function failJob(ctx: RequestContext, community: Place, id: string, error: unknown) {
  const code = error instanceof AppError ? error.code : 'import.job_failed';
  await command(ctx, async ({ trx, audit }) => {
    await trx
      .updateTable('import_jobs')
      .set({ state: 'failed', error_code: code, updated_at: sql<Date>`now()`, finished_at: sql<Date>`now()` })
      .where('district_id', '=', community.district_id)
      .where('id', '=', id)
      .execute();
    await audit({ action: 'import.fail', entityType: 'community', entityId: community.id, districtId: community.district_id, after: { job: id, error: code } });
  });
}

const JOB_COLUMNS = ['district_id', 'id', 'street_id', 'community_id', 'file_name', 'state', 'writes_total', 'writes_done', 'report', 'error_code', 'created_at', 'finished_at'] as const;

function jobsOf(db: Kysely<DB>) {
  return db
    .selectFrom('import_jobs')
    .select(JOB_COLUMNS)
    .select(sql<boolean>`state = 'running' and updated_at < now() - ${sql.raw(STALE)}`.as('stale'));
}
type JobRow = Awaited<ReturnType<ReturnType<typeof jobsOf>['executeTakeFirstOrThrow']>>;

function viewOf(row: JobRow, locale: RequestContext['locale']): ImportJobView {
  const errorCode = row.stale ? 'import.job_interrupted' : row.error_code;
  return {
    id: row.id,
    communityId: row.community_id,
    fileName: row.file_name,
    state: row.stale ? 'failed' : row.state,
    writesTotal: row.writes_total,
    writesDone: row.writes_done,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    error: errorCode ? { code: errorCode, message: translate(errorCode, locale) } : null,
    report: (typeof row.report === 'string' ? JSON.parse(row.report) : row.report) as ImportReport,
  };
}

/** A job, for the staff who may import into its community; anyone else is told it does not exist. */
export async function readJob(ctx: RequestContext, id: string): Promise<ImportJobView> {
  const v = await viewerOf(ctx);
  const row = await jobsOf(ctx.db).where('id', '=', id).executeTakeFirst();
  const scope = row && { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id };
  if (!row || !scope || !importPolicy.can(v.actor, 'residents', scope)) throw new AppError('import.job_not_found');
  return viewOf(row, ctx.locale);
}

/** The community's latest jobs, newest first: someone who comes back sees the one still running. */
export async function recentJobs(ctx: RequestContext, communityId: string): Promise<{ items: ImportJobView[] }> {
  const v = await viewerOf(ctx);
  const community = await seeCommunity(ctx, v, communityId);
  importPolicy.authorize(v.actor, 'residents', { districtId: community.district_id, streetId: community.street_id, communityId: community.id });
  const rows = await jobsOf(ctx.db)
    .where('district_id', '=', community.district_id)
    .where('community_id', '=', community.id)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(5)
    .execute();
  return { items: rows.map((r) => viewOf(r, ctx.locale)) };
}
