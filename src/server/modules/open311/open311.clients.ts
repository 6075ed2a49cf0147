import crypto from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { AppError, invalid, referenced } from '../../platform/errors/app-error.ts';
import { command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { DB } from '../../tables.ts';
import { visibleUnit } from '../territory/index.ts';
import './open311.errors.ts';
import { open311ClientPolicy } from './open311.policy.ts';
import type { ClientListQuery, ClientView, CreateClientBody } from './open311.schemas.ts';
import type { Open311ClientsTable } from './open311.tables.ts';

type ClientRow = Selectable<Open311ClientsTable>;
const COLUMNS = ['district_id', 'id', 'name', 'key_prefix', 'active', 'created_by', 'created_at', 'updated_at'] as const;
type ClientRecordRow = Omit<ClientRow, 'key_hash'>;

const KEY_PREFIX = 'o311_';

export const hashKey = (key: string) => crypto.createHash('sha256').update(key, 'utf8').digest('hex');

function present(actor: Actor, row: ClientRecordRow): ClientView {
  return {
    id: row.id,
    districtId: row.district_id,
    name: row.name,
    keyPrefix: row.key_prefix,
    active: row.active,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    allowedActions: open311ClientPolicy
      .allowedActions(actor, { districtId: row.district_id })
      .filter((a) => a !== 'create' && (a !== 'deactivate' || row.active)),
  };
}

export async function listClients(ctx: RequestContext, query: ClientListQuery) {
  const actor = requireActor(ctx);
  const grants = open311ClientPolicy.grants(actor, 'read');
  if (grants.length === 0) throw new AppError('access.forbidden');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['uuid']);
  let q = ctx.db.selectFrom('open311_clients').select(COLUMNS).where(scopeCondition(grants, { district: 'district_id' }));
  if (query.districtId) q = q.where('district_id', '=', query.districtId);
  if (query.active !== undefined) q = q.where('active', '=', query.active);
  if (after) q = q.where('id', '<', after[0]);
  const rows = await q.orderBy('id', 'desc').limit(limit + 1).execute();
  const page = pageOf(rows, limit, (r) => [r.id]);
  return { items: page.items.map((r) => present(actor, r)), nextCursor: page.nextCursor };
}

export async function createClient(ctx: RequestContext, input: CreateClientBody): Promise<ClientView & { apiKey: string }> {
  const actor = requireActor(ctx);
  if (open311ClientPolicy.grants(actor, 'create').length === 0) throw new AppError('access.forbidden');
  const name = input.name.trim();
  if (!name) throw invalid({ field: 'name', code: 'open311.name_required' });
  await referenced('districtId', () => visibleUnit(ctx, 'district', input.districtId));
  open311ClientPolicy.authorize(actor, 'create', { districtId: input.districtId });

  const apiKey = KEY_PREFIX + crypto.randomBytes(24).toString('base64url');
  const id = newId();
  const row = await command(ctx, async ({ trx, audit }) => {
    const inserted = await trx
      .insertInto('open311_clients')
      .values({
        district_id: input.districtId,
        id,
        name,
        key_hash: hashKey(apiKey),
        key_prefix: apiKey.slice(0, KEY_PREFIX.length + 6),
        created_by: actor.userId,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await audit({ action: 'open311_client.create', entityType: 'open311_client', entityId: id, districtId: input.districtId, after: { name, keyPrefix: inserted.key_prefix } });
    return inserted;
  });
  return { ...present(actor, row), apiKey };
}

/** A deactivated key is refused from then on; the row stays so the requests it brought in keep their source. */
export async function deactivateClient(ctx: RequestContext, id: string): Promise<ClientView> {
  const actor = requireActor(ctx);
  const current = await ctx.db.selectFrom('open311_clients').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!current || !open311ClientPolicy.can(actor, 'read', { districtId: current.district_id })) throw new AppError('resource.not_found');
  open311ClientPolicy.authorize(actor, 'deactivate', { districtId: current.district_id });
  if (!current.active) return present(actor, current);
  const row = await command(ctx, async ({ trx, audit }) => {
    const updated = await trx
      .updateTable('open311_clients')
      .set({ active: false, updated_at: new Date() })
      .where('district_id', '=', current.district_id)
      .where('id', '=', current.id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await audit({ action: 'open311_client.deactivate', entityType: 'open311_client', entityId: id, districtId: current.district_id, before: { active: true }, after: { active: false } });
    return updated;
  });
  return present(actor, row);
}

/** The active client app holding this key, or undefined. */
export async function clientByKey(db: Kysely<DB>, key: string) {
  return db
    .selectFrom('open311_clients')
    .select(['district_id', 'id', 'name'])
    .where('key_hash', '=', hashKey(key))
    .where('active', '=', true)
    .executeTakeFirst();
}
