import type { ModulePlugin } from '../../platform/http/module.ts';
import { workbenchRoutes } from './workbench.routes.ts';

export const workbenchModule: ModulePlugin = async (app, opts) => {
  await app.register(workbenchRoutes, { platform: opts.platform });
};
