import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import type { Role } from '../../../common/roles.ts';
import type { DB } from '../../tables.ts';
import type { Actor } from '../authz/actor.ts';
import { toLocale, DEFAULT_LOCALE } from '../i18n/locale.ts';
import { authChanged, type LiveSession, type SessionCache } from './session-cache.ts';

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
  const id = newId();
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

/** What resolving a session needs of the platform. */
export interface SessionPlatform {
  db: Kysely<DB>;
  config: { sessionIdleMinutes: number; sessionAbsoluteHours: number };
  sessionCache?: SessionCache;
}

// Touching last_seen_at on every request would turn every read into a write; the cache's writer
// also gathers the writes of several seconds into one statement.
const TOUCH_AFTER_MS = 60_000;

async function loadSession(db: Kysely<DB>, tokenHash: Buffer): Promise<LiveSession | null> {
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
    .where('s.token_hash', '=', tokenHash)
    .where('s.ended_at', 'is', null)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  const assignments = await db
    .selectFrom('role_assignments')
    .select(['role', 'scope_type', 'scope_id', 'scope_district_id'])
    .where('user_id', '=', row.user_id)
    .execute();
  const seenAt = new Date(row.last_seen_at).getTime();
  return {
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at).getTime(),
    seenAt,
    storedSeenAt: seenAt,
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

function alive(session: LiveSession, policy: SessionPolicy, now: number): boolean {
  return session.expiresAt > now && session.seenAt + policy.idleMinutes * 60_000 > now;
}

async function touch(platform: SessionPlatform, session: LiveSession, now: number): Promise<void> {
  session.seenAt = now;
  if (now - session.storedSeenAt <= TOUCH_AFTER_MS) return;
  session.storedSeenAt = now;
  const writer = platform.sessionCache?.lastSeen;
  if (writer) writer.seen(session.actor.sessionId, now);
  else await platform.db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id', '=', session.actor.sessionId).execute();
}

/**
 * The live session of a cookie token, with its user's role assignments; null when there is none
 * or it has expired (it is then ended). A cached session that looks expired is read again: another
 * process may have served it since.
 */
export async function resolveSession(platform: SessionPlatform, token: string): Promise<ResolvedSession | null> {
  const { db, sessionCache: cache } = platform;
  const policy = { idleMinutes: platform.config.sessionIdleMinutes, absoluteHours: platform.config.sessionAbsoluteHours };
  const tokenHash = hashToken(token);
  const key = tokenHash.toString('base64');
  const now = Date.now();
  const cached = cache?.get(key, now);
  if (cached && alive(cached, policy, now)) {
    await touch(platform, cached, now);
    return cached;
  }
  const version = cache?.version ?? 0;
  const session = await loadSession(db, tokenHash);
  if (!session) return null;
  if (!alive(session, policy, now)) {
    await endSessions(platform, db, { sessionId: session.actor.sessionId });
    return null;
  }
  await touch(platform, session, now);
  cache?.put(key, session, version, now);
  return session;
}

/**
 * Ends one session, or all of a user's sessions except (optionally) one, and announces it (see
 * authChanged) in the transaction of `db`.
 */
export async function endSessions(
  platform: { sessionCache?: SessionCache },
  db: Kysely<DB>,
  target: { sessionId: string } | { userId: string; except?: string },
): Promise<number> {
  let q = db.updateTable('sessions').set({ ended_at: sql`now()` }).where('ended_at', 'is', null);
  if ('sessionId' in target) q = q.where('id', '=', target.sessionId);
  else {
    q = q.where('user_id', '=', target.userId);
    if (target.except) q = q.where('id', '!=', target.except);
  }
  const ended = await q.returning('user_id').execute();
  for (const userId of new Set(ended.map((r) => r.user_id))) await authChanged(platform, db, userId);
  return ended.length;
}
