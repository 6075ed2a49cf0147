import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../tables.ts';
import { organizationNames } from '../organizations/index.ts';
import { resourcesById } from '../resources/index.ts';
import type { ActivityRecord } from './services.policy.ts';
import { recordOf } from './services.store.ts';

/** An activity's session as the volunteers module sees it: when, where, who organizes it, how many volunteers it needs. */
export interface VolunteerSession {
  id: string;
  districtId: string;
  activityId: string;
  title: string;
  communityId: string;
  /** The organization's name; null for the community's own activities. */
  organizer: string | null;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  /** Published and not cancelled. */
  open: boolean;
  volunteersNeeded: number;
  activity: ActivityRecord;
}

const rows = (db: Kysely<DB>, districtId: string) =>
  db
    .selectFrom('activity_sessions as s')
    .innerJoin('activities as a', (j) => j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'))
    .select(['s.id', 's.district_id', 's.activity_id', 's.starts_at', 's.ends_at', 's.cancelled_at', 'a.title', 'a.street_id', 'a.community_id', 'a.organization_id', 'a.status', 'a.volunteers_needed', 'a.venue_resource_id', 'a.venue_note'])
    .select(sql<(string | null)[]>`array(select st.user_id from activity_staff st where st.district_id = a.district_id and st.activity_id = a.id)`.as('staff_user_ids'))
    .where('s.district_id', '=', districtId);

type Row = Awaited<ReturnType<ReturnType<typeof rows>['execute']>>[number];

async function shape(db: Kysely<DB>, districtId: string, list: Row[]): Promise<VolunteerSession[]> {
  const [orgs, venues] = await Promise.all([
    organizationNames(db, list.flatMap((r) => (r.organization_id ? [r.organization_id] : []))),
    resourcesById(db, districtId, list.flatMap((r) => (r.venue_resource_id ? [r.venue_resource_id] : []))),
  ]);
  return list.map((r) => ({
    id: r.id,
    districtId: r.district_id,
    activityId: r.activity_id,
    title: r.title,
    communityId: r.community_id,
    organizer: r.organization_id ? (orgs.get(r.organization_id) ?? null) : null,
    venue: (r.venue_resource_id ? venues.get(r.venue_resource_id)?.name : null) ?? r.venue_note,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    open: r.status === 'published' && !r.cancelled_at,
    volunteersNeeded: r.volunteers_needed,
    activity: recordOf(r, r.staff_user_ids),
  }));
}

/** Sessions by id (any district's id answers nothing outside the one asked). */
export async function volunteerSessions(db: Kysely<DB>, districtId: string, ids: readonly string[]): Promise<VolunteerSession[]> {
  if (ids.length === 0) return [];
  return shape(db, districtId, await rows(db, districtId).where('s.id', 'in', ids).execute());
}

/** The district a session lies in, for a request naming only the session. */
export async function sessionDistrict(db: Kysely<DB>, id: string): Promise<string | null> {
  const row = await db.selectFrom('activity_sessions').select('district_id').where('id', '=', id).executeTakeFirst();
  return row?.district_id ?? null;
}

/** Open sessions of activities that need volunteers, in these communities, starting within the window; soonest first. */
export async function sessionsNeedingVolunteers(db: Kysely<DB>, districtId: string, communityIds: readonly string[], from: Date, to: Date, limit: number): Promise<VolunteerSession[]> {
  if (communityIds.length === 0) return [];
  const list = await rows(db, districtId)
    .where('a.community_id', 'in', communityIds)
    .where('a.volunteers_needed', '>', 0)
    .where('a.status', '=', 'published')
    .where('s.cancelled_at', 'is', null)
    .where(sql<SqlBool>`s.starts_at between ${from} and ${to}`)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .limit(limit)
    .execute();
  return shape(db, districtId, list);
}
