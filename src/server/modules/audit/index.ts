import type { ModulePlugin } from '../../platform/http/module.ts';

export const auditModule: ModulePlugin = async () => {
  // routes are registered here
};
