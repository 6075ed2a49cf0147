import type { ModulePlugin } from '../../platform/http/module.ts';
import { socialWorkerRoutes } from './workforce.routes.ts';
import { supervisionRoutes } from './supervision.routes.ts';
import { supervisionReceived } from './supervision.service.ts';
import { provideRecordedWork } from './worklogs.facts.ts';
import { worklogRoutes } from './worklogs.routes.ts';

// Supervision received fills the supervisee's work log.
provideRecordedWork({ recorded: supervisionReceived });

export const workforceModule: ModulePlugin = async (app, opts) => {
  await app.register(socialWorkerRoutes, { platform: opts.platform });
  await app.register(worklogRoutes, { platform: opts.platform });
  await app.register(supervisionRoutes, { platform: opts.platform });
};

export { socialWorkerPolicy, type SocialWorkerRecord } from './workforce.policy.ts';
export { caseWorkers, districtStaff, organizationStaff, socialWorkerLinks, teamMembers, workersOfUser, type CaseWorker, type TeamMember } from './workforce.teams.ts';
export { tiesOf, type UserTies } from './workforce.ties.ts';
export { provideCaseloads, provideRecordedWork, type RecordedWork } from './worklogs.facts.ts';
