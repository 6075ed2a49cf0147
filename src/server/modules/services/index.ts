import type { ModulePlugin } from '../../platform/http/module.ts';
import { provideDeliveryFacts } from '../projects/index.ts';
import { reachedOn, totals } from './services.facts.ts';
import { provideRecordedWork } from '../workforce/index.ts';
import { servicesRoutes } from './services.routes.ts';
import { activityShifts } from './services.worklog.ts';

export const servicesModule: ModulePlugin = async (app, opts) => {
  await app.register(servicesRoutes, { platform: opts.platform });
};

// A project's actuals are counted from its activities, through this module's tables.
provideDeliveryFacts({ totals, reachedOn });
// The sessions a worker staffed fill the professional part of their work log.
provideRecordedWork({ recorded: activityShifts });

export { activityPolicy, participantPolicy, type ActivityRecord } from './services.policy.ts';
export { sessionDistrict, sessionsNeedingVolunteers, volunteerSessions, type VolunteerSession } from './services.volunteering.ts';
export { attendingHouseholds } from './services.engagement.ts';
export { publicSessions } from './services.ical.ts';
