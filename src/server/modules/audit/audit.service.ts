import { scopeCondition } from '../../platform/authz/scope-filter.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import type { PageOf } from '../../platform/http/schema.ts';
import { auditPolicy } from './audit.policy.ts';
import type { AuditQuery, AuditRecordView } from './audit.schemas.ts';
import { listAudit } from './audit.store.ts';

/** Audit records the actor may read, newest first; 403 for roles that read none. */
export async function listAuditRecords(ctx: RequestContext, query: AuditQuery): Promise<PageOf<AuditRecordView>> {
  const actor = requireActor(ctx);
  const grants = auditPolicy.grants(actor, 'read');
  if (grants.length === 0) throw new AppError('access.forbidden');
  const cursor = decodeCursor(query.cursor, ['time', 'uuid']);
  const limit = query.limit ?? 50;
  const rows = await listAudit(ctx.db, {
    ...query,
    scope: scopeCondition(grants, { district: 'district_id' }),
    after: cursor,
    limit,
  });
  const page = pageOf(rows, limit, (r) => [r.at_key, r.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      districtId: r.district_id,
      at: new Date(r.at).toISOString(),
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
  };
}
