import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import type { DB } from '../../tables.ts';
import type { ReferenceCache } from '../cache/reference-cache.ts';
import type { PiiCipher } from '../crypto/pii.ts';
import { resolveDestination, type HostLookup } from './destination.ts';
import { sendToAddress, type Send } from './send.ts';

/**
 * Outbound webhooks. Events are written as delivery rows inside the caller's transaction, so a
 * receiver hears of a change only if it committed; a worker sends due rows later, signs each
 * request and retries failures with growing pauses, keeping one log row per attempt.
 */

/** Pauses after the 1st, 2nd … failed attempt; after the last one the delivery is failed. */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
const BATCH = 50;
const TIMEOUT_MS = 10_000;
// Covers the database writes of a batch on top of its sends.
const LEASE_MARGIN_MS = 60_000;

export interface WebhookPlatform {
  db: Kysely<DB>;
  pii: PiiCipher;
  /** Deliver to private and local addresses too (an intranet receiver); off by default. */
  config?: { webhookPrivateTargets?: boolean };
  /** Name resolution of receivers (tests resolve names to chosen addresses). */
  lookup?: HostLookup;
}

export interface EventEnvelope {
  id: string;
  type: string;
  districtId: string;
  occurredAt: string;
  data: unknown;
}

export function newWebhookSecret(): string {
  return `whsec_${crypto.randomBytes(24).toString('base64url')}`;
}

/** `sha256=` + hex HMAC-SHA256 of `timestamp.body`: the timestamp is signed so replays can be refused. */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does; exported for tests and as a reference for integrators. */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

function envelope(districtId: string, type: string, data: unknown, now: Date): EventEnvelope {
  return { id: newId(), type, districtId, occurredAt: now.toISOString(), data };
}

/** The key of a district's active subscriptions in the reference cache: every change to webhook_subscriptions announces it. */
export const subscriptionsKey = (districtId: string) => `webhooks:${districtId}`;

interface ActiveSubscription {
  id: string;
  event_types: string[];
}

/** A district's active subscriptions, from the process's reference cache when there is one: an event does not read them. */
function activeSubscriptions(platform: { referenceCache?: ReferenceCache }, db: Kysely<DB>, districtId: string): Promise<ActiveSubscription[]> {
  const load = () =>
    db.selectFrom('webhook_subscriptions').select(['id', 'event_types']).where('district_id', '=', districtId).where('active', '=', true).execute();
  return platform.referenceCache ? platform.referenceCache.get(subscriptionsKey(districtId), load) : load();
}

/**
 * The delivery rows of an event to every active subscription of the district that listens to
 * `type`, for a command that writes them in the statement of its change (see enqueueEvent).
 */
export async function eventDeliveries(
  platform: { referenceCache?: ReferenceCache },
  db: Kysely<DB>,
  districtId: string,
  type: string,
  payload: unknown,
  now = new Date(),
) {
  const event = envelope(districtId, type, payload, now);
  const subs = (await activeSubscriptions(platform, db, districtId)).filter((s) => s.event_types.includes(type));
  return { eventId: event.id, rows: subs.map((s) => deliveryRow(districtId, s.id, event, now)) };
}

/**
 * Publishes an event to every active subscription of the district that listens to `type`.
 * Call with the transaction of the change: a rollback discards the deliveries too.
 */
export async function enqueueEvent(
  platform: { referenceCache?: ReferenceCache },
  trx: Kysely<DB>,
  districtId: string,
  type: string,
  payload: unknown,
  now = new Date(),
): Promise<{ eventId: string; deliveries: number }> {
  const { eventId, rows } = await eventDeliveries(platform, trx, districtId, type, payload, now);
  if (rows.length) await trx.insertInto('webhook_deliveries').values(rows).execute();
  return { eventId, deliveries: rows.length };
}

/** One event to one subscription whatever it listens to (the `ping` of a test send). */
export async function enqueueForSubscription(
  trx: Kysely<DB>,
  districtId: string,
  subscriptionId: string,
  type: string,
  payload: unknown,
  now = new Date(),
): Promise<string> {
  const row = deliveryRow(districtId, subscriptionId, envelope(districtId, type, payload, now), now);
  await trx.insertInto('webhook_deliveries').values(row).execute();
  return row.id;
}

function deliveryRow(districtId: string, subscriptionId: string, event: EventEnvelope, now: Date) {
  return {
    district_id: districtId,
    id: newId(),
    subscription_id: subscriptionId,
    event_id: event.id,
    event_type: event.type,
    payload: JSON.stringify(event),
    next_attempt_at: now,
  };
}

export interface DeliverOptions {
  limit?: number;
  /** The most one attempt may take, name resolution included. */
  timeoutMs?: number;
  /** Send only this delivery (a test send answers with its outcome). */
  only?: { districtId: string; id: string };
  /** How a request is sent (tests record it instead). */
  send?: Send;
}

export interface DeliverSummary {
  attempted: number;
  delivered: number;
  retrying: number;
  failed: number;
}

