import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import { cleanFileName } from './file-name.ts';

/**
 * Files people upload — photos and documents of a need, evidence of a progress report. They are
 * recognised by their first bytes, never by the declared type or the file name, kept on disk
 * under the data folder (never in the database, never on a public route) and served back with
 * headers that stop a browser from running them.
 */
const MB = 1024 * 1024;

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
export type UploadType = keyof typeof TYPES;
export const UPLOAD_TYPES = Object.keys(TYPES) as UploadType[];
/** The largest file of any allowed type: the upload is cut off beyond it. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(TYPES).map((t) => t.maxBytes));

export function sniffType(content: Buffer): UploadType | null {
  for (const [type, t] of Object.entries(TYPES)) if (t.matches(content)) return type as UploadType;
  return null;
}

/** Declared types that say nothing (browsers send these for unknown extensions). */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const SAME_TYPE: Record<string, UploadType> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'application/x-pdf': 'application/pdf' };

/**
 * A file name safe to show and to put in a header: no folders, no control or reserved
 * characters, not too long; a name-less file is named after its type.
 */
export function sanitizeFileName(name: string | undefined, type: UploadType): string {
  return cleanFileName(name) || `attachment${TYPES[type].ext}`;
}

export interface Upload {
  content: Buffer;
  fileName?: string;
  declaredType?: string;
}

export interface CheckedUpload {
  content: Buffer;
  type: UploadType;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * The upload as it may be kept, or the reason it may not: nothing sent, a type not allowed (also
 * when the declared type contradicts the content — a renamed file is refused, not guessed at),
 * or too large for its type.
 */
export function checkUpload(upload: Upload | undefined): CheckedUpload {
  if (!upload || upload.content.length === 0) throw new AppError('attachment.missing_file');
  const type = sniffType(upload.content);
  if (!type) throw new AppError('attachment.type_not_allowed');
  const declared = (upload.declaredType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!UNDECLARED.has(declared) && (SAME_TYPE[declared] ?? declared) !== type) throw new AppError('attachment.type_not_allowed');
  if (upload.content.length > TYPES[type].maxBytes) throw new AppError('attachment.too_large');
  return {
    content: upload.content,
    type,
    fileName: sanitizeFileName(upload.fileName, type),
    sizeBytes: upload.content.length,
    sha256: crypto.createHash('sha256').update(upload.content).digest('hex'),
  };
}

/**
 * The one file of a multipart request, in field `file`. Multipart bodies bypass the schema
 * check, so the size limit is enforced while reading and answered with the platform's code.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload | undefined> {
  if (!request.isMultipart()) throw new AppError('request.unsupported_media');
  let upload: Upload | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })) {
      if (part.type !== 'file') continue;
      const content = await part.toBuffer();
      if (part.fieldname === 'file') upload = { content, fileName: part.filename, declaredType: part.mimetype };
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('attachment.too_large');
    throw err;
  }
  return upload;
}

/**
 * Keeps the bytes at `dir/id` together with the rows `save` writes. The bytes go to a temporary
 * name first; `save` runs its transaction and calls `place` just before it commits, and the file
 * is removed again if the transaction fails — so there is never a row without its file nor a
 * file without its row.
 */
export async function storeFile<T>(dir: string, id: string, content: Buffer, save: (place: () => Promise<void>) => Promise<T>): Promise<T> {
  const finalPath = path.join(dir, id);
  const tempPath = path.join(dir, `.${id}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(tempPath, content, { flag: 'wx', mode: 0o600 });
  let placed = false;
  try {
    return await save(async () => {
      await fs.rename(tempPath, finalPath);
      placed = true;
    });
  } catch (err) {
    await fs.rm(placed ? finalPath : tempPath, { force: true });
    throw err;
  }
}

/** The bytes kept at `dir/id`; a file gone from disk answers as a missing record. */
export async function readStoredFile(dir: string, id: string): Promise<Buffer> {
  try {
    return await fs.readFile(path.join(dir, id));
  } catch {
    throw new AppError('resource.not_found');
  }
}

/** `inline` for pictures, `attachment` for documents; an ASCII fallback name plus the UTF-8 one (RFC 6266). */
export function contentDisposition(fileName: string, contentType: string): string {
  const kind = contentType === 'application/pdf' ? 'attachment' : 'inline';
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a kept file. Its type was recognised when it was kept and the browser must not guess
 * another; the sandbox policy keeps even a crafted PDF from running script on our origin.
 */
export function sendFile(reply: FastifyReply, file: { content: Buffer; contentType: string; fileName: string }) {
  return reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', contentDisposition(file.fileName, file.contentType))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .send(file.content);
}
