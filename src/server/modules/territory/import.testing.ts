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
