import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Relation } from './territory.tables.ts';

/**
 * Reading a register export: XLSX (recognised by the zip signature) or UTF-8 CSV with or
 * without a byte-order mark. Headers are the Chinese ones of existing registers or English.
 */

export const COLUMNS = {
  grid_code: ['网格编码', '网格代码', 'grid_code', 'grid'],
  address: ['地址', '住址', 'address'],
  building: ['楼栋', 'building'],
  household_no: ['户号', 'household_no'],
  name: ['姓名', 'name'],
  id_number: ['身份证号', '身份证号码', '公民身份号码', 'id_number'],
  phone: ['手机号', '联系电话', '电话', 'phone'],
  relation: ['与户主关系', 'relation'],
  tags: ['标签', 'tags'],
} as const;
export type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['grid_code', 'address', 'name', 'id_number', 'relation'];

export type Row = { line: number } & Record<Column, string>;

export const RELATION_NAMES: Record<string, Relation> = {
  户主: 'head',
  本人: 'head',
  配偶: 'spouse',
  妻: 'spouse',
  夫: 'spouse',
  子女: 'child',
  子: 'child',
  女: 'child',
  儿子: 'child',
  女儿: 'child',
  父母: 'parent',
  父亲: 'parent',
  母亲: 'parent',
  孙子女: 'grandchild',
  孙子: 'grandchild',
  孙女: 'grandchild',
  外孙子女: 'grandchild',
  兄弟姐妹: 'sibling',
  其他: 'other',
};

export function relationOf(raw: string): Relation | null {
  const v = raw.trim();
  if (RELATION_NAMES[v]) return RELATION_NAMES[v]!;
  const en = v.toLowerCase();
  return (['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other'] as const).find((r) => r === en) ?? null;
}

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

async function readXlsx(buf: Buffer): Promise<{ line: number; cells: string[] }[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('import.unreadable', { reason: (e as Error).message.slice(0, 100) });
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text ?? '');
    if (cells.some((c) => c.trim())) rows.push({ line, cells });
  });
  return rows;
}

function readCsv(buf: Buffer): { line: number; cells: string[] }[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new AppError('import.unsupported_format');
  }
  if (text.includes('\u0000')) throw new AppError('import.unsupported_format');
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, raw: true }) as unknown as typeof records;
  } catch (e) {
    throw new AppError('import.unreadable', { reason: (e as Error).message.slice(0, 100) });
  }
  return records
    .map(({ record, info, raw }) => {
      // info.lines is where the record ends; a quoted cell may span lines, people look for the start.
      const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
      return { line: info.lines - (body.match(/\n/g)?.length ?? 0), cells: record };
    })
    .filter((r) => r.cells.some((c) => c.trim()));
}

/** Rows keyed by column, with the line a person sees in the file (the header is line 1). */
export async function readRegister(buf: Buffer, maxRows: number): Promise<Row[]> {
  const table = isZip(buf) ? await readXlsx(buf) : readCsv(buf);
  const header = table[0];
  if (!header) throw new AppError('import.missing_columns', { columns: REQUIRED.join(', ') });
  const index = new Map<Column, number>();
  header.cells.forEach((h, i) => {
    const name = h.trim().replace(/^\uFEFF/, '');
    for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (names.some((n) => n.toLowerCase() === name.toLowerCase()) && !index.has(col)) index.set(col, i);
    }
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) throw new AppError('import.missing_columns', { columns: missing.map((c) => COLUMNS[c][0]).join(', ') });
  const data = table.slice(1);
  if (data.length > maxRows) throw new AppError('import.too_many_rows', { limit: maxRows });
  return data.map(({ line, cells }) => {
    const row = { line } as Row;
    for (const col of Object.keys(COLUMNS) as Column[]) {
      const i = index.get(col);
      row[col] = i === undefined ? '' : (cells[i] ?? '').trim();
    }
    return row;
  });
}
