import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/authz/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { auditRead, command, requireActor, type RequestContext } from '../../platform/http/context.ts';
import { cleanFileName } from '../../platform/http/file-name.ts';
import { recordEvent } from './needs.events.ts';
import { FINAL_STATES } from './needs.lifecycle.ts';
import { needPolicy } from './needs.policy.ts';
import type { AttachmentView } from './needs.schemas.ts';
import { loadVisible, recordOf } from './needs.service.ts';
import { lockState, type NeedRow } from './needs.store.ts';

export const MAX_ATTACHMENTS_PER_NEED = 10;
const MB = 1024 * 1024;

/** Allowed types, recognised by their first bytes — never by the declared type or the file name. */
const TYPES = {
  'image/jpeg': { maxBytes: 10 * MB, ext: '.jpg', matches: (b: Buffer) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/png': {
    maxBytes: 10 * MB,
    ext: '.png',
    matches: (b: Buffer) => b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  'image/webp': {
    maxBytes: 10 * MB,
    ext: '.webp',
    matches: (b: Buffer) => b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  },
  'application/pdf': { maxBytes: 20 * MB, ext: '.pdf', matches: (b: Buffer) => b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-' },
} as const;
export type AttachmentType = keyof typeof TYPES;
/** The largest file of any allowed type: the upload is cut off beyond it. */
export const MAX_ATTACHMENT_BYTES = Math.max(...Object.values(TYPES).map((t) => t.maxBytes));

export function sniffType(content: Buffer): AttachmentType | null {
  for (const [type, t] of Object.entries(TYPES)) if (t.matches(content)) return type as AttachmentType;
  return null;
}

/** Declared types that say nothing (browsers send these for unknown extensions). */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const SAME_TYPE: Record<string, AttachmentType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'application/x-pdf': 'application/pdf' };

/**
 * A file name safe to show and to put in a header: no folders, no control or reserved
 * characters, not too long; a name-less file is named after its type.
 */
export function sanitizeFileName(name: string | undefined, type: AttachmentType): string {
  return cleanFileName(name) || `attachment${TYPES[type].ext}`;
}

export interface Upload {
  content: Buffer;
  fileName?: string;
  declaredType?: string;
}

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
export const attachmentPath = (ctx: RequestContext, districtId: string, id: string) => path.join(dirOf(ctx, districtId), id);

function viewOf(a: { id: string; need_id: string; file_name: string; content_type: string; size_bytes: number; uploaded_by_name: string; created_at: Date | string }): AttachmentView {
  return {
    id: a.id,
    needId: a.need_id,
    fileName: a.file_name,
    contentType: a.content_type as AttachmentType,
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
  if (!upload || upload.content.length === 0) throw new AppError('attachment.missing_file');
  const type = sniffType(upload.content);
  if (!type) throw new AppError('attachment.type_not_allowed');
  const declared = (upload.declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!UNDECLARED.has(declared) && (SAME_TYPE[declared] ?? declared) !== type) throw new AppError('attachment.type_not_allowed');
  if (upload.content.length > TYPES[type].maxBytes) throw new AppError('attachment.too_large');

  const id = uuidv7();
  const dir = dirOf(ctx, row.district_id);
  const finalPath = path.join(dir, id);
  const tempPath = path.join(dir, `.${id}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const sha256 = crypto.createHash('sha256').update(upload.content).digest('hex');
  const values = {
    district_id: row.district_id,
    id,
    need_id: row.id,
    file_name: sanitizeFileName(upload.fileName, type),
    content_type: type,
    size_bytes: upload.content.length,
    sha256,
    uploaded_by_user_id: actor.userId,
    uploaded_by_name: actor.displayName,
    created_at: new Date(),
  };
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(tempPath, upload.content, { flag: 'wx', mode: 0o600 });
  let placed = false;
  try {
    await command(ctx, async (scope) => {
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
        data: { attachmentId: id, contentType: type },
      });
      // No file name in the audit trail: names like "王桂芳身份证.jpg" are personal data.
      await audit({
        action: 'need.attachment.create',
        entityType: 'need_attachment',
        entityId: id,
        districtId: row.district_id,
        after: { needId: row.id, contentType: type, sizeBytes: values.size_bytes, sha256 },
      });
      await fs.rename(tempPath, finalPath);
      placed = true;
    });
  } catch (err) {
    await fs.rm(placed ? finalPath : tempPath, { force: true });
    throw err;
  }
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
  let content: Buffer;
  try {
    content = await fs.readFile(attachmentPath(ctx, a.district_id, a.id));
  } catch {
    throw new AppError('resource.not_found');
  }
  await auditRead(ctx, { action: 'need.attachment.read', entityType: 'need_attachment', entityId: a.id, districtId: a.district_id, after: { needId: row.id } });
  return { content, contentType: a.content_type, fileName: a.file_name };
}

/** `inline` for pictures, `attachment` for documents; an ASCII fallback name plus the UTF-8 one (RFC 6266). */
export function contentDisposition(fileName: string, contentType: string): string {
  const kind = contentType === 'application/pdf' ? 'attachment' : 'inline';
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
