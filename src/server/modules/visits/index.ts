import type { ModulePlugin } from '../../platform/http/module.ts';
import './visits.errors.ts';
import { visitRoutes } from './visits.routes.ts';

export const visitsModule: ModulePlugin = async (app, opts) => {
  await app.register(visitRoutes, { platform: opts.platform });
};

export { visitPolicy, type VisitPlace } from './visits.policy.ts';
export { careVisitsDue } from './visits.coverage.ts';
