/** Test factories for needs: a small world of places and people, and needs inserted directly in any state. */
import type { Kysely, Updateable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { DB } from '../../tables.ts';
import { clientAs, createTestApp, type Grant, type TestApp, type TestAppWithPeers } from '../../testing.ts';
import { buildHousehold, buildTerritory } from '../territory/testing.ts';
import { ensureDefaultCategories } from './needs.categories.ts';
import type { NeedsTable } from './needs.tables.ts';

let counter = 0;

export async function buildNeedWorld(db: Kysely<DB>) {
  const t = await buildTerritory(db);
  const household = await buildHousehold(db, { grid: t.grid });
  const neighbour = await buildHousehold(db, { grid: t.grid });
  await ensureDefaultCategories({}, db, t.district.id);
  const cats = await db.selectFrom('need_categories').select(['id', 'code']).where('district_id', '=', t.district.id).execute();
  const category = (code: string) => cats.find((c) => c.code === code)!.id;
  return { ...t, household, neighbour, category };
}
export type NeedWorld = Awaited<ReturnType<typeof buildNeedWorld>>;

type NeedOverrides = Updateable<NeedsTable> & { household?: { id: string } | null };

function needRow(w: NeedWorld, o: NeedOverrides) {
  const { household, ...rest } = o;
  const id = newId();
  const h = household === undefined ? w.household : household;
  const inAWeek = new Date(Date.now() + 7 * 24 * 3600_000);
  return {
    district_id: w.district.id,
    id,
    ref_no: `T-${++counter}-${id.slice(-6)}`,
    source: 'staff',
    intake_channel: 'phone',
    category_id: w.category('property_facilities'),
    description: '楼道灯坏了',
    street_id: w.street.id,
    community_id: w.community.id,
    grid_id: w.grid.id,
    household_id: h?.id ?? null,
    lng: h ? null : 118.7,
    lat: h ? null : 32.15,
    urgency: 'normal',
    triage_due_at: inAWeek,
    resolve_due_at: inAWeek,
    ...rest,
  } as never;
}

/** A need in any state, bypassing the API (no timeline, no audit). */
export async function buildNeed(db: Kysely<DB>, w: NeedWorld, o: NeedOverrides = {}): Promise<string> {
  const row = needRow(w, o);
  await db.insertInto('needs').values(row).execute();
  return (row as { id: string }).id;
}

/** Many alike needs at once (a few multi-row inserts), for views that must hold hundreds. */
export async function buildNeeds(db: Kysely<DB>, w: NeedWorld, count: number, o: NeedOverrides = {}): Promise<void> {
  for (let done = 0; done < count; done += 500) {
    await db
      .insertInto('needs')
      .values(Array.from({ length: Math.min(500, count - done) }, () => needRow(w, o)))
      .execute();
  }
}

/**
 * Two apps on one database, standing for two server processes (on PostgreSQL the second has its
 * own pool and listening connection): a need world, someone who edits reference data through
 * app A with `editorGrants`, and a community worker who reports through app B. A cache test
 * changes something through A and watches B's next report. Close B, then A.
 */
export async function twoAppsOnOneDatabase(editorGrants: (w: NeedWorld) => Grant[]) {
  const a: TestAppWithPeers = await createTestApp();
  const b: TestApp = await a.peer();
  const w = await buildNeedWorld(a.db);
  const editorOnA = await clientAs(a, editorGrants(w));
  const workerOnB = await clientAs(b, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
  return { a, b, w, editorOnA, workerOnB };
}
