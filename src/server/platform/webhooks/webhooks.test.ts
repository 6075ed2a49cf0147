import crypto from 'node:crypto';
import { newId } from '../db/ids.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildDistrict } from '../../modules/territory/testing.ts';
import { openTestDatabase } from '../../testing.ts';
import { PiiCipher } from '../crypto/pii.ts';
import type { Database } from '../db/kysely.ts';
import { startReceiver, type Receiver } from './testing.ts';
import type { Outgoing, Send } from './send.ts';
import {
  BACKOFF_MS,
  deliverDue,
  enqueueEvent,
  newWebhookSecret,
  signPayload,
  startWebhookWorker,
  verifySignature,
  type WebhookPlatform,
} from './webhooks.ts';

let database: Database;
let platform: WebhookPlatform;
let receiver: Receiver;
let district: { id: string };

beforeAll(async () => {
  database = await openTestDatabase();
  // The test receiver listens on loopback; the private-address guard has its own tests below.
  platform = { db: database.db, pii: new PiiCipher(crypto.randomBytes(32)), config: { webhookPrivateTargets: true } };
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await database.close();
});
beforeEach(async () => {
  // Each test gets its own district so deliveries of earlier tests are out of the way.
  district = await buildDistrict(database.db);
  await database.db.updateTable('webhook_deliveries').set({ status: 'failed' }).where('status', '=', 'pending').execute();
  receiver.received.length = 0;
  receiver.script.length = 0;
});

async function subscribe(o: { events?: string[]; active?: boolean; districtId?: string; url?: string } = {}) {
  const secret = newWebhookSecret();
  const id = newId();
  await database.db
    .insertInto('webhook_subscriptions')
    .values({
      district_id: o.districtId ?? district.id,
      id,
      url: o.url ?? receiver.url,
      secret_cipher: platform.pii.encrypt(secret),
      event_types: o.events ?? ['need.created'],
      active: o.active ?? true,
      created_by: null,
    })
    .execute();
  return { id, secret };
}

/** Without a reference cache, as here, every event reads the district's subscriptions. */
const NO_CACHE = {};

async function publish(type = 'need.created', data: unknown = { needId: 'n-1' }, now = new Date()) {
  return database.db.transaction().execute((trx) => enqueueEvent(NO_CACHE, trx, district.id, type, data, now));
}

const deliveries = (subscriptionId: string) =>
  database.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).execute();
const attempts = (deliveryId: string) =>
  database.db.selectFrom('webhook_attempts').selectAll().where('delivery_id', '=', deliveryId).orderBy('attempt').execute();

describe('enqueueEvent', () => {
  it('writes one delivery per active subscription of the district that listens to the event', async () => {
    const a = await subscribe({ events: ['need.created', 'need.closed'] });
    const b = await subscribe({ events: ['need.closed'] });
    const off = await subscribe({ active: false });
    const other = await subscribe({ districtId: (await buildDistrict(database.db)).id });
    const { deliveries: n } = await publish();
    expect(n).toBe(1);
    expect(await deliveries(a.id)).toHaveLength(1);
    expect(await deliveries(b.id)).toHaveLength(0);
    expect(await deliveries(off.id)).toHaveLength(0);
    expect(await deliveries(other.id)).toHaveLength(0);
  });

  it('publishes nothing when the transaction of the change rolls back', async () => {
    const sub = await subscribe();
    const boom = new Error('change failed');
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueEvent(NO_CACHE, trx, district.id, 'need.created', { needId: 'x' });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await deliveries(sub.id)).toHaveLength(0);
    expect(await deliverDue(platform)).toMatchObject({ attempted: 0 });
    expect(receiver.received).toHaveLength(0);
  });
});

