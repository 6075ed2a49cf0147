import { DOOR_OPENS_MS } from '../../../common/activities.ts';
import { AppError, notFoundAt } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { residentNames } from '../territory/index.ts';
import './services.errors.ts';
import { activityPolicy } from './services.policy.ts';
import type * as S from './services.schemas.ts';
import * as store from './services.store.ts';

const iso = (d: Date | string) => new Date(d).toISOString();
/** Staff may still record attendance from a paper sign-in sheet for a week after the session. */
const STAFF_LATE_MS = 7 * 86_400_000;

/** A session of an activity the caller may read (404 otherwise), with what the caller may do on it. */
async function loadSession(ctx: RequestContext, sessionId: string) {
  const actor = requireActor(ctx);
  const session = await store.loadSession(ctx.db, sessionId);
  if (!session) throw new AppError('resource.not_found');
  const staff = await store.staffOf(ctx.db, session.district_id, session.activity_id);
  const record = store.recordOf(session, staff.map((s) => s.user_id));
  const signs = activityPolicy.can(actor, 'sign_attendance', record);
  if (!signs && !activityPolicy.can(actor, 'read', record)) throw new AppError('resource.not_found');
  return { actor, session, signs };
}

/** Who registered for a session and who came: names only, for the door and the organizer. */
export async function rosterOf(ctx: RequestContext, sessionId: string): Promise<S.Roster> {
  const { session, signs } = await loadSession(ctx, sessionId);
  const d = session.district_id;
  const rows = await ctx.db
    .selectFrom('activity_registrations as r')
    .leftJoin('activity_attendance as t', (j) => j.onRef('t.district_id', '=', 'r.district_id').onRef('t.session_id', '=', 'r.session_id').onRef('t.resident_id', '=', 'r.resident_id'))
    .leftJoin('activity_feedback as f', (j) => j.onRef('f.district_id', '=', 'r.district_id').onRef('f.session_id', '=', 'r.session_id').onRef('f.resident_id', '=', 'r.resident_id'))
    .select(['r.resident_id', 'r.registered_at', 't.at as attended_at', 't.method', 'f.rating'])
    .where('r.district_id', '=', d)
    .where('r.session_id', '=', sessionId)
    .orderBy('r.registered_at')
    .limit(10_000)
    .execute();
  const names = await residentNames(ctx.db, d, rows.map((r) => r.resident_id));
  return {
    sessionId,
    activityId: session.activity_id,
    title: session.title,
    startsAt: iso(session.starts_at),
    endsAt: iso(session.ends_at),
    capacity: session.capacity,
    checkinCode: signs ? session.checkin_code : null,
    entries: rows
      .map((r) => ({
        residentId: r.resident_id,
        name: names.get(r.resident_id) ?? '',
        registeredAt: iso(r.registered_at),
        attendedAt: r.attended_at ? iso(r.attended_at) : null,
        method: r.method,
        rated: r.rating !== null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}

function checkOpenForStaff(session: store.SessionRow, now: Date) {
  if (session.activity_status !== 'published' || session.cancelled_at) throw new AppError('activity.session_cancelled');
  const opens = new Date(session.starts_at).getTime() - DOOR_OPENS_MS;
  const closes = new Date(session.ends_at).getTime() + STAFF_LATE_MS;
  if (now.getTime() < opens || now.getTime() > closes) throw new AppError('activity.check_in_closed');
}

/** Staff sign a registered resident in at the door. */
export async function signAttendance(ctx: RequestContext, sessionId: string, residentId: string): Promise<S.Roster> {
  const { actor, session, signs } = await loadSession(ctx, sessionId);
  if (!signs) throw new AppError('access.forbidden');
  checkOpenForStaff(session, new Date());
  const d = session.district_id;
  const registered = await ctx.db.selectFrom('activity_registrations').select('resident_id').where('district_id', '=', d).where('session_id', '=', sessionId).where('resident_id', '=', residentId).executeTakeFirst();
  // The roster is what staff see: a resident not on it names nothing here.
  if (!registered) throw notFoundAt('residentId');
  await command(ctx, async ({ trx, audit }) => {
    const done = await trx
      .insertInto('activity_attendance')
      .values({ district_id: d, session_id: sessionId, resident_id: residentId, method: 'staff', recorded_by: actor.userId })
      .onConflict((oc) => oc.doNothing())
      .returning('resident_id')
      .executeTakeFirst();
    if (!done) throw new AppError('activity.already_signed_in');
    await audit({ action: 'activity.attend', entityType: 'activity_session', entityId: sessionId, districtId: d, after: { residentId, method: 'staff' } });
  });
  return rosterOf(ctx, sessionId);
}

/** A mistaken sign-in is taken back, unless the resident has already rated the session. */
export async function undoAttendance(ctx: RequestContext, sessionId: string, residentId: string): Promise<S.Roster> {
  const { session, signs } = await loadSession(ctx, sessionId);
  if (!signs) throw new AppError('access.forbidden');
  const d = session.district_id;
  await command(ctx, async ({ trx, audit }) => {
    const rated = await trx.selectFrom('activity_feedback').select('rating').where('district_id', '=', d).where('session_id', '=', sessionId).where('resident_id', '=', residentId).executeTakeFirst();
    if (rated) throw new AppError('activity.feedback_given');
    const gone = await trx.deleteFrom('activity_attendance').where('district_id', '=', d).where('session_id', '=', sessionId).where('resident_id', '=', residentId).executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) throw new AppError('activity.not_signed_in');
    await audit({ action: 'activity.unattend', entityType: 'activity_session', entityId: sessionId, districtId: d, before: { residentId } });
  });
  return rosterOf(ctx, sessionId);
}
