import type { PlatformTables } from './platform/db/platform.tables.ts';
import type { NeedsTables } from './modules/needs/needs.tables.ts';
import type { CommonNeedsTables } from './modules/commonneeds/commonneeds.tables.ts';
import type { Open311Tables } from './modules/open311/open311.tables.ts';
import type { ResourcesTables } from './modules/resources/resources.tables.ts';
import type { WebhookTables } from './platform/webhooks/webhooks.tables.ts';
import type { OrganizationsTables } from './modules/organizations/organizations.tables.ts';
import type { TerritoryTables } from './modules/territory/territory.tables.ts';
import type { WorkforceTables } from './modules/workforce/workforce.tables.ts';
import type { VisitsTables } from './modules/visits/visits.tables.ts';
import type { ProjectsTables } from './modules/projects/projects.tables.ts';
import type { CallsTables } from './modules/calls/calls.tables.ts';
import type { ServicesTables } from './modules/services/services.tables.ts';
import type { CasesTables } from './modules/cases/cases.tables.ts';
import type { VolunteersTables } from './modules/volunteers/volunteers.tables.ts';
import type { ParticipationTables } from './modules/participation/participation.tables.ts';

/** The whole database as Kysely sees it: each module declares its own tables. */
export type DB = PlatformTables & TerritoryTables & OrganizationsTables & WorkforceTables & NeedsTables & CommonNeedsTables & ResourcesTables & WebhookTables & Open311Tables & VisitsTables & ProjectsTables & CallsTables & ServicesTables & CasesTables & VolunteersTables & ParticipationTables;
