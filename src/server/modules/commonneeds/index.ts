import type { ModulePlugin } from '../../platform/http/module.ts';
import { providePoolTargets } from '../needs/index.ts';
import { commonNeedRoutes } from './commonneeds.routes.ts';
import { commonNeedPolicy } from './commonneeds.policy.ts';
import { loadVisible, recordOf, targetOf } from './commonneeds.service.ts';

export const commonNeedsModule: ModulePlugin = async (app, opts) => {
  await app.register(commonNeedRoutes, { platform: opts.platform });
};

// A `commonNeedId` in a need's transition body is found through this module's read path.
providePoolTargets(async (ctx, id) => {
  const { actor, row } = await loadVisible(ctx, id);
  return { ...targetOf(row), mayPool: commonNeedPolicy.can(actor, 'pool', recordOf(row)) };
});

export { commonNeedPolicy, type CommonNeedRecord } from './commonneeds.policy.ts';
export { answeredNeeds, changeableCommonNeed, groupChain, markProjected, originsById, visibleOrigin, type Origin } from './commonneeds.projects.ts';
export { createCommonNeed, updateCommonNeed } from './commonneeds.service.ts';
