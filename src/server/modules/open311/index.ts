import type { ModulePlugin } from '../../platform/http/module.ts';
import { geoReportRoutes, open311ClientRoutes } from './open311.routes.ts';

/** Key management under /api/v1 (with the other modules). */
export const open311Module: ModulePlugin = async (app, opts) => {
  await app.register(open311ClientRoutes, { platform: opts.platform });
};

/** The GeoReport v2 interface itself, registered by the app at /open311/v2. */
export const open311GeoReport: ModulePlugin = async (app, opts) => {
  await app.register(geoReportRoutes, { platform: opts.platform });
};

export { open311ClientPolicy } from './open311.policy.ts';
