import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { auditCount, clientAs, createTestApp, fieldsOf, type ErrorBody, type TestApp } from '../../testing.ts';
import { buildCommunity, buildDistrict, buildStreet } from '../territory/testing.ts';
import { organizationStanding } from './index.ts';
import type { CreditView } from './organizations.credit.schemas.ts';
import { buildOrganization, type OrganizationRef } from './testing.ts';

let t: TestApp;
let dA: { id: string };
let dB: { id: string };
let cA: { id: string; streetId: string; districtId: string };
let org: OrganizationRef;
const today = localDate(new Date());

beforeAll(async () => {
  t = await createTestApp();
  dA = await buildDistrict(t.db);
  dB = await buildDistrict(t.db);
  const sA = await buildStreet(t.db, { district: dA });
  cA = await buildCommunity(t.db, { street: sA });
  org = await buildOrganization(t.db, t.platform.pii, { district: dA, communities: [cA], rating: '4A', ratedOn: '2024-06-01' });
});
afterAll(() => t.close());

const officer = (d = dA) => clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d.id }], { displayName: '区民政局王科长' });
const orgAdmin = (id = org.id) => clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: id, districtId: dA.id }]);
const resident = () => clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: newId(), districtId: dA.id }]);
const base = (id = org.id) => `/api/v1/organizations/${id}/credit`;
const daysAgo = (n: number) => localDate(new Date(Date.now() - n * 24 * 3600_000));

