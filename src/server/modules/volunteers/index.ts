import type { ModulePlugin } from '../../platform/http/module.ts';
import { volunteerRoutes } from './volunteers.routes.ts';

export const volunteersModule: ModulePlugin = async (app, opts) => {
  await app.register(volunteerRoutes, { platform: opts.platform });
};
export { volunteeringResidents } from './volunteers.engagement.ts';
