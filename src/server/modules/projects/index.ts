import type { ModulePlugin } from '../../platform/http/module.ts';
import { groupChain } from '../commonneeds/index.ts';
import { provideNeedProjects } from '../needs/index.ts';
import { contractRoutes } from './projects.contracts.routes.ts';
import { deliveryRoutes } from './projects.delivery.routes.ts';
import { evaluationRoutes } from './projects.evaluations.routes.ts';
import { projectRoutes } from './projects.routes.ts';
import { projectOfGroups } from './projects.service.ts';

export const projectsModule: ModulePlugin = async (app, opts) => {
  await app.register(projectRoutes, { platform: opts.platform });
  await app.register(contractRoutes, { platform: opts.platform });
  await app.register(evaluationRoutes, { platform: opts.platform });
  await app.register(deliveryRoutes, { platform: opts.platform });
};

// A need's page tells its reporter which project answers it, through this module's tables.
provideNeedProjects(async (db, districtId, commonNeedId) => projectOfGroups(db, districtId, await groupChain(db, districtId, commonNeedId)));

export { projectPolicy, type ProjectRecord } from './projects.policy.ts';
export { PROJECT_TRANSITIONS } from './projects.lifecycle.ts';
export { callProjectsOf, failedProjectEndDates, moveOfferedProjects, offerableProject, type OfferableProject } from './projects.calls.ts';
export { provideProjectAwards, type ProjectAward } from './projects.awards.ts';
export { provideDeliveryFacts, type DateRange, type DeliveryFacts, type Threshold } from './projects.delivery.ts';
export { loadVisible as visibleProject } from './projects.service.ts';
export { CO_FUNDING_KINDS, COUNT_MEASURES, type CoFundingKind, type CountMeasure } from './projects.tables.ts';
