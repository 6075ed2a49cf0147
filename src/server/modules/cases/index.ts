import type { ModulePlugin } from '../../platform/http/module.ts';
import { provideCaseloads, provideRecordedWork } from '../workforce/index.ts';
import { casesRoutes } from './cases.routes.ts';
import { caseSessions, openCases } from './cases.worklog.ts';

export const casesModule: ModulePlugin = async (app, opts) => {
  await app.register(casesRoutes, { platform: opts.platform });
};

// A worker's case sessions fill the professional part of their work log.
provideRecordedWork({ recorded: caseSessions });
provideCaseloads(openCases);

export { casePolicy, type CaseRecord } from './cases.policy.ts';
