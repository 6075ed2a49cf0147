import type { ModulePlugin } from '../../platform/http/module.ts';
import { provideProjectAwards } from '../projects/index.ts';
import { liveAwardOfProject } from './calls.store.ts';
import { applicationRoutes } from './calls.applications.routes.ts';
import { callRoutes } from './calls.routes.ts';
import { publicityRoutes } from './calls.publicity.routes.ts';

export const callsModule: ModulePlugin = async (app, opts) => {
  await app.register(callRoutes, { platform: opts.platform });
  await app.register(applicationRoutes, { platform: opts.platform });
  await app.register(publicityRoutes, { platform: opts.platform });
};

export { applicationPolicy, callPolicy, type ApplicationRecord, type CallRecord } from './calls.policy.ts';

// A project's contract rests on its award, kept in this module's tables.
provideProjectAwards(liveAwardOfProject);
