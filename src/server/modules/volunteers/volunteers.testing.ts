/** Test factories of the volunteers module: volunteers, activity sessions needing them, partners, offers and points. */
import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { DB } from '../../tables.ts';

type Place = { id: string; districtId: string; streetId: string };

/** A community activity needing `needed` volunteers, with one session starting `startsInHours` from now. */
export async function buildShift(db: Kysely<DB>, o: { community: Place; createdBy: string; startsInHours: number; needed?: number; minutes?: number; cancelled?: boolean; title?: string }): Promise<string> {
  const activityId = newId();
  const id = newId();
  const startsAt = new Date(Date.now() + o.startsInHours * 3_600_000);
  await db
    .insertInto('activities')
    .values({ district_id: o.community.districtId, id: activityId, street_id: o.community.streetId, community_id: o.community.id, organization_id: null, title: o.title ?? '长者助餐', method: 'community_activity', capacity: 30, recurrence: 'once', volunteers_needed: o.needed ?? 5, created_by: o.createdBy })
    .execute();
  await db
    .insertInto('activity_sessions')
    .values({ district_id: o.community.districtId, id, activity_id: activityId, seq: 1, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + (o.minutes ?? 120) * 60_000), checkin_code: '123456', cancelled_at: o.cancelled ? new Date() : null })
    .execute();
  return id;
}

/** A volunteer who is not a resident of the register (or, with residentId, one who is), serving their community. */
export async function buildVolunteer(db: Kysely<DB>, o: { community: Place; registeredBy: string; residentId?: string; userId?: string; areas?: string[] }): Promise<string> {
  const id = newId();
  await db
    .insertInto('volunteers')
    .values({
      district_id: o.community.districtId, id, street_id: o.community.streetId, community_id: o.community.id, resident_id: o.residentId ?? null, user_id: o.userId ?? null,
      name: o.residentId ? '' : '赵师傅', skills: ['repair'], availability: [], service_community_ids: o.areas ?? [o.community.id], registered_by: o.registeredBy,
    })
    .execute();
  return id;
}

export async function signUp(db: Kysely<DB>, o: { districtId: string; sessionId: string; volunteerId: string; by: string }): Promise<void> {
  await db.insertInto('volunteer_signups').values({ district_id: o.districtId, session_id: o.sessionId, volunteer_id: o.volunteerId, signed_up_by: o.by }).execute();
}

/** Verified hours at a session and the points they earned, as the organizer's verification writes them (the volunteer's first entry). */
export async function creditPoints(db: Kysely<DB>, o: { districtId: string; volunteerId: string; sessionId: string; points: number; by: string }): Promise<void> {
  const hoursId = newId();
  await db
    .insertInto('volunteer_hours')
    .values({ district_id: o.districtId, id: hoursId, session_id: o.sessionId, volunteer_id: o.volunteerId, minutes: 120, status: 'verified', served_on: new Date().toISOString().slice(0, 10), recorded_by: o.by, decided_by: o.by, decided_at: new Date() })
    .execute();
  await db.insertInto('time_bank_entries').values({ district_id: o.districtId, volunteer_id: o.volunteerId, seq: 1, kind: 'earn', points: o.points, balance_after: o.points, hours_id: hoursId, by_user: o.by }).execute();
}

export async function buildPartner(db: Kysely<DB>, o: { community: Place; createdBy: string; staffUserIds?: string[] }): Promise<string> {
  const id = newId();
  await db.insertInto('time_bank_partners').values({ district_id: o.community.districtId, id, street_id: o.community.streetId, community_id: o.community.id, name: '巧手理发店', created_by: o.createdBy }).execute();
  for (const user_id of o.staffUserIds ?? []) await db.insertInto('time_bank_partner_staff').values({ district_id: o.community.districtId, partner_id: id, user_id }).execute();
  return id;
}

export async function buildOffer(db: Kysely<DB>, o: { community: Place; createdBy: string; partnerId?: string; points?: number }): Promise<string> {
  const id = newId();
  await db
    .insertInto('time_bank_offers')
    .values({ district_id: o.community.districtId, id, street_id: o.community.streetId, community_id: o.community.id, partner_id: o.partnerId ?? null, title: o.partnerId ? '理发一次' : '社区茶歇券', points: o.points ?? 10, stock: null, created_by: o.createdBy })
    .execute();
  return id;
}
