import type { ModulePlugin } from '../../platform/http/module.ts';
import { webhookRoutes } from './webhooks.routes.ts';

export const webhooksModule: ModulePlugin = async (app, opts) => {
  await app.register(webhookRoutes, { platform: opts.platform });
};

export { webhookPolicy } from './webhooks.policy.ts';
