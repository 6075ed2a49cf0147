import type { ModulePlugin } from '../../platform/http/module.ts';
import { needRoutes } from './needs.routes.ts';

export const needsModule: ModulePlugin = async (app, opts) => {
  await app.register(needRoutes, { platform: opts.platform });
};

export { autoConfirm, escalateOverdue, startNeedJobs } from './needs.jobs.ts';
export { categoriesKey, categoryCodesOf, categoryNameIn, districtCategories, ensureDefaultCategories, inReaderLanguage } from './needs.categories.ts';
export { needPolicy, type NeedRecord } from './needs.policy.ts';
export { intakeNeeds, needsOfVisit, type IntakeNeed, type IntakePlace, type NeedSummary } from './needs.intake.ts';
export { createSystemNeed, findExternalNeeds, type ExternalNeedFilter, type ExternalNeedRow, type SystemNeedInput } from './needs.external.ts';
export { OPEN_STATES } from './needs.store.ts';
export { NEED_STATES, type NeedState } from './needs.lifecycle.ts';
export { transitionNeed } from './needs.transitions.ts';
export { assertPoolable, providePoolTargets, type PoolTarget } from './needs.pooling.ts';
export { activeCategory } from './needs.categories.ts';
export { countNeeds, type NeedCount } from './needs.counts.ts';
export { awaitingConfirmationBy } from './needs.store.ts';
export { provideNeedProjects, type NeedProject } from './needs.projects.ts';
export { resolveThroughProject } from './needs.delivery.ts';
export { needForCase, needRefNo, noteCaseOpened, resolveThroughCase, type CaseNeed } from './needs.cases.ts';
export { reportingHouseholds } from './needs.engagement.ts';
