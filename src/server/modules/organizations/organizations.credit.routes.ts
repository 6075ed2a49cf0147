import type { ModulePlugin } from '../../platform/http/module.ts';
import {
  AnswerObjectionBody,
  CreateCreditRecordBody,
  CreateListEntryBody,
  CreditView,
  EntryParams,
  ObjectionBody,
  RepairBody,
} from './organizations.credit.schemas.ts';
import * as credit from './organizations.credit.service.ts';
import { IdParams } from './organizations.schemas.ts';

const tags = ['organizations'];

export const creditRoutes: ModulePlugin = async (app) => {
  app.get(
    '/organizations/:id/credit',
    {
      schema: {
        tags,
        summary: 'Credit of an organization: list status and standing for everyone, records for the authority and the organization',
        params: IdParams,
        response: { 200: CreditView },
      },
    },
    async (request) => credit.getCredit(request.ctx, request.params.id),
  );

  app.post(
    '/organizations/:id/credit/records',
    {
      schema: {
        tags,
        summary: 'Record an annual report, inspection, penalty or award (registering authority)',
        params: IdParams,
        body: CreateCreditRecordBody,
        response: { 201: CreditView },
      },
    },
    async (request, reply) => reply.status(201).send(await credit.addCreditRecord(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/organizations/:id/credit/entries',
    {
      schema: {
        tags,
        summary: 'Put the organization on the activity-abnormal or serious-dishonesty list (registering authority)',
        params: IdParams,
        body: CreateListEntryBody,
        response: { 201: CreditView },
      },
    },
    async (request, reply) => reply.status(201).send(await credit.addListEntry(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/organizations/:id/credit/entries/:entryId/repair',
    {
      schema: { tags, summary: 'Credit repair: remove the entry from the list (the history stays)', params: EntryParams, body: RepairBody, response: { 200: CreditView } },
    },
    async (request) => credit.repairEntry(request.ctx, request.params.id, request.params.entryId, request.body),
  );

  app.post(
    '/organizations/:id/credit/entries/:entryId/objections',
    {
      schema: { tags, summary: 'Lodge an objection against an entry (the organization itself)', params: EntryParams, body: ObjectionBody, response: { 201: CreditView } },
    },
    async (request, reply) => reply.status(201).send(await credit.lodgeObjection(request.ctx, request.params.id, request.params.entryId, request.body)),
  );

  app.post(
    '/organizations/:id/credit/entries/:entryId/answer',
    {
      schema: {
        tags,
        summary: 'Answer the pending objection; an upheld objection removes the entry',
        params: EntryParams,
        body: AnswerObjectionBody,
        response: { 200: CreditView },
      },
    },
    async (request) => credit.answerObjection(request.ctx, request.params.id, request.params.entryId, request.body),
  );
};
