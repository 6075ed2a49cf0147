import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepImages, renderPdf } from '../../platform/pdf/render.testing.ts';
import { clientAs, createTestApp, type ErrorBody, type TestApp } from '../../testing.ts';
import { buildNeedWorld, type NeedWorld } from '../needs/needs.testing.ts';
import { buildOrganization } from '../organizations/testing.ts';
import type { ProjectEvaluations } from './projects.evaluations.schemas.ts';
import { buildProject } from './projects.testing.ts';

/**
 * The evaluation report as a PDF, read back by an independent reader (pdf.js) and rendered to
 * images from the PDF's own fonts: the Chinese text is there, drawn in the embedded Noto Sans SC
 * (a rarer character from the font's other files too), and the page actually carries ink.
 */
type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let w: NeedWorld;
let officer: C, contractorAdmin: C, evaluator: C, outsider: C;
let projectId: string, evaluationId: string;
const ARTIFACTS = path.join(os.tmpdir(), 'sanshe-test-artifacts');

/** 8 + 6 + 5 + 5 + 9 + 9 + 10 + 14 + 9 + 5 + 9 + 5 = 94 → 优秀 by the default bands. */
const POINTS: Record<string, number> = {
  'management.plan.schedule': 8, 'management.plan.records': 6, 'management.team.staffing': 5, 'management.team.supervision': 5,
  'outputs.volume.sessions': 9, 'outputs.volume.people': 9, 'outputs.reach.beneficiaries': 10,
  'outcomes.goals.met': 14, 'outcomes.satisfaction.residents': 9, 'outcomes.satisfaction.community': 5,
  'finance.use.budget': 9, 'finance.use.vouchers': 5,
};
const FINDINGS = '助餐和讲座按计划开展，服务人数达标；长者对饭菜口味评价较高。';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildNeedWorld(t.db);
  const { district, street } = w;
  const contractor = await buildOrganization(t.db, t.platform.pii, { name: '启航社工服务中心', district, communities: [{ id: w.community.id, streetId: street.id }] });
  const firm = await buildOrganization(t.db, t.platform.pii, { name: '明鉴评估事务所', district });
  const other = await buildOrganization(t.db, t.platform.pii, { name: '阳光社工', district });
  officer = await clientAs(t, [{ role: 'street_officer', scopeType: 'street', scopeId: street.id, districtId: district.id }]);
  contractorAdmin = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: contractor.id }]);
  outsider = await clientAs(t, [{ role: 'org_admin', scopeType: 'organization', scopeId: other.id }]);
  // 飝 is not among the font's main 8,000 characters: it comes from one of its smaller files.
  evaluator = await clientAs(t, [{ role: 'evaluator', scopeType: 'organization', scopeId: firm.id }], { displayName: '评估师 钱飝' });
  projectId = (await buildProject(t.db, { districtId: district.id, streetId: street.id, communityIds: [w.community.id], purchaser: 'street', status: 'in_delivery', createdBy: officer.user.id })).id;
  await t.db.updateTable('projects').set({ title: '邻里守望·长者助餐', contractor_organization_id: contractor.id }).where('id', '=', projectId).execute();
  expect((await officer.put(`/api/v1/projects/${projectId}/evaluator`, { userId: evaluator.user.id })).statusCode).toBe(200);
  const started = (await evaluator.post(`/api/v1/projects/${projectId}/evaluations`, { kind: 'midterm' })).json<ProjectEvaluations>();
  evaluationId = started.evaluations[0]!.id;
  expect((await evaluator.patch(`/api/v1/evaluations/${evaluationId}`, { awarded: POINTS, findings: FINDINGS })).statusCode).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

const report = (c: C, id = evaluationId) => c.get(`/api/v1/evaluations/${id}/report.pdf`);

describe('the evaluation report', () => {
  it('exists once the evaluation is submitted', async () => {
    const res = await report(evaluator);
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('evaluation.not_submitted');
    expect((await evaluator.post(`/api/v1/evaluations/${evaluationId}/submit`, { conclusion: 'passed' })).statusCode).toBe(200);
  });

  it('is a PDF in Chinese, drawn in the embedded font, with the score, grade, points and findings', async () => {
    const res = await report(officer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('中期评估报告.pdf'));
    const pdf = await renderPdf(res.rawPayload, 1.5);
    keepImages(pdf, ARTIFACTS, 'evaluation-report-zh');
    const text = pdf.pages.map((p) => p.text).join('');
    for (const words of ['项目评估报告', '中期评估', '邻里守望·长者助餐', '启航社工服务中心', '明鉴评估事务所', '评估师 钱飝', '总分 94 分，等级：优秀，结论：通过', FINDINGS, '项目管理', '计划与执行']) {
      expect(text).toContain(words);
    }
    expect(pdf.title).toBe('项目评估报告 · 邻里守望·长者助餐');
    // Every font is embedded (nothing left to the reader's machine): the main file and the one holding 飝.
    expect(pdf.fonts.length).toBeGreaterThanOrEqual(3);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
    // The title band and the footer of the first page carry ink: glyphs were drawn, not left blank.
    expect(pdf.pages[0]!.ink(0.05, 0.1)).toBeGreaterThan(0.01);
    expect(pdf.pages[0]!.ink(0.95, 0.98)).toBeGreaterThan(0);
    expect(text).toContain(`第 1 页，共 ${pdf.pages.length} 页`);
  });

  it('speaks the reader\'s language', async () => {
    contractorAdmin.lang = 'en';
    const res = await report(contractorAdmin);
    contractorAdmin.lang = undefined;
    expect(res.statusCode).toBe(200);
    const pdf = await renderPdf(res.rawPayload);
    keepImages(pdf, ARTIFACTS, 'evaluation-report-en');
    const text = pdf.pages.map((p) => p.text).join('');
    expect(text).toContain('Project evaluation report');
    expect(text).toContain('Score 94, grade: Excellent, conclusion: Passed');
    // Names stay as written, in the same embedded font.
    expect(text).toContain('邻里守望·长者助餐');
  });

  it('is for the project\'s readers only', async () => {
    expect((await report(outsider)).statusCode).toBe(404);
    expect((await report(officer, '01900000-0000-7000-8000-000000000000')).statusCode).toBe(404);
  });
});
