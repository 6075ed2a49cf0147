import ExcelJS from 'exceljs';
import type { Locale } from '../../platform/i18n/locale.ts';
import { COLUMNS, type Column, type Register } from './import.parse.ts';

const PROBLEMS: Record<Locale, string> = { 'zh-CN': '导入问题', en: 'Import problems' };
const SEPARATOR: Record<Locale, string> = { 'zh-CN': '；', en: '; ' };
const COLON: Record<Locale, string> = { 'zh-CN': '：', en: ': ' };

/**
 * The user's rows under their own header, every cell as text (so that ID numbers keep their
 * digits when the file goes back through Excel), with the problems of each row in a last column.
 * The good rows stay: importing the corrected file again finds them unchanged.
 */
export async function reportWorkbook(
  register: Register,
  errors: { line: number; field: string; message: string }[],
  locale: Locale,
): Promise<Buffer> {
  const labelOf = (field: string) => {
    const at = register.columns.get(field as Column);
    return (at !== undefined ? register.header[at]?.trim() : undefined) || (COLUMNS[field as Column]?.[0] ?? field);
  };
  const byLine = new Map<number, string[]>();
  for (const e of errors) {
    const list = byLine.get(e.line) ?? [];
    list.push(labelOf(e.field) + COLON[locale] + e.message);
    byLine.set(e.line, list);
  }
  const width = Math.max(register.header.length, ...register.rows.map((r) => r.cells.length));
  const pad = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');

  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(register.sheet || PROBLEMS[locale]);
  for (let i = 1; i <= width; i++) sheet.getColumn(i).numFmt = '@';
  const header = sheet.addRow([...pad(register.header), PROBLEMS[locale]]);
  header.font = { bold: true };
  for (const r of register.rows) {
    const problems = byLine.get(r.line);
    const row = sheet.addRow([...pad(r.cells), problems?.join(SEPARATOR[locale]) ?? '']);
    if (problems) row.getCell(width + 1).font = { color: { argb: 'FFCF1322' } };
  }
  sheet.getColumn(width + 1).width = 60;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width + 1 } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
