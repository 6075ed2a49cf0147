import { Type, type Static } from 'typebox';
import { Nullable, Page, PageQuery, StringEnum, Uuid } from '../../platform/http/schema.ts';
import { WEBHOOK_ACTIONS } from './webhooks.policy.ts';

const EventType = Type.String({
  pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$',
  maxLength: 100,
  description: 'event type such as need.created',
});
const fields = {
  url: Type.String({ minLength: 1, maxLength: 2000, description: 'http(s) address that receives POST requests' }),
  events: Type.Array(EventType, { minItems: 1, maxItems: 50 }),
  description: Type.String({ maxLength: 200 }),
};

export const CreateWebhookBody = Type.Object(
  { districtId: Uuid, url: fields.url, events: fields.events, description: Type.Optional(fields.description) },
  { additionalProperties: false },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(fields.url),
    events: Type.Optional(fields.events),
    description: Type.Optional(fields.description),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>;

export const WebhookListQuery = Type.Object(
  { districtId: Type.Optional(Uuid), active: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);
export type WebhookListQuery = Static<typeof WebhookListQuery>;

export const WebhookView = Type.Object({
  id: Type.String(),
  districtId: Type.String(),
  url: Type.String(),
  events: Type.Array(Type.String()),
  description: Type.String(),
  active: Type.Boolean(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  allowedActions: Type.Array(StringEnum(WEBHOOK_ACTIONS)),
});
export type WebhookView = Static<typeof WebhookView>;
export const WebhookPage = Page(WebhookView);

export const CreatedWebhookView = Type.Object({
  ...WebhookView.properties,
  secret: Type.String({ description: 'signing secret; shown only in this answer' }),
});

const DeliveryStatus = StringEnum(['pending', 'delivered', 'failed'] as const);

export const DeliveryView = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  payload: Type.Unknown(),
  status: DeliveryStatus,
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String()),
  lastStatusCode: Nullable(Type.Integer()),
  lastError: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  attemptLog: Type.Array(
    Type.Object({
      attempt: Type.Integer(),
      attemptedAt: Type.String(),
      statusCode: Nullable(Type.Integer()),
      error: Nullable(Type.String()),
      durationMs: Type.Integer(),
    }),
  ),
});
export type DeliveryView = Static<typeof DeliveryView>;
export const DeliveryPage = Page(DeliveryView);

export const DeliveryListQuery = Type.Object({ status: Type.Optional(DeliveryStatus), ...PageQuery }, { additionalProperties: false });
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;

export const IdParams = Type.Object({ id: Uuid });
