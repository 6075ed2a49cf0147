import type { ModulePlugin } from '../../platform/http/module.ts';
import { Page } from '../../platform/http/schema.ts';
import * as grids from './grids.service.ts';
import * as S from './structure.schemas.ts';
import * as units from './units.service.ts';

const tags = ['territory'];

/** Districts, streets, communities, grids and buildings: list, create, read, change. */
export const structureRoutes: ModulePlugin = async (app) => {
  app.get('/districts', { schema: { tags, summary: 'Districts the caller can see', querystring: S.DistrictQuery, response: { 200: Page(S.DistrictView) } } }, (req) =>
    units.listDistricts(req.ctx, req.query),
  );
  app.post('/districts', { schema: { tags, summary: 'Create a district (platform admin)', body: S.DistrictBody, response: { 201: S.DistrictView } } }, async (req, reply) =>
    reply.status(201).send(await units.createDistrict(req.ctx, req.body)),
  );
  app.get('/districts/:id', { schema: { tags, summary: 'One district', params: S.IdParams, response: { 200: S.DistrictView } } }, (req) =>
    units.getDistrict(req.ctx, req.params.id),
  );
  app.patch('/districts/:id', { schema: { tags, summary: 'Change a district', params: S.IdParams, body: S.DistrictPatch, response: { 200: S.DistrictView } } }, (req) =>
    units.updateDistrict(req.ctx, req.params.id, req.body),
  );

  app.get('/streets', { schema: { tags, summary: 'Streets the caller can see', querystring: S.StreetQuery, response: { 200: Page(S.StreetView) } } }, (req) =>
    units.listStreets(req.ctx, req.query),
  );
  app.post('/streets', { schema: { tags, summary: 'Create a street in a district', body: S.StreetBody, response: { 201: S.StreetView } } }, async (req, reply) =>
    reply.status(201).send(await units.createStreet(req.ctx, req.body)),
  );
  app.get('/streets/:id', { schema: { tags, summary: 'One street', params: S.IdParams, response: { 200: S.StreetView } } }, (req) =>
    units.getStreet(req.ctx, req.params.id),
  );
  app.patch('/streets/:id', { schema: { tags, summary: 'Change a street', params: S.IdParams, body: S.StreetPatch, response: { 200: S.StreetView } } }, (req) =>
    units.updateStreet(req.ctx, req.params.id, req.body),
  );

  app.get('/communities', { schema: { tags, summary: 'Communities the caller can see', querystring: S.CommunityQuery, response: { 200: Page(S.CommunityView) } } }, (req) =>
    units.listCommunities(req.ctx, req.query),
  );
  app.post('/communities', { schema: { tags, summary: 'Create a community in a street', body: S.CommunityBody, response: { 201: S.CommunityView } } }, async (req, reply) =>
    reply.status(201).send(await units.createCommunity(req.ctx, req.body)),
  );
  app.get('/communities/:id', { schema: { tags, summary: 'One community', params: S.IdParams, response: { 200: S.CommunityView } } }, (req) =>
    units.getCommunity(req.ctx, req.params.id),
  );
  app.patch(
    '/communities/:id',
    {
      schema: {
        tags,
        summary: 'Change a community (its own admin: the service-center address only)',
        params: S.IdParams,
        body: S.CommunityPatch,
        response: { 200: S.CommunityView },
      },
    },
    (req) => units.updateCommunity(req.ctx, req.params.id, req.body),
  );

  app.get('/grids', { schema: { tags, summary: 'Grids the caller can see, with household counts', querystring: S.GridQuery, response: { 200: Page(S.GridView) } } }, (req) =>
    grids.listGrids(req.ctx, req.query),
  );
  app.post('/grids', { schema: { tags, summary: 'Create a grid in a community', body: S.GridBody, response: { 201: S.GridView } } }, async (req, reply) =>
    reply.status(201).send(await grids.createGrid(req.ctx, req.body)),
  );
  app.get('/grids/:id', { schema: { tags, summary: 'One grid', params: S.IdParams, response: { 200: S.GridView } } }, (req) =>
    grids.getGrid(req.ctx, req.params.id),
  );
  app.patch('/grids/:id', { schema: { tags, summary: 'Change a grid', params: S.IdParams, body: S.GridPatch, response: { 200: S.GridView } } }, (req) =>
    grids.updateGrid(req.ctx, req.params.id, req.body),
  );

  app.get('/buildings', { schema: { tags, summary: 'Buildings the caller can see', querystring: S.BuildingQuery, response: { 200: Page(S.BuildingView) } } }, (req) =>
    grids.listBuildings(req.ctx, req.query),
  );
  app.post('/buildings', { schema: { tags, summary: 'Create a building in a grid', body: S.BuildingBody, response: { 201: S.BuildingView } } }, async (req, reply) =>
    reply.status(201).send(await grids.createBuilding(req.ctx, req.body)),
  );
  app.get('/buildings/:id', { schema: { tags, summary: 'One building', params: S.IdParams, response: { 200: S.BuildingView } } }, (req) =>
    grids.getBuilding(req.ctx, req.params.id),
  );
  app.patch('/buildings/:id', { schema: { tags, summary: 'Change a building', params: S.IdParams, body: S.BuildingPatch, response: { 200: S.BuildingView } } }, (req) =>
    grids.updateBuilding(req.ctx, req.params.id, req.body),
  );
};
