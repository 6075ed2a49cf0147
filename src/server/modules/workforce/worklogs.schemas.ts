import { Type, type Static } from 'typebox';
import { ADMIN_TASK_STATUSES, ADMINISTRATIVE_CATEGORIES, WORK_CATEGORIES, WORK_ORIGINS } from '../../../common/worklogs.ts';
import { DateStr, Nullable, StringEnum, Uuid } from '../../platform/http/schema.ts';

const Category = StringEnum(WORK_CATEGORIES, {
  description: 'professional: casework, group_work, community_work, supervision_received, training; administrative: statistics_forms, inspection, meeting, campaign, other_admin',
});
const AdminCategory = StringEnum(ADMINISTRATIVE_CATEGORIES);
const Origin = StringEnum(WORK_ORIGINS, { description: 'who assigned administrative work: a community, a street office, the district, a department of the district' });
const Minutes = Type.Integer({ minimum: 1, maximum: 1440 });
const Share = Nullable(Type.Number({ description: 'professional minutes over all logged minutes, in per cent to one decimal; null when nothing is logged' }));
const Department = Type.String({ minLength: 1, maxLength: 50, description: 'the department of the district, in words (区民政局)' });

export const DayParams = Type.Object({ day: DateStr });
export const WorkerQuery = Type.Object({ socialWorkerId: Type.Optional(Type.String({ format: 'uuid', description: 'whose log; the caller\'s own when omitted' })) }, { additionalProperties: false });
export type WorkerQuery = Static<typeof WorkerQuery>;

/** Who assigned administrative work, as a worker may name it. */
export const OriginChoice = Type.Object({ origin: Origin, unitId: Uuid, name: Type.String() });
export type OriginChoice = Static<typeof OriginChoice>;

export const WorkEntryInput = Type.Object(
  {
    category: Category,
    minutes: Minutes,
    taskId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'an administrative task of the worker: its origin is the entry\'s' }))),
    origin: Type.Optional(Nullable(Origin)),
    originUnitId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'the community, street or district that assigned it (the district for a department)' }))),
    department: Type.Optional(Nullable(Department)),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type WorkEntryInput = Static<typeof WorkEntryInput>;

export const PutDayBody = Type.Object(
  {
    socialWorkerId: Type.Optional(Type.String({ format: 'uuid', description: 'whose log; the caller\'s own when omitted' })),
    entries: Type.Array(WorkEntryInput, { maxItems: 40, description: 'the whole day as logged by hand; replaces what was there' }),
  },
  { additionalProperties: false },
);
export type PutDayBody = Static<typeof PutDayBody>;

export const WorkEntry = Type.Object({
  id: Type.String(),
  category: Category,
  minutes: Type.Integer(),
  taskId: Nullable(Type.String()),
  taskTitle: Nullable(Type.String()),
  origin: Nullable(Origin),
  originUnitId: Nullable(Type.String()),
  originName: Nullable(Type.String()),
  note: Type.String(),
});
export type WorkEntry = Static<typeof WorkEntry>;

export const RecordedWorkView = Type.Object({
  category: Category,
  minutes: Type.Integer(),
  source: StringEnum(['case_session', 'activity_shift', 'supervision'] as const),
  label: Type.String(),
});

const WorkTotals = {
  professional: Type.Integer({ description: 'minutes, logged and recorded' }),
  administrative: Type.Integer({ description: 'minutes' }),
  share: Share,
};

export const AdminTaskView = Type.Object({
  id: Type.String(),
  socialWorkerId: Type.String(),
  workerName: Type.String(),
  communityId: Type.String(),
  communityName: Type.String(),
  origin: Origin,
  originUnitId: Type.String(),
  originName: Type.String({ description: 'the community, street or district by name, or the department' }),
  category: AdminCategory,
  title: Type.String(),
  expectedMinutes: Type.Integer(),
  loggedMinutes: Type.Integer(),
  dueOn: Nullable(Type.String()),
  listed: Type.Boolean({ description: 'whether it was assigned under a matter of the district\'s list (准入清单)' }),
  matterCode: Nullable(Type.String()),
  matterTitle: Nullable(Type.String()),
  status: StringEnum(ADMIN_TASK_STATUSES),
  assignedByName: Type.String(),
  createdAt: Type.String(),
  allowedActions: Type.Array(StringEnum(['complete', 'withdraw'] as const)),
});
export type AdminTaskView = Static<typeof AdminTaskView>;

export const WorkDay = Type.Object({
  socialWorkerId: Type.String(),
  name: Type.String(),
  day: Type.String(),
  recorded: Type.Array(RecordedWorkView, { description: 'case sessions and activity shifts already on record: the professional part filled in' }),
  entries: Type.Array(WorkEntry),
  tasks: Type.Array(AdminTaskView, { description: 'the worker\'s open tasks, to log time against' }),
  origins: Type.Array(OriginChoice, { description: 'who may have assigned administrative work to this worker' }),
  ...WorkTotals,
  editable: Type.Boolean({ description: 'whether the caller may change this day (their own, not in the future, within 31 days)' }),
});
export type WorkDay = Static<typeof WorkDay>;

