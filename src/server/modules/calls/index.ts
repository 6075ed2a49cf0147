import type { ModulePlugin } from '../../platform/http/module.ts';
import { applicationRoutes } from './calls.applications.routes.ts';
import { callRoutes } from './calls.routes.ts';
import { publicityRoutes } from './calls.publicity.routes.ts';

export const callsModule: ModulePlugin = async (app, opts) => {
  await app.register(callRoutes, { platform: opts.platform });
  await app.register(applicationRoutes, { platform: opts.platform });
  await app.register(publicityRoutes, { platform: opts.platform });
};

export { applicationPolicy, callPolicy, type ApplicationRecord, type CallRecord } from './calls.policy.ts';