describe('deliverDue', () => {
  it('calls no private or local address unless the deployment allows it', async () => {
    const guarded: WebhookPlatform = { ...platform, config: {} };
    const loopback = await subscribe();
    await publish();
    expect(await deliverDue(guarded)).toMatchObject({ attempted: 1, retrying: 1, delivered: 0 });
    expect(receiver.received).toHaveLength(0);
    const [d] = await deliveries(loopback.id);
    expect(d!.last_error).toMatch(/private or local/);

    // A public-looking name that resolves into the office network is refused the same way.
    district = await buildDistrict(database.db);
    const named = await subscribe({ url: 'https://hooks.example.org/in' });
    await publish();
    const intranet = async () => [{ address: '10.1.2.3', family: 4 }];
    expect(await deliverDue({ ...guarded, lookup: intranet })).toMatchObject({ attempted: 1, retrying: 1 });
    expect((await deliveries(named.id))[0]!.last_error).toMatch(/hooks\.example\.org is a private or local address/);
  });

  it('connects to the address it checked: a name re-pointed after the check (DNS rebinding) cannot reach a private address', async () => {
    // The first answer is public, every later one is this machine (where the receiver listens).
    let lookups = 0;
    const rebinding = async () => [{ address: lookups++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }];
    const sent: Outgoing[] = [];
    const record: Send = async (request) => {
      sent.push(request);
      return 200;
    };
    const guarded: WebhookPlatform = { ...platform, config: {}, lookup: rebinding };
    const { port } = new URL(receiver.url);
    const sub = await subscribe({ url: `http://rebind.example.org:${port}/hook` });
    await publish();
    expect(await deliverDue(guarded, new Date(), { send: record })).toMatchObject({ attempted: 1, delivered: 1 });
    expect(lookups).toBe(1);
    expect(sent.map((r) => [r.url.host, r.address.address])).toEqual([[`rebind.example.org:${port}`, '93.184.216.34']]);
    expect(receiver.received).toHaveLength(0);

    // The next attempt resolves again, sees the private answer and sends nothing.
    await publish();
    expect(await deliverDue(guarded, new Date(), { send: record })).toMatchObject({ attempted: 1, retrying: 1 });
    expect(sent).toHaveLength(1);
    expect(receiver.received).toHaveLength(0);
    expect((await deliveries(sub.id)).map((d) => d.last_error)).toContain('destination rebind.example.org is a private or local address');
  });

  it('reaches an intranet receiver by name when the deployment allows it, through the one address resolved', async () => {
    const { port } = new URL(receiver.url);
    const sub = await subscribe({ url: `http://receiver.sanshe.invalid:${port}/hook` });
    await publish();
    const lookup = async (name: string) => (name === 'receiver.sanshe.invalid' ? [{ address: '127.0.0.1', family: 4 }] : []);
    expect(await deliverDue({ ...platform, lookup })).toMatchObject({ attempted: 1, delivered: 1 });
    expect(receiver.received.map((r) => r.headers.host)).toEqual([`receiver.sanshe.invalid:${port}`]);
    expect((await deliveries(sub.id))[0]!.status).toBe('delivered');
  });

  it('posts the event with a verifiable HMAC-SHA256 signature and logs the attempt', async () => {
    const sub = await subscribe();
    const now = new Date();
    const { eventId } = await publish('need.created', { needId: 'n-42', title: '楼道灯坏了' }, now);
    expect(await deliverDue(platform, now)).toEqual({ attempted: 1, delivered: 1, retrying: 0, failed: 0 });

    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    const [delivery] = await deliveries(sub.id);
    expect(headers['x-sanshe-event']).toBe('need.created');
    expect(headers['x-sanshe-delivery']).toBe(delivery!.id);
    expect(headers['x-sanshe-timestamp']).toBe(String(Math.floor(now.getTime() / 1000)));
    const signature = String(headers['x-sanshe-signature']);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    const expected = crypto.createHmac('sha256', sub.secret).update(`${String(headers['x-sanshe-timestamp'])}.${body}`).digest('hex');
    expect(signature).toBe(`sha256=${expected}`);
    expect(verifySignature(sub.secret, String(headers['x-sanshe-timestamp']), body, signature)).toBe(true);
    expect(verifySignature('whsec_wrong', String(headers['x-sanshe-timestamp']), body, signature)).toBe(false);
    expect(verifySignature(sub.secret, String(headers['x-sanshe-timestamp']), body + ' ', signature)).toBe(false);
    expect(JSON.parse(body)).toEqual({
      id: eventId,
      type: 'need.created',
      districtId: district.id,
      occurredAt: now.toISOString(),
      data: { needId: 'n-42', title: '楼道灯坏了' },
    });

    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200, last_error: null });
    expect(new Date(delivery!.delivered_at!).getTime()).toBe(now.getTime());
    const log = await attempts(delivery!.id);
    expect(log.map((a) => [a.attempt, a.status_code, a.error])).toEqual([[1, 200, null]]);
    // Delivered rows are not sent again.
    expect(await deliverDue(platform, new Date(now.getTime() + 86_400_000))).toMatchObject({ attempted: 0 });
  });

  it('retries a failed delivery after the back-off and not before', async () => {
    const sub = await subscribe();
    const t0 = new Date();
    await publish('need.created', { needId: 'r' }, t0);
    receiver.script.push(500);
    expect(await deliverDue(platform, t0)).toMatchObject({ attempted: 1, retrying: 1 });
    let [d] = await deliveries(sub.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status_code: 500, last_error: 'HTTP 500' });
    expect(new Date(d!.next_attempt_at).getTime()).toBe(t0.getTime() + BACKOFF_MS[0]);

    expect(await deliverDue(platform, new Date(t0.getTime() + BACKOFF_MS[0] - 1000))).toMatchObject({ attempted: 0 });
    expect(await deliverDue(platform, new Date(t0.getTime() + BACKOFF_MS[0]))).toMatchObject({ attempted: 1, delivered: 1 });
    [d] = await deliveries(sub.id);
    expect(d).toMatchObject({ status: 'delivered', attempts: 2, last_status_code: 200, last_error: null });
    expect((await attempts(d!.id)).map((a) => a.status_code)).toEqual([500, 200]);
    expect(receiver.received).toHaveLength(2);
    // Both attempts carry the same delivery id, so a receiver can drop duplicates.
    expect(new Set(receiver.received.map((r) => r.headers['x-sanshe-delivery'])).size).toBe(1);
  });

  it('backs off 1 min, 5 min, 30 min, 2 h, 12 h and then gives up, recording every attempt', async () => {
    const sub = await subscribe();
    let now = new Date();
    await publish('need.created', {}, now);
    receiver.script.push(500, 503, 500, 502, 500, 500);
    const gaps: number[] = [];
    for (let i = 0; i < 6; i++) {
      const summary = await deliverDue(platform, now);
      expect(summary.attempted).toBe(1);
      const [d] = await deliveries(sub.id);
      if (i < 5) {
        expect(d!.status).toBe('pending');
        const next = new Date(d!.next_attempt_at);
        gaps.push(next.getTime() - now.getTime());
        now = next;
      } else {
        expect(d).toMatchObject({ status: 'failed', attempts: 6, last_status_code: 500 });
      }
    }
    expect(gaps).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
    const [d] = await deliveries(sub.id);
    expect((await attempts(d!.id)).map((a) => a.status_code)).toEqual([500, 503, 500, 502, 500, 500]);
    expect(await deliverDue(platform, new Date(now.getTime() + 7 * 86_400_000))).toMatchObject({ attempted: 0 });
  });

  it('counts a receiver that does not answer in time as a failed attempt', async () => {
    const sub = await subscribe();
    await publish();
    receiver.script.push(0);
    expect(await deliverDue(platform, new Date(), { timeoutMs: 200 })).toMatchObject({ retrying: 1 });
    const [d] = await deliveries(sub.id);
    expect(d).toMatchObject({ status: 'pending', last_status_code: null, last_error: 'timeout' });
  });

  it('counts name resolution in the time-out of an attempt', async () => {
    const sub = await subscribe({ url: 'https://slow-dns.example.org/in' });
    await publish();
    const never = () => new Promise<never>(() => {});
    const started = Date.now();
    expect(await deliverDue({ ...platform, lookup: never }, new Date(), { timeoutMs: 200 })).toMatchObject({ retrying: 1 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await deliveries(sub.id))[0]).toMatchObject({ last_status_code: null, last_error: 'timeout' });
  });

  it('keeps a claimed batch from other workers for as long as the batch can take, so nothing is sent twice', async () => {
    await subscribe();
    const t0 = new Date();
    for (let i = 0; i < 3; i++) await publish('need.created', { i }, t0);
    const sentBy: Record<string, string[]> = { a: [], b: [] };
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstSend!: () => void;
    const started = new Promise<void>((resolve) => (firstSend = resolve));
    const slow: Send = async (request) => {
      sentBy.a!.push(request.headers['x-sanshe-delivery']!);
      firstSend();
      await gate;
      return 200;
    };
    const fast: Send = async (request) => {
      sentBy.b!.push(request.headers['x-sanshe-delivery']!);
      return 200;
    };
    // Worker A claims the batch with the default size and time-out (50 × 10 s) and hangs on its first send.
    const a = deliverDue(platform, t0, { send: slow });
    await started;
    // Another worker polls while A is still within what such a batch may take.
    for (const later of [6 * 60_000, 50 * 10_000]) {
      expect(await deliverDue(platform, new Date(t0.getTime() + later), { send: fast })).toMatchObject({ attempted: 0 });
    }
    release();
    expect(await a).toMatchObject({ attempted: 3, delivered: 3 });
    expect(sentBy.b).toEqual([]);
    expect(new Set(sentBy.a).size).toBe(3);
  });

  it('records an unreachable address as a failed attempt', async () => {
    const sub = await subscribe({ url: 'http://127.0.0.1:1/hook' });
    await publish();
    expect(await deliverDue(platform)).toMatchObject({ retrying: 1 });
    const [d] = await deliveries(sub.id);
    expect(d!.last_error).toBeTruthy();
    expect(d!.last_status_code).toBeNull();
  });

  it('fails deliveries of a subscription deactivated before they were sent, without calling it', async () => {
    const sub = await subscribe();
    await publish();
    await database.db.updateTable('webhook_subscriptions').set({ active: false }).where('id', '=', sub.id).execute();
    expect(await deliverDue(platform)).toMatchObject({ failed: 1 });
    expect(receiver.received).toHaveLength(0);
  });

  it('signs with the given secret only', () => {
    expect(signPayload('k', '1', 'b')).toBe(`sha256=${crypto.createHmac('sha256', 'k').update('1.b').digest('hex')}`);
  });
});

describe('startWebhookWorker', () => {
  it('sends due deliveries in the background until stopped', async () => {
    const sub = await subscribe();
    await publish();
    const worker = startWebhookWorker(platform, { intervalMs: 20 });
    for (let i = 0; i < 100 && receiver.received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect(receiver.received).toHaveLength(1);
    expect((await deliveries(sub.id))[0]!.status).toBe('delivered');
  });
});
