import type { ModulePlugin } from '../../platform/http/module.ts';
import { Page } from '../../platform/http/schema.ts';
import * as households from './households.service.ts';
import * as S from './register.schemas.ts';
import { IdParams } from './structure.schemas.ts';

const tags = ['territory'];

export const householdsRoutes: ModulePlugin = async (app) => {
  app.get(
    '/households',
    { schema: { tags, summary: 'Households in the caller\'s scope (search by address)', querystring: S.HouseholdQuery, response: { 200: Page(S.HouseholdListItem) } } },
    (req) => households.listHouseholds(req.ctx, req.query),
  );
  app.post('/households', { schema: { tags, summary: 'Register a household in a grid. Answers with the household as written (its members: GET /households/{id})', body: S.HouseholdBody, response: { 201: S.HouseholdView } } }, async (req, reply) =>
    reply.status(201).send(await households.createHousehold(req.ctx, req.body)),
  );
  app.get('/households/:id', { schema: { tags, summary: 'A household with its members (masked)', params: IdParams, response: { 200: S.HouseholdDetail } } }, (req) =>
    households.getHousehold(req.ctx, req.params.id),
  );
  app.patch(
    '/households/:id',
    { schema: { tags, summary: 'Change a household; a new grid moves its members with it. Answers with the household as written (its members: GET /households/{id})', params: IdParams, body: S.HouseholdPatch, response: { 200: S.HouseholdView } } },
    (req) => households.updateHousehold(req.ctx, req.params.id, req.body),
  );
};
