import { Type } from 'typebox';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { Page } from '../../platform/http/schema.ts';
import * as S from './register.schemas.ts';
import * as residents from './residents.service.ts';
import { IdParams } from './structure.schemas.ts';

const tags = ['territory'];

export const residentsRoutes: ModulePlugin = async (app) => {
  app.get(
    '/residents',
    {
      schema: {
        tags,
        summary: 'Residents in the caller\'s scope: name prefix, exact ID or phone number search',
        querystring: S.ResidentQuery,
        response: { 200: Page(S.ResidentView) },
      },
    },
    (req) => residents.listResidents(req.ctx, req.query),
  );
  app.post(
    '/residents',
    { schema: { tags, summary: 'Register a resident (birth date and gender come from the ID number)', body: S.ResidentBody, response: { 201: S.ResidentView } } },
    async (req, reply) => reply.status(201).send(await residents.createResident(req.ctx, req.body)),
  );
  app.get('/residents/:id', { schema: { tags, summary: 'One resident (the read is audited)', params: IdParams, response: { 200: S.ResidentView } } }, (req) =>
    residents.getResident(req.ctx, req.params.id),
  );
  app.patch('/residents/:id', { schema: { tags, summary: 'Change a resident', params: IdParams, body: S.ResidentPatch, response: { 200: S.ResidentView } } }, (req) =>
    residents.updateResident(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/residents/:id/reveal',
    { schema: { tags, summary: 'The full ID or phone number (permission needed; audited)', params: IdParams, body: S.RevealBody, response: { 200: S.RevealView } } },
    (req) => residents.reveal(req.ctx, req.params.id, req.body.field),
  );
  app.get('/resident-tags', { schema: { tags, summary: 'Resident tag definitions', response: { 200: Type.Array(S.TagView) } } }, (req) =>
    residents.listTags(req.ctx),
  );
};
