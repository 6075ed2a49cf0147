import { Type } from 'typebox';
import type { ModulePlugin } from '../../platform/http/module.ts';
import * as tasks from './admin-tasks.service.ts';
import * as settings from './workforce-settings.service.ts';
import * as S from './worklogs.schemas.ts';
import * as logs from './worklogs.service.ts';

const tags = ['workforce'];
const TaskAction = Type.Object({}, { additionalProperties: false });

export const worklogRoutes: ModulePlugin = async (app) => {
  app.get(
    '/work-days/:day',
    { schema: { tags, summary: 'A social worker\'s day: minutes logged by category (administrative ones with who assigned them), the case sessions and activity shifts already recorded, the open tasks; the caller\'s own unless a worker they supervise or employ is named', params: S.DayParams, querystring: S.WorkerQuery, response: { 200: S.WorkDay } } },
    async (request) => logs.getDay(request.ctx, request.params.day, request.query.socialWorkerId),
  );
  app.put(
    '/work-days/:day',
    { schema: { tags, summary: 'Log the day: the entries replace what was logged by hand (the worker alone, up to 31 days back)', params: S.DayParams, body: S.PutDayBody, response: { 200: S.WorkDay } } },
    async (request) => logs.putDay(request.ctx, request.params.day, request.body),
  );
  app.get(
    '/work-summary',
    { schema: { tags, summary: 'A social worker\'s week or month: professional and administrative minutes per day, by category and by who assigned them, and the professional share', querystring: S.SummaryQuery, response: { 200: S.WorkSummary } } },
    async (request) => logs.getSummary(request.ctx, request.query),
  );
  app.post(
    '/admin-tasks',
    { schema: { tags, summary: 'Assign administrative work to a social worker for a community they serve (community staff, the street, the district or on a department\'s behalf); a task under no matter of the district\'s list is marked unlisted', body: S.AssignTaskBody, response: { 201: S.AdminTaskView } } },
    async (request, reply) => reply.status(201).send(await tasks.assignTask(request.ctx, request.body)),
  );
  app.get(
    '/admin-tasks',
    { schema: { tags, summary: 'Administrative tasks the caller may see: assigned in their place, given to them, to their supervisees or to their organization\'s workers', querystring: S.TaskListQuery, response: { 200: S.TaskList } } },
    async (request) => tasks.listTasks(request.ctx, request.query),
  );
  app.get(
    '/admin-tasks/:id',
    { schema: { tags, summary: 'One administrative task', params: S.TaskParams, response: { 200: S.AdminTaskView } } },
    async (request) => tasks.getTask(request.ctx, request.params.id),
  );
  app.post(
    '/admin-tasks/:id/complete',
    { schema: { tags, summary: 'The worker marks the task done', params: S.TaskParams, body: TaskAction, response: { 200: S.AdminTaskView } } },
    async (request) => tasks.closeTask(request.ctx, request.params.id, 'complete'),
  );
  app.post(
    '/admin-tasks/:id/withdraw',
    { schema: { tags, summary: 'An assigner of the task\'s place withdraws it; time logged against it stays', params: S.TaskParams, body: TaskAction, response: { 200: S.AdminTaskView } } },
    async (request) => tasks.closeTask(request.ctx, request.params.id, 'withdraw'),
  );
  app.get(
    '/admin-load',
    { schema: { tags, summary: 'Administrative load over a period in the caller\'s communities, street or district: tasks per community and origin (unlisted apart), and administrative hours by who assigned them', querystring: S.LoadQuery, response: { 200: S.AdminLoad } } },
    async (request) => tasks.adminLoad(request.ctx, request.query),
  );
  app.get(
    '/workforce-settings',
    { schema: { tags, summary: 'The district\'s list of matters that may be assigned to communities (准入清单) and its administrative-share target', querystring: S.SettingsQuery, response: { 200: S.WorkforceSettings } } },
    async (request) => settings.getSettings(request.ctx, request.query.districtId),
  );
  app.put(
    '/workforce-settings',
    { schema: { tags, summary: 'Set the district\'s list of admitted matters and its target (district officers)', body: S.PutSettingsBody, response: { 200: S.WorkforceSettings } } },
    async (request) => settings.putSettings(request.ctx, request.body),
  );
};
