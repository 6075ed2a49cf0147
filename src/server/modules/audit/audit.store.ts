import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../tables.ts';
import type { AuditQuery } from './audit.schemas.ts';

/**
 * `at` keeps microseconds, a JS Date only milliseconds: the cursor carries the exact text so
 * records of the same millisecond are neither skipped nor repeated.
 */
const atKey = sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export async function listAudit(
  db: Kysely<DB>,
  filter: AuditQuery & { scope: Expression<SqlBool>; after: [string, string] | null; limit: number },
) {
  let q = db
    .selectFrom('audit_log')
    .select([
      'id',
      'district_id',
      'at',
      atKey.as('at_key'),
      'actor_user_id',
      'actor_name',
      'action',
      'entity_type',
      'entity_id',
      'before',
      'after',
      'ip',
    ])
    .where(filter.scope);
  if (filter.districtId) q = q.where('district_id', '=', filter.districtId);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  if (filter.actorUserId) q = q.where('actor_user_id', '=', filter.actorUserId);
  if (filter.from) q = q.where('at', '>=', sql<Date>`${filter.from}::timestamptz`);
  if (filter.to) q = q.where('at', '<', sql<Date>`${filter.to}::timestamptz`);
  if (filter.after) {
    const [at, id] = filter.after;
    q = q.where(sql<SqlBool>`(at, id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute();
}
