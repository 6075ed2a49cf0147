import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { twoAppsOnOneDatabase, type NeedWorld } from '../../modules/needs/needs.testing.ts';
import type { NeedView } from '../../modules/needs/needs.schemas.ts';
import { clientAs, type TestApp, type TestAppWithPeers } from '../../testing.ts';

/**
 * Two apps on one database (twoAppsOnOneDatabase): app B computes due times from the calendar it keeps,
 * and a calendar edit made through app A reaches it only by the announcement.
 */
let a: TestAppWithPeers;
let b: TestApp;
let w: NeedWorld;
let admin: Awaited<ReturnType<typeof clientAs>>;
let workerOnB: Awaited<ReturnType<typeof clientAs>>;
beforeAll(async () => {
  ({ a, b, w, editorOnA: admin, workerOnB } = await twoAppsOnOneDatabase(() => [{ role: 'platform_admin', scopeType: 'platform' }]));
});
afterAll(async () => {
  await b.close();
  await a.close();
});

/** The triage due time app B gives a report made on Wednesday 30 September 2026. */
async function triageDueOnB(): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-09-30T10:00:00+08:00'));
  try {
    const res = await workerOnB.post('/api/v1/needs', {
      source: 'staff',
      intakeChannel: 'phone',
      householdId: w.household.id,
      categoryId: w.category('property_facilities'),
      description: '楼道灯坏了',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<NeedView>().triageDueAt;
  } finally {
    vi.useRealTimers();
  }
}

/** Waits up to 2 s for app B to give `expected`, then checks that it stays so. */
async function becomes(expected: string) {
  const until = Date.now() + 2_000;
  while ((await triageDueOnB()) !== expected) {
    if (Date.now() > until) throw new Error(`app B still computes from the calendar before the change after 2 s (expected ${expected})`);
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(await triageDueOnB()).toBe(expected);
}

// National Day 1–7 October 2026: triage (1 working day) of a Wednesday 30 September report is Thursday 8 October.
const THURSDAY_8 = '2026-10-08T15:59:59.000Z';
const FRIDAY_9 = '2026-10-09T15:59:59.000Z';

describe('the working-day calendar kept by each process', () => {
  it('is read from memory, not from the database, once loaded', async () => {
    expect(await triageDueOnB()).toBe(THURSDAY_8);
    // Written behind the app's back (no announcement): app B keeps computing from what it loaded.
    await a.db.insertInto('calendar_days').values({ date: '2026-10-08', kind: 'holiday', name: '未宣布' }).execute();
    try {
      expect(await triageDueOnB()).toBe(THURSDAY_8);
    } finally {
      await a.db.deleteFrom('calendar_days').where('date', '=', '2026-10-08').execute();
    }
  });

  it('takes an edit made on the other app on its next report, and its removal too', async () => {
    expect(await triageDueOnB()).toBe(THURSDAY_8);
    const put = await admin.request('PUT', '/api/v1/calendar-days/2026-10-08', { kind: 'holiday', name: '临时休假' });
    expect(put.statusCode, put.body).toBe(200);
    await becomes(FRIDAY_9);
    expect((await admin.delete('/api/v1/calendar-days/2026-10-08')).statusCode).toBe(204);
    await becomes(THURSDAY_8);
  });
});
