import type { ModulePlugin } from '../platform/http/module.ts';
import { accountsModule } from './accounts/index.ts';
import { auditModule } from './audit/index.ts';
import { needsModule } from './needs/index.ts';
import { open311Module } from './open311/index.ts';
import { commonNeedsModule } from './commonneeds/index.ts';
import { resourcesModule } from './resources/index.ts';
import { webhooksModule } from './webhooks/index.ts';
import { organizationsModule } from './organizations/index.ts';
import { territoryModule } from './territory/index.ts';
import { workforceModule } from './workforce/index.ts';
import { visitsModule } from './visits/index.ts';
import { workbenchModule } from './workbench/index.ts';
import { projectsModule } from './projects/index.ts';
import { callsModule } from './calls/index.ts';
import { servicesModule } from './services/index.ts';
import { casesModule } from './cases/index.ts';
import { volunteersModule } from './volunteers/index.ts';
import { participationModule } from './participation/index.ts';

/** Domain modules in registration order. */
export const modules: ModulePlugin[] = [accountsModule, territoryModule, organizationsModule, workforceModule, needsModule, commonNeedsModule, resourcesModule, projectsModule, callsModule, servicesModule, casesModule, volunteersModule, participationModule, webhooksModule, open311Module, visitsModule, workbenchModule, auditModule];