interface Claimed {
  district_id: string;
  id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret_cipher: Buffer;
  active: boolean;
}

/**
 * Sends the deliveries due at `now`. Rows are claimed with SKIP LOCKED and a lease so that
 * several server processes never send the same attempt twice; the HTTP calls run outside any
 * transaction. The lease lasts as long as the whole batch can take (every attempt at its
 * time-out, plus a margin), so no row of a slow batch is claimed and sent again by another
 * worker while this one still holds it.
 */
export async function deliverDue(platform: WebhookPlatform, now = new Date(), options: DeliverOptions = {}): Promise<DeliverSummary> {
  const limit = options.limit ?? BATCH;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const claimed = await claim(platform.db, now, limit, limit * timeoutMs + LEASE_MARGIN_MS, options.only);
  const summary: DeliverSummary = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  for (const d of claimed) {
    const outcome = await attempt(platform, d, now, options.send ?? sendToAddress, timeoutMs);
    summary.attempted++;
    summary[outcome]++;
  }
  return summary;
}

async function claim(db: Kysely<DB>, now: Date, limit: number, leaseMs: number, only?: DeliverOptions['only']): Promise<Claimed[]> {
  return db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('webhook_deliveries')
      .select(['district_id', 'id'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now);
    if (only) due = due.where('district_id', '=', only.districtId).where('id', '=', only.id);
    const rows = await due
      .orderBy('next_attempt_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    const keys = rows.map((r) => sql`(${r.district_id}::uuid, ${r.id}::uuid)`);
    await trx
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: new Date(now.getTime() + leaseMs) })
      .where(sql<boolean>`(district_id, id) in (${sql.join(keys)})`)
      .execute();
    return trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', (j) =>
        j.onRef('s.district_id', '=', 'd.district_id').onRef('s.id', '=', 'd.subscription_id'),
      )
      .select(['d.district_id', 'd.id', 'd.event_type', 'd.payload', 'd.attempts', 's.url', 's.secret_cipher', 's.active'])
      .where(sql<boolean>`(d.district_id, d.id) in (${sql.join(keys)})`)
      .orderBy('d.next_attempt_at')
      .execute() as Promise<Claimed[]>;
  });
}

/** Settles with the promise, or rejects with the signal's reason once it aborts. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError')), { once: true });
    promise.then(resolve, reject);
  });
}

async function attempt(
  platform: WebhookPlatform,
  d: Claimed,
  now: Date,
  send: Send,
  timeoutMs: number,
): Promise<'delivered' | 'retrying' | 'failed'> {
  const n = d.attempts + 1;
  const started = Date.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  if (!d.active) {
    error = 'subscription inactive';
  } else {
    const body = JSON.stringify(d.payload);
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const secret = platform.pii.decrypt(d.secret_cipher);
    try {
      const url = new URL(d.url);
      const signal = AbortSignal.timeout(timeoutMs);
      // Checked again before every attempt (a name may point elsewhere since it was saved), and
      // the request goes to the address checked here, not to a second lookup's answer.
      const address = await unlessAborted(
        resolveDestination(url, { lookup: platform.lookup, allowPrivate: platform.config?.webhookPrivateTargets }),
        signal,
      );
      statusCode = await send({
        url,
        address,
        body,
        signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Sanshe-Webhooks/1',
          'x-sanshe-event': d.event_type,
          'x-sanshe-delivery': d.id,
          'x-sanshe-timestamp': timestamp,
          'x-sanshe-signature': signPayload(secret, timestamp, body),
        },
      });
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (err) {
      const e = err as Error;
      error = e.name === 'TimeoutError' || e.name === 'AbortError' ? 'timeout' : (e.message || String(err)).slice(0, 500);
    }
  }
  const ok = error === null;
  const outcome = ok ? 'delivered' : !d.active || n >= MAX_ATTEMPTS ? 'failed' : 'retrying';
  await platform.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        district_id: d.district_id,
        id: newId(),
        delivery_id: d.id,
        attempt: n,
        attempted_at: now,
        status_code: statusCode,
        error,
        duration_ms: Date.now() - started,
      })
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({
        attempts: n,
        status: outcome === 'retrying' ? 'pending' : outcome,
        last_status_code: statusCode,
        last_error: error,
        delivered_at: ok ? now : null,
        next_attempt_at: outcome === 'retrying' ? new Date(now.getTime() + BACKOFF_MS[n - 1]!) : now,
        updated_at: new Date(),
      })
      .where('district_id', '=', d.district_id)
      .where('id', '=', d.id)
      .execute();
  });
  return outcome;
}

export interface WebhookWorker {
  stop(): Promise<void>;
}

/** Polls for due deliveries; runs never overlap, and stop() waits for the running one. */
export function startWebhookWorker(
  platform: WebhookPlatform,
  options: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): WebhookWorker {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = deliverDue(platform)
      .catch((err) => options.onError?.(err))
      .finally(() => {
        running = null;
      });
  }, options.intervalMs ?? 15_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
