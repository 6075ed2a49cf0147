import { Type } from 'typebox';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { Uuid } from '../../platform/http/schema.ts';
import * as S from './projects.evaluations.schemas.ts';
import { evaluationReport } from './projects.evaluation-report.ts';
import * as service from './projects.evaluations.service.ts';

const tags = ['projects'];
const ProjectParams = Type.Object({ id: Uuid });
const Candidates = Type.Object({ items: Type.Array(Type.Object({ userId: Uuid, name: Type.String(), organizationName: Type.String() })) });

export const evaluationRoutes: ModulePlugin = async (app) => {
  app.get(
    '/projects/:id/evaluations',
    { schema: { tags, summary: 'The project\'s third-party evaluator, the template and grade bands it keeps, and its mid-term and final evaluations', params: ProjectParams, response: { 200: S.ProjectEvaluations } } },
    async (request) => service.getProjectEvaluations(request.ctx, request.params.id),
  );
  app.get(
    '/projects/:id/evaluator-candidates',
    { schema: { tags, summary: 'Evaluators the funder may assign: those of evaluation organizations tied to none of the delivering ones', params: ProjectParams, response: { 200: Candidates } } },
    async (request) => service.evaluatorCandidates(request.ctx, request.params.id),
  );
  app.put(
    '/projects/:id/evaluator',
    { schema: { tags, summary: 'The funder assigns the third-party evaluator; the project keeps today\'s template and bands', params: ProjectParams, body: S.AssignBody, response: { 200: S.ProjectEvaluations } } },
    async (request) => service.assignEvaluator(request.ctx, request.params.id, request.body.userId),
  );
  app.post(
    '/projects/:id/evaluations',
    { schema: { tags, summary: 'The evaluator opens the mid-term (in delivery) or the final evaluation (after a passed mid-term)', params: ProjectParams, body: S.StartBody, response: { 201: S.ProjectEvaluations } } },
    async (request, reply) => reply.status(201).send(await service.startEvaluation(request.ctx, request.params.id, request.body.kind)),
  );
  app.patch(
    '/evaluations/:id',
    { schema: { tags, summary: 'Save points per level-3 indicator and findings (a draft may be partial)', params: S.EvaluationParams, body: S.DraftBody, response: { 200: S.ProjectEvaluations } } },
    async (request) => service.saveEvaluation(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/evaluations/:id/report.pdf',
    { schema: { tags, summary: 'The submitted evaluation as a PDF report (Chinese text in an embedded font), in the reader\'s language', params: S.EvaluationParams, produces: ['application/pdf'] } },
    async (request, reply) => {
      const { pdf, refNo, kind } = await evaluationReport(request.ctx, request.params.id);
      const name = request.ctx.locale === 'en' ? `${refNo} ${kind === 'midterm' ? 'mid-term' : 'final'} evaluation.pdf` : `${refNo} ${kind === 'midterm' ? '中期' : '终期'}评估报告.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="evaluation-${refNo}-${kind}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(pdf);
    },
  );
  app.post(
    '/evaluations/:id/submit',
    { schema: { tags, summary: 'Submit: the score is the sum of the points, graded by the project\'s bands, with the conclusion (and a rectification with its deadline)', params: S.EvaluationParams, body: S.SubmitBody, response: { 200: S.ProjectEvaluations } } },
    async (request) => service.submitEvaluation(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/evaluations/:id/rectification',
    { schema: { tags, summary: 'The contractor reports its rectification', params: S.EvaluationParams, body: S.RectifiedBody, response: { 200: S.ProjectEvaluations } } },
    async (request) => service.answerRectification(request.ctx, request.params.id, request.body.note),
  );
  app.post(
    '/evaluations/:id/recheck',
    { schema: { tags, summary: 'The evaluator re-checks the rectification: passed, or failed', params: S.EvaluationParams, body: S.RecheckBody, response: { 200: S.ProjectEvaluations } } },
    async (request) => service.recheckRectification(request.ctx, request.params.id, request.body),
  );
};
