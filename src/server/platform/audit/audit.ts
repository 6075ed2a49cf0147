import type { Insertable, Kysely } from 'kysely';
import { newId } from '../db/ids.ts';
import type { DB } from '../../tables.ts';
import type { AuditLogTable } from '../db/platform.tables.ts';
import type { Actor } from '../authz/actor.ts';

/** Platform-wide events (accounts, districts) are kept under the all-zero district id. */
export const PLATFORM_DISTRICT = '00000000-0000-0000-0000-000000000000';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  districtId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditSource {
  actor: Pick<Actor, 'userId' | 'displayName'> | null;
  ip: string;
}

/** The row of one audit record, for a command that writes it in the statement of its change. */
export function auditRow(source: AuditSource, entry: AuditEntry): Insertable<AuditLogTable> {
  return {
    district_id: entry.districtId ?? PLATFORM_DISTRICT,
    id: newId(),
    actor_user_id: source.actor?.userId ?? null,
    actor_name: source.actor?.displayName ?? '',
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: source.ip,
  };
}

/** Writes one audit record; call it inside the command's transaction so both commit together. */
export async function writeAudit(trx: Kysely<DB>, source: AuditSource, entry: AuditEntry): Promise<void> {
  await trx.insertInto('audit_log').values(auditRow(source, entry)).execute();
}
