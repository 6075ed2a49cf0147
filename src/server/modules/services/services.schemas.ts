import { Type, type Static } from 'typebox';
import { Nullable, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { ACTIVITY_METHODS, RECURRENCES } from './services.tables.ts';

const DateTime = Type.String({ format: 'date-time' });

export const ActivityParams = Type.Object({ id: Uuid });
export const SessionParams = Type.Object({ id: Uuid });
export const SessionResidentParams = Type.Object({ id: Uuid, residentId: Uuid });
export const CalendarParams = Type.Object({ id: Uuid });

export const CreateBody = Type.Object(
  {
    communityId: Uuid,
    /** The organizing organization; left out for the community's own activity. */
    organizationId: Type.Optional(Uuid),
    /** A project in delivery, contracted to the organization: its actuals count this activity. */
    projectId: Type.Optional(Uuid),
    title: Type.String({ minLength: 1, maxLength: 100 }),
    method: StringEnum(ACTIVITY_METHODS),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    /** A venue from the resources list; or a note of where, for a place that is not listed. */
    venueResourceId: Type.Optional(Uuid),
    venueNote: Type.Optional(Type.String({ maxLength: 200 })),
    capacity: Type.Integer({ minimum: 1, maximum: 10_000 }),
    audience: Type.Optional(Type.String({ maxLength: 200 })),
    volunteersNeeded: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
    recurrence: StringEnum(RECURRENCES),
    firstStartsAt: DateTime,
    durationMinutes: Type.Integer({ minimum: 15, maximum: 720 }),
    /** Sessions to hold: 1 for a one-off, up to 52 weekly or 12 monthly. */
    sessions: Type.Integer({ minimum: 1, maximum: 52 }),
    /** Social workers of the organization who staff it and sign attendance. */
    staffIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateBody = Static<typeof CreateBody>;

export const ListQuery = Type.Object(
  {
    projectId: Type.Optional(Uuid),
    communityId: Type.Optional(Uuid),
    organizationId: Type.Optional(Uuid),
    /** Only activities the caller staffs. */
    staffedByMe: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ListQuery = Static<typeof ListQuery>;

export const VenueQuery = Type.Object({ communityId: Uuid }, { additionalProperties: false });
export const VenueList = Type.Object({ items: Type.Array(Type.Object({ id: Uuid, name: Type.String(), capacity: Nullable(Type.Integer()) })) });

export const CancelBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });

const Session = Type.Object({
  id: Uuid,
  seq: Type.Integer(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  cancelled: Type.Boolean(),
  registered: Type.Integer(),
  attended: Type.Integer(),
  ratings: Type.Integer(),
  averageRating: Nullable(Type.Number()),
  /** Shown only to those who sign attendance (to put up at the venue). */
  checkinCode: Nullable(Type.String()),
});

export const ActivityView = Type.Object({
  id: Uuid,
  title: Type.String(),
  method: StringEnum(ACTIVITY_METHODS),
  communityId: Uuid,
  communityName: Type.String(),
  organizationId: Nullable(Uuid),
  organizationName: Nullable(Type.String()),
  projectId: Nullable(Uuid),
  venueName: Nullable(Type.String()),
  venueNote: Type.String(),
  capacity: Type.Integer(),
  recurrence: StringEnum(RECURRENCES),
  status: StringEnum(['published', 'cancelled'] as const),
  sessionCount: Type.Integer(),
  /** The next session not yet over, if any. */
  nextStartsAt: Nullable(Type.String()),
});
export type ActivityView = Static<typeof ActivityView>;

export const ActivityDetail = Type.Intersect([
  ActivityView,
  Type.Object({
    description: Type.String(),
    audience: Type.String(),
    volunteersNeeded: Type.Integer(),
    staff: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
    sessions: Type.Array(Session),
    allowedActions: Type.Array(Type.String()),
  }),
]);
export type ActivityDetail = Static<typeof ActivityDetail>;

export const ActivityList = Type.Object({ items: Type.Array(ActivityView) });

export const Roster = Type.Object({
  sessionId: Uuid,
  activityId: Uuid,
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  capacity: Type.Integer(),
  /** Only for those who sign attendance. */
  checkinCode: Nullable(Type.String()),
  entries: Type.Array(
    Type.Object({
      residentId: Uuid,
      name: Type.String(),
      registeredAt: Type.String(),
      attendedAt: Nullable(Type.String()),
      method: Nullable(StringEnum(['staff', 'code'] as const)),
      rated: Type.Boolean(),
    }),
  ),
});
export type Roster = Static<typeof Roster>;

export const AttendanceBody = Type.Object({ residentId: Uuid }, { additionalProperties: false });
export const RegisterBody = Type.Object({ residentId: Uuid }, { additionalProperties: false });
export const CheckInBody = Type.Object({ residentId: Uuid, code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false });
export const FeedbackBody = Type.Object(
  { residentId: Uuid, rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type FeedbackBody = Static<typeof FeedbackBody>;

/** What a resident's household does with a session: per member. */
const MemberState = Type.Object({ residentId: Uuid, registered: Type.Boolean(), attended: Type.Boolean(), rated: Type.Boolean() });

export const MySession = Type.Object({
  sessionId: Uuid,
  activityId: Uuid,
  title: Type.String(),
  method: StringEnum(ACTIVITY_METHODS),
  description: Type.String(),
  communityName: Type.String(),
  organizationName: Nullable(Type.String()),
  venueName: Nullable(Type.String()),
  venueNote: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  capacity: Type.Integer(),
  registered: Type.Integer(),
  /** In the resident's own community (listed first). */
  nearest: Type.Boolean(),
  members: Type.Array(MemberState),
});
export type MySession = Static<typeof MySession>;

export const MyActivities = Type.Object({
  members: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  /** Sessions of the coming 30 days in the resident's street, their own community first. */
  upcoming: Type.Array(MySession),
  /** Sessions of the last 30 days a member attended: where they can rate. */
  attended: Type.Array(MySession),
});
export type MyActivities = Static<typeof MyActivities>;
