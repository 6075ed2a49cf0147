/**
 * The name of an uploaded file as it may be stored and shown: its last path part, without control
 * characters (a NUL would fail in PostgreSQL) or characters file systems refuse, at most 120
 * characters. Multipart uploads are read in their handlers, after the platform's check of text
 * input, so every upload route cleans its file name here. Empty when nothing is left.
 */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f"*:<>?|]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  return [...cleaned].slice(-120).join('');
}
