import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import type { DB } from '../../tables.ts';
import { ACTIVITY_READERS, type ActivityRecord } from './services.policy.ts';
import type { ActivitiesTable } from './services.tables.ts';

export type ActivityRow = Selectable<ActivitiesTable>;

const SCOPE_COLUMNS = { district: 'district_id', street: 'street_id', community: 'community_id', organization: 'organization_id' } as const;

/** The policy's read rule as SQL, inside the list query. */
export function readableCondition(actor: Actor): Expression<SqlBool> {
  return scopeCondition(actor.assignments.filter((a) => ACTIVITY_READERS.includes(a.role)), SCOPE_COLUMNS, 'a');
}

export function loadActivity(db: Kysely<DB>, id: string) {
  return db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function staffOf(db: Kysely<DB>, districtId: string, activityId: string) {
  return db
    .selectFrom('activity_staff as s')
    .innerJoin('social_workers as w', (j) => j.onRef('w.district_id', '=', 's.district_id').onRef('w.id', '=', 's.social_worker_id'))
    .select(['s.social_worker_id as id', 'w.name', 's.user_id'])
    .where('s.district_id', '=', districtId)
    .where('s.activity_id', '=', activityId)
    .orderBy('w.name')
    .execute();
}

export function recordOf(a: Pick<ActivityRow, 'district_id' | 'street_id' | 'community_id' | 'organization_id'>, staffUserIds: (string | null)[]): ActivityRecord {
  return {
    districtId: a.district_id,
    streetId: a.street_id,
    communityId: a.community_id,
    organizationId: a.organization_id,
    staffUserIds: staffUserIds.filter((u): u is string => u !== null),
  };
}

/** Sessions with their counts: registered, attended, rated and the mean rating. */
export function sessionsWithCounts(db: Kysely<DB>, districtId: string, activityIds: string[]) {
  return db
    .selectFrom('activity_sessions as s')
    .select([
      's.id', 's.activity_id', 's.seq', 's.starts_at', 's.ends_at', 's.checkin_code', 's.cancelled_at',
      sql<string>`(select count(*) from activity_registrations r where r.district_id = s.district_id and r.session_id = s.id)`.as('registered'),
      sql<string>`(select count(*) from activity_attendance t where t.district_id = s.district_id and t.session_id = s.id)`.as('attended'),
      sql<string>`(select count(*) from activity_feedback f where f.district_id = s.district_id and f.session_id = s.id)`.as('ratings'),
      sql<string | null>`(select avg(f.rating) from activity_feedback f where f.district_id = s.district_id and f.session_id = s.id)`.as('average_rating'),
    ])
    .where('s.district_id', '=', districtId)
    .where('s.activity_id', 'in', activityIds)
    .orderBy('s.activity_id')
    .orderBy('s.seq')
    .execute();
}

/** A session with its activity, for the commands on it. */
export function loadSession(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom('activity_sessions as s')
    .innerJoin('activities as a', (j) => j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'))
    .select(['s.id', 's.district_id', 's.activity_id', 's.seq', 's.starts_at', 's.ends_at', 's.checkin_code', 's.cancelled_at'])
    .select(['a.title', 'a.street_id', 'a.community_id', 'a.organization_id', 'a.capacity', 'a.status as activity_status'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof loadSession>>>;