describe('credit records', () => {
  it('the registering authority records each kind, with who recorded it; the audit row leaves the internal note out', async () => {
    const o = await officer();
    const before = await auditCount(t.db, 'credit_record.create');
    const sent = [
      { kind: 'annual_report', occurredOn: '2026-03-20', reportYear: 2025, source: '社会组织年报系统' },
      { kind: 'inspection', occurredOn: '2025-05-10', inspectionResult: 'passed', source: '2024 年度检查结论' },
      { kind: 'penalty', occurredOn: '2025-02-01', authority: '江北新区民政局', reason: '未按规定报送年度报告', source: '宁新民罚〔2025〕3 号', internalNote: '负责人电话沟通，态度配合' },
      { kind: 'award', occurredOn: '2024-12-01', awardName: '优秀社会组织', source: '区政府通报' },
    ];
    for (const body of sent) expect((await o.post(`${base()}/records`, body)).statusCode).toBe(201);
    const credit = (await o.get(base())).json<CreditView>();
    expect(credit.records!.map((r) => r.kind)).toEqual(['annual_report', 'inspection', 'penalty', 'award']);
    const penalty = credit.records!.find((r) => r.kind === 'penalty')!;
    expect(penalty).toMatchObject({ authority: '江北新区民政局', internalNote: '负责人电话沟通，态度配合', recordedBy: '区民政局王科长' });
    expect(credit.standing.annualReportFiledFor).toEqual([2025]);
    expect(credit.allowedActions).toEqual(['add_record', 'add_list_entry']);
    expect(await auditCount(t.db, 'credit_record.create')).toBe(before + 4);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', penalty.id).executeTakeFirstOrThrow();
    expect(audit.district_id).toBe(dA.id);
    expect(JSON.stringify(audit.after)).not.toContain('态度配合');

    // The organization reads its own records, without the internal note; a resident sees list status only.
    const own = (await (await orgAdmin()).get(base())).json<CreditView>();
    expect(own.records!.find((r) => r.kind === 'penalty')).not.toHaveProperty('internalNote');
    expect(own.allowedActions).toEqual([]);
    const res = await (await resident()).get(base());
    expect(res.statusCode).toBe(200);
    expect(res.json<CreditView>().records).toBeNull();
    expect(res.body).not.toContain('态度配合');
  });

  it('names each missing field of a kind, refuses a second report for the same year and dates after today', async () => {
    const o = await officer();
    const res = await o.post(`${base()}/records`, { kind: 'penalty', occurredOn: '2099-01-01', source: ' ' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual({ authority: 'validation.required', reason: 'validation.required', source: 'validation.required', occurredOn: 'organization.date_in_future' });
    expect(fieldsOf(await o.post(`${base()}/records`, { kind: 'annual_report', occurredOn: '2026-01-05', source: 'x' }))).toEqual({ reportYear: 'validation.required' });
    expect(fieldsOf(await o.post(`${base()}/records`, { kind: 'annual_report', occurredOn: '2026-01-05', reportYear: 2027, source: 'x' }))).toEqual({
      reportYear: 'organization.credit_report_year_after_filing',
    });
    const dup = await o.post(`${base()}/records`, { kind: 'annual_report', occurredOn: '2026-04-01', reportYear: 2025, source: 'x' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<ErrorBody>().error.code).toBe('organization.credit_duplicate_report');
  });

  it('answers 403 to an officer of another district and to the organization itself, 404 for a missing organization', async () => {
    const body = { kind: 'award', occurredOn: '2025-01-01', awardName: '奖', source: 'x' };
    expect((await (await officer(dB)).post(`${base()}/records`, body)).statusCode).toBe(403);
    expect((await (await orgAdmin()).post(`${base()}/records`, body)).statusCode).toBe(403);
    const o = await officer();
    expect((await o.post(`${base(newId())}/records`, body)).statusCode).toBe(404);
    expect((await o.get(base(newId()))).statusCode).toBe(404);
  });
});

describe('lists, objection and repair', () => {
  it('an entry: objection lodged by the organization, rejected, then repaired; history and audit stay', async () => {
    const target = await buildOrganization(t.db, t.platform.pii, { district: dA, communities: [cA] });
    const o = await officer();
    const admin = await orgAdmin(target.id);
    const entered = await o.post(`${base(target.id)}/entries`, { list: 'abnormal', enteredOn: daysAgo(30), authority: '江北新区民政局', reason: '未按规定报送年度报告' });
    expect(entered.statusCode).toBe(201);
    let entry = entered.json<CreditView>().entries[0]!;
    expect(entry).toMatchObject({ state: 'listed', allowedActions: ['repair'] });
    expect(entered.json<CreditView>().standing).toMatchObject({ onAbnormalList: true, abnormalSince: daysAgo(30) });
    const again = await o.post(`${base(target.id)}/entries`, { list: 'abnormal', enteredOn: daysAgo(1), authority: 'x', reason: 'x' });
    expect(again.statusCode).toBe(409);

    // Residents see the list status too (public information).
    expect((await (await resident()).get(base(target.id))).json<CreditView>().entries[0]).toMatchObject({ state: 'listed', allowedActions: [] });

    expect((await admin.get(base(target.id))).json<CreditView>().entries[0]!.allowedActions).toEqual(['lodge_objection']);
    const lodged = await admin.post(`${base(target.id)}/entries/${entry.id}/objections`, { grounds: '年报已于 3 月按期报送，附回执' });
    expect(lodged.statusCode).toBe(201);
    entry = lodged.json<CreditView>().entries[0]!;
    expect(entry).toMatchObject({ state: 'objection_pending', allowedActions: [] });
    expect((await admin.post(`${base(target.id)}/entries/${entry.id}/objections`, { grounds: '再次' })).json<ErrorBody>().error.code).toBe('organization.credit_objection_pending');
    // While an objection waits, the entry is answered, not repaired.
    expect((await o.post(`${base(target.id)}/entries/${entry.id}/repair`, { removedOn: today, reason: 'x' })).json<ErrorBody>().error.code).toBe(
      'organization.credit_objection_pending',
    );
    expect((await o.get(base(target.id))).json<CreditView>().entries[0]!.allowedActions).toEqual(['answer_objection']);
    expect((await admin.post(`${base(target.id)}/entries/${entry.id}/answer`, { outcome: 'rejected', answer: 'x' })).statusCode).toBe(403);

    const answered = await o.post(`${base(target.id)}/entries/${entry.id}/answer`, { outcome: 'rejected', answer: '回执日期晚于截止日期' });
    expect(answered.statusCode).toBe(200);
    entry = answered.json<CreditView>().entries[0]!;
    expect(entry.state).toBe('listed');
    expect(entry.objections).toMatchObject([{ outcome: 'rejected', answer: '回执日期晚于截止日期' }]);
    expect((await o.post(`${base(target.id)}/entries/${entry.id}/answer`, { outcome: 'rejected', answer: 'x' })).json<ErrorBody>().error.code).toBe(
      'organization.credit_no_pending_objection',
    );

    expect(fieldsOf(await o.post(`${base(target.id)}/entries/${entry.id}/repair`, { removedOn: daysAgo(31), reason: '' }))).toEqual({
      reason: 'validation.required',
      removedOn: 'organization.credit_removed_before_entered',
    });
    const repaired = await o.post(`${base(target.id)}/entries/${entry.id}/repair`, { removedOn: today, reason: '已补报年度报告并公开承诺' });
    expect(repaired.statusCode).toBe(200);
    const view = repaired.json<CreditView>();
    expect(view.entries).toHaveLength(1);
    expect(view.entries[0]).toMatchObject({ state: 'removed', removedOn: today, removalKind: 'repair', allowedActions: [], enteredOn: daysAgo(30) });
    expect(view.standing.onAbnormalList).toBe(false);
    expect((await o.post(`${base(target.id)}/entries/${entry.id}/repair`, { removedOn: today, reason: 'x' })).json<ErrorBody>().error.code).toBe(
      'organization.credit_entry_removed',
    );
    expect((await admin.post(`${base(target.id)}/entries/${entry.id}/objections`, { grounds: 'x' })).statusCode).toBe(409);

    const actions = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', entry.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'credit_list_entry.create',
      'credit_list_entry.lodge_objection',
      'credit_list_entry.answer_objection',
      'credit_list_entry.repair',
    ]);
  });

  it('an upheld objection takes the entry off the list on the day given', async () => {
    const target = await buildOrganization(t.db, t.platform.pii, { district: dA });
    const o = await officer();
    const e = (await o.post(`${base(target.id)}/entries`, { list: 'dishonest', enteredOn: daysAgo(10), authority: '市民政局', reason: '虚假材料' })).json<CreditView>().entries[0]!;
    await (await orgAdmin(target.id)).post(`${base(target.id)}/entries/${e.id}/objections`, { grounds: '材料系他人冒用' });
    const res = await o.post(`${base(target.id)}/entries/${e.id}/answer`, { outcome: 'upheld', answer: '经核实异议成立', removedOn: daysAgo(2) });
    expect(res.json<CreditView>().entries[0]).toMatchObject({ state: 'removed', removalKind: 'objection', removedOn: daysAgo(2), removalReason: '经核实异议成立' });
    expect(res.json<CreditView>().standing.onDishonestList).toBe(false);
  });

  it('answers 404 for an entry of another organization and for a missing entry', async () => {
    const other = await buildOrganization(t.db, t.platform.pii, { district: dA });
    const o = await officer();
    const e = (await o.post(`${base(other.id)}/entries`, { list: 'abnormal', enteredOn: daysAgo(3), authority: 'x', reason: 'x' })).json<CreditView>().entries[0]!;
    expect((await o.post(`${base()}/entries/${e.id}/repair`, { removedOn: today, reason: 'x' })).statusCode).toBe(404);
    expect((await o.post(`${base()}/entries/${newId()}/repair`, { removedOn: today, reason: 'x' })).statusCode).toBe(404);
    expect((await (await orgAdmin()).post(`${base()}/entries/${e.id}/objections`, { grounds: 'x' })).statusCode).toBe(404);
    expect((await (await officer(dB)).post(`${base(other.id)}/entries/${e.id}/repair`, { removedOn: today, reason: 'x' })).statusCode).toBe(403);
  });
});

describe('organizationStanding', () => {
  it('counts an entry from the day it was entered up to the day before its removal', async () => {
    const target = await buildOrganization(t.db, t.platform.pii, { district: dA, rating: '3A', ratedOn: '2020-01-10' });
    const o = await officer();
    const e = (await o.post(`${base(target.id)}/entries`, { list: 'abnormal', enteredOn: '2026-01-10', authority: 'x', reason: 'x' })).json<CreditView>().entries[0]!;
    await o.post(`${base(target.id)}/entries/${e.id}/repair`, { removedOn: '2026-03-01', reason: '已修复' });
    const on = async (d: string) => (await organizationStanding(t.db, target.id, d))!;
    expect((await on('2026-01-09')).onAbnormalList).toBe(false);
    expect(await on('2026-01-10')).toMatchObject({ onAbnormalList: true, abnormalSince: '2026-01-10' });
    expect((await on('2026-02-28')).onAbnormalList).toBe(true);
    expect((await on('2026-03-01')).onAbnormalList).toBe(false);
    expect((await on('2026-03-02')).onAbnormalList).toBe(false);
    // Rated 2020-01-10: valid through 2025-01-09.
    expect(await on('2025-01-09')).toMatchObject({ rating: '3A', ratingValid: true, registeredOn: '2018-03-01', registered: true });
    expect(await on('2025-01-10')).toMatchObject({ rating: '3A', ratingValidUntil: '2025-01-09', ratingValid: false });
    expect((await on('2018-03-11')).ageDays).toBe(10);
    expect(await organizationStanding(t.db, newId(), today)).toBeUndefined();
  });
});
