import { Type } from 'typebox';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { Uuid } from '../../platform/http/schema.ts';
import * as S from './projects.contracts.schemas.ts';
import { getProjectDelivery } from './projects.contracts.service.ts';
import { ReportBody, ReportList, listReports, submitReport } from './projects.reports.ts';
import { TrackRecord, trackRecordOf } from './projects.track-record.ts';

const tags = ['projects'];
const ProjectParams = Type.Object({ id: Uuid });

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
  app.get(
    '/organizations/:id/track-record',
    { schema: { tags, summary: 'An organization\'s track record (projects won, outcomes, accepted on first try, final grades, milestones on time) and funding mix, computed from its projects', params: ProjectParams, response: { 200: TrackRecord } } },
    async (request) => trackRecordOf(request.ctx, request.params.id),
  );
};
