import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../platform/errors/app-error.ts';

/**
 * A register file as sheets of text cells: XLSX (every worksheet), or delimited text in the
 * encodings Excel and WPS save — UTF-8 with or without a byte-order mark, UTF-16 ("Unicode text",
 * tab-separated) and GB18030/GBK, the default of Chinese Windows.
 */

export interface TableRow {
  /** The row (XLSX) or line (text) a person sees in the file. */
  line: number;
  cells: string[];
  /** Columns whose cell held a number: an ID number there has lost its last digits. */
  numeric: Set<number>;
}
export interface Sheet {
  name: string;
  rows: TableRow[];
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

async function readXlsx(buf: Buffer): Promise<Sheet[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('import.unreadable', { reason: (e as Error).message.slice(0, 100) });
  }
  return book.worksheets.map((sheet) => {
    const rows: TableRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      const numeric = new Set<number>();
      for (let i = 1; i <= row.cellCount; i++) {
        const cell = row.getCell(i);
        // A merged title repeats in every cell it spans; the header search simply finds no column in it.
        cells.push(cell.text ?? '');
        const v = cell.value;
        const result = v && typeof v === 'object' && 'result' in v ? v.result : v;
        if (typeof result === 'number') numeric.add(i - 1);
      }
      if (cells.some((c) => c.trim())) rows.push({ line, cells, numeric });
    });
    return { name: sheet.name, rows };
  });
}

/** Share of NUL bytes at even or odd offsets: UTF-16 text without a byte-order mark is half NULs. */
function utf16Without(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length - (buf.length % 2), 2000);
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  if (odd > n / 2 / 3 && even === 0) return 'utf-16le';
  if (even > n / 2 / 3 && odd === 0) return 'utf-16be';
  return null;
}

/** Text of the file, or 415 when no encoding reads it cleanly (never a silent mojibake). */
export function decodeText(buf: Buffer): string {
  let text: string;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) text = utf8(buf.subarray(3));
  else if (buf[0] === 0xff && buf[1] === 0xfe) text = iconv.decode(buf.subarray(2), 'utf-16le');
  else if (buf[0] === 0xfe && buf[1] === 0xff) text = iconv.decode(buf.subarray(2), 'utf-16be');
  else {
    const wide = utf16Without(buf);
    if (wide) text = iconv.decode(buf, wide);
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      } catch {
        // Not UTF-8: GB18030 is the superset of GBK and GB2312 that Chinese Excel writes.
        text = iconv.decode(buf, 'gb18030');
      }
    }
  }
  // Replacement characters, NULs or text without a line break or a separator are not a register
  // in any of these encodings: better refused than imported garbled.
  if (text.includes('\uFFFD') || text.includes('\u0000') || !/[,\t\n]/.test(text)) throw new AppError('import.unsupported_format');
  return text;
}

function utf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new AppError('import.unsupported_format');
  }
}

function readText(buf: Buffer): Sheet[] {
  const text = decodeText(buf);
  // Excel's "Unicode text" separates by tabs; a CSV by commas. The first lines tell which.
  const head = text.split('\n', 10).join('\n');
  const delimiter = (head.match(/\t/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, raw: true }) as unknown as typeof records;
  } catch (e) {
    throw new AppError('import.unreadable', { reason: (e as Error).message.slice(0, 100) });
  }
  const rows = records
    .map(({ record, info, raw }) => {
      // info.lines is where the record ends; a quoted cell may span lines, people look for the start.
      const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
      return { line: info.lines - (body.match(/\n/g)?.length ?? 0), cells: record, numeric: new Set<number>() };
    })
    .filter((r) => r.cells.some((c) => c.trim()));
  return [{ name: '', rows }];
}

export async function readSheets(buf: Buffer): Promise<Sheet[]> {
  return isZip(buf) ? readXlsx(buf) : readText(buf);
}
