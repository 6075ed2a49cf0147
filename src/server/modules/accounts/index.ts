import type { ModulePlugin } from '../../platform/http/module.ts';
import { authRoutes } from './auth.routes.ts';
import { usersRoutes } from './users.routes.ts';

export const accountsModule: ModulePlugin = async (app, opts) => {
  await app.register(authRoutes, { platform: opts.platform });
  await app.register(usersRoutes, { platform: opts.platform });
};

export { visibleUser } from './users.service.ts';
export { accountOfResident, organizationsOfUsers, organizationsWithRole, residentOfUser, userDisplayNames, userLabels, usersByUsername, usersWithOrganizationRole } from './users.store.ts';
