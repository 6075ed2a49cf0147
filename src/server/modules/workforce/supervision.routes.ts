import type { ModulePlugin } from '../../platform/http/module.ts';
import * as ce from './ce.service.ts';
import * as S from './supervision.schemas.ts';
import * as supervision from './supervision.service.ts';
import { workforceView } from './workforce-view.service.ts';
import { TaskParams } from './worklogs.schemas.ts';

const tags = ['workforce'];

export const supervisionRoutes: ModulePlugin = async (app) => {
  app.post(
    '/supervision-sessions',
    { schema: { tags, summary: 'Record a supervision session with social workers the caller supervises (individual or group; administrative, educational, supportive functions); notes sealed', body: S.SupervisionBody, response: { 201: S.SupervisionDetail } } },
    async (request, reply) => reply.status(201).send(await supervision.recordSupervision(request.ctx, request.body)),
  );
  app.get(
    '/supervision-sessions',
    { schema: { tags, summary: 'Supervision sessions a worker took part in, as supervisor or supervisee (the caller\'s own by default); no notes', querystring: S.SupervisionListQuery, response: { 200: S.SupervisionList } } },
    async (request) => supervision.listSupervision(request.ctx, request.query.socialWorkerId),
  );
  app.get(
    '/supervision-sessions/:id',
    { schema: { tags, summary: 'One supervision session; its notes only for the supervisor and the supervisees (each read audited)', params: TaskParams, response: { 200: S.SupervisionDetail } } },
    async (request) => supervision.getSupervision(request.ctx, request.params.id),
  );
  app.get(
    '/social-workers/:id/continuing-education',
    { schema: { tags, summary: 'A worker\'s continuing education: hours in the current three-year cycle against the district\'s requirement, behind or not, and the records', params: S.WorkerParams, response: { 200: S.CeStatus } } },
    async (request) => ce.getCe(request.ctx, request.params.id),
  );
  app.post(
    '/social-workers/:id/continuing-education',
    { schema: { tags, summary: 'Record continuing education completed (the worker or their employer\'s administrator)', params: S.WorkerParams, body: S.CeBody, response: { 201: S.CeStatus } } },
    async (request, reply) => reply.status(201).send(await ce.recordCe(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/workforce-view',
    { schema: { tags, summary: 'A community\'s, street\'s, district\'s or organization\'s social workers over a period: professional share, caseloads, staffing per 10,000 residents, supervision ratio, continuing education behind, pay grades as counts', querystring: S.ViewQuery, response: { 200: S.WorkforceView } } },
    async (request) => workforceView(request.ctx, request.query),
  );
};
