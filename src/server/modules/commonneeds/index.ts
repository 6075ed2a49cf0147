import type { ModulePlugin } from '../../platform/http/module.ts';
import { providePoolTargets } from '../needs/index.ts';
import { commonNeedRoutes } from './commonneeds.routes.ts';
import { loadVisible, targetOf } from './commonneeds.service.ts';

export const commonNeedsModule: ModulePlugin = async (app, opts) => {
  await app.register(commonNeedRoutes, { platform: opts.platform });
};

// A `commonNeedId` in a need's transition body is found through this module's read path.
providePoolTargets(async (ctx, id) => targetOf((await loadVisible(ctx, id)).row));

export { commonNeedPolicy, type CommonNeedRecord } from './commonneeds.policy.ts';
