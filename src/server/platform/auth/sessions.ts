import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../../common/roles.ts';
import type { DB } from '../../tables.ts';
import type { Actor } from '../authz/actor.ts';
import { toLocale, DEFAULT_LOCALE } from '../i18n/locale.ts';

export const SESSION_COOKIE = 'sanshe_session';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export function hashToken(token: string): Buffer {
  return crypto.createHash('sha256').update(token).digest();
}

export interface OpenedSession {
  id: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(
  db: Kysely<DB>,
  userId: string,
  policy: SessionPolicy,
  meta: { ip: string; userAgent: string },
): Promise<OpenedSession> {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const id = uuidv7();
  const expiresAt = new Date(Date.now() + policy.absoluteHours * 3600_000);
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent.slice(0, 300),
    })
    .execute();
  return { id, token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

// Touching last_seen_at on every request would turn every read into a write.
const TOUCH_AFTER_MS = 60_000;

/** The live session of a cookie token, with its user's role assignments; null when expired. */
export async function resolveSession(
  db: Kysely<DB>,
  token: string,
  policy: SessionPolicy,
): Promise<ResolvedSession | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.csrf_token',
      's.last_seen_at',
      's.expires_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.locale',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.ended_at', 'is', null)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (new Date(row.expires_at).getTime() <= now || lastSeen + policy.idleMinutes * 60_000 <= now) {
    await endSessions(db, { sessionId: row.id });
    return null;
  }
  if (now - lastSeen > TOUCH_AFTER_MS) {
    await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', row.id).execute();
  }
  const assignments = await db
    .selectFrom('role_assignments')
    .select(['role', 'scope_type', 'scope_id', 'scope_district_id'])
    .where('user_id', '=', row.user_id)
    .execute();
  return {
    csrfToken: row.csrf_token,
    actor: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      locale: toLocale(row.locale) ?? DEFAULT_LOCALE,
      sessionId: row.id,
      csrfToken: row.csrf_token,
      assignments: assignments.map((a) => ({
        role: a.role as Role,
        scopeType: a.scope_type,
        scopeId: a.scope_id,
        districtId: a.scope_district_id,
      })),
    },
  };
}

/** Ends one session, or all of a user's sessions except (optionally) one. */
export async function endSessions(
  db: Kysely<DB>,
  target: { sessionId: string } | { userId: string; except?: string },
): Promise<number> {
  let q = db.updateTable('sessions').set({ ended_at: sql`now()` }).where('ended_at', 'is', null);
  if ('sessionId' in target) q = q.where('id', '=', target.sessionId);
  else {
    q = q.where('user_id', '=', target.userId);
    if (target.except) q = q.where('id', '!=', target.except);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
