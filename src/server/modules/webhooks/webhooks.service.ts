import type { Selectable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { referenceChanged } from '../../platform/cache/reference-cache.ts';
import { AppError, invalid, referenced, type FieldError } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import { DestinationError, resolveDestination } from '../../platform/webhooks/destination.ts';
import { deliverDue, enqueueForSubscription, newWebhookSecret, subscriptionsKey } from '../../platform/webhooks/webhooks.ts';
import type { WebhookDeliveriesTable, WebhookSubscriptionsTable } from '../../platform/webhooks/webhooks.tables.ts';
import { visibleUnit } from '../territory/index.ts';
import './webhooks.errors.ts';
import { webhookPolicy } from './webhooks.policy.ts';
import type {
  CreateWebhookBody,
  DeliveryListQuery,
  DeliveryView,
  UpdateWebhookBody,
  WebhookListQuery,
  WebhookView,
} from './webhooks.schemas.ts';

type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;
const COLUMNS = ['district_id', 'id', 'url', 'event_types', 'description', 'active', 'created_by', 'created_at', 'updated_at'] as const;
type SubscriptionView = Omit<SubscriptionRow, 'secret_cipher'>;

function present(actor: Actor, row: SubscriptionView): WebhookView {
  return {
    id: row.id,
    districtId: row.district_id,
    url: row.url,
    events: row.event_types,
    description: row.description,
    active: row.active,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    allowedActions: webhookPolicy.allowedActions(actor, { districtId: row.district_id }).filter((a) => a !== 'create'),
  };
}

/** The audited state: never the secret. */
const auditView = (s: { url: string; events: string[]; description: string; active: boolean }) => ({
  url: s.url,
  events: s.events,
  description: s.description,
  active: s.active,
});

/**
 * A URL must be http(s) without credentials, and unless the deployment allows private
 * receivers its name must resolve, to public addresses only (checked again at every delivery).
 */
async function checkUrl(ctx: RequestContext, raw: string, errors: FieldError[]): Promise<string> {
  const text = raw.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    errors.push({ field: 'url', code: 'webhook.url_invalid' });
    return text;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password) {
    errors.push({ field: 'url', code: 'webhook.url_scheme' });
  } else if (!ctx.config.webhookPrivateTargets) {
    try {
      await resolveDestination(url, { lookup: ctx.lookup });
    } catch (err) {
      if (!(err instanceof DestinationError)) throw err;
      errors.push({ field: 'url', code: err.reason === 'private' ? 'webhook.url_private' : 'webhook.url_unresolved' });
    }
  }
  return url.toString();
}

async function loadVisible(ctx: RequestContext, actor: Actor, id: string): Promise<SubscriptionView> {
  const row = await ctx.db.selectFrom('webhook_subscriptions').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row || !webhookPolicy.can(actor, 'read', { districtId: row.district_id })) throw new AppError('resource.not_found');
  return row;
}

export async function listWebhooks(ctx: RequestContext, query: WebhookListQuery) {
  const actor = requireActor(ctx);
  const grants = webhookPolicy.grants(actor, 'read');
  if (grants.length === 0) throw new AppError('access.forbidden');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['uuid']);
  let q = ctx.db
    .selectFrom('webhook_subscriptions')
    .select(COLUMNS)
    .where(scopeCondition(grants, { district: 'district_id' }));
  if (query.districtId) q = q.where('district_id', '=', query.districtId);
  if (query.active !== undefined) q = q.where('active', '=', query.active);
  if (after) q = q.where('id', '<', after[0]);
  const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.id]);
  return { items: page.items.map((r) => present(actor, r)), nextCursor: page.nextCursor };
}

export async function getWebhook(ctx: RequestContext, id: string): Promise<WebhookView> {
  const actor = requireActor(ctx);
  return present(actor, await loadVisible(ctx, actor, id));
}

