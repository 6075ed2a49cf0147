import { AppError } from '../../platform/errors/app-error.ts';
import { readSheets, type Sheet, type TableRow } from './import.decode.ts';

export { relationOf } from './import.vocab.ts';

/**
 * Reading a register as communities keep it: the header is found wherever it sits in the first
 * rows (under a title, beside a 序号 column), in whichever sheet has one, and values are
 * normalised before they are checked (full-width digits, separators inside numbers).
 */

export const COLUMNS = {
  grid_code: ['网格编码', '网格代码', '网格编号', 'grid_code', 'grid'],
  address: ['地址', '住址', '家庭住址', '居住地址', '现住址', 'address'],
  building: ['楼栋', '楼栋号', '楼号', 'building'],
  household_no: ['户号', '门牌号', 'household_no'],
  name: ['姓名', 'name'],
  id_number: ['身份证号', '身份证号码', '公民身份号码', '证件号码', 'id_number'],
  phone: ['手机号', '手机号码', '联系电话', '电话', '联系方式', 'phone'],
  relation: ['与户主关系', '与户主的关系', '户主关系', 'relation'],
  tags: ['标签', '人员标签', '人员类别', 'tags'],
} as const;
export type Column = keyof typeof COLUMNS;
export const COLUMN_ORDER = Object.keys(COLUMNS) as Column[];
const REQUIRED: Column[] = ['grid_code', 'address', 'name', 'id_number', 'relation'];
/** How far down a sheet the header may sit (titles, notes, blank rows above it). */
const HEADER_SEARCH = 15;

export type Row = { line: number; cells: string[]; idNumeric: boolean } & Record<Column, string>;
export interface Register {
  /** Sheets that have a header, for the user to choose among. */
  sheets: string[];
  sheet: string;
  header: string[];
  /** Where each recognised column sits in the header. */
  columns: Map<Column, number>;
  rows: Row[];
}

/** `* 姓名`, `手机号（选填）`, `身份证 号码`: markers, remarks and spaces are not the name. */
const headerName = (h: string) =>
  h.normalize('NFKC').replace(/^\uFEFF/, '').replace(/\(.*?\)/g, '').replace(/[\s*]/g, '').toLowerCase();

const lookup = new Map<string, Column>();
for (const col of COLUMN_ORDER) for (const n of COLUMNS[col]) lookup.set(headerName(n), col);

function columnsOf(cells: string[]): Map<Column, number> {
  const index = new Map<Column, number>();
  cells.forEach((h, i) => {
    const col = lookup.get(headerName(h));
    if (col && !index.has(col)) index.set(col, i);
  });
  return index;
}

interface Found {
  sheet: Sheet;
  at: number;
  index: Map<Column, number>;
}

/** The first row with every required column, or else the row nearest to one (for the message). */
function findHeader(sheet: Sheet): { found?: Found; best?: Found } {
  let best: Found | undefined;
  for (let at = 0; at < Math.min(sheet.rows.length, HEADER_SEARCH); at++) {
    const index = columnsOf(sheet.rows[at]!.cells);
    const f = { sheet, at, index };
    if (REQUIRED.every((c) => index.has(c))) return { found: f };
    if (!best || index.size > best.index.size) best = f;
  }
  return { best };
}

const missing = (f: Found | undefined) => {
  const cols = REQUIRED.filter((c) => !f?.index.has(c));
  return new AppError('import.missing_columns', { columns: cols.map((c) => COLUMNS[c][0]).join(', ') });
};

/** NFKC turns full-width digits, letters and spaces into their ordinary forms. */
const nfkc = (v: string) => v.normalize('NFKC').trim();

/** Excel writes a number cell to CSV as 3.20111E+17: the digits are gone. */
const SCIENTIFIC = /^\d(\.\d+)?e\+?\d+$/i;

export function normalizeIdCell(raw: string): string {
  // A leading apostrophe is Excel's way of keeping a number as text.
  return nfkc(raw).replace(/^'/, '').replace(/[\s\-_.·]/g, '').toUpperCase();
}

/** Mobile numbers lose their separators and country code; landlines keep the area-code dash. */
export function normalizePhoneCell(raw: string): string {
  const v = nfkc(raw).replace(/^'/, '');
  const digits = v.replace(/[\s\-.()]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(digits) ? digits : v;
}

function toRow(r: TableRow, index: Map<Column, number>): Row {
  const row = { line: r.line, cells: r.cells, idNumeric: false } as Row;
  for (const col of COLUMN_ORDER) {
    const i = index.get(col);
    row[col] = i === undefined ? '' : nfkc(r.cells[i] ?? '');
  }
  const idAt = index.get('id_number')!;
  row.idNumeric = !!row.id_number && (r.numeric.has(idAt) || SCIENTIFIC.test(row.id_number));
  row.id_number = normalizeIdCell(row.id_number);
  row.phone = normalizePhoneCell(row.phone);
  return row;
}

/** The rows under the header of the chosen sheet (or the first sheet that has a header). */
export async function readRegister(buf: Buffer, maxRows: number, sheetName?: string): Promise<Register> {
  const sheets = await readSheets(buf);
  const headers = sheets.map(findHeader);
  const withHeader = headers.filter((h) => h.found).map((h) => h.found!);
  let chosen: Found | undefined;
  if (sheetName) {
    const i = sheets.findIndex((s) => s.name === sheetName);
    if (i < 0) throw new AppError('import.unknown_sheet', { sheet: sheetName });
    chosen = headers[i]!.found;
    if (!chosen) throw missing(headers[i]!.best);
  } else {
    chosen = withHeader[0];
    if (!chosen) {
      const best = headers.map((h) => h.best).reduce<Found | undefined>((a, b) => (b && (!a || b.index.size > a.index.size) ? b : a), undefined);
      throw missing(best);
    }
  }
  const data = chosen.sheet.rows.slice(chosen.at + 1);
  if (data.length > maxRows) throw new AppError('import.too_many_rows', { limit: maxRows });
  const index = chosen.index;
  const serial = [...index.values()];
  return {
    sheets: withHeader.map((f) => f.sheet.name),
    sheet: chosen.sheet.name,
    header: chosen.sheet.rows[chosen.at]!.cells,
    columns: index,
    // A row that repeats the header (a register printed page by page) is no resident.
    rows: data.filter((r) => columnsOf(r.cells).size < serial.length).map((r) => toRow(r, index)),
  };
}
