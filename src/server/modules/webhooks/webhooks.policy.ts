import { definePolicy } from '../../platform/authz/policy.ts';

export const WEBHOOK_ACTIONS = ['read', 'create', 'update', 'delete', 'test'] as const;
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number];

export interface WebhookRecord {
  districtId: string;
}

const MANAGERS = ['platform_admin', 'district_officer'] as const;

/** Webhooks send district data to outside systems, so only the district itself manages them. */
export const webhookPolicy = definePolicy<WebhookRecord, WebhookAction>(
  'webhooks.subscription',
  (w) => ({ districtId: w.districtId }),
  { read: MANAGERS, create: MANAGERS, update: MANAGERS, delete: MANAGERS, test: MANAGERS },
);
