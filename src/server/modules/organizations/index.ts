import type { ModulePlugin } from '../../platform/http/module.ts';
import { organizationRoutes } from './organizations.routes.ts';

export const organizationsModule: ModulePlugin = async (app, opts) => {
  await app.register(organizationRoutes, { platform: opts.platform });
};

export { organizationNames, servedCommunities } from './organizations.store.ts';
export { organizationPolicy, type OrganizationRecord } from './organizations.policy.ts';
export { ratingEnd, ratingStatus } from './organizations.rules.ts';
