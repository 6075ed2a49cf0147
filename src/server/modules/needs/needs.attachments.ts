import path from 'node:path';
import { newId } from '../../platform/db/ids.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { auditRead, command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { checkUpload, readStoredFile, storeFile, type Upload, type UploadType } from '../../platform/http/uploads.ts';
import { recordEvent } from './needs.events.ts';
import { FINAL_STATES } from './needs.lifecycle.ts';
import { needPolicy } from './needs.policy.ts';
import type { AttachmentView } from './needs.schemas.ts';
import { loadVisible, recordOf } from './needs.service.ts';
import { lockState, type NeedRow } from './needs.store.ts';

export const MAX_ATTACHMENTS_PER_NEED = 10;

/**
 * Who may add files: anyone who reads the need by their own relation to it — staff of its
 * territory, its handler, the organization it is referred to, its reporter or a resident of
 * its household — while it is not finished. Residents who only follow a need (theirs was
 * merged into it) may read it but not add to it.
 */
function mayAttach(actor: Actor, row: NeedRow): boolean {
  return needPolicy.can(actor, 'read', recordOf(row, []));
}

const dirOf = (ctx: RequestContext, districtId: string) => path.join(ctx.config.dataDir, 'attachments', districtId);

function viewOf(a: { id: string; need_id: string; file_name: string; content_type: string; size_bytes: number; uploaded_by_name: string; created_at: Date | string }): AttachmentView {
  return {
    id: a.id,
    needId: a.need_id,
    fileName: a.file_name,
    contentType: a.content_type as UploadType,
    sizeBytes: a.size_bytes,
    uploadedByName: a.uploaded_by_name,
    createdAt: new Date(a.created_at).toISOString(),
    url: `/api/v1/needs/${a.need_id}/attachments/${a.id}/content`,
  };
}

/**
 * Stores one file of a need. The bytes go to a temporary name first; the row, the timeline
 * entry and the audit record commit in one transaction, the file is renamed into place just
 * before the commit and removed again if the commit fails — so there is never a row without
 * its file nor a file without its row.
 */
export async function addAttachment(ctx: RequestContext, needId: string, upload: Upload | undefined): Promise<AttachmentView> {
  const actor = requireActor(ctx);
  const { row } = await loadVisible(ctx, actor, needId);
  if (!mayAttach(actor, row)) throw new AppError('access.forbidden');
  if (FINAL_STATES.includes(row.state)) throw new AppError('attachment.need_closed', { state: row.state });
  const file = checkUpload(upload);
  const id = newId();
  const values = {
    district_id: row.district_id,
    id,
    need_id: row.id,
    file_name: file.fileName,
    content_type: file.type,
    size_bytes: file.sizeBytes,
    sha256: file.sha256,
    uploaded_by_user_id: actor.userId,
    uploaded_by_name: actor.displayName,
    created_at: new Date(),
  };
  await storeFile(dirOf(ctx, row.district_id), id, file.content, (place) =>
    command(ctx, async (scope) => {
      const { trx, audit } = scope;
      // The need row is locked so that two uploads at once cannot both be the tenth.
      const state = (await lockState(trx, row.district_id, row.id))!;
      if (FINAL_STATES.includes(state)) throw new AppError('attachment.need_closed', { state });
      const { n } = await trx
        .selectFrom('need_attachments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('district_id', '=', row.district_id)
        .where('need_id', '=', row.id)
        .executeTakeFirstOrThrow();
      if (Number(n) >= MAX_ATTACHMENTS_PER_NEED) throw new AppError('attachment.limit_reached', { limit: MAX_ATTACHMENTS_PER_NEED });
      await trx.insertInto('need_attachments').values(values).execute();
      await recordEvent(scope, {
        districtId: row.district_id,
        needId: row.id,
        actor,
        action: 'attach',
        fromState: state,
        toState: state,
        // Whoever reads the need reads its attachments: the file name is no internal note.
        reply: values.file_name,
        data: { attachmentId: id, contentType: file.type },
      });
      // No file name in the audit trail: names like "王桂芳身份证.jpg" are personal data.
      await audit({
        action: 'need.attachment.create',
        entityType: 'need_attachment',
        entityId: id,
        districtId: row.district_id,
        after: { needId: row.id, contentType: file.type, sizeBytes: values.size_bytes, sha256: file.sha256 },
      });
      await place();
    }),
  );
  return viewOf(values);
}

export async function listAttachments(ctx: RequestContext, needId: string): Promise<{ items: AttachmentView[] }> {
  const actor = requireActor(ctx);
  const { row } = await loadVisible(ctx, actor, needId);
  const rows = await ctx.db
    .selectFrom('need_attachments')
    .select(['id', 'need_id', 'file_name', 'content_type', 'size_bytes', 'uploaded_by_name', 'created_at'])
    .where('district_id', '=', row.district_id)
    .where('need_id', '=', row.id)
    .orderBy('id')
    .execute();
  return { items: rows.map(viewOf) };
}

/**
 * The bytes of one attachment, to those who may read the need (404 to anyone else, as for a
 * missing file). Photos may show people, so every read is audited.
 */
export async function readAttachment(ctx: RequestContext, needId: string, attachmentId: string) {
  const actor = requireActor(ctx);
  const { row } = await loadVisible(ctx, actor, needId);
  const a = await ctx.db
    .selectFrom('need_attachments')
    .selectAll()
    .where('district_id', '=', row.district_id)
    .where('need_id', '=', row.id)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
  if (!a) throw new AppError('resource.not_found');
  const content = await readStoredFile(dirOf(ctx, a.district_id), a.id);
  await auditRead(ctx, { action: 'need.attachment.read', entityType: 'need_attachment', entityId: a.id, districtId: a.district_id, after: { needId: row.id } });
  return { content, contentType: a.content_type, fileName: a.file_name };
}
