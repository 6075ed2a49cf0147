import type { ModulePlugin } from '../../platform/http/module.ts';

export const territoryModule: ModulePlugin = async () => {
  // routes are registered here
};
