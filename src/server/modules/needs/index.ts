import type { ModulePlugin } from '../../platform/http/module.ts';
import { needRoutes } from './needs.routes.ts';

export const needsModule: ModulePlugin = async (app, opts) => {
  await app.register(needRoutes, { platform: opts.platform });
};

export { autoConfirm, escalateOverdue, startNeedJobs } from './needs.jobs.ts';
export { ensureDefaultCategories } from './needs.categories.ts';
export { needPolicy, type NeedRecord } from './needs.policy.ts';