export const SummaryQuery = Type.Object(
  {
    socialWorkerId: Type.Optional(Type.String({ format: 'uuid' })),
    from: DateStr,
    to: DateStr,
  },
  { additionalProperties: false },
);
export type SummaryQuery = Static<typeof SummaryQuery>;

export const WorkSummary = Type.Object({
  socialWorkerId: Type.String(),
  name: Type.String(),
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(Type.Object({ day: Type.String(), professional: Type.Integer(), administrative: Type.Integer() })),
  byCategory: Type.Array(Type.Object({ category: Category, minutes: Type.Integer() })),
  byOrigin: Type.Array(Type.Object({ origin: Origin, unitId: Type.String(), name: Type.String(), minutes: Type.Integer() })),
  ...WorkTotals,
  adminShareTarget: Type.Integer({ description: 'the district\'s target: administrative work above this share of logged time is too much' }),
});
export type WorkSummary = Static<typeof WorkSummary>;

export const TaskParams = Type.Object({ id: Uuid });

export const AssignTaskBody = Type.Object(
  {
    socialWorkerId: Uuid,
    communityId: Type.String({ format: 'uuid', description: 'the community the task is for: one the worker serves' }),
    title: Type.String({ minLength: 1, maxLength: 100 }),
    category: AdminCategory,
    expectedMinutes: Type.Integer({ minimum: 1, maximum: 6000 }),
    dueOn: Type.Optional(Nullable(DateStr)),
    matterCode: Nullable(Type.String({ maxLength: 30, description: 'the matter of the district\'s list it falls under; null: not on the list (the task is marked unlisted)' })),
    department: Type.Optional(Nullable(Department)),
  },
  { additionalProperties: false },
);
export type AssignTaskBody = Static<typeof AssignTaskBody>;

export const TaskListQuery = Type.Object(
  {
    socialWorkerId: Type.Optional(Uuid),
    communityId: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(ADMIN_TASK_STATUSES)),
  },
  { additionalProperties: false },
);
export type TaskListQuery = Static<typeof TaskListQuery>;
export const TaskList = Type.Object({ items: Type.Array(AdminTaskView) });

export const LoadQuery = Type.Object(
  {
    from: DateStr,
    to: DateStr,
    streetId: Type.Optional(Uuid),
    communityId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type LoadQuery = Static<typeof LoadQuery>;

export const AdminLoad = Type.Object({
  from: Type.String(),
  to: Type.String(),
  tasks: Type.Array(
    Type.Object({
      communityId: Type.String(),
      communityName: Type.String(),
      origin: Origin,
      originUnitId: Type.String(),
      originName: Type.String(),
      tasks: Type.Integer(),
      unlisted: Type.Integer({ description: 'tasks under no matter of the district\'s list' }),
      expectedMinutes: Type.Integer(),
      loggedMinutes: Type.Integer(),
    }),
    { description: 'tasks assigned in the period, per community reached and per origin' },
  ),
  hours: Type.Array(
    Type.Object({ origin: Origin, originUnitId: Type.String(), originName: Type.String(), minutes: Type.Integer(), workers: Type.Integer() }),
    { description: 'administrative minutes logged in the period, by who assigned them' },
  ),
});
export type AdminLoad = Static<typeof AdminLoad>;

export const SettingsQuery = Type.Object({ districtId: Type.Optional(Uuid) }, { additionalProperties: false });
export const Matter = Type.Object({ code: Type.String({ minLength: 1, maxLength: 30 }), title: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
const Targets = {
  adminShareTarget: Type.Integer({ minimum: 0, maximum: 100, description: 'per cent of logged time above which administrative work is too much' }),
  workersPer10kTarget: Type.Number({ minimum: 0, maximum: 1000, multipleOf: 0.1, description: 'social workers (full-time equivalents) per 10,000 residents a community should have' }),
  supervisionRatioTarget: Type.Integer({ minimum: 1, maximum: 100, description: 'one supervisor to this many social workers' }),
  ceHoursAssistant: Type.Integer({ minimum: 0, maximum: 1000, description: 'continuing-education hours per three-year cycle for assistant social workers' }),
  ceHoursOther: Type.Integer({ minimum: 0, maximum: 1000, description: 'the same for intermediate and senior social workers' }),
};
export const WorkforceSettings = Type.Object({
  districtId: Type.String(),
  admittedMatters: Type.Array(Matter),
  ...Targets,
  canUpdate: Type.Boolean(),
});
export type WorkforceSettings = Static<typeof WorkforceSettings>;
export const PutSettingsBody = Type.Object(
  {
    districtId: Uuid,
    admittedMatters: Type.Array(Matter, { maxItems: 300 }),
    adminShareTarget: Targets.adminShareTarget,
    workersPer10kTarget: Type.Optional(Targets.workersPer10kTarget),
    supervisionRatioTarget: Type.Optional(Targets.supervisionRatioTarget),
    ceHoursAssistant: Type.Optional(Targets.ceHoursAssistant),
    ceHoursOther: Type.Optional(Targets.ceHoursOther),
  },
  { additionalProperties: false },
);
export type PutSettingsBody = Static<typeof PutSettingsBody>;
