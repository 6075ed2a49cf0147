import type { ModulePlugin } from '../../platform/http/module.ts';

export const organizationsModule: ModulePlugin = async () => {
  // routes are registered here
};
