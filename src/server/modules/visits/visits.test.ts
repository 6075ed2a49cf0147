import { newId } from '../../platform/db/ids.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Static } from 'typebox';
import { auditCount, clientAs, createTestApp, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { buildNeedWorld, type NeedWorld } from '../needs/needs.testing.ts';
import { buildCommunity, buildGrid, buildHousehold, buildResident, buildStreet, type GridRef, type HouseholdRef, type ResidentRef } from '../territory/testing.ts';
import type { VisitView, VisitDetail as VisitDetailSchema } from './visits.schemas.ts';

type VisitDetail = Static<typeof VisitDetailSchema>;

let t: TestApp;
let w: NeedWorld;
let otherGrid: GridRef;
let far: HouseholdRef;
let member: ResidentRef;
let gridWorker: Awaited<ReturnType<typeof clientAs>>;
let otherWorker: Awaited<ReturnType<typeof clientAs>>;
let communityWorker: Awaited<ReturnType<typeof clientAs>>;
let streetOfficer: Awaited<ReturnType<typeof clientAs>>;
let visitWithNeeds: string;

const now = () => new Date().toISOString();
const count = async (table: 'visits' | 'needs') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  otherGrid = await buildGrid(t.db, { community: w.community });
  far = await buildHousehold(t.db, { grid: otherGrid });
  member = await buildResident(t.db, t.platform.pii, { household: w.household, tags: ['elderly_alone'] });
  const d = w.district.id;
  gridWorker = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: w.grid.id, districtId: d }]);
  otherWorker = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: otherGrid.id, districtId: d }]);
  communityWorker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: d }]);
  streetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: w.street.id, districtId: d }]);
});
afterAll(() => t.close());

const visit = (c: typeof gridWorker, body: Record<string, unknown>) =>
  c.post('/api/v1/visits', { householdId: w.household.id, kind: 'routine', visitedAt: now(), notes: '入户了解情况', findings: '', ...body });

