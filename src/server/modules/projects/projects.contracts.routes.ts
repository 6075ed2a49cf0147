import type { ModulePlugin } from '../../platform/http/module.ts';
import * as S from './projects.contracts.schemas.ts';
import * as service from './projects.contracts.service.ts';

const tags = ['projects'];

export const contractRoutes: ModulePlugin = async (app) => {
  app.get(
    '/projects/:id/contract',
    { schema: { tags, summary: 'The project\'s contract with its tranches (paid, or why not yet), or the award one may be drafted on', params: S.ProjectParams, response: { 200: S.ProjectContract } } },
    async (request) => service.getProjectContract(request.ctx, request.params.id),
  );
  app.post(
    '/projects/:id/contract',
    { schema: { tags, summary: 'Draft the contract on the project\'s award once its round concluded (funder): term and tranches adding up to the amount', params: S.ProjectParams, body: S.DraftBody, response: { 201: S.ProjectContract } } },
    async (request, reply) => reply.status(201).send(await service.draftContract(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/contracts/:id/sign',
    { schema: { tags, summary: 'Sign the contract: the project is contracted to the awarded organization', params: S.ContractParams, response: { 200: S.ProjectContract } } },
    async (request) => service.signContract(request.ctx, request.params.id),
  );
  app.post(
    '/contracts/:id/tranches/:seq/release',
    { schema: { tags, summary: 'Release a tranche (records its payment) when its precondition holds; never twice', params: S.TrancheParams, body: S.ReleaseBody, response: { 200: S.ProjectContract } } },
    async (request) => service.releaseTranche(request.ctx, request.params.id, request.params.seq, request.body.voucher),
  );
  app.post(
    '/contracts/:id/terminate',
    { schema: { tags, summary: 'Terminate the contract with a reason and the amount to claw back (at most what was paid); the project is terminated', params: S.ContractParams, body: S.TerminateBody, response: { 200: S.ProjectContract } } },
    async (request) => service.terminateContract(request.ctx, request.params.id, request.body),
  );
};
