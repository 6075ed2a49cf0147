import type { ModulePlugin } from '../../platform/http/module.ts';
import { suggestions, threeLists } from './commonneeds.lists.ts';
import * as S from './commonneeds.schemas.ts';
import * as service from './commonneeds.service.ts';

const tags = ['common-needs'];

export const commonNeedRoutes: ModulePlugin = async (app) => {
  app.get(
    '/common-needs',
    { schema: { tags, summary: 'Common needs in the caller\'s scope, newest first', querystring: S.ListQuery, response: { 200: S.CommonNeedPage } } },
    async (request) => service.listCommonNeeds(request.ctx, request.query),
  );
  app.get(
    '/common-needs/suggestions',
    { schema: { tags, summary: 'Accepted, ungrouped needs of a community sharing category and place: candidates for common needs', querystring: S.SuggestionQuery, response: { 200: S.SuggestionList } } },
    async (request) => suggestions(request.ctx, request.query.communityId),
  );
  app.post(
    '/common-needs',
    { schema: { tags, summary: 'Form a common need of a community, a street or the district (exactly one of communityId, streetId, districtId), optionally pooling accepted needs into it and, above community level, adding community groups into it. Answers with the group as written (its members and suggested resources: GET /common-needs/{id})', body: S.CreateBody, response: { 201: S.CommonNeedView } } },
    async (request, reply) => reply.status(201).send(await service.createCommonNeed(request.ctx, request.body)),
  );
  app.get(
    '/common-needs/:id',
    { schema: { tags, summary: 'One common need with its member needs, beneficiary count and suggested resources', params: S.IdParams, response: { 200: S.CommonNeedDetail } } },
    async (request) => service.getCommonNeed(request.ctx, request.params.id),
  );
  app.patch(
    '/common-needs/:id',
    { schema: { tags, summary: 'Change title, description, candidate mark (open ⇄ candidate) or project reference. Answers with the group as written', params: S.IdParams, body: S.UpdateBody, response: { 200: S.CommonNeedView } } },
    async (request) => service.updateCommonNeed(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/common-needs/:id/needs',
    { schema: { tags, summary: 'Pool an accepted need of the same category and place into the common need. Answers with the group and its new counts', params: S.IdParams, body: S.PoolBody, response: { 200: S.CommonNeedView } } },
    async (request) => service.poolIntoCommonNeed(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/common-needs/:id/groups',
    { schema: { tags, summary: 'Add a community group into a street or district group of the same category (street or district officer). Its needs then count for both. Answers with the outer group', params: S.IdParams, body: S.GroupBody, response: { 200: S.CommonNeedView } } },
    async (request) => service.groupIntoCommonNeed(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/communities/:id/three-lists',
    { schema: { tags, summary: 'The three lists of a community: common needs, resources, project candidates, with matches', params: S.CommunityParams, response: { 200: S.ThreeLists } } },
    async (request) => threeLists(request.ctx, request.params.id),
  );
};
