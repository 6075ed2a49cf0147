import type { ModulePlugin } from '../../platform/http/module.ts';
import { socialWorkerRoutes } from './workforce.routes.ts';

export const workforceModule: ModulePlugin = async (app, opts) => {
  await app.register(socialWorkerRoutes, { platform: opts.platform });
};

export { socialWorkerPolicy, type SocialWorkerRecord } from './workforce.policy.ts';
export { districtStaff, organizationStaff, socialWorkerLinks, teamMembers, type TeamMember } from './workforce.teams.ts';
export { tiesOf, type UserTies } from './workforce.ties.ts';
