import type { ModulePlugin } from '../../platform/http/module.ts';
import { commitmentsOfCommonNeed, commitToCommonNeed, commitToProject, withdrawCommitment } from './projects.commitments.ts';
import * as S from './projects.schemas.ts';
import * as service from './projects.service.ts';

const tags = ['projects'];

export const projectRoutes: ModulePlugin = async (app) => {
  app.get(
    '/projects',
    { schema: { tags, summary: 'Projects answering needs of the caller\'s units, newest first (awaitingMe: those the caller may approve now)', querystring: S.ListQuery, response: { 200: S.ProjectPage } } },
    async (request) => service.listProjects(request.ctx, request.query),
  );
  app.post(
    '/projects',
    { schema: { tags, summary: 'Draft a project from one or more common needs (community admin, street or district officer of their units); the common needs become projected', body: S.CreateBody, response: { 201: S.ProjectView } } },
    async (request, reply) => reply.status(201).send(await service.createProject(request.ctx, request.body)),
  );
  app.get(
    '/projects/:id',
    { schema: { tags, summary: 'One project: its common needs and needs, the households they reach (computed), resources committed and timeline', params: S.IdParams, response: { 200: S.ProjectDetail } } },
    async (request) => service.getProject(request.ctx, request.params.id),
  );
  app.patch(
    '/projects/:id',
    { schema: { tags, summary: 'Edit a draft', params: S.IdParams, body: S.UpdateBody, response: { 200: S.ProjectView } } },
    async (request) => service.updateProject(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/projects/:id/transitions',
    { schema: { tags, summary: 'Submit, approve (the funding unit\'s officer, never the drafter), return to draft (reason) or cancel before contract (reason; releases its common needs)', params: S.IdParams, body: S.TransitionBody, response: { 200: S.ProjectView } } },
    async (request) => service.transitionProject(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/projects/:id/commitments',
    { schema: { tags, summary: 'Record a resource committed to the project, with its terms and period', params: S.IdParams, body: S.CommitBody, response: { 201: S.CommitmentView } } },
    async (request, reply) => reply.status(201).send(await commitToProject(request.ctx, request.params.id, request.body)),
  );
  app.get(
    '/common-needs/:id/commitments',
    { schema: { tags: ['common-needs'], summary: 'Resources committed to a common need', params: S.IdParams, response: { 200: S.CommitmentList } } },
    async (request) => commitmentsOfCommonNeed(request.ctx, request.params.id),
  );
  app.post(
    '/common-needs/:id/commitments',
    { schema: { tags: ['common-needs'], summary: 'Record a resource committed to a common need (its editors), with its terms and period', params: S.IdParams, body: S.CommitBody, response: { 201: S.CommitmentView } } },
    async (request, reply) => reply.status(201).send(await commitToCommonNeed(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/resource-commitments/:id/withdraw',
    { schema: { tags, summary: 'Withdraw a resource commitment (kept, marked withdrawn)', params: S.IdParams, response: { 200: S.CommitmentView } } },
    async (request) => withdrawCommitment(request.ctx, request.params.id),
  );
};
