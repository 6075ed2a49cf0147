import type { ModulePlugin } from '../platform/http/module.ts';
import { accountsModule } from './accounts/index.ts';

/** Domain modules in registration order. */
export const modules: ModulePlugin[] = [accountsModule];
