import { Type } from 'typebox';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { StringEnum } from '../../platform/http/schema.ts';
import { CASE_ACTIONS } from './cases.lifecycle.ts';
import * as S from './cases.schemas.ts';
import * as referrals from './cases.referrals.ts';
import * as cases from './cases.service.ts';
import { CASE_STATUSES } from './cases.tables.ts';

const tags = ['cases'];
const CaseStep = Type.Object({ id: Type.String(), refNo: Type.String(), status: StringEnum(CASE_STATUSES), allowedActions: Type.Array(StringEnum(CASE_ACTIONS)) });
const params = S.CaseParams;

export const casesRoutes: ModulePlugin = async (app) => {
  app.post(
    '/cases',
    { schema: { tags, summary: 'Open a case for a resident the organization serves, from a need referred to it or directly; the worker\'s supervisor becomes the case\'s', body: S.OpenBody, response: { 201: CaseStep } } },
    async (request, reply) => reply.status(201).send(await cases.openCase(request.ctx, request.body)),
  );
  app.get(
    '/cases',
    { schema: { tags, summary: 'Cases the caller may see: their own, their supervisees\', their organization\'s, or their place\'s (existence and status only, never notes)', querystring: S.ListQuery, response: { 200: S.CaseList } } },
    async (request) => cases.listCases(request.ctx, request.query),
  );
  app.get(
    '/cases/:id',
    { schema: { tags, summary: 'A case; its assessment, plan and journal only for its worker, supervisor and organization administrator (each read audited)', params, response: { 200: S.CaseDetail } } },
    async (request) => cases.getCase(request.ctx, request.params.id),
  );
  app.post(
    '/cases/:id/assessment',
    { schema: { tags, summary: 'Record the assessment: five domains, each scored 1–5 with a note', params, body: S.AssessmentBody, response: { 200: CaseStep } } },
    async (request) => cases.assess(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/cases/:id/plan',
    { schema: { tags, summary: 'Submit the service plan\'s goals for the supervisor\'s approval', params, body: S.PlanBody, response: { 200: CaseStep } } },
    async (request) => cases.submitPlan(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/cases/:id/sessions',
    { schema: { tags, summary: 'Record a session held with the client: day, minutes, note, progress per goal', params, body: S.SessionBody, response: { 200: CaseStep } } },
    async (request) => cases.recordSession(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/cases/:id/closing',
    { schema: { tags, summary: 'Ask to close: a result per goal, the outcome, and the reply the need\'s reporter will read', params, body: S.ClosingBody, response: { 200: CaseStep } } },
    async (request) => cases.requestClosing(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/cases/:id/review',
    { schema: { tags, summary: 'The supervisor approves or returns the plan or the closing (returning says why); an approved closing resolves the case\'s need', params, body: S.ReviewBody, response: { 200: CaseStep } } },
    async (request) => cases.review(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/cases/:id/transfer',
    { schema: { tags, summary: 'Hand the case to another worker of the organization, with a handover note', params, body: S.TransferBody, response: { 200: CaseStep } } },
    async (request) => cases.transfer(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/cases/:id/reopen',
    { schema: { tags, summary: 'Reopen a closed case for a new assessment, saying why', params, body: S.ReopenBody, response: { 200: CaseStep } } },
    async (request) => cases.reopen(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/cases/:id/consents',
    { schema: { tags, summary: 'Record what the client (a guardian, for a client under 18) agreed may be shared in referrals', params, body: S.ConsentBody, response: { 200: CaseStep } } },
    async (request) => referrals.recordConsent(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/cases/:id/consents/:consentId/withdraw',
    { schema: { tags, summary: 'Withdraw a consent: it covers no referral from now on', params: S.ConsentParams, response: { 200: CaseStep } } },
    async (request) => referrals.withdrawConsent(request.ctx, request.params.id, request.params.consentId),
  );
  app.post(
    '/cases/:id/referrals',
    { schema: { tags, summary: 'Refer the client to another organization or a department, sending only consented fields', params, body: S.ReferBody, response: { 200: CaseStep } } },
    async (request) => referrals.refer(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/referrals',
    { schema: { tags, summary: 'Referrals sent to the organizations the caller administers (without the shared fields)', response: { 200: S.ReceivedReferralList } } },
    async (request) => referrals.receivedReferrals(request.ctx),
  );
  app.get(
    '/referrals/:id',
    { schema: { tags, summary: 'A referral received: the consented fields sent and the reason, nothing else of the case (read audited)', params: S.ReferralParams, response: { 200: S.ReceivedReferral } } },
    async (request) => referrals.receivedReferral(request.ctx, request.params.id),
  );
  app.post(
    '/referrals/:id/answer',
    { schema: { tags, summary: 'Answer a referral (the receiving organization), or record a department\'s answer (the case\'s worker); the answer comes back into the case', params: S.ReferralParams, body: S.AnswerBody, response: { 200: Type.Object({ id: Type.String(), status: StringEnum(['accepted', 'declined'] as const) }) } } },
    async (request) => referrals.answerReferral(request.ctx, request.params.id, request.body),
  );
};
