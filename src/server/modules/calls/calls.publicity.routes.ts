import type { ModulePlugin } from '../../platform/http/module.ts';
import { CallDetail, IdParams } from './calls.schemas.ts';
import * as S from './calls.publicity.schemas.ts';
import * as service from './calls.publicity.service.ts';

const tags = ['calls'];

export const publicityRoutes: ModulePlugin = async (app) => {
  app.post(
    '/calls/:id/publicity',
    { schema: { tags, summary: 'Award and publicise a ranked round (公示): recommended applications, one per project; a departure from the ranking needs a reason, publicised with it', params: IdParams, body: S.AwardBody, response: { 200: CallDetail } } },
    async (request) => service.publicize(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/calls/:id/objections',
    { schema: { tags, summary: 'Objections to a publicised result: all of them, named, for the issuing office; one\'s own for anyone else', params: IdParams, response: { 200: S.Objections } } },
    async (request) => service.listObjections(request.ctx, request.params.id),
  );
  app.post(
    '/calls/:id/objections',
    { schema: { tags, summary: 'Object to a publicised result, or to one award of it, while the publicity runs (anyone signed in)', params: IdParams, body: S.ObjectionBody, response: { 201: S.Objection } } },
    async (request, reply) => reply.status(201).send(await service.lodgeObjection(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/calls/:id/objections/:objectionId/answer',
    { schema: { tags, summary: 'The issuing office answers an objection; upheld against an award, it revokes that award', params: S.ObjectionParams, body: S.AnswerBody, response: { 200: S.Objection } } },
    async (request) => service.answerObjection(request.ctx, request.params.id, request.params.objectionId, request.body),
  );
  app.get(
    '/public/publicity',
    { schema: { tags, summary: 'Results publicised for a street or community (公示栏), read without signing in: awards with organizations, titles and amounts, never a person', querystring: S.PublicQuery, response: { 200: S.PublicPage } } },
    async (request) => service.publicResults(request.ctx, request.query),
  );
};
