import { sql } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import { pointsFor } from '../../../common/volunteers.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { AppError, invalid, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { activityPolicy, sessionDistrict, sessionsNeedingVolunteers, volunteerSessions, type VolunteerSession } from '../services/index.ts';
import { residentNames } from '../territory/index.ts';
import { communityLabels } from './volunteers.names.ts';
import './volunteers.errors.ts';
import type * as S from './volunteers.schemas.ts';
import { actingVolunteer, myVolunteer } from './volunteers.service.ts';
import * as store from './volunteers.store.ts';

const DAY = 86_400_000;
/** Opportunities of the coming four weeks; one's own sessions of the past month, to claim hours. */
const AHEAD = 28 * DAY;
const BEHIND = 30 * DAY;

const signupCount = (trx: RequestContext['db'], districtId: string, sessionId: string) =>
  trx.selectFrom('volunteer_signups').select((eb) => eb.fn.countAll<string>().as('n')).where('district_id', '=', districtId).where('session_id', '=', sessionId).executeTakeFirstOrThrow();

/** A session by id in a district, 404 at the field when it names nothing there. */
async function sessionIn(ctx: RequestContext, districtId: string, id: string, field?: string): Promise<VolunteerSession> {
  const [s] = await volunteerSessions(ctx.db, districtId, [id]);
  if (!s) throw field ? notFoundAt(field) : new AppError('resource.not_found');
  return s;
}

