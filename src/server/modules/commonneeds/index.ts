import type { ModulePlugin } from '../../platform/http/module.ts';
import { commonNeedRoutes } from './commonneeds.routes.ts';

export const commonNeedsModule: ModulePlugin = async (app, opts) => {
  await app.register(commonNeedRoutes, { platform: opts.platform });
};

export { commonNeedPolicy, type CommonNeedRecord } from './commonneeds.policy.ts';
