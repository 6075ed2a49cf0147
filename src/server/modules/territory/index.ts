import type { ModulePlugin } from '../../platform/http/module.ts';
import { householdsRoutes } from './households.routes.ts';
import { importRoutes } from './import.routes.ts';
import { residentsRoutes } from './residents.routes.ts';
import { structureRoutes } from './structure.routes.ts';
import './territory.errors.ts';

export { describeScopes, districtOfScope } from './territory.scopes.ts';
export { residentPolicy } from './resident.policy.ts';
export { communityServicePhone, gridLabels, publicPlace } from './structure.store.ts';
export { visibleUnit, type UnitKind, type UnitPlace } from './territory.refs.ts';
export { ageOn } from './resident.fields.ts';
export { communitiesIn, communityNames, communityPlaces, gridsOfHouseholds, householdMembers, householdPlaces, householdsOfResidents, householdsPerGrid, residentCounts, residentForReferral, residentNames, residentPlace } from './territory.people.ts';

export const territoryModule: ModulePlugin = async (app, opts) => {
  await app.register(structureRoutes, { platform: opts.platform });
  await app.register(householdsRoutes, { platform: opts.platform });
  await app.register(residentsRoutes, { platform: opts.platform });
  await app.register(importRoutes, { platform: opts.platform });
};
