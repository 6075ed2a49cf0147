import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, clientAs, createTestApp, type TestApp, type ErrorBody, type Page } from '../../testing.ts';
import { buildCommunity } from '../territory/testing.ts';
import { contentDisposition, sanitizeFileName, sniffType } from '../../platform/http/uploads.ts';
import { buildNeed, buildNeedWorld, type NeedWorld } from './needs.testing.ts';
import type { AttachmentView, NeedDetail } from './needs.schemas.ts';

type C = Awaited<ReturnType<typeof clientAs>>;
let t: TestApp;
let w: NeedWorld;
let dataDir: string;
let worker: C;
let resident: C;
let stranger: C;

const MB = 1024 * 1024;
const jpeg = (size = 64) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 7)]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const webp = () => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(24, 2)]);
const pdf = (size = 64) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);

function multipart(file?: { name: string; content: Buffer; type?: string }, field = 'file') {
  const boundary = `----sanshe${Date.now()}`;
  const parts: Buffer[] = [];
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  } else {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const upload = (c: C, needId: string, file?: { name: string; content: Buffer; type?: string }, field?: string) => {
  const m = multipart(file, field);
  return c.request('POST', `/api/v1/needs/${needId}/attachments`, m.payload, m.headers);
};
const rows = (needId: string) => t.db.selectFrom('need_attachments').selectAll().where('need_id', '=', needId).execute();
const filesOnDisk = () => {
  const dir = path.join(dataDir, 'attachments', w.district.id);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-attach-'));
  t = await createTestApp({ dataDir });
  w = await buildNeedWorld(t.db);
  worker = await clientAs(t, [{ role: 'community_worker', scopeType: 'community', scopeId: w.community.id, districtId: w.district.id }]);
  resident = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.household.id, districtId: w.district.id }]);
  const other = await buildCommunity(t.db, { street: w.street });
  stranger = await clientAs(t, [{ role: 'community_admin', scopeType: 'community', scopeId: other.id, districtId: w.district.id }]);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('recognising files by their content', () => {
  it('knows the allowed types by their first bytes, not by name', () => {
    expect(sniffType(jpeg())).toBe('image/jpeg');
    expect(sniffType(png())).toBe('image/png');
    expect(sniffType(webp())).toBe('image/webp');
    expect(sniffType(pdf())).toBe('application/pdf');
    expect(sniffType(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffType(Buffer.from('GIF89a......'))).toBeNull();
  });

  it('cleans file names and names them safely in headers', () => {
    expect(sanitizeFileName('../../etc/passwd', 'image/jpeg')).toBe('passwd');
    expect(sanitizeFileName('C:\\fakepath\\门禁 "坏了"?.jpg', 'image/jpeg')).toBe('门禁 坏了.jpg');
    expect(sanitizeFileName('', 'application/pdf')).toBe('attachment.pdf');
    expect(sanitizeFileName('a\r\nb.png', 'image/png')).toBe('ab.png');
    expect(sanitizeFileName('a\u0000b\ud800.png', 'image/png')).toBe('ab.png');
    expect(contentDisposition('门禁.jpg', 'image/jpeg')).toBe(`inline; filename="__.jpg"; filename*=UTF-8''%E9%97%A8%E7%A6%81.jpg`);
    expect(contentDisposition('report.pdf', 'application/pdf')).toMatch(/^attachment; /);
  });
});

describe('attachments of a need', () => {
  it('takes photos and documents of the allowed types, records them and serves them to readers', async () => {
    const needId = await buildNeed(t.db, w);
    for (const [name, content, type] of [
      ['门禁.jpg', jpeg(), 'image/jpeg'],
      ['x.png', png(), 'image/png'],
      ['y.webp', webp(), 'image/webp'],
      ['报告.pdf', pdf(), 'application/pdf'],
    ] as const) {
      const res = await upload(worker, needId, { name, content, type });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<NeedDetail>()).toMatchObject({ needId, fileName: name, contentType: type, sizeBytes: content.length, uploadedByName: worker.user.username });
    }
    const stored = await rows(needId);
    expect(stored).toHaveLength(4);
    for (const r of stored) {
      const onDisk = fs.readFileSync(path.join(dataDir, 'attachments', w.district.id, r.id));
      expect(onDisk.length).toBe(r.size_bytes);
      expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await auditCount(t.db, 'need.attachment.create')).toBeGreaterThanOrEqual(4);
    const need = (await worker.get(`/api/v1/needs/${needId}`)).json<NeedDetail>();
    expect(need.timeline.filter((e: { action: string }) => e.action === 'attach')).toHaveLength(4);

    const list = await resident.get(`/api/v1/needs/${needId}/attachments`);
    expect(list.statusCode).toBe(200);
    const first = list.json<Page<AttachmentView>>().items[0];
    expect(first.url).toBe(`/api/v1/needs/${needId}/attachments/${first.id}/content`);
    const before = await auditCount(t.db, 'need.attachment.read');
    const content = await resident.get(first.url);
    expect(content.statusCode).toBe(200);
    expect(content.headers['content-type']).toBe('image/jpeg');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['cache-control']).toBe('private, no-store');
    // Stricter than the app-wide policy: an uploaded file can run nothing, even opened directly.
    expect(content.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(content.headers['content-disposition']).toContain("filename*=UTF-8''%E9%97%A8%E7%A6%81.jpg");
    expect(content.rawPayload.equals(jpeg())).toBe(true);
    expect(await auditCount(t.db, 'need.attachment.read')).toBe(before + 1);
  });

  it('hides the files of a need from whoever may not read it, exactly like a missing one', async () => {
    const needId = await buildNeed(t.db, w);
    const a = (await upload(worker, needId, { name: 'a.jpg', content: jpeg() })).json<AttachmentView>();
    const before = await auditCount(t.db, 'need.attachment.read');
    for (const url of [`/api/v1/needs/${needId}/attachments`, a.url]) {
      const res = await stranger.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json<ErrorBody>().error.code).toBe('resource.not_found');
    }
    const neighbour = await clientAs(t, [{ role: 'resident', scopeType: 'household', scopeId: w.neighbour.id, districtId: w.district.id }]);
    expect((await neighbour.get(a.url)).statusCode).toBe(404);
    expect((await upload(stranger, needId, { name: 'b.jpg', content: jpeg() })).statusCode).toBe(404);
    expect((await worker.get(`/api/v1/needs/${needId}/attachments/${needId}/content`)).statusCode).toBe(404);
    expect(await auditCount(t.db, 'need.attachment.read')).toBe(before);
  });

  it('refuses a .jpg that is really text, a type that contradicts the content, and a missing file', async () => {
    const needId = await buildNeed(t.db, w);
    const text = await upload(worker, needId, { name: 'photo.jpg', content: Buffer.from('just some text, not a photo'), type: 'image/jpeg' });
    expect(text.statusCode).toBe(400);
    expect(text.json<ErrorBody>().error.code).toBe('attachment.type_not_allowed');
    const mismatch = await upload(worker, needId, { name: 'photo.png', content: jpeg(), type: 'image/png' });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json<ErrorBody>().error.code).toBe('attachment.type_not_allowed');
    const none = await upload(worker, needId);
    expect(none.statusCode).toBe(400);
    expect(none.json<ErrorBody>().error.code).toBe('attachment.missing_file');
    const wrongField = await upload(worker, needId, { name: 'a.jpg', content: jpeg() }, 'photo');
    expect(wrongField.json<ErrorBody>().error.code).toBe('attachment.missing_file');
    worker.lang = 'en';
    expect((await upload(worker, needId)).json<ErrorBody>().error.message).toBe('Choose a file to upload');
    worker.lang = undefined;
    expect(await rows(needId)).toEqual([]);
  });

  it('refuses oversize files with 413 and keeps nothing on disk or in the database', async () => {
    const needId = await buildNeed(t.db, w);
    const filesBefore = filesOnDisk().length;
    const bigPhoto = await upload(worker, needId, { name: 'big.jpg', content: jpeg(10 * MB + 1) });
    expect(bigPhoto.statusCode).toBe(413);
    expect(bigPhoto.json<ErrorBody>().error.code).toBe('attachment.too_large');
    const bigPdf = await upload(worker, needId, { name: 'big.pdf', content: pdf(20 * MB + 1) });
    expect(bigPdf.statusCode).toBe(413);
    expect(bigPdf.json<ErrorBody>().error.code).toBe('attachment.too_large');
    expect(await rows(needId)).toEqual([]);
    expect(filesOnDisk().length).toBe(filesBefore);
    // The limits are per type: a 15 MB PDF is fine.
    expect((await upload(worker, needId, { name: 'ok.pdf', content: pdf(15 * MB) })).statusCode).toBe(201);
  });

  it('keeps at most ten files per need, leaves no stray file when refusing, and none on finished needs', async () => {
    const needId = await buildNeed(t.db, w);
    for (let i = 0; i < 10; i++) expect((await upload(resident, needId, { name: `p${i}.png`, content: png() })).statusCode).toBe(201);
    const filesBefore = filesOnDisk();
    const eleventh = await upload(resident, needId, { name: 'p10.png', content: png() });
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json<ErrorBody>().error.code).toBe('attachment.limit_reached');
    expect(await rows(needId)).toHaveLength(10);
    expect(filesOnDisk()).toEqual(filesBefore);
    const all = await t.db.selectFrom('need_attachments').select('id').where('district_id', '=', w.district.id).execute();
    expect(filesOnDisk().sort()).toEqual(all.map((a) => a.id).sort());

    const closed = await buildNeed(t.db, w, { state: 'closed' });
    const res = await upload(worker, closed, { name: 'late.jpg', content: jpeg() });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>().error.code).toBe('attachment.need_closed');
  });
});
