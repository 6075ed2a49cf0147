import type { ModulePlugin } from '../../platform/http/module.ts';
import { participationRoutes } from './participation.routes.ts';

export const participationModule: ModulePlugin = async (app, opts) => {
  await app.register(participationRoutes, { platform: opts.platform });
};

export { countDueRounds } from './budget.service.ts';
