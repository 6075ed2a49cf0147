import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../tables.ts';
import type { SocialWorkersTable, WorkLogEntriesTable } from './workforce.tables.ts';

export type WorkerRow = Selectable<SocialWorkersTable> & { supervisor_user_id: string | null };

/** Social workers with the account of their supervisor: what their log's readers are decided on. */
export function workers(db: Kysely<DB>) {
  return db
    .selectFrom('social_workers as w')
    .leftJoin('social_workers as s', (j) => j.onRef('s.district_id', '=', 'w.district_id').onRef('s.id', '=', 'w.supervisor_id'))
    .selectAll('w')
    .select('s.user_id as supervisor_user_id');
}

export function workerById(db: Kysely<DB>, id: string): Promise<WorkerRow | undefined> {
  return workers(db).where('w.id', '=', id).executeTakeFirst();
}

/** The caller's own record on the register: the active one, the oldest if they hold several. */
export function workerOfUser(db: Kysely<DB>, userId: string): Promise<WorkerRow | undefined> {
  return workers(db).where('w.user_id', '=', userId).where('w.status', '=', 'active').orderBy('w.created_at').limit(1).executeTakeFirst();
}

export type EntryRow = Selectable<WorkLogEntriesTable> & { task_title: string | null };

export function entriesOfDay(db: Kysely<DB>, districtId: string, workerId: string, day: string): Promise<EntryRow[]> {
  return db
    .selectFrom('work_log_entries as e')
    .leftJoin('admin_tasks as t', (j) => j.onRef('t.district_id', '=', 'e.district_id').onRef('t.id', '=', 'e.task_id'))
    .selectAll('e')
    .select('t.title as task_title')
    .where('e.district_id', '=', districtId)
    .where('e.social_worker_id', '=', workerId)
    .where('e.day', '=', day)
    .orderBy('e.id')
    .execute();
}

/** A worker's logged minutes per day, category and origin over a period. */
export function loggedMinutes(db: Kysely<DB>, districtId: string, workerId: string, from: string, to: string) {
  return db
    .selectFrom('work_log_entries')
    .select([
      sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
      'category',
      'origin',
      'origin_unit_id',
      'department',
      sql<string>`sum(minutes)`.as('minutes'),
    ])
    .where('district_id', '=', districtId)
    .where('social_worker_id', '=', workerId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['day', 'category', 'origin', 'origin_unit_id', 'department'])
    .execute();
}

/** Tasks with their worker (as authorization sees them) and the minutes logged against each. */
export function tasks(db: Kysely<DB>) {
  return db
    .selectFrom('admin_tasks as t')
    .innerJoin('social_workers as w', (j) => j.onRef('w.district_id', '=', 't.district_id').onRef('w.id', '=', 't.social_worker_id'))
    .leftJoin('social_workers as s', (j) => j.onRef('s.district_id', '=', 'w.district_id').onRef('s.id', '=', 'w.supervisor_id'))
    .selectAll('t')
    .select([
      'w.name as worker_name',
      'w.user_id as worker_user_id',
      'w.street_ids as worker_street_ids',
      'w.community_ids as worker_community_ids',
      'w.employer_type as worker_employer_type',
      'w.employer_organization_id as worker_employer_organization_id',
      'w.employer_community_id as worker_employer_community_id',
      's.user_id as supervisor_user_id',
      (eb) =>
        eb
          .selectFrom('work_log_entries as e')
          .select(sql<string>`coalesce(sum(e.minutes), 0)`.as('m'))
          .whereRef('e.district_id', '=', 't.district_id')
          .whereRef('e.task_id', '=', 't.id')
          .as('logged_minutes'),
    ]);
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof tasks>['execute']>>[number];

/** The communities a worker's work is for: those they serve, and the community that employs them. */
export function servedCommunities(w: Pick<Selectable<SocialWorkersTable>, 'community_ids' | 'employer_community_id'>): string[] {
  return [...new Set([...w.community_ids, ...(w.employer_community_id ? [w.employer_community_id] : [])])];
}
