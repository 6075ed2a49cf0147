import type { ModulePlugin } from '../../platform/http/module.ts';
import { resourceRoutes } from './resources.routes.ts';

export const resourcesModule: ModulePlugin = async (app, opts) => {
  await app.register(resourceRoutes, { platform: opts.platform });
};

export { resourcePolicy, type ResourceRecord } from './resources.policy.ts';
export { isAvailableAt, matchResources, shanghaiParts, type Match, type MatchableResource, type MatchQuery } from './resources.matching.ts';
export { RESOURCE_KINDS, type ResourceKind } from './resources.tables.ts';
export { getResource as visibleResource } from './resources.service.ts';
export { resourcesById, venuesAt } from './resources.store.ts';