describe('recording a visit', () => {
  it('records a visit and the needs found on it together, audited', async () => {
    const before = await auditCount(t.db, 'visit.create');
    const needsBefore = await auditCount(t.db, 'need.create');
    const res = await visit(gridWorker, {
      needs: [
        { categoryId: w.category('property_facilities'), description: '楼道灯坏了', urgency: 'urgent' },
        { categoryId: w.category('property_facilities'), description: '单元门禁失灵', beneficiaries: 12 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json<VisitDetail>();
    expect(v).toMatchObject({ householdId: w.household.id, gridId: w.grid.id, workerUserId: gridWorker.user.id, kind: 'routine', notes: '入户了解情况' });
    expect(v.needs).toHaveLength(2);
    visitWithNeeds = v.id;
    expect(v.needs[1]).toMatchObject({ description: '单元门禁失灵', beneficiaries: 12, urgency: 'normal', state: 'reported' });
    const need = (await gridWorker.get(`/api/v1/needs/${v.needs[0].id}`)).json<VisitDetail>();
    expect(need).toMatchObject({ source: 'visit', urgency: 'urgent', householdId: w.household.id, recordedByUserId: gridWorker.user.id });
    const stored = await t.db.selectFrom('needs').select('visit_id').where('visit_id', '=', v.id).execute();
    expect(stored).toHaveLength(2);
    expect(await auditCount(t.db, 'visit.create')).toBe(before + 1);
    expect(await auditCount(t.db, 'need.create')).toBe(needsBefore + 2);
  });

  it('answers with the visit and its needs as written — what its page reads — each need with its due time', async () => {
    // A street of its own, so that the lists below keep their counts.
    const street = await buildStreet(t.db, { district: w.district });
    const grid = await buildGrid(t.db, { community: await buildCommunity(t.db, { street }) });
    const household = await buildHousehold(t.db, { grid });
    const resident = await buildResident(t.db, t.platform.pii, { household });
    const worker = await clientAs(t, [{ role: 'grid_worker', scopeType: 'grid', scopeId: grid.id, districtId: w.district.id }]);
    const res = await visit(worker, {
      householdId: household.id,
      kind: 'care',
      residentId: resident.id,
      needs: [{ categoryId: w.category('property_facilities'), description: '卫生间扶手松动', urgency: 'urgent' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const written = res.json<VisitDetail>();
    expect(written).toEqual((await worker.get(`/api/v1/visits/${written.id}`)).json<VisitDetail>());
    expect(written.residentName).toBeTruthy();
    expect(written.workerName).toBeTruthy();
    expect(written.householdAddress).toBeTruthy();
    // The family is told when to expect an answer without another read of each need.
    const need = (await worker.get(`/api/v1/needs/${written.needs[0]!.id}`)).json<{ dueAt: string; overdue: boolean; refNo: string }>();
    expect(written.needs[0]).toMatchObject({ refNo: need.refNo, dueAt: need.dueAt, overdue: false, categoryName: '物业与设施' });
    expect(written.needs[0]!.dueAt).not.toBeNull();
  });

  it('rolls the visit back when one of its needs is invalid', async () => {
    const [visits, needs, audits] = [await count('visits'), await count('needs'), await auditCount(t.db, 'visit.create')];
    const res = await visit(gridWorker, {
      needs: [
        { categoryId: w.category('property_facilities'), description: '楼道灯坏了' },
        { categoryId: newId(), description: '不存在的类别' },
      ],
    });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.details?.fields).toEqual([expect.objectContaining({ field: 'needs.1.categoryId', code: 'resource.not_found' })]);
    expect([await count('visits'), await count('needs'), await auditCount(t.db, 'visit.create')]).toEqual([visits, needs, audits]);
  });

  it('answers 404 for a household outside the worker\'s grid and 403 to an officer who only reads', async () => {
    const res = await visit(gridWorker, { householdId: far.id });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>().error.code).toBe('resource.not_found');
    expect((await visit(gridWorker, { householdId: newId() })).statusCode).toBe(404);
    const officer = await visit(streetOfficer, {});
    expect(officer.statusCode).toBe(403);
    expect(officer.json<ErrorBody>().error.code).toBe('access.forbidden');
    expect((await visit(communityWorker, { householdId: far.id })).statusCode).toBe(201);
  });

  it('needs a resident of the household for a care visit', async () => {
    const none = await visit(gridWorker, { kind: 'care' });
    expect(none.statusCode).toBe(400);
    expect(none.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'residentId', code: 'visit.resident_required' });
    const stranger = await buildResident(t.db, t.platform.pii, { household: w.neighbour });
    const wrong = await visit(gridWorker, { kind: 'care', residentId: stranger.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().error.details?.fields[0].code).toBe('visit.unknown_resident');
    const ok = await visit(gridWorker, { kind: 'care', residentId: member.id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<VisitDetail>()).toMatchObject({ kind: 'care', residentId: member.id, residentName: member.name, needs: [] });
  });

  it('takes visits of the last 30 days only, none in the future', async () => {
    const future = await visit(gridWorker, { visitedAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(future.json<ErrorBody>().error.details?.fields[0]).toMatchObject({ field: 'visitedAt', code: 'visit.in_future' });
    const old = await visit(gridWorker, { visitedAt: new Date(Date.now() - 31 * 24 * 3600_000).toISOString() });
    expect(old.statusCode).toBe(400);
    expect(old.json<ErrorBody>().error.details?.fields[0].code).toBe('visit.too_old');
    expect((await visit(gridWorker, { visitedAt: new Date(Date.now() - 29 * 24 * 3600_000).toISOString() })).statusCode).toBe(201);
  });
});

describe('reading visits', () => {
  it('lists visits in the caller\'s scope, latest first, with filters and keyset pages', async () => {
    const mine = (await gridWorker.get('/api/v1/visits?limit=200')).json<Page<VisitView>>().items;
    // the visit with needs, the care visit and one written up 29 days later
    expect(mine.length).toBe(3);
    expect(mine.every((v: { gridId: string }) => v.gridId === w.grid.id)).toBe(true);
    const times = mine.map((v: { visitedAt: string }) => v.visitedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const other = (await otherWorker.get('/api/v1/visits')).json<Page<VisitView>>().items;
    expect(other.length).toBe(1);
    expect(other[0].householdId).toBe(far.id);
    expect((await streetOfficer.get('/api/v1/visits?limit=200')).json<Page<VisitView>>().items.length).toBe(mine.length + 1);
    expect((await gridWorker.get('/api/v1/visits?kind=care')).json<Page<VisitView>>().items).toHaveLength(1);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const todays = (await gridWorker.get(`/api/v1/visits?from=${today}&to=${today}`)).json<Page<VisitView>>().items;
    expect(todays.length).toBe(mine.length - 1);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await gridWorker.get(`/api/v1/visits?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json<Page<VisitView>>();
      seen.push(...page.items.map((v) => v.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(mine.map((v: { id: string }) => v.id));
  });

  it('shows one visit with its needs to readers, 404 to others', async () => {
    const withNeeds = { id: visitWithNeeds };
    const res = await streetOfficer.get(`/api/v1/visits/${withNeeds.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<VisitDetail>().needs.map((n: { description: string }) => n.description)).toEqual(['楼道灯坏了', '单元门禁失灵']);
    expect((await otherWorker.get(`/api/v1/visits/${withNeeds.id}`)).statusCode).toBe(404);
    expect((await gridWorker.get(`/api/v1/visits/${newId()}`)).statusCode).toBe(404);
    const resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: w.district.id }]);
    expect((await resident.get('/api/v1/visits')).statusCode).toBe(403);
    expect((await resident.get(`/api/v1/visits/${withNeeds.id}`)).statusCode).toBe(404);
  });
});
