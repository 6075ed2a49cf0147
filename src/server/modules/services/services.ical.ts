import ical, { ICalEventStatus } from 'ical-generator';
import type { Kysely } from 'kysely';
import type { DB } from '../../tables.ts';
import { organizationNames } from '../organizations/index.ts';
import { resourcesById } from '../resources/index.ts';
import { communityNames, publicPlace } from '../territory/index.ts';

const DAY = 86_400_000;
const METHOD_ZH: Record<string, string> = { casework: '个案服务', group_work: '小组活动', community_activity: '社区活动', training: '培训', outreach: '外展服务' };

/**
 * The activities of a community or an organization as an iCalendar feed (DESIGN 3.7): one
 * event per session from a month back to half a year ahead, cancelled ones marked so. Public,
 * like a notice board: titles, times, places and organizers, never a person.
 */
export async function calendarFeed(db: Kysely<DB>, of: { communityId: string } | { organizationId: string }): Promise<string | null> {
  let name: string;
  if ('communityId' in of) {
    const place = await publicPlace(db, 'community', of.communityId);
    if (!place) return null;
    name = `${place.name} 社区活动`;
  } else {
    const org = (await organizationNames(db, [of.organizationId])).get(of.organizationId);
    if (!org) return null;
    name = `${org} 服务活动`;
  }
  const now = Date.now();
  const rows = await sessionsWithVenues(db, of, new Date(now - 30 * DAY), new Date(now + 183 * DAY));
  const cal = ical({ name, prodId: { company: 'Sanshe', product: 'activities', language: 'ZH' } });
  for (const { organizer, venue, ...r } of rows) {
    cal.createEvent({
      id: `${r.id}@sanshe`,
      start: new Date(r.starts_at),
      end: new Date(r.ends_at),
      stamp: new Date(r.created_at),
      summary: r.title,
      description: [METHOD_ZH[r.method], organizer && `主办：${organizer}`, r.description].filter(Boolean).join('\n'),
      location: venue || null,
      status: r.cancelled_at ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}

/** Sessions of a community's or an organization's activities in a time span, with organizer and venue names. */
async function sessionsWithVenues(db: Kysely<DB>, of: { communityId: string } | { organizationId: string } | { districtId: string; communityIds: string[] }, from: Date, to: Date) {
  let q = db
    .selectFrom('activity_sessions as s')
    .innerJoin('activities as a', (j) => j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'))
    .select(['s.id', 's.district_id', 's.starts_at', 's.ends_at', 's.cancelled_at', 'a.title', 'a.method', 'a.description', 'a.community_id', 'a.organization_id', 'a.venue_resource_id', 'a.venue_note', 'a.created_at'])
    .where('s.starts_at', '>', from)
    .where('s.starts_at', '<', to);
  if ('communityIds' in of) q = q.where('s.district_id', '=', of.districtId).where('a.community_id', 'in', of.communityIds);
  else q = 'communityId' in of ? q.where('a.community_id', '=', of.communityId) : q.where('a.organization_id', '=', of.organizationId);
  const rows = await q.orderBy('s.starts_at').limit(2000).execute();
  const districts = [...new Set(rows.map((r) => r.district_id))];
  const [communities, organizations, venueMaps] = await Promise.all([
    communityNames(db, [...new Set(rows.map((r) => r.community_id))]),
    organizationNames(db, rows.flatMap((r) => (r.organization_id ? [r.organization_id] : []))),
    Promise.all(districts.map((d) => resourcesById(db, d, rows.filter((r) => r.district_id === d && r.venue_resource_id).map((r) => r.venue_resource_id!)))),
  ]);
  const venues = new Map(venueMaps.flatMap((m) => [...m.entries()]));
  return rows.map((r) => ({
    ...r,
    organizer: r.organization_id ? organizations.get(r.organization_id) : communities.get(r.community_id)?.name,
    venue: [r.venue_resource_id ? venues.get(r.venue_resource_id)?.name : null, r.venue_note].filter(Boolean).join(' · '),
  }));
}

/** The coming sessions of some communities, for their public notice board: titles, times and places only. */
export async function publicSessions(db: Kysely<DB>, districtId: string, communityIds: string[], days: number) {
  if (communityIds.length === 0) return [];
  const now = Date.now();
  const rows = await sessionsWithVenues(db, { districtId, communityIds }, new Date(now), new Date(now + days * DAY));
  return rows.filter((r) => !r.cancelled_at).slice(0, 50).map((r) => ({ title: r.title, startsAt: new Date(r.starts_at).toISOString(), endsAt: new Date(r.ends_at).toISOString(), place: r.venue }));
}
