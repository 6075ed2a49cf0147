import type { Generated } from 'kysely';
import type { Json, Timestamp, TimestampDefault } from '../db/platform.tables.ts';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookSubscriptionsTable {
  district_id: string;
  id: string;
  url: string;
  secret_cipher: Buffer;
  event_types: string[];
  description: Generated<string>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface WebhookDeliveriesTable {
  district_id: string;
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  payload: Json;
  attempts: Generated<number>;
  next_attempt_at: TimestampDefault;
  status: Generated<DeliveryStatus>;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface WebhookAttemptsTable {
  district_id: string;
  id: string;
  delivery_id: string;
  attempt: number;
  attempted_at: Timestamp;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
