import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { DB } from '../../tables.ts';
import type { clientAs } from '../../testing.ts';

/** A multipart body as a browser sends it, for the import routes. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = `----sanshe${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Client = Awaited<ReturnType<typeof clientAs>>;

export function uploadTo(c: Client, path: string, fields: Record<string, string>, content: Buffer, name = 'register.csv') {
  const m = multipart(fields, { name, content });
  return c.request('POST', path, m.payload, m.headers);
}

/** An import job row as a batch import leaves it (`running` until its batches are written). */
export async function buildImportJob(
  db: Kysely<DB>,
  p: { districtId: string; streetId: string; communityId: string; createdBy: string; state?: 'running' | 'done' | 'failed' },
) {
  const id = newId();
  const report = { mode: p.state === 'done' ? 'commit' : 'job', sheet: '', sheets: [], total: 10, valid: 10, errors: [] };
  await db
    .insertInto('import_jobs')
    .values({ district_id: p.districtId, id, street_id: p.streetId, community_id: p.communityId, created_by: p.createdBy, state: p.state ?? 'running', writes_total: 10, writes_done: p.state === 'done' ? 10 : 0, report: JSON.stringify(report) })
    .execute();
  return { id };
}
