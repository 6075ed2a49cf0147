import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAs, type ErrorBody, type TestApp, type TestAppWithPeers } from '../../testing.ts';
import { buildDistrict } from '../territory/testing.ts';
import { ensureDefaultCategories } from './needs.categories.ts';
import type { NeedView } from './needs.schemas.ts';
import { twoAppsOnOneDatabase, type NeedWorld } from './needs.testing.ts';

/**
 * Two apps on one database (twoAppsOnOneDatabase): app B checks a report's category against the district's
 * categories it keeps, and a category edit made through app A reaches it only by the
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

/** What app B answers to a report in a category: 201 and the category's name, or the status and the refusal at the field. */
async function reportOnB(categoryId: string): Promise<string> {
  const res = await workerOnB.post('/api/v1/needs', { source: 'staff', intakeChannel: 'phone', householdId: w.household.id, categoryId, description: '楼道灯坏了' });
  if (res.statusCode === 201) return `201 ${res.json<NeedView>().categoryName}`;
  const field = res.json<ErrorBody>().error.details?.fields?.[0];
  return `${res.statusCode} ${field?.field} ${field?.code}`;
}

/** Waits up to 2 s for app B to answer `expected`, then checks that it stays so. */
async function becomes(categoryId: string, expected: string) {
  const until = Date.now() + 2_000;
  while ((await reportOnB(categoryId)) !== expected) {
    if (Date.now() > until) throw new Error(`app B still answers from the categories before the change after 2 s (expected ${expected})`);
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(await reportOnB(categoryId)).toBe(expected);
}

const LIGHTING = () => w.category('facility_lighting');

describe('the categories of a district kept by each process', () => {
  it('are read from memory, not from the database, once loaded', async () => {
    expect(await reportOnB(LIGHTING())).toBe('201 楼道照明');
    // Changed behind the app's back (no announcement): app B keeps answering from what it loaded.
    await a.db.updateTable('need_categories').set({ name: '未宣布', active: false }).where('id', '=', LIGHTING()).execute();
    try {
      expect(await reportOnB(LIGHTING())).toBe('201 楼道照明');
    } finally {
      await a.db.updateTable('need_categories').set({ name: '楼道照明', active: true }).where('id', '=', LIGHTING()).execute();
    }
  });

  it('take a rename, a deactivation and a reactivation made on the other app on the next report', async () => {
    expect(await reportOnB(LIGHTING())).toBe('201 楼道照明');
    const patch = async (body: object) => {
      const res = await officerOnA.patch(`/api/v1/need-categories/${LIGHTING()}`, body);
      expect(res.statusCode, res.body).toBe(200);
    };
    await patch({ name: '楼道与路灯照明' });
    await becomes(LIGHTING(), '201 楼道与路灯照明');
    await patch({ active: false });
    await becomes(LIGHTING(), '400 categoryId need.unknown_category');
    await patch({ active: true, name: '楼道照明' });
    await becomes(LIGHTING(), '201 楼道照明');
  });

  it('take a category created on the other app on the next report', async () => {
    expect(await reportOnB(LIGHTING())).toBe('201 楼道照明');
    const created = await officerOnA.post('/api/v1/need-categories', { districtId: w.district.id, code: 'pets', name: '宠物管理' });
    expect(created.statusCode, created.body).toBe(201);
    await becomes(created.json<{ id: string }>().id, '201 宠物管理');
  });

  it('answer for a category of another district as for a missing one', async () => {
    const other = await buildDistrict(a.db);
    await ensureDefaultCategories({}, a.db, other.id);
    const theirs = await a.db.selectFrom('need_categories').select('id').where('district_id', '=', other.id).where('code', '=', 'facility_lighting').executeTakeFirstOrThrow();
    expect(await reportOnB(theirs.id)).toBe('404 categoryId resource.not_found');
    expect(await reportOnB('01900000-0000-7000-8000-00000000ffff')).toBe('404 categoryId resource.not_found');
  });
});
