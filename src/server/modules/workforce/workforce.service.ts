import type { Insertable, Selectable } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { auditRead, command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/pagination.ts';
import './workforce.errors.ts';
import { auditView, columns, FIELDS, prepare, recordOfState, stateOf } from './workforce.input.ts';
import { socialWorkerPolicy, type SocialWorkerRecord } from './workforce.policy.ts';
import type {
  CreateSocialWorkerBody,
  SocialWorkerListQuery,
  SocialWorkerView,
  UpdateSocialWorkerBody,
} from './workforce.schemas.ts';
import * as store from './workforce.store.ts';
import type { SocialWorkerRow } from './workforce.store.ts';
import type { SocialWorkersTable } from './workforce.tables.ts';

export function recordOf(row: Selectable<SocialWorkersTable>): SocialWorkerRecord {
  return {
    districtId: row.district_id,
    streetIds: row.street_ids,
    communityIds: row.community_ids,
    employerType: row.employer_type,
    employerOrganizationId: row.employer_organization_id,
    employerCommunityId: row.employer_community_id,
  };
}

export function present(actor: Actor, row: SocialWorkerRow): SocialWorkerView {
  return {
    id: row.id,
    districtId: row.district_id,
    name: row.name,
    gender: row.gender,
    idNumberMasked: row.id_number_masked,
    phoneMasked: row.phone_masked,
    employerType: row.employer_type,
    employerOrganizationId: row.employer_organization_id,
    employerCommunityId: row.employer_community_id,
    employerName: row.employer_name ?? '',
    certificateLevel: row.certificate_level,
    certificateNo: row.certificate_no,
    certificateDate: row.certificate_date,
    payGrade: row.pay_grade,
    communityIds: row.community_ids,
    streetIds: row.street_ids,
    userId: row.user_id,
    supervisorId: row.supervisor_id,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    allowedActions: socialWorkerPolicy.allowedActions(actor, recordOf(row)).filter((a) => a !== 'create'),
  };
}

/** A social worker outside the actor's read scope answers exactly like a missing one. */
async function loadVisible(ctx: RequestContext, actor: Actor, id: string): Promise<SocialWorkerRow> {
  const row = await store.findSocialWorker(ctx.db, id, socialWorkerPolicy.grants(actor, 'read'));
  if (!row || !socialWorkerPolicy.can(actor, 'read', recordOf(row))) throw new AppError('resource.not_found');
  return row;
}

export async function listSocialWorkers(ctx: RequestContext, query: SocialWorkerListQuery) {
  const actor = requireActor(ctx);
  const scope = socialWorkerPolicy.grants(actor, 'read');
  if (scope.length === 0) throw new AppError('access.forbidden');
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor, ['text', 'uuid']);
  // A community filter names the tenant, so the query stays within one district.
  let districtId: string | undefined;
  if (query.communityId) {
    const c = (await store.communities(ctx.db, [query.communityId])).get(query.communityId);
    if (!c) return { items: [], nextCursor: null };
    districtId = c.district_id;
  }
  const rows = await store.listSocialWorkers(ctx.db, scope, { ...query, limit, after, districtId });
  const page = pageOf(rows, limit, (r) => [r.name, r.id]);
  return { items: page.items.map((r) => present(actor, r)), nextCursor: page.nextCursor };
}

export async function getSocialWorker(ctx: RequestContext, id: string): Promise<SocialWorkerView> {
  const actor = requireActor(ctx);
  return present(actor, await loadVisible(ctx, actor, id));
}

const duplicateId = () =>
  new AppError('social_worker.duplicate_id_number', {}, [{ field: 'idNumber', code: 'social_worker.duplicate_id_number' }]);

async function rethrowDuplicate<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw duplicateId();
    throw err;
  }
}

export async function createSocialWorker(ctx: RequestContext, input: CreateSocialWorkerBody): Promise<SocialWorkerView> {
  const actor = requireActor(ctx);
  if (socialWorkerPolicy.grants(actor, 'create').length === 0) throw new AppError('access.forbidden');
  const p = await prepare(ctx, input, null);
  socialWorkerPolicy.authorize(actor, 'create', recordOfState(p));
  if (p.sealed.idNumber && (await store.idNumberTaken(ctx.db, p.districtId, p.sealed.idNumber.hash))) throw duplicateId();
  const id = newId();
  await rethrowDuplicate(() =>
    command(ctx, async ({ trx, audit }) => {
      await trx
        .insertInto('social_workers')
        .values({ district_id: p.districtId, id, street_ids: p.streetIds, ...columns(p, FIELDS) } as Insertable<SocialWorkersTable>)
        .execute();
      await audit({
        action: 'social_worker.create',
        entityType: 'social_worker',
        entityId: id,
        districtId: p.districtId,
        after: auditView(p.next, FIELDS),
      });
    }),
  );
  return present(actor, (await store.findSocialWorker(ctx.db, id, socialWorkerPolicy.grants(actor, 'read')))!);
}

export async function updateSocialWorker(
  ctx: RequestContext,
  id: string,
  input: UpdateSocialWorkerBody,
): Promise<SocialWorkerView> {
  const actor = requireActor(ctx);
  const current = await loadVisible(ctx, actor, id);
  socialWorkerPolicy.authorize(actor, 'update', recordOf(current));
  const p = await prepare(ctx, input, current);
  // The record must stay within the actor's reach (e.g. no handing it to another organization).
  socialWorkerPolicy.authorize(actor, 'update', recordOfState(p));
  const before = stateOf(current);
  const changed = FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(p.next[f]));
  if (changed.length === 0) return present(actor, current);
  if (changed.includes('idNumber') && p.sealed.idNumber && (await store.idNumberTaken(ctx.db, p.districtId, p.sealed.idNumber.hash, id))) {
    throw duplicateId();
  }
  await rethrowDuplicate(() =>
    command(ctx, async ({ trx, audit }) => {
      await trx
        .updateTable('social_workers')
        .set({ ...columns(p, changed), street_ids: p.streetIds, updated_at: new Date() })
        .where('district_id', '=', p.districtId)
        .where('id', '=', id)
        .execute();
      await audit({
        action: 'social_worker.update',
        entityType: 'social_worker',
        entityId: id,
        districtId: p.districtId,
        before: auditView(before, changed),
        after: auditView(p.next, changed),
      });
    }),
  );
  return getSocialWorker(ctx, id);
}

/** Decrypts an ID number or phone for an allowed actor; the read itself is audited. */
export async function revealSocialWorkerField(
  ctx: RequestContext,
  id: string,
  field: 'idNumber' | 'phone',
): Promise<{ value: string | null }> {
  const actor = requireActor(ctx);
  const row = await loadVisible(ctx, actor, id);
  socialWorkerPolicy.authorize(actor, 'reveal', recordOf(row));
  const cipher = field === 'idNumber' ? row.id_number_cipher : row.phone_cipher;
  const value = cipher ? ctx.pii.decrypt(cipher) : null;
  await auditRead(ctx, {
    action: 'social_worker.reveal',
    entityType: 'social_worker',
    entityId: id,
    districtId: row.district_id,
    after: { field },
  });
  return { value };
}
