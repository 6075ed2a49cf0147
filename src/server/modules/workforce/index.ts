import type { ModulePlugin } from '../../platform/http/module.ts';

export const workforceModule: ModulePlugin = async () => {
  // routes are registered here
};
