import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAs, type TestApp, type TestAppWithPeers } from '../../testing.ts';
import type { NeedView } from '../needs/needs.schemas.ts';
import { twoAppsOnOneDatabase, type NeedWorld } from '../needs/needs.testing.ts';

/**
 * Two apps on one database (twoAppsOnOneDatabase): app B queues a need event's deliveries for the district's
 * subscriptions it keeps, and a subscription changed through app A reaches it only by the
 * announcement.
 */
let a: TestAppWithPeers;
let b: TestApp;
let w: NeedWorld;
let officerOnA: Awaited<ReturnType<typeof clientAs>>;
let workerOnB: Awaited<ReturnType<typeof clientAs>>;
beforeAll(async () => {
  ({ a, b, w, editorOnA: officerOnA, workerOnB } = await twoAppsOnOneDatabase((w) => [{ role: 'district_officer', scopeType: 'district', scopeId: w.district.id }]));
});
afterAll(async () => {
  await b.close();
  await a.close();
});

/** Reports a need through app B and says whether its `need.report` event was queued for the subscription. */
async function reportOnBReaches(subscriptionId: string): Promise<boolean> {
  const res = await workerOnB.post('/api/v1/needs', {
    source: 'staff',
    intakeChannel: 'phone',
    householdId: w.household.id,
    categoryId: w.category('facility_lighting'),
    description: '楼道灯坏了',
  });
  expect(res.statusCode, res.body).toBe(201);
  const needId = res.json<NeedView>().id;
  const queued = await a.db.selectFrom('webhook_deliveries').select('payload').where('subscription_id', '=', subscriptionId).execute();
  return queued.some((d) => JSON.stringify(d.payload).includes(needId));
}

/** Waits up to 2 s for app B's reports to reach the subscription or not, then checks that it stays so. */
async function becomes(subscriptionId: string, expected: boolean) {
  const until = Date.now() + 2_000;
  while ((await reportOnBReaches(subscriptionId)) !== expected) {
    if (Date.now() > until) throw new Error(`app B still queues from the subscriptions before the change after 2 s (expected ${expected})`);
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(await reportOnBReaches(subscriptionId)).toBe(expected);
}

describe('the webhook subscriptions of a district kept by each process', () => {
  it('are read from memory, not from the database, once loaded', async () => {
    const id = newId();
    // App B loads the district's subscriptions: there are none.
    expect(await reportOnBReaches(id)).toBe(false);
    // Written behind the app's back (no announcement): app B keeps queueing for what it loaded.
    await a.db
      .insertInto('webhook_subscriptions')
      .values({ district_id: w.district.id, id, url: 'http://127.0.0.1:9/hook', secret_cipher: a.platform.pii.encrypt('s'), event_types: ['need.report'] })
      .execute();
    try {
      expect(await reportOnBReaches(id)).toBe(false);
    } finally {
      await a.db.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
    }
  });

  it('take a subscription created, changed and deactivated on the other app on the next event', async () => {
    expect(await reportOnBReaches(newId())).toBe(false);
    const created = await officerOnA.post('/api/v1/webhooks', { districtId: w.district.id, url: 'http://127.0.0.1:9/hook', events: ['need.report'] });
    expect(created.statusCode, created.body).toBe(201);
    const hook = created.json<{ id: string }>().id;
    await becomes(hook, true);

    const listen = async (events: string[]) => expect((await officerOnA.patch(`/api/v1/webhooks/${hook}`, { events })).statusCode).toBe(200);
    await listen(['need.accept']);
    await becomes(hook, false);
    await listen(['need.report', 'need.accept']);
    await becomes(hook, true);

    expect((await officerOnA.delete(`/api/v1/webhooks/${hook}`)).statusCode).toBe(200);
    await becomes(hook, false);
  });
});
