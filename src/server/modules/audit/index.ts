import type { ModulePlugin } from '../../platform/http/module.ts';
import { auditRoutes } from './audit.routes.ts';

export const auditModule: ModulePlugin = async (app, opts) => {
  await app.register(auditRoutes, { platform: opts.platform });
};
