import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, type ErrorBody, type TestApp } from '../../testing.ts';
import { localDate } from '../../platform/calendar/working-days.ts';
import { buildOrganization, type OrganizationRef } from '../organizations/testing.ts';
import { buildCommunity, buildDistrict, buildGrid, buildHousehold, buildStreet } from '../territory/testing.ts';
import { buildProject } from './projects.testing.ts';
import type { ReportList } from './projects.reports.ts';
import type { EvidenceView } from './projects.report-evidence.ts';

/**
 * Evidence of a progress report: the contractor's administrator backs its latest report with
 * photos and documents; whoever reads the project reads them; nobody else learns they exist.
 * Who may do what is written out here by hand, not derived from the policy.
 */
type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let dataDir: string;
let districtId: string;
let orgA: OrganizationRef, orgB: OrganizationRef;
let projectId: string, projectB: string;
let reportId: string, reportB: string;
const who: Record<string, C> = {};

const MB = 1024 * 1024;
const jpeg = (size = 64) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 7)]);
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(40, 0x20)]);
const code = (res: { json: <T>() => T }) => res.json<ErrorBody>().error.code;

function multipart(file?: { name: string; content: Buffer; type?: string }) {
  const boundary = `----sanshe${Date.now()}`;
  const parts: Buffer[] = [];
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  } else {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (c: C, file?: { name: string; content: Buffer; type?: string }, ids = { projectId, reportId }) => {
  const m = multipart(file);
  return c.request('POST', `/api/v1/projects/${ids.projectId}/reports/${ids.reportId}/evidence`, m.payload, m.headers);
};
const rows = (id = reportId) => t.db.selectFrom('progress_report_evidence').selectAll().where('report_id', '=', id).execute();
const filesOnDisk = () => {
  const dir = path.join(dataDir, 'evidence', districtId);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};
const report = (c: C, id: string, narrative: string) => {
  const today = localDate(new Date());
  return c.post(`/api/v1/projects/${id}/reports`, { periodStart: today, periodEnd: today, narrative });
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-evidence-'));
  t = await createTestApp({ dataDir });
  const district = await buildDistrict(t.db);
  districtId = district.id;
  const street = await buildStreet(t.db, { district });
  const otherStreet = await buildStreet(t.db, { district });
  const community = await buildCommunity(t.db, { street });
  const farAway = await buildCommunity(t.db, { street: otherStreet });
  const household = await buildHousehold(t.db, { grid: await buildGrid(t.db, { community }) });
  orgA = await buildOrganization(t.db, t.platform.pii, { name: '启航社工服务中心', district, communities: [{ id: community.id, streetId: street.id }] });
  orgB = await buildOrganization(t.db, t.platform.pii, { name: '另一机构', district, communities: [{ id: farAway.id, streetId: otherStreet.id }] });
  const d = district.id;
  who.contractorAdmin = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: orgA.id }]);
  who.contractorWorker = await clientAs(t, [{ role: 'social_worker', scopeType: 'organization', scopeId: orgA.id }]);
  who.contractorSupervisor = await clientAs(t, [{ role: 'supervisor', scopeType: 'organization', scopeId: orgA.id }]);
  who.streetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId: d }]);
  who.communityAdmin = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: community.id, districtId: d }]);
  who.districtOfficer = await clientAs(t, [{ role: 'district_officer', scopeType: 'district', scopeId: d, districtId: d }]);
  who.otherOrgAdmin = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: orgB.id }]);
  who.otherStreetOfficer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: otherStreet.id, districtId: d }]);
  who.resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: household.id, districtId: d }]);

  const createdBy = who.streetOfficer.user.id;
  projectId = (await buildProject(t.db, { districtId: d, streetId: street.id, communityIds: [community.id], purchaser: 'street', status: 'in_delivery', createdBy })).id;
  projectB = (await buildProject(t.db, { districtId: d, streetId: otherStreet.id, communityIds: [farAway.id], purchaser: 'street', status: 'in_delivery', createdBy: who.otherStreetOfficer.user.id })).id;
  await t.db.updateTable('projects').set({ contractor_organization_id: orgA.id }).where('id', '=', projectId).execute();
  await t.db.updateTable('projects').set({ contractor_organization_id: orgB.id }).where('id', '=', projectB).execute();
  reportId = (await report(who.contractorAdmin, projectId, '助餐每周开展。')).json<ReportList>().items[0]!.id;
  reportB = (await report(who.otherOrgAdmin, projectB, '另一项目的报告。')).json<ReportList>().items[0]!.id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('who may add and read evidence', () => {
  // Role × action, by hand: 201/200 allowed; 403 reads the project but may not add; 404 does not read it.
  const table: [string, number, number][] = [
    ['contractorAdmin', 201, 200],
    ['contractorWorker', 403, 200],
    ['contractorSupervisor', 403, 200],
    ['streetOfficer', 403, 200],
    ['communityAdmin', 403, 200],
    ['districtOfficer', 403, 200],
    ['otherOrgAdmin', 404, 404],
    ['otherStreetOfficer', 404, 404],
    ['resident', 404, 404],
  ];
  let evidence: EvidenceView;

  it.each(table)('%s adds → %i', async (name, expected) => {
    const res = await upload(who[name]!, { name: `现场照片-${name}.jpg`, content: jpeg(), type: 'image/jpeg' });
    expect(res.statusCode).toBe(expected);
    if (expected === 201) evidence = res.json<EvidenceView>();
  });

  it.each(table.map(([name, , read]) => [name, read] as const))('%s reads → %i', async (name, expected) => {
    const res = await who[name]!.get(evidence.url);
    expect(res.statusCode).toBe(expected);
    if (expected === 200) {
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(res.headers['content-disposition']).toBe(`inline; filename="____-contractorAdmin.jpg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87-contractorAdmin.jpg`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.rawPayload.equals(jpeg())).toBe(true);
    }
  });

  it('audits the one upload and every read, without the file name', async () => {
    expect(await auditCount(t.db, 'progress_report.evidence.create')).toBe(1);
    expect(await auditCount(t.db, 'progress_report.evidence.read')).toBe(6);
    const entry = await t.db.selectFrom('audit_log').select(['after']).where('action', '=', 'progress_report.evidence.create').executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.after)).not.toContain('现场照片');
    expect(entry.after).toMatchObject({ projectId, reportId, contentType: 'image/jpeg' });
  });

  it('shows the evidence with the report, whose figures stay as computed', async () => {
    const before = await t.db.selectFrom('progress_reports').select(['figures', 'gaps', 'narrative']).where('id', '=', reportId).executeTakeFirstOrThrow();
    const list = (await who.streetOfficer.get(`/api/v1/projects/${projectId}/reports`)).json<ReportList>();
    expect(list.items[0]!.evidence.map((e) => e.fileName)).toEqual(['现场照片-contractorAdmin.jpg']);
    expect([list.canSubmit, list.items[0]!.canAddEvidence, list.maxEvidence]).toEqual([false, false, 10]);
    const mine = (await who.contractorAdmin.get(`/api/v1/projects/${projectId}/reports`)).json<ReportList>();
    expect([mine.canSubmit, mine.items[0]!.canAddEvidence]).toEqual([true, true]);
    expect(mine.items[0]!.figures).toEqual(before.figures);
    expect(await t.db.selectFrom('progress_reports').select(['figures', 'gaps', 'narrative']).where('id', '=', reportId).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('answers ids of another project as missing, whichever way they are swapped', async () => {
    const [mine] = await rows();
    // 另一机构's admin reads its own project, but not 启航's evidence through it, nor its report.
    expect((await who.otherOrgAdmin.get(`/api/v1/projects/${projectB}/reports/${reportId}/evidence/${mine!.id}`)).statusCode).toBe(404);
    expect((await who.otherOrgAdmin.get(`/api/v1/projects/${projectB}/reports/${reportB}/evidence/${mine!.id}`)).statusCode).toBe(404);
    // 启航's admin cannot put a file on another project's report by naming it under its own project.
    const res = await upload(who.contractorAdmin, { name: 'x.jpg', content: jpeg() }, { projectId, reportId: reportB });
    expect([res.statusCode, code(res)]).toEqual([404, 'resource.not_found']);
    expect(await rows(reportB)).toHaveLength(0);
  });
});

describe('what evidence may be', () => {
  it('refuses a missing file, a type not allowed and a type that contradicts the content, with codes', async () => {
    const admin = who.contractorAdmin!;
    const missing = await upload(admin);
    expect([missing.statusCode, code(missing)]).toEqual([400, 'attachment.missing_file']);
    const gif = await upload(admin, { name: 'a.gif', content: Buffer.from('GIF89a............'), type: 'image/gif' });
    expect([gif.statusCode, code(gif)]).toEqual([400, 'attachment.type_not_allowed']);
    const html = await upload(admin, { name: 'a.jpg', content: Buffer.from('<html><script>alert(1)</script>'), type: 'image/jpeg' });
    expect([html.statusCode, code(html)]).toEqual([400, 'attachment.type_not_allowed']);
    const renamed = await upload(admin, { name: 'a.jpg', content: pdf(), type: 'image/jpeg' });
    expect([renamed.statusCode, code(renamed)]).toEqual([400, 'attachment.type_not_allowed']);
    const big = await upload(admin, { name: 'big.jpg', content: jpeg(10 * MB + 1), type: 'image/jpeg' });
    expect([big.statusCode, code(big)]).toEqual([413, 'attachment.too_large']);
    // Translated for the English reader too.
    admin.lang = 'en';
    expect((await upload(admin)).json<ErrorBody>().error.message).toBe('Choose a file to upload');
    admin.lang = undefined;
    expect(await rows()).toHaveLength(1);
    expect(filesOnDisk()).toHaveLength(1);
  });

  it('keeps at most ten files per report, with no stray file left by a refusal', async () => {
    for (let i = 0; i < 9; i++) expect((await upload(who.contractorAdmin!, { name: `p${i}.pdf`, content: pdf(), type: 'application/pdf' })).statusCode).toBe(201);
    const eleventh = await upload(who.contractorAdmin!, { name: 'more.jpg', content: jpeg() });
    expect([eleventh.statusCode, code(eleventh)]).toEqual([409, 'report.evidence_limit']);
    expect(await rows()).toHaveLength(10);
    expect(filesOnDisk().sort()).toEqual((await rows()).map((r) => r.id).sort());
    const list = (await who.contractorAdmin!.get(`/api/v1/projects/${projectId}/reports`)).json<ReportList>();
    expect(list.items[0]!.canAddEvidence).toBe(false);
    const doc = await who.streetOfficer!.get(list.items[0]!.evidence[1]!.url);
    expect([doc.headers['content-type'], String(doc.headers['content-disposition']).split(';')[0]]).toEqual(['application/pdf', 'attachment']);
  });

  it('takes files for the latest report only', async () => {
    const second = (await report(who.contractorAdmin!, projectId, '第二期。')).json<ReportList>().items[0]!;
    expect(second.canAddEvidence).toBe(true);
    const old = await upload(who.contractorAdmin!, { name: 'late.jpg', content: jpeg() });
    expect([old.statusCode, code(old)]).toEqual([409, 'report.evidence_not_latest']);
    expect((await upload(who.contractorAdmin!, { name: 'now.jpg', content: jpeg() }, { projectId, reportId: second.id })).statusCode).toBe(201);
  });
});