/** Upcoming sessions needing volunteers in the caller's service communities, and their own sessions of the past month. */
export async function opportunities(ctx: RequestContext): Promise<{ items: S.Opportunity[] }> {
  const v = await myVolunteer(ctx);
  if (!v) throw new AppError('volunteer.not_registered');
  const now = Date.now();
  const mine = await ctx.db
    .selectFrom('volunteer_signups')
    .select('session_id')
    .where('district_id', '=', v.district_id)
    .where('volunteer_id', '=', v.id)
    .execute();
  const mineIds = new Set(mine.map((m) => m.session_id));
  const [ahead, own] = await Promise.all([
    sessionsNeedingVolunteers(ctx.db, v.district_id, v.service_community_ids, new Date(now), new Date(now + AHEAD), 100),
    volunteerSessions(ctx.db, v.district_id, [...mineIds]),
  ]);
  const sessions = [...own.filter((s) => s.startsAt.getTime() >= now - BEHIND && s.startsAt.getTime() < now), ...ahead];
  const counts = await ctx.db
    .selectFrom('volunteer_signups')
    .select(['session_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('district_id', '=', v.district_id)
    .where('session_id', 'in', sessions.length ? sessions.map((s) => s.id) : [v.id])
    .groupBy('session_id')
    .execute();
  const signed = new Map(counts.map((c) => [c.session_id, Number(c.n)]));
  const communities = await communityLabels(ctx, sessions.map((s) => s.communityId));
  return {
    items: sessions.map((s) => {
      const community = communities.get(s.communityId) ?? { id: s.communityId, name: '' };
      return {
        sessionId: s.id, activityId: s.activityId, title: s.title, community, organizer: s.organizer ?? community.name, venue: s.venue,
        startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), volunteersNeeded: s.volunteersNeeded, signedUp: signed.get(s.id) ?? 0, mine: mineIds.has(s.id),
      };
    }),
  };
}

/**
 * Signs a volunteer up for a session of an activity that needs volunteers, in their service
 * area, before it starts, while places are left. The count is taken under a lock on the
 * session's key, so two volunteers taking the last place at once cannot both have it.
 */
export async function signUp(ctx: RequestContext, body: S.SignupBody): Promise<void> {
  const actor = requireActor(ctx);
  const v = await actingVolunteer(ctx, body.volunteerId);
  const s = await sessionIn(ctx, v.district_id, body.sessionId, 'sessionId');
  if (!s.open || s.startsAt.getTime() <= Date.now()) throw new AppError('volunteer.session_not_open');
  if (s.volunteersNeeded === 0) throw new AppError('volunteer.no_volunteers_needed');
  if (!v.service_community_ids.includes(s.communityId) && v.community_id !== s.communityId) throw new AppError('volunteer.outside_area');
  await command(ctx, async ({ trx, audit }) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`volunteer_signups:${s.id}`}, 0))`.execute(trx);
    const taken = await trx.selectFrom('volunteer_signups').select('volunteer_id').where('district_id', '=', v.district_id).where('session_id', '=', s.id).where('volunteer_id', '=', v.id).executeTakeFirst();
    if (taken) throw new AppError('volunteer.already_signed_up');
    if (Number((await signupCount(trx, v.district_id, s.id)).n) >= s.volunteersNeeded) throw new AppError('volunteer.session_full');
    await trx.insertInto('volunteer_signups').values({ district_id: v.district_id, session_id: s.id, volunteer_id: v.id, signed_up_by: actor.userId }).execute();
    await audit({ action: 'volunteer.sign_up', entityType: 'volunteer', entityId: v.id, districtId: v.district_id, after: { sessionId: s.id } });
  });
}

export async function withdraw(ctx: RequestContext, body: S.SignupBody): Promise<void> {
  const v = await actingVolunteer(ctx, body.volunteerId);
  const s = await sessionIn(ctx, v.district_id, body.sessionId, 'sessionId');
  if (s.startsAt.getTime() <= Date.now()) throw new AppError('volunteer.session_not_open');
  await command(ctx, async ({ trx, audit }) => {
    const gone = await trx.deleteFrom('volunteer_signups').where('district_id', '=', v.district_id).where('session_id', '=', s.id).where('volunteer_id', '=', v.id).returning('session_id').executeTakeFirst();
    if (!gone) throw new AppError('volunteer.not_signed_up');
    await audit({ action: 'volunteer.withdraw', entityType: 'volunteer', entityId: v.id, districtId: v.district_id, before: { sessionId: s.id } });
  });
}

/** The volunteer claims the hours they served at a session they signed up for; they count once the organizer verifies them. */
export async function claimHours(ctx: RequestContext, body: S.ClaimBody): Promise<S.HoursItem> {
  const actor = requireActor(ctx);
  const v = await actingVolunteer(ctx, undefined);
  const s = await sessionIn(ctx, v.district_id, body.sessionId, 'sessionId');
  if (!s.open) throw new AppError('volunteer.session_cancelled');
  if (s.startsAt.getTime() > Date.now()) throw new AppError('volunteer.session_not_started');
  const id = newId();
  await command(ctx, async ({ trx, audit }) => {
    const signed = await trx.selectFrom('volunteer_signups').select('session_id').where('district_id', '=', v.district_id).where('session_id', '=', s.id).where('volunteer_id', '=', v.id).executeTakeFirst();
    if (!signed) throw new AppError('volunteer.not_signed_up');
    const existing = await trx.selectFrom('volunteer_hours').select('status').where('district_id', '=', v.district_id).where('session_id', '=', s.id).where('volunteer_id', '=', v.id).executeTakeFirst();
    if (existing) throw new AppError(existing.status === 'claimed' ? 'volunteer.hours_claimed' : 'volunteer.hours_decided');
    await trx.insertInto('volunteer_hours').values({ district_id: v.district_id, id, session_id: s.id, volunteer_id: v.id, minutes: body.minutes, status: 'claimed', served_on: localDate(s.startsAt), recorded_by: actor.userId }).execute();
    await audit({ action: 'volunteer.claim_hours', entityType: 'volunteer_hours', entityId: id, districtId: v.district_id, after: { volunteerId: v.id, sessionId: s.id, minutes: body.minutes } });
  });
  return { id, sessionId: s.id, activityId: s.activityId, activityTitle: s.title, servedOn: localDate(s.startsAt), minutes: body.minutes, status: 'claimed', rejectReason: '' };
}

/** A session readable by the caller as an activity of theirs (404 otherwise). */
async function readableSession(ctx: RequestContext, id: string): Promise<VolunteerSession> {
  const actor = requireActor(ctx);
  const districtId = await sessionDistrict(ctx.db, id);
  const s = districtId ? (await volunteerSessions(ctx.db, districtId, [id]))[0] : undefined;
  if (!s || !(activityPolicy.can(actor, 'read', s.activity) || activityPolicy.can(actor, 'sign_attendance', s.activity))) throw new AppError('resource.not_found');
  return s;
}

/** The organizer's view of a session's volunteers: who signed up, who claimed or was credited hours. */
export async function sessionVolunteers(ctx: RequestContext, id: string): Promise<S.SessionVolunteers> {
  const actor = requireActor(ctx);
  const s = await readableSession(ctx, id);
  const [signups, hours] = await Promise.all([
    ctx.db.selectFrom('volunteer_signups').select('volunteer_id').where('district_id', '=', s.districtId).where('session_id', '=', s.id).execute(),
    ctx.db.selectFrom('volunteer_hours').select(['id', 'volunteer_id', 'minutes', 'status', 'reject_reason']).where('district_id', '=', s.districtId).where('session_id', '=', s.id).execute(),
  ]);
  const ids = [...new Set([...signups.map((r) => r.volunteer_id), ...hours.map((h) => h.volunteer_id)])];
  const volunteers = ids.length ? await ctx.db.selectFrom('volunteers').select(['id', 'name', 'resident_id']).where('district_id', '=', s.districtId).where('id', 'in', ids).execute() : [];
  const names = await residentNames(ctx.db, s.districtId, volunteers.flatMap((v) => (v.resident_id ? [v.resident_id] : [])));
  const signed = new Set(signups.map((r) => r.volunteer_id));
  const byVolunteer = new Map(hours.map((h) => [h.volunteer_id, h]));
  const items = volunteers
    .map((v) => {
      const h = byVolunteer.get(v.id);
      return { volunteerId: v.id, name: v.resident_id ? (names.get(v.resident_id) ?? '') : v.name, signedUp: signed.has(v.id), hoursId: h?.id ?? null, minutes: h?.minutes ?? null, status: h?.status ?? null, rejectReason: h?.reject_reason ?? '' };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    sessionId: s.id, activityTitle: s.title, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), volunteersNeeded: s.volunteersNeeded, items,
    canVerify: activityPolicy.can(actor, 'sign_attendance', s.activity),
  };
}

/**
 * The organizer verifies (or adjusts) the hours of a session's volunteers, or rejects a claim
 * with a reason; verified hours earn points in the same transaction. A volunteer who did not
 * sign up may be credited (they came on the day) if the session is in their service area.
 * Decided hours do not change.
 */
export async function verifyHours(ctx: RequestContext, id: string, body: S.VerifyBody): Promise<S.SessionVolunteers> {
  const actor = requireActor(ctx);
  const s = await readableSession(ctx, id);
  activityPolicy.authorize(actor, 'sign_attendance', s.activity);
  if (!s.open) throw new AppError('volunteer.session_cancelled');
  if (s.startsAt.getTime() > Date.now()) throw new AppError('volunteer.session_not_started');
  body.entries.forEach((e, i) => {
    if ((e.minutes === undefined) === (e.rejectReason === undefined)) throw invalid({ field: `entries.${i}`, code: 'volunteer.verify_one_of' });
    if (e.rejectReason !== undefined && !e.rejectReason.trim()) throw invalid({ field: `entries.${i}.rejectReason`, code: 'validation.required' });
  });
  const ids = body.entries.map((e) => e.volunteerId);
  if (new Set(ids).size !== ids.length) throw invalid({ field: `entries.${ids.findIndex((v, i) => ids.indexOf(v) !== i)}.volunteerId`, code: 'volunteer.listed_twice' });
  const volunteers = new Map((await ctx.db.selectFrom('volunteers').selectAll().where('district_id', '=', s.districtId).where('id', 'in', ids).execute()).map((v) => [v.id, v]));
  body.entries.forEach((e, i) => {
    const v = volunteers.get(e.volunteerId);
    if (!v || !(v.community_id === s.communityId || v.service_community_ids.includes(s.communityId))) throw notFoundAt(`entries.${i}.volunteerId`);
  });
  const { pointsPerHour } = await store.settingsOf(ctx.db, s.districtId);
  await command(ctx, async ({ trx, audit }) => {
    for (const [i, e] of body.entries.entries()) {
      const existing = await trx.selectFrom('volunteer_hours').select(['id', 'status']).where('district_id', '=', s.districtId).where('session_id', '=', s.id).where('volunteer_id', '=', e.volunteerId).forUpdate().executeTakeFirst();
      if (existing && existing.status !== 'claimed') throw invalid({ field: `entries.${i}.volunteerId`, code: 'volunteer.hours_decided' });
      if (!existing && e.minutes === undefined) throw invalid({ field: `entries.${i}.rejectReason`, code: 'volunteer.nothing_to_reject' });
      const hoursId = existing?.id ?? newId();
      const decided = { status: e.minutes !== undefined ? ('verified' as const) : ('rejected' as const), decided_by: actor.userId, decided_at: new Date(), reject_reason: e.rejectReason?.trim() ?? '' };
      if (existing) {
        await trx.updateTable('volunteer_hours').set({ ...decided, ...(e.minutes !== undefined ? { minutes: e.minutes } : {}) }).where('district_id', '=', s.districtId).where('id', '=', hoursId).execute();
      } else {
        await trx.insertInto('volunteer_hours').values({ district_id: s.districtId, id: hoursId, session_id: s.id, volunteer_id: e.volunteerId, minutes: e.minutes!, served_on: localDate(s.startsAt), recorded_by: actor.userId, ...decided }).execute();
      }
      if (e.minutes !== undefined) await store.appendEntry(trx, s.districtId, e.volunteerId, { kind: 'earn', points: pointsFor(e.minutes, pointsPerHour), hoursId }, actor.userId);
      await audit({
        action: e.minutes !== undefined ? 'volunteer.verify_hours' : 'volunteer.reject_hours', entityType: 'volunteer_hours', entityId: hoursId, districtId: s.districtId,
        after: { volunteerId: e.volunteerId, sessionId: s.id, minutes: e.minutes ?? null, rejectReason: e.rejectReason ?? null },
      });
    }
  });
  return sessionVolunteers(ctx, id);
}

