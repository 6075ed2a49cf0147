import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, Uuid } from '../../platform/http/schema.ts';

const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 timestamp' });

export const AuditQuery = Type.Object(
  {
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    entityType: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    actorUserId: Type.Optional(Uuid),
    districtId: Type.Optional(Uuid),
    from: Type.Optional(Type.String({ ...Timestamp, description: 'records at or after this time' })),
    to: Type.Optional(Type.String({ ...Timestamp, description: 'records before this time' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditRecordView = Type.Object({
  id: Type.String(),
  districtId: Type.String({ description: 'the all-zero id for platform-wide events' }),
  at: Type.String(),
  actorUserId: Nullable(Type.String()),
  actorName: Type.String(),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.String(),
});
export type AuditRecordView = Static<typeof AuditRecordView>;

export const AuditPage = Page(AuditRecordView);
