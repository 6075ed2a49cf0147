import type { ModulePlugin } from '../../platform/http/module.ts';
import * as S from './calls.schemas.ts';
import * as service from './calls.service.ts';
import { getCallSettings, putCallSettings } from './calls.settings.ts';
import { elapse, ElapseBody } from './calls.time-controls.ts';

const tags = ['calls'];

export const callRoutes: ModulePlugin = async (app, opts) => {
  app.get(
    '/calls',
    { schema: { tags, summary: 'Calls (申报指南 / 公益创投 rounds): published ones for everyone, drafts for the offices that hold them; newest first', querystring: S.ListQuery, response: { 200: S.CallPage } } },
    async (request) => service.listCalls(request.ctx, request.query),
  );
  app.post(
    '/calls',
    { schema: { tags, summary: 'Draft a call (street office for its street, district office for the district). Rules default to the district\'s settings', body: S.CreateBody, response: { 201: S.CallDetail } } },
    async (request, reply) => reply.status(201).send(await service.createCall(request.ctx, request.body)),
  );
  app.get(
    '/calls/:id',
    { schema: { tags, summary: 'One call with its rules, offered projects, timeline and (for the issuing office) its panel', params: S.IdParams, response: { 200: S.CallDetail } } },
    async (request) => service.getCall(request.ctx, request.params.id),
  );
  app.patch(
    '/calls/:id',
    { schema: { tags, summary: 'Change a draft call: title, description, themes, deadline, publicity days, rules, offered projects', params: S.IdParams, body: S.UpdateBody, response: { 200: S.CallDetail } } },
    async (request) => service.updateCall(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/calls/:id/panel',
    { schema: { tags, summary: 'Add a reviewer of the call\'s area to its panel as an expert or a resident juror (draft or open call)', params: S.IdParams, body: S.PanelBody, response: { 200: S.CallDetail } } },
    async (request) => service.addPanelMember(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/calls/:id/panel-candidates',
    { schema: { tags, summary: 'Reviewers of the call\'s area not on its panel yet (issuing office)', params: S.IdParams, response: { 200: S.PanelCandidates } } },
    async (request) => service.listPanelCandidates(request.ctx, request.params.id),
  );
  app.delete(
    '/calls/:id/panel/:userId',
    { schema: { tags, summary: 'Remove a member from the panel (draft or open call)', params: S.PanelParams, response: { 200: S.CallDetail } } },
    async (request) => service.removePanelMember(request.ctx, request.params.id, request.params.userId),
  );
  app.post(
    '/calls/:id/transitions',
    { schema: { tags, summary: 'Open (publish: the rules freeze, the offered projects open), close after the deadline, or cancel with a reason', params: S.IdParams, body: S.TransitionBody, response: { 200: S.CallDetail } } },
    async (request) => service.transitionCall(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/call-settings',
    { schema: { tags, summary: 'The default rules new calls of the district start from, with their version', querystring: S.SettingsQuery, response: { 200: S.SettingsView } } },
    async (request) => getCallSettings(request.ctx, request.query.districtId),
  );
  app.put(
    '/call-settings',
    { schema: { tags, summary: 'Set a new version of the district\'s default call rules (district office); calls already drafted keep theirs', querystring: S.SettingsQuery, body: S.SettingsBody, response: { 200: S.SettingsView } } },
    async (request) => putCallSettings(request.ctx, request.query.districtId, request.body.rules),
  );
  if (opts.platform.config.testTimeControls) {
    app.post(
      '/testing/calls/:id/elapse',
      { schema: { tags, summary: 'Test servers only: the call\'s deadline or publicity ends now (issuing office)', params: S.IdParams, body: ElapseBody, response: { 200: S.CallDetail } } },
      async (request) => elapse(request.ctx, request.params.id, request.body),
    );
  }
};
