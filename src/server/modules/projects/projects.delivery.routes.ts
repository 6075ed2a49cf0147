import { Type } from 'typebox';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { Uuid } from '../../platform/http/schema.ts';
import { UPLOAD_TYPES, readUpload, sendFile } from '../../platform/http/uploads.ts';
import * as S from './projects.contracts.schemas.ts';
import { getProjectDelivery } from './projects.contracts.service.ts';
import { EvidenceView, MAX_EVIDENCE_PER_REPORT, addEvidence, readEvidence } from './projects.report-evidence.ts';
import { ReportBody, ReportList, listReports, submitReport } from './projects.reports.ts';
import { TrackRecord, trackRecordOf } from './projects.track-record.ts';

const tags = ['projects'];
const ProjectParams = Type.Object({ id: Uuid });
const ReportParams = Type.Object({ id: Uuid, reportId: Uuid });
const EvidenceParams = Type.Object({ id: Uuid, reportId: Uuid, evidenceId: Uuid });

/** What delivery shows: actuals against targets, progress reports, and an organization's track record. */
export const deliveryRoutes: ModulePlugin = async (app) => {
  app.get(
    '/projects/:id/delivery',
    { schema: { tags, summary: 'The project\'s indicators with actuals computed from its activities, and its milestones with the day each was reached', params: ProjectParams, response: { 200: S.DeliveryView } } },
    async (request) => getProjectDelivery(request.ctx, request.params.id),
  );
  app.get(
    '/projects/:id/reports',
    { schema: { tags, summary: 'The project\'s progress reports: narrative, explained gaps, and the figures computed at submission', params: ProjectParams, response: { 200: ReportList } } },
    async (request) => listReports(request.ctx, request.params.id),
  );
  app.post(
    '/projects/:id/reports',
    { schema: { tags, summary: 'The contractor reports a period that has ended: its figures are computed, it writes the narrative and may explain gaps', params: ProjectParams, body: ReportBody, response: { 201: ReportList } } },
    async (request, reply) => reply.status(201).send(await submitReport(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/projects/:id/reports/:reportId/evidence',
    {
      schema: {
        tags,
        summary: 'The contractor adds a photo or document to its latest progress report (the figures stay as computed)',
        description:
          'multipart/form-data with one file in field `file`. The type is recognised from the content: JPEG, PNG, WebP ≤ 10 MB, ' +
          `PDF ≤ 20 MB; at most ${MAX_EVIDENCE_PER_REPORT} files per report. Errors: attachment.missing_file, attachment.type_not_allowed (400), ` +
          'attachment.too_large (413), report.evidence_limit, report.evidence_not_latest (409).',
        consumes: ['multipart/form-data'],
        params: ReportParams,
        response: { 201: EvidenceView },
      },
    },
    async (request, reply) => reply.status(201).send(await addEvidence(request.ctx, request.params.id, request.params.reportId, await readUpload(request))),
  );
  app.get(
    '/projects/:id/reports/:reportId/evidence/:evidenceId',
    { schema: { tags, summary: 'The bytes of a report\'s evidence file (only to those who may read the project; every read is audited)', params: EvidenceParams, produces: [...UPLOAD_TYPES] } },
    async (request, reply) => sendFile(reply, await readEvidence(request.ctx, request.params.id, request.params.reportId, request.params.evidenceId)),
  );
  app.get(
    '/organizations/:id/track-record',
    { schema: { tags, summary: 'An organization\'s track record (projects won, outcomes, accepted on first try, final grades, milestones on time) and funding mix, computed from its projects', params: ProjectParams, response: { 200: TrackRecord } } },
    async (request) => trackRecordOf(request.ctx, request.params.id),
  );
};
