import { sql, type Kysely } from 'kysely';
import { writeAudit } from '../../platform/audit/audit.ts';
import { loadCalendar } from '../../platform/calendar/calendar.store.ts';
import { dueAt } from '../../platform/calendar/working-days.ts';
import type { DB } from '../../tables.ts';
import { limitsOf } from './needs.categories.ts';
import { audienceOf, notify, recordEvent } from './needs.events.ts';
import { RUNNING_STATES } from './needs.store.ts';

const SYSTEM = { actor: null, ip: '' };
// The jobs run without the process's caches: their events read the district's webhook subscriptions.
const JOBS = {};
export const DEFAULT_AUTO_CONFIRM_DAYS = 7;

/**
 * Overdue needs go one level up (community → street → district): to the street when the
 * limit that applies is missed, to the district when the same limit passes again after that.
 * Waiting needs are not escalated: they carry their own expected date.
 */
export async function escalateOverdue(db: Kysely<DB>, now: Date): Promise<number> {
  const calendar = await loadCalendar(db);
  const rows = await db
    .selectFrom('needs')
    .innerJoin('need_categories as c', (j) => j.onRef('c.district_id', '=', 'needs.district_id').onRef('c.id', '=', 'needs.category_id'))
    .select(['needs.district_id', 'needs.id', 'needs.state', 'needs.urgency', 'needs.triage_due_at', 'needs.resolve_due_at', 'needs.escalation_level', 'needs.escalated_at', 'c.limits'])
    .where('needs.state', 'in', [...RUNNING_STATES])
    .where('needs.escalation_level', '<', 2)
    .where(sql<boolean>`(case when needs.state = 'reported' then needs.triage_due_at else needs.resolve_due_at end) < ${now}`)
    .execute();
  let raised = 0;
  for (const r of rows) {
    const phase = r.state === 'reported' ? 'triage' : 'resolve';
    const limit = limitsOf(r.limits)[r.urgency][phase];
    const due = r.escalation_level === 0 ? new Date(phase === 'triage' ? r.triage_due_at : r.resolve_due_at) : dueAt(calendar, new Date(r.escalated_at!), limit.amount, limit.unit);
    if (due >= now) continue;
    const level = r.escalation_level + 1;
    await db.transaction().execute(async (trx) => {
      const u = await trx
        .updateTable('needs')
        .set({ escalation_level: level, escalated_at: now, updated_at: now })
        .where('district_id', '=', r.district_id)
        .where('id', '=', r.id)
        // Someone may have triaged or resolved it since it was read: then its limit is another one.
        .where('state', '=', r.state)
        .where('escalation_level', '=', r.escalation_level)
        .executeTakeFirst();
      if (Number(u.numUpdatedRows) !== 1) return;
      await recordEvent({ trx, platform: JOBS }, { districtId: r.district_id, needId: r.id, actor: null, action: 'escalate', fromState: r.state, toState: r.state, at: now, data: { level, dueAt: due.toISOString() } });
      await writeAudit(trx, SYSTEM, { action: 'need.escalate', entityType: 'need', entityId: r.id, districtId: r.district_id, after: { escalationLevel: level } });
      raised++;
    });
  }
  return raised;
}

/** Resolved needs the resident has not answered within the district's N days close as auto-confirmed. */
export async function autoConfirm(db: Kysely<DB>, now: Date): Promise<number> {
  const rows = await db
    .selectFrom('needs')
    .leftJoin('need_settings as s', 's.district_id', 'needs.district_id')
    .select(['needs.district_id', 'needs.id'])
    .where('needs.state', '=', 'resolved')
    .where(sql<boolean>`needs.resolved_at + make_interval(days => coalesce(s.auto_confirm_days, ${DEFAULT_AUTO_CONFIRM_DAYS})) <= ${now}`)
    .execute();
  let closed = 0;
  for (const r of rows) {
    await db.transaction().execute(async (trx) => {
      const u = await trx
        .updateTable('needs')
        .set({ state: 'closed', auto_confirmed: true, closed_at: now, updated_at: now })
        .where('district_id', '=', r.district_id)
        .where('id', '=', r.id)
        .where('state', '=', 'resolved')
        .executeTakeFirst();
      if (Number(u.numUpdatedRows) !== 1) return;
      await recordEvent({ trx, platform: JOBS }, { districtId: r.district_id, needId: r.id, actor: null, action: 'auto_confirm', fromState: 'resolved', toState: 'closed', at: now });
      await writeAudit(trx, SYSTEM, { action: 'need.auto_confirm', entityType: 'need', entityId: r.id, districtId: r.district_id, after: { state: 'closed', autoConfirmed: true } });
      await notify(trx, { districtId: r.district_id, needId: r.id, users: await audienceOf(trx, r.district_id, r.id), kind: 'state_changed', state: 'closed' });
      closed++;
    });
  }
  return closed;
}

/** Runs both jobs every `everyMs`; returns the function that stops them. */
export function startNeedJobs(db: Kysely<DB>, everyMs: number, onError: (e: unknown) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const now = new Date();
      await escalateOverdue(db, now);
      await autoConfirm(db, now);
    } catch (e) {
      onError(e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