export async function createWebhook(ctx: RequestContext, input: CreateWebhookBody): Promise<WebhookView & { secret: string }> {
  const actor = requireActor(ctx);
  if (webhookPolicy.grants(actor, 'create').length === 0) throw new AppError('access.forbidden');
  const errors: FieldError[] = [];
  const url = await checkUrl(ctx, input.url, errors);
  await referenced('districtId', () => visibleUnit(ctx, 'district', input.districtId));
  if (errors.length) throw invalid(...errors);
  webhookPolicy.authorize(actor, 'create', { districtId: input.districtId });

  const secret = newWebhookSecret();
  const id = newId();
  const events = [...new Set(input.events)];
  const description = input.description?.trim() ?? '';
  const row = await command(ctx, async ({ trx, audit }) => {
    const inserted = await trx
      .insertInto('webhook_subscriptions')
      .values({
        district_id: input.districtId,
        id,
        url,
        secret_cipher: ctx.pii.encrypt(secret),
        event_types: events,
        description,
        created_by: actor.userId,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await referenceChanged(ctx, trx, subscriptionsKey(input.districtId));
    await audit({
      action: 'webhook.create',
      entityType: 'webhook',
      entityId: id,
      districtId: input.districtId,
      after: auditView({ url, events, description, active: true }),
    });
    return inserted;
  });
  return { ...present(actor, row), secret };
}

export async function updateWebhook(ctx: RequestContext, id: string, input: UpdateWebhookBody): Promise<WebhookView> {
  const actor = requireActor(ctx);
  const current = await loadVisible(ctx, actor, id);
  webhookPolicy.authorize(actor, 'update', { districtId: current.district_id });
  const errors: FieldError[] = [];
  const url = input.url === undefined ? current.url : await checkUrl(ctx, input.url, errors);
  if (errors.length) throw invalid(...errors);
  const before = auditView({ ...current, events: current.event_types });
  const next = {
    url,
    events: input.events ? [...new Set(input.events)] : current.event_types,
    description: input.description?.trim() ?? current.description,
    active: input.active ?? current.active,
  };
  return present(actor, await save(ctx, current, before, next, 'webhook.update'));
}

/** Deleting keeps the row and its delivery log; the webhook only stops receiving events. */
export async function deactivateWebhook(ctx: RequestContext, id: string): Promise<WebhookView> {
  const actor = requireActor(ctx);
  const current = await loadVisible(ctx, actor, id);
  webhookPolicy.authorize(actor, 'delete', { districtId: current.district_id });
  const before = auditView({ ...current, events: current.event_types });
  return present(actor, await save(ctx, current, before, { ...before, active: false }, 'webhook.deactivate'));
}

async function save(
  ctx: RequestContext,
  current: SubscriptionView,
  before: ReturnType<typeof auditView>,
  next: ReturnType<typeof auditView>,
  action: string,
): Promise<SubscriptionView> {
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
  if (changed.length === 0) return current;
  return command(ctx, async ({ trx, audit }) => {
    const row = await trx
      .updateTable('webhook_subscriptions')
      .set({ url: next.url, event_types: next.events, description: next.description, active: next.active, updated_at: new Date() })
      .where('district_id', '=', current.district_id)
      .where('id', '=', current.id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await referenceChanged(ctx, trx, subscriptionsKey(current.district_id));
    const pick = (s: typeof next) => Object.fromEntries(changed.map((k) => [k, s[k]]));
    await audit({ action, entityType: 'webhook', entityId: current.id, districtId: current.district_id, before: pick(before), after: pick(next) });
    return row;
  });
}

export async function listDeliveries(ctx: RequestContext, id: string, query: DeliveryListQuery) {
  const actor = requireActor(ctx);
  const sub = await loadVisible(ctx, actor, id);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['uuid']);
  let q = ctx.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('district_id', '=', sub.district_id)
    .where('subscription_id', '=', sub.id);
  if (query.status) q = q.where('status', '=', query.status);
  if (after) q = q.where('id', '<', after[0]);
  const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.id]);
  return { items: await deliveryViews(ctx, sub.district_id, page.items), nextCursor: page.nextCursor };
}

async function deliveryViews(
  ctx: RequestContext,
  districtId: string,
  rows: Selectable<WebhookDeliveriesTable>[],
): Promise<DeliveryView[]> {
  const attempts = rows.length
    ? await ctx.db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('delivery_id', 'in', rows.map((r) => r.id))
        .orderBy('attempt')
        .execute()
    : [];
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    payload: r.payload,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    deliveredAt: iso(r.delivered_at),
    createdAt: iso(r.created_at)!,
    attemptLog: attempts
      .filter((a) => a.delivery_id === r.id)
      .map((a) => ({
        attempt: a.attempt,
        attemptedAt: iso(a.attempted_at)!,
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
      })),
  }));
}

/** Sends a `ping` now and answers with the outcome, so an integrator sees at once whether it works. */
export async function testWebhook(ctx: RequestContext, id: string): Promise<DeliveryView> {
  const actor = requireActor(ctx);
  const sub = await loadVisible(ctx, actor, id);
  webhookPolicy.authorize(actor, 'test', { districtId: sub.district_id });
  if (!sub.active) throw new AppError('webhook.inactive');
  const deliveryId = await command(ctx, async ({ trx, audit }) => {
    const created = await enqueueForSubscription(trx, sub.district_id, sub.id, 'webhook.ping', { webhookId: sub.id });
    await audit({ action: 'webhook.test', entityType: 'webhook', entityId: sub.id, districtId: sub.district_id, after: { deliveryId: created } });
    return created;
  });
  await deliverDue(ctx, new Date(), { only: { districtId: sub.district_id, id: deliveryId } });
  const row = await ctx.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('district_id', '=', sub.district_id)
    .where('id', '=', deliveryId)
    .executeTakeFirstOrThrow();
  return (await deliveryViews(ctx, sub.district_id, [row]))[0]!;
}
