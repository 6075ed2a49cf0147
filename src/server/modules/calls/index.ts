import type { ModulePlugin } from '../../platform/http/module.ts';
import { callRoutes } from './calls.routes.ts';

export const callsModule: ModulePlugin = async (app, opts) => {
  await app.register(callRoutes, { platform: opts.platform });
};

export { callPolicy, type CallRecord } from './calls.policy.ts';
