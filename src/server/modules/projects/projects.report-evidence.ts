import path from 'node:path';
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { newId } from '../../platform/db/ids.ts';
import type { DB } from '../../tables.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { auditRead, command, type RequestContext } from '../../platform/http/context.ts';
import { StringEnum, Uuid } from '../../platform/http/schema.ts';
import { UPLOAD_TYPES, checkUpload, readStoredFile, storeFile, type Upload } from '../../platform/http/uploads.ts';
import { projectPolicy } from './projects.policy.ts';
import { loadVisible, recordOf } from './projects.service.ts';

export const MAX_EVIDENCE_PER_REPORT = 10;

export const EvidenceView = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: StringEnum(UPLOAD_TYPES),
  sizeBytes: Type.Integer(),
  createdAt: Type.String(),
  url: Type.String(),
});
export type EvidenceView = Static<typeof EvidenceView>;

interface EvidenceRow {
  id: string;
  report_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  created_at: Date | string;
}

const dirOf = (ctx: RequestContext, districtId: string) => path.join(ctx.config.dataDir, 'evidence', districtId);

const viewOf = (projectId: string, e: EvidenceRow): EvidenceView => ({
  id: e.id,
  fileName: e.file_name,
  contentType: e.content_type as EvidenceView['contentType'],
  sizeBytes: e.size_bytes,
  createdAt: new Date(e.created_at).toISOString(),
  url: `/api/v1/projects/${projectId}/reports/${e.report_id}/evidence/${e.id}`,
});

/** The evidence of the given reports of one project, by report, oldest file first. */
export async function evidenceOf(db: Kysely<DB>, districtId: string, projectId: string, reportIds: string[]): Promise<Map<string, EvidenceView[]>> {
  const byReport = new Map<string, EvidenceView[]>();
  if (reportIds.length === 0) return byReport;
  const rows = await db
    .selectFrom('progress_report_evidence')
    .select(['id', 'report_id', 'file_name', 'content_type', 'size_bytes', 'created_at'])
    .where('district_id', '=', districtId)
    .where('report_id', 'in', reportIds)
    .orderBy('id')
    .execute();
  for (const r of rows) byReport.set(r.report_id, [...(byReport.get(r.report_id) ?? []), viewOf(projectId, r)]);
  return byReport;
}

/**
 * The contractor backs the report it has just submitted with photos and documents. Only the
 * latest report takes files: evidence belongs to the period it was reported with, and an old
 * report padded later would no longer be what the funder read. The figures stay as computed —
 * a file is shown beside them and changes none of them.
 */
export async function addEvidence(ctx: RequestContext, projectId: string, reportId: string, upload: Upload | undefined): Promise<EvidenceView> {
  const { actor, row } = await loadVisible(ctx, projectId);
  projectPolicy.authorize(actor, 'submit_report', recordOf(row));
  const file = checkUpload(upload);
  const id = newId();
  const values = {
    district_id: row.district_id,
    id,
    report_id: reportId,
    file_name: file.fileName,
    content_type: file.type,
    size_bytes: file.sizeBytes,
    sha256: file.sha256,
    uploaded_by: actor.userId,
    created_at: new Date(),
  };
  await storeFile(dirOf(ctx, row.district_id), id, file.content, (place) =>
    command(ctx, async ({ trx, audit }) => {
      // The report is locked so that two uploads at once cannot both be the tenth.
      const report = await trx
        .selectFrom('progress_reports')
        .select(['id', 'seq'])
        .where('district_id', '=', row.district_id)
        .where('project_id', '=', row.id)
        .where('id', '=', reportId)
        .forUpdate()
        .executeTakeFirst();
      if (!report) throw new AppError('resource.not_found');
      const newer = await trx.selectFrom('progress_reports').select('id').where('district_id', '=', row.district_id).where('project_id', '=', row.id).where('seq', '>', report.seq).executeTakeFirst();
      if (newer) throw new AppError('report.evidence_not_latest');
      const { n } = await trx
        .selectFrom('progress_report_evidence')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('district_id', '=', row.district_id)
        .where('report_id', '=', reportId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_EVIDENCE_PER_REPORT) throw new AppError('report.evidence_limit', { limit: MAX_EVIDENCE_PER_REPORT });
      await trx.insertInto('progress_report_evidence').values(values).execute();
      // No file name in the audit trail: a photo's name may name the people in it.
      await audit({
        action: 'progress_report.evidence.create',
        entityType: 'progress_report_evidence',
        entityId: id,
        districtId: row.district_id,
        after: { projectId: row.id, reportId, contentType: file.type, sizeBytes: file.sizeBytes, sha256: file.sha256 },
      });
      await place();
    }),
  );
  return viewOf(row.id, values);
}

/**
 * The bytes of one evidence file, to those who may read the project (404 to anyone else, as
 * for a missing file). Photos of an activity show residents, so every read is audited.
 */
export async function readEvidence(ctx: RequestContext, projectId: string, reportId: string, evidenceId: string) {
  const { row } = await loadVisible(ctx, projectId);
  const e = await ctx.db
    .selectFrom('progress_report_evidence as e')
    .innerJoin('progress_reports as r', (j) => j.onRef('r.district_id', '=', 'e.district_id').onRef('r.id', '=', 'e.report_id'))
    .select(['e.id', 'e.district_id', 'e.file_name', 'e.content_type'])
    .where('e.district_id', '=', row.district_id)
    .where('r.project_id', '=', row.id)
    .where('e.report_id', '=', reportId)
    .where('e.id', '=', evidenceId)
    .executeTakeFirst();
  if (!e) throw new AppError('resource.not_found');
  const content = await readStoredFile(dirOf(ctx, e.district_id), e.id);
  await auditRead(ctx, { action: 'progress_report.evidence.read', entityType: 'progress_report_evidence', entityId: e.id, districtId: e.district_id, after: { projectId: row.id, reportId } });
  return { content, contentType: e.content_type, fileName: e.file_name };
}
