import { sql, type SqlBool } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { auditRead, command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import type { DB } from '../../tables.ts';
import type { Kysely, Selectable } from 'kysely';
import { supervisionPolicy, type SupervisionRecord } from './supervision.policy.ts';
import type { SupervisionBody, SupervisionDetail, SupervisionSummary } from './supervision.schemas.ts';
import type { SupervisionSessionsTable } from './workforce.tables.ts';
import './worklogs.errors.ts';
import type { RecordedWork } from './worklogs.facts.ts';
import { workLogPolicy } from './worklogs.policy.ts';
import { workerRecord } from './worklogs.service.ts';
import * as store from './worklogs.store.ts';

type SessionRow = Selectable<SupervisionSessionsTable>;
type People = Map<string, { name: string; userId: string | null; organizationId: string | null; communityId: string | null }>;

async function peopleOf(db: Kysely<DB>, districtId: string, ids: string[]): Promise<People> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('social_workers').select(['id', 'name', 'user_id', 'employer_organization_id', 'employer_community_id']).where('district_id', '=', districtId).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, userId: r.user_id, organizationId: r.employer_organization_id, communityId: r.employer_community_id }]));
}

function recordOf(s: SessionRow, people: People): SupervisionRecord {
  const supervisor = people.get(s.supervisor_id);
  return {
    districtId: s.district_id,
    organizationId: supervisor?.organizationId ?? null,
    communityId: supervisor?.communityId ?? null,
    supervisorUserId: supervisor?.userId ?? null,
    superviseeUserIds: s.supervisee_ids.map((id) => people.get(id)?.userId ?? null),
  };
}

function summaryOf(s: SessionRow, people: People): SupervisionSummary {
  return {
    id: s.id,
    supervisorId: s.supervisor_id,
    supervisorName: people.get(s.supervisor_id)?.name ?? '',
    supervisees: s.supervisee_ids.map((id) => ({ id, name: people.get(id)?.name ?? '' })),
    form: s.form,
    functions: s.functions,
    heldOn: s.held_on,
    minutes: s.minutes,
  };
}

const sessions = (db: Kysely<DB>) =>
  db
    .selectFrom('supervision_sessions')
    .select(['district_id', 'id', 'supervisor_id', 'supervisee_ids', 'form', 'functions', 'minutes', 'notes', 'recorded_by', 'created_at', sql<string>`to_char(held_on, 'YYYY-MM-DD')`.as('held_on')]);

/**
 * The caller records a session with workers they supervise (the register's supervisor); the
 * notes are sealed like a case's. A supervisee's minutes count as supervision received in
 * their log.
 */
export async function recordSupervision(ctx: RequestContext, body: SupervisionBody): Promise<SupervisionDetail> {
  const actor = requireActor(ctx);
  const me = await store.workerOfUser(ctx.db, actor.userId);
  if (!me) throw new AppError('supervision.not_a_supervisor');
  const supervised = await ctx.db.selectFrom('social_workers').select(['id', 'name']).where('district_id', '=', me.district_id).where('supervisor_id', '=', me.id).where('status', '=', 'active').execute();
  body.superviseeIds.forEach((id, i) => {
    if (!supervised.some((w) => w.id === id)) throw notFoundAt(`superviseeIds.${i}`);
  });
  if ((body.form === 'individual') !== (body.superviseeIds.length === 1)) throw invalid({ field: 'form', code: 'supervision.form_mismatch' });
  if (body.heldOn > localDate(new Date())) throw invalid({ field: 'heldOn', code: 'workforce.date_in_future' });
  if (!body.notes.trim()) throw invalid({ field: 'notes', code: 'validation.required' });
  const id = newId();
  await command(ctx, async ({ trx, audit, platform }) => {
    await trx
      .insertInto('supervision_sessions')
      .values({ district_id: me.district_id, id, supervisor_id: me.id, supervisee_ids: body.superviseeIds, form: body.form, functions: body.functions, held_on: body.heldOn, minutes: body.minutes, notes: platform.pii.encrypt(body.notes.trim()), recorded_by: actor.userId })
      .execute();
    await audit({ action: 'supervision.record', entityType: 'supervision', entityId: id, districtId: me.district_id, after: { superviseeIds: body.superviseeIds, form: body.form, functions: body.functions, heldOn: body.heldOn, minutes: body.minutes } });
  });
  return getSupervision(ctx, id);
}

export async function getSupervision(ctx: RequestContext, id: string): Promise<SupervisionDetail> {
  const actor = requireActor(ctx);
  const s = await sessions(ctx.db).where('id', '=', id).executeTakeFirst();
  if (!s) throw new AppError('resource.not_found');
  const people = await peopleOf(ctx.db, s.district_id, [s.supervisor_id, ...s.supervisee_ids]);
  const record = recordOf(s, people);
  if (!supervisionPolicy.can(actor, 'read', record)) throw new AppError('resource.not_found');
  const reads = supervisionPolicy.can(actor, 'read_notes', record);
  if (reads) await auditRead(ctx, { action: 'supervision.read_notes', entityType: 'supervision', entityId: s.id, districtId: s.district_id });
  return { ...summaryOf(s, people), notes: reads ? ctx.pii.decrypt(s.notes) : null };
}

/** Sessions a worker took part in (as supervisor or supervisee), the caller's own by default; newest first. */
export async function listSupervision(ctx: RequestContext, socialWorkerId: string | undefined): Promise<{ items: SupervisionSummary[] }> {
  const actor = requireActor(ctx);
  const worker = socialWorkerId ? await store.workerById(ctx.db, socialWorkerId) : await store.workerOfUser(ctx.db, actor.userId);
  if (!worker) throw new AppError(socialWorkerId ? 'resource.not_found' : 'supervision.not_on_register');
  if (!workLogPolicy.can(actor, 'read', workerRecord(worker))) throw new AppError('resource.not_found');
  const rows = await sessions(ctx.db)
    .where('district_id', '=', worker.district_id)
    .where(sql<SqlBool>`(supervisor_id = ${worker.id} or supervisee_ids @> array[${worker.id}]::uuid[])`)
    .orderBy('supervision_sessions.held_on', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
  const people = await peopleOf(ctx.db, worker.district_id, rows.flatMap((s) => [s.supervisor_id, ...s.supervisee_ids]));
  return { items: rows.filter((s) => supervisionPolicy.can(actor, 'read', recordOf(s, people))).map((s) => summaryOf(s, people)) };
}

/** Supervision received fills the supervisee's log as professional time. */
export async function supervisionReceived(db: Kysely<DB>, districtId: string, workerIds: readonly string[], from: string, to: string): Promise<RecordedWork[]> {
  const rows = await db
    .selectFrom('supervision_sessions as s')
    .innerJoin('social_workers as w', (j) => j.onRef('w.district_id', '=', 's.district_id').onRef('w.id', '=', 's.supervisor_id'))
    .select([sql<string>`unnest(s.supervisee_ids)`.as('worker_id'), sql<string>`to_char(s.held_on, 'YYYY-MM-DD')`.as('day'), 's.minutes', 'w.name', 's.form'])
    .where('s.district_id', '=', districtId)
    .where(sql<SqlBool>`s.supervisee_ids && array[${sql.join(workerIds)}]::uuid[]`)
    .where('s.held_on', '>=', from)
    .where('s.held_on', '<=', to)
    .execute();
  return rows.filter((r) => workerIds.includes(r.worker_id)).map((r) => ({ workerId: r.worker_id, day: r.day, category: 'supervision_received', minutes: r.minutes, source: 'supervision', label: r.name }));
}
