import type { Insertable, Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { pointsFor, DEFAULT_POINTS_PER_HOUR } from '../src/common/volunteers.ts';
import { localDate } from '../src/server/platform/calendar/working-days.ts';
import type { TimeBankEntriesTable, VolunteerHoursTable } from '../src/server/modules/volunteers/volunteers.tables.ts';
import type { DB } from '../src/server/tables.ts';
import type { CallIds } from './demo-calls.ts';
import { Rng } from './prng.ts';
import { J_COMMUNITY } from './demo-territory.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DUTY_MINUTES = 150;
const LUNCH_MINUTES = 90;
/** Story 6: about 120 verified hours, one star. */
const SUN_MINUTES = 120 * 60;

/** Demo logins of story 6's volunteer part, beside DEMO_ACCOUNTS (one per role). */
export const VOLUNTEER_ACCOUNTS = { volunteer: 'sunli', clerk: 'lifa' } as const;

/**
 * Story 6's volunteers of J community: 孙 (account sunli) serves the Wednesday lunch of 启航 and
 * the community's Tuesday duty, about 120 verified hours, one star; eight neighbours with
 * fewer hours, one claim waiting for the community to verify; 孙 has had a haircut at the
 * partner shop 巧手理发店 (its clerk: account lifa, no role) and has points left to spend on
 * the shop's and the community's offers.
 */
export async function loadVolunteers(db: Kysely<DB>, ids: CallIds & { passwordHash: string }, now: Date): Promise<void> {
  const d = ids.districtId;
  const j = ids.communityIds.get(J_COMMUNITY)!;
  const zhou = ids.userIds.get('zhou')!;
  const chen = ids.userIds.get('chen')!;
  const rng = new Rng('volunteers');
  const adults = await db
    .selectFrom('residents')
    .select(['id', 'name', 'household_id'])
    .where('district_id', '=', d)
    .where('community_id', '=', j)
    .where('status', '=', 'active')
    .where('birth_date', '>=', `${now.getUTCFullYear() - 68}-01-01`)
    .where('birth_date', '<=', `${now.getUTCFullYear() - 30}-12-31`)
    .orderBy('id')
    .limit(400)
    .execute();
  const sun = adults.find((r) => r.name.startsWith('孙')) ?? adults[0]!;
  const others = adults.filter((r) => r.id !== sun.id && r.id.charCodeAt(r.id.length - 1) % 5 === 0).slice(0, 8);

  // 孙's account, and the partner shop's clerk (no role: the shop's link is what they act by).
  const sunUser = uuidv7();
  const clerkUser = uuidv7();
  await db
    .insertInto('users')
    .values([
      { id: sunUser, username: VOLUNTEER_ACCOUNTS.volunteer, display_name: `${sun.name}（J社区志愿者）`, password_hash: ids.passwordHash, resident_district_id: d, resident_id: sun.id },
      { id: clerkUser, username: VOLUNTEER_ACCOUNTS.clerk, display_name: '巧手理发店 小林', password_hash: ids.passwordHash },
    ])
    .execute();
  await db.insertInto('role_assignments').values({ id: uuidv7(), user_id: sunUser, role: 'resident', scope_type: 'household', scope_id: sun.household_id, scope_district_id: d }).execute();

  const place = await db.selectFrom('communities').select(['street_id']).where('id', '=', j).executeTakeFirstOrThrow();
  const volunteer = async (r: { id: string }, userId: string | null, skills: string[], availability: string[], registeredAt: Date) => {
    const id = uuidv7();
    await db
      .insertInto('volunteers')
      .values({ district_id: d, id, street_id: place.street_id, community_id: j, resident_id: r.id, user_id: userId, skills, availability, service_community_ids: [j], registered_by: zhou, created_at: registeredAt })
      .execute();
    return id;
  };
  const sunId = await volunteer(sun, sunUser, ['meal_help', 'companionship', 'repair'], ['tue_am', 'wed_am', 'sat_am'], new Date(now.getTime() - 330 * DAY));
  const otherIds = [];
  for (const [i, r] of others.entries()) otherIds.push(await volunteer(r, null, [['meal_help'], ['tutoring'], ['patrol', 'event_help'], ['health']][i % 4]!, ['sat_am', 'sun_pm'], new Date(now.getTime() - (200 - i * 15) * DAY)));

  // 启航's Wednesday lunch (demo-delivery): 孙 served every past session, and signed up for the next.
  const lunch = await db
    .selectFrom('activity_sessions as s')
    .innerJoin('activities as a', (jn) => jn.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.activity_id'))
    .select(['s.id', 's.starts_at'])
    .where('s.district_id', '=', d)
    .where('a.community_id', '=', j)
    .where('a.title', '=', '长者助餐')
    .orderBy('s.starts_at')
    .execute();
  const pastLunch = lunch.filter((s) => new Date(s.starts_at) < now);

  // The community's own Tuesday duty at the Party and Mass Service Center, weekly until enough for 孙's hours, and four ahead.
  const dutyCount = Math.ceil((SUN_MINUTES - pastLunch.length * LUNCH_MINUTES) / DUTY_MINUTES);
  const weekday = new Date(now.getTime() + 8 * HOUR).getUTCDay();
  const lastTuesday = new Date(`${localDate(new Date(now.getTime() - (((weekday - 2 + 7) % 7) || 7) * DAY))}T09:00:00+08:00`);
  const dutyActivity = uuidv7();
  await db
    .insertInto('activities')
    .values({
      district_id: d, id: dutyActivity, street_id: place.street_id, community_id: j, organization_id: null, title: '邻里守望·为老服务值班', method: 'community_activity',
      description: '党群服务中心为老服务站值班：陪伴聊天、代买代办、协助助餐。', venue_note: 'J社区党群服务中心一楼为老服务站', capacity: 20, audience: '辖区长者', volunteers_needed: 6, recurrence: 'weekly', created_by: zhou,
      created_at: new Date(lastTuesday.getTime() - dutyCount * 7 * DAY - 3 * DAY),
    })
    .execute();
  const duty = Array.from({ length: dutyCount + 4 }, (_, k) => {
    const startsAt = new Date(lastTuesday.getTime() - (dutyCount - 1 - k) * 7 * DAY);
    return { district_id: d, id: uuidv7(), activity_id: dutyActivity, seq: k + 1, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + DUTY_MINUTES * 60_000), checkin_code: String(rng.int(0, 999_999)).padStart(6, '0') };
  });
  await db.insertInto('activity_sessions').values(duty).execute();
  const pastDuty = duty.filter((s) => s.starts_at < now);
  const nextDuty = duty.find((s) => s.starts_at > now)!;

  const hours: Insertable<VolunteerHoursTable>[] = [];
  const credit = (volunteerId: string, session: { id: string; starts_at: Date | string }, minutes: number, by: string, status: 'verified' | 'claimed' = 'verified') => {
    const startsAt = new Date(session.starts_at);
    const decided = status === 'verified' ? { decided_by: by, decided_at: new Date(startsAt.getTime() + 5 * HOUR) } : {};
    hours.push({ district_id: d, id: uuidv7(), session_id: session.id, volunteer_id: volunteerId, minutes, status, served_on: localDate(startsAt), recorded_by: status === 'claimed' ? sunUser : by, recorded_at: new Date(startsAt.getTime() + 4 * HOUR), ...decided });
  };
  for (const s of pastLunch) credit(sunId, s, LUNCH_MINUTES, chen);
  for (const s of pastDuty.slice(-dutyCount)) credit(sunId, s, DUTY_MINUTES, zhou);
  for (const [i, v] of otherIds.entries()) {
    for (const s of pastDuty.slice(-(3 + i * 4))) if (rng.next() < 0.8) credit(v, s, rng.next() < 0.5 ? 120 : DUTY_MINUTES, zhou);
  }
  // 孙's last duty is claimed by himself: 周书记 has it to verify.
  const lastDuty = pastDuty.at(-1)!;
  const waiting = hours.findIndex((h) => h.volunteer_id === sunId && h.session_id === lastDuty.id);
  hours[waiting] = { ...hours[waiting]!, status: 'claimed', recorded_by: sunUser, decided_by: null, decided_at: null };
  await db.insertInto('volunteer_hours').values(hours).execute();
  // Everyone credited had signed up (孙 himself, the others through 周书记).
  await db.insertInto('volunteer_signups').values([
    ...hours.map((h) => ({ district_id: d, session_id: h.session_id, volunteer_id: h.volunteer_id, signed_up_by: h.volunteer_id === sunId ? sunUser : zhou, signed_up_at: new Date((h.recorded_at as Date).getTime() - 3 * DAY) })),
    { district_id: d, session_id: nextDuty.id, volunteer_id: sunId, signed_up_by: sunUser },
    ...otherIds.slice(0, 3).map((v) => ({ district_id: d, session_id: nextDuty.id, volunteer_id: v, signed_up_by: zhou })),
  ]).execute();

  // The partner shop, its offer and the community's own.
  const partner = uuidv7();
  await db.insertInto('time_bank_partners').values({ district_id: d, id: partner, street_id: place.street_id, community_id: j, name: '巧手理发店', address: 'J社区沿街商铺 12 号', created_by: zhou, created_at: new Date(now.getTime() - 300 * DAY) }).execute();
  await db.insertInto('time_bank_partner_staff').values({ district_id: d, partner_id: partner, user_id: clerkUser }).execute();
  const haircut = uuidv7();
  await db
    .insertInto('time_bank_offers')
    .values([
      { district_id: d, id: haircut, street_id: place.street_id, community_id: j, partner_id: partner, title: '理发一次', description: '洗剪吹，工作日 9:00–17:00 到店。', points: 150, stock: null, created_by: zhou },
      { district_id: d, id: uuidv7(), street_id: place.street_id, community_id: j, partner_id: null, title: '社区洗衣房洗衣一次', description: '党群服务中心一楼，凭兑换记录使用。', points: 30, stock: null, created_by: zhou },
      { district_id: d, id: uuidv7(), street_id: place.street_id, community_id: j, partner_id: null, title: '家电小修一次', description: '志愿维修队上门，限小家电。', points: 80, stock: 12, created_by: zhou },
    ])
    .execute();

  // The ledger, in time order per volunteer: earned at each verification; 孙's haircut three weeks ago, confirmed by the clerk.
  const entries: Insertable<TimeBankEntriesTable>[] = [];
  const haircutAt = new Date(now.getTime() - 21 * DAY);
  const redemption = uuidv7();
  const byVolunteer = new Map<string, Insertable<VolunteerHoursTable>[]>();
  for (const h of hours) if (h.status === 'verified') byVolunteer.set(h.volunteer_id, [...(byVolunteer.get(h.volunteer_id) ?? []), h]);
  for (const [volunteerId, list] of byVolunteer) {
    let balance = 0;
    const events = list.map((h) => ({ at: new Date(h.decided_at as Date), points: pointsFor(h.minutes, DEFAULT_POINTS_PER_HOUR), hoursId: h.id as string | null, by: h.decided_by as string }));
    if (volunteerId === sunId) events.push({ at: haircutAt, points: -150, hoursId: null, by: sunUser });
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const [k, e] of events.entries()) {
      balance += e.points;
      entries.push({ district_id: d, volunteer_id: volunteerId, seq: k + 1, kind: e.hoursId ? 'earn' : 'redeem', points: e.points, balance_after: balance, hours_id: e.hoursId, redemption_id: e.hoursId ? null : redemption, at: e.at, by_user: e.by });
    }
  }
  await db.insertInto('time_bank_redemptions').values({ district_id: d, id: redemption, volunteer_id: sunId, offer_id: haircut, points: 150, status: 'confirmed', requested_by: sunUser, requested_at: haircutAt, decided_by: clerkUser, decided_at: new Date(haircutAt.getTime() + 40 * 60_000) }).execute();
  for (let k = 0; k < entries.length; k += 500) await db.insertInto('time_bank_entries').values(entries.slice(k, k + 500)).execute();
}
