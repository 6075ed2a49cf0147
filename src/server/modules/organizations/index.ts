import type { ModulePlugin } from '../../platform/http/module.ts';
import { creditRoutes } from './organizations.credit.routes.ts';
import { organizationRoutes } from './organizations.routes.ts';

export const organizationsModule: ModulePlugin = async (app, opts) => {
  await app.register(organizationRoutes, { platform: opts.platform });
  await app.register(creditRoutes, { platform: opts.platform });
};

export { organizationNames, servedCommunities } from './organizations.store.ts';
export { organizationPolicy, type OrganizationRecord } from './organizations.policy.ts';
export { ratingEnd, ratingStatus } from './organizations.rules.ts';
export { organizationStanding, organizationStandings } from './organizations.standing.ts';
export {
  evaluateEligibility,
  ELIGIBILITY_REASONS,
  ELIGIBILITY_RULES,
  type EligibilityAnswer,
  type EligibilityCheck,
  type EligibilityRules,
  type OrganizationStanding,
} from './organizations.eligibility.ts';
