import type { ModulePlugin } from '../../platform/http/module.ts';
import * as A from './calls.applications.schemas.ts';
import * as applications from './calls.applications.service.ts';
import { rankingWorkbook } from './calls.ranking.export.ts';
import * as R from './calls.reviews.schemas.ts';
import * as reviews from './calls.reviews.service.ts';

const tags = ['calls'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const applicationRoutes: ModulePlugin = async (app) => {
  app.get(
    '/calls/:id/eligibility',
    { schema: { tags, summary: 'Check an organization against the call\'s eligibility rules today, each rule with its reason (the organization\'s people, the issuing office)', params: A.CallParams, querystring: A.EligibilityQuery, response: { 200: A.Eligibility } } },
    async (request) => applications.checkEligibility(request.ctx, request.params.id, request.query.organizationId),
  );
  app.post(
    '/calls/:id/applications',
    { schema: { tags, summary: 'Start an application (a draft) for one of the call\'s projects or themes (organization administrator, before the deadline)', params: A.CallParams, body: A.CreateBody, response: { 201: A.ApplicationDetail } } },
    async (request, reply) => reply.status(201).send(await applications.createApplication(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/applications',
    { schema: { tags, summary: 'Applications: an organization\'s own (drafts too), and the submitted ones of the calls an office runs; newest first', querystring: A.ListQuery, response: { 200: A.ApplicationPage } } },
    async (request) => applications.listApplications(request.ctx, request.query),
  );
  app.get(
    '/applications/:id',
    { schema: { tags, summary: 'One application. A panel member sees who applies for what until they declare no conflict; score sheets once the panel has closed (numbered, not named, for the applicant)', params: A.ApplicationParams, response: { 200: A.ApplicationDetail } } },
    async (request) => applications.getApplication(request.ctx, request.params.id),
  );
  app.patch(
    '/applications/:id',
    { schema: { tags, summary: 'Change a draft application before the deadline', params: A.ApplicationParams, body: A.UpdateBody, response: { 200: A.ApplicationDetail } } },
    async (request) => applications.updateApplication(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/applications/:id/transitions',
    { schema: { tags, summary: 'Submit (complete, eligible, before the deadline; the eligibility answer is kept) or withdraw an application', params: A.ApplicationParams, body: A.TransitionBody, response: { 200: A.ApplicationDetail } } },
    async (request) => applications.transitionApplication(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/applications/:id/declaration',
    { schema: { tags, summary: 'A panel member declares whether they have a conflict of interest with the applicant; with none declared they may read and score it', params: A.ApplicationParams, body: R.DeclarationBody, response: { 200: R.MyReview } } },
    async (request) => reviews.declare(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/applications/:id/review',
    { schema: { tags, summary: 'Save the caller\'s score sheet (points per criterion, one decimal), or hand it in with `submit`', params: A.ApplicationParams, body: R.ReviewBody, response: { 200: R.MyReview } } },
    async (request) => reviews.saveReview(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/reviews/calls',
    { schema: { tags, summary: 'The calls whose panel the caller sits on, with the reviews they owe', response: { 200: R.MyCalls } } },
    async (request) => reviews.myCalls(request.ctx),
  );
  app.get(
    '/calls/:id/review-sheet',
    { schema: { tags, summary: 'A panel member\'s workspace: the applications they review, their declarations and scores (never another reviewer\'s)', params: A.CallParams, response: { 200: R.ReviewSheet } } },
    async (request) => reviews.reviewSheet(request.ctx, request.params.id),
  );
  app.get(
    '/calls/:id/review-progress',
    { schema: { tags, summary: 'The issuing office follows its panel: declarations and sheets handed in, without scores', params: A.CallParams, response: { 200: R.Progress } } },
    async (request) => reviews.reviewProgress(request.ctx, request.params.id),
  );
  app.get(
    '/calls/:id/ranking',
    { schema: { tags, summary: 'The ranking computed from the submitted sheets (mean, trimmed mean from the call\'s threshold, bonus points, stated tie rules): office and panel, once ranked', params: A.CallParams, response: { 200: R.Ranking } } },
    async (request) => reviews.ranking(request.ctx, request.params.id),
  );
  app.get(
    '/calls/:id/ranking.xlsx',
    { schema: { tags, summary: 'The ranking as an XLSX workbook', params: A.CallParams, produces: [XLSX_TYPE] } },
    async (request, reply) => {
      const ranking = await reviews.ranking(request.ctx, request.params.id);
      const book = await rankingWorkbook(ranking, request.ctx.locale);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="ranking-${ranking.refNo}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${ranking.refNo} 评审排名.xlsx`)}`)
        .send(book);
    },
  );
};
