import type { ModulePlugin } from '../../platform/http/module.ts';
import * as coverage from './visits.coverage.ts';
import * as S from './visits.schemas.ts';
import * as visits from './visits.service.ts';

const tags = ['visits'];

export const visitRoutes: ModulePlugin = async (app) => {
  app.post(
    '/visits',
    {
      schema: {
        tags,
        summary: 'Record a visit to a household with the needs found on it (one transaction). Answers with the visit and its needs as written, each with its reference number and due time',
        body: S.CreateVisitBody,
        response: { 201: S.VisitDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await visits.createVisit(request.ctx, request.body)),
  );
  app.get(
    '/visits',
    { schema: { tags, summary: 'Visits in the caller\'s scope, latest visit first', querystring: S.VisitListQuery, response: { 200: S.VisitPage } } },
    async (request) => visits.listVisits(request.ctx, request.query),
  );
  app.get(
    '/visits/:id',
    { schema: { tags, summary: 'One visit with the needs found on it', params: S.IdParams, response: { 200: S.VisitDetail } } },
    async (request) => visits.getVisit(request.ctx, request.params.id),
  );
  app.get(
    '/grids/:id/visit-coverage',
    { schema: { tags, summary: 'Households of a grid visited in the last 30 and 90 days', params: S.IdParams, response: { 200: S.CoverageView } } },
    async (request) => coverage.gridCoverage(request.ctx, request.params.id),
  );
  app.get(
    '/visit-worklist',
    {
      schema: {
        tags,
        summary: 'Tagged residents of a grid whose last visit is older than their care interval, or who were never visited',
        querystring: S.WorklistQuery,
        response: { 200: S.Worklist },
      },
    },
    async (request) => coverage.visitWorklist(request.ctx, request.query.gridId),
  );
  app.patch(
    '/resident-tags/:code',
    {
      schema: {
        tags,
        summary: 'Set the care visit interval of a resident tag (platform admin: the tag list is national)',
        params: S.TagParams,
        body: S.TagIntervalBody,
        response: { 200: S.TagView },
      },
    },
    async (request) => coverage.setCareInterval(request.ctx, request.params.code, request.body.careIntervalDays),
  );
};
