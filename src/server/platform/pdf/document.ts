import PDFDocument from 'pdfkit';
import { fontData, mainFont, runsOf, type Weight } from './cjk-font.ts';

/**
 * A4 documents in the platform's font, written top to bottom: headings, paragraphs, label and
 * value lists and tables that continue on the next page, with a footer on every page. Enough
 * for reports people print and file; not a layout engine.
 */
const MARGIN = 56;
const SIZE = 10.5;
const GREY = '#555555';

export interface Column {
  title: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

export interface Cell {
  text: string;
  bold?: boolean;
  indent?: number;
}

export class PdfDocument {
  private readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;
  private readonly registered = new Set<string>();

  constructor(meta: { title: string; author: string; lang: string }) {
    this.doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, lang: meta.lang, info: { Title: meta.title, Author: meta.author }, displayTitle: true });
    const chunks: Buffer[] = [];
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.font(mainFont(400)).fontSize(SIZE);
  }

  private font(name: string) {
    if (!this.registered.has(name)) {
      this.doc.registerFont(name, fontData(name));
      this.registered.add(name);
    }
    return this.doc.font(name);
  }

  private get width() {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom() {
    return this.doc.page.height - MARGIN;
  }

  /** Writes text at the cursor (or at x, y) in runs of the fonts that draw its characters. */
  private write(text: string, weight: Weight, options: PDFKit.Mixins.TextOptions & { x?: number; y?: number } = {}) {
    const { x, y, ...rest } = options;
    const runs = runsOf(text || ' ', weight);
    runs.forEach((run, i) => {
      this.font(run.font);
      const opts = { ...rest, continued: i < runs.length - 1 };
      if (i === 0 && x !== undefined) this.doc.text(run.text, x, y, opts);
      else this.doc.text(run.text, opts);
    });
    this.font(mainFont(400));
  }

  private room(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  title(text: string, subtitle?: string) {
    this.doc.fontSize(18);
    this.write(text, 700, { align: 'center', width: this.width, x: MARGIN });
    this.doc.fontSize(SIZE);
    if (subtitle) {
      this.doc.moveDown(0.3).fillColor(GREY);
      this.write(subtitle, 400, { align: 'center', width: this.width, x: MARGIN });
      this.doc.fillColor('black');
    }
    this.doc.moveDown(1);
  }

  heading(text: string) {
    this.room(SIZE * 5);
    this.doc.moveDown(0.6).fontSize(13);
    this.write(text, 700, { x: MARGIN, width: this.width });
    this.doc.fontSize(SIZE).moveDown(0.3);
  }

  paragraph(text: string, options: { grey?: boolean } = {}) {
    this.room(SIZE * 2);
    if (options.grey) this.doc.fillColor(GREY);
    this.write(text, 400, { x: MARGIN, width: this.width, lineGap: 3 });
    this.doc.fillColor('black').moveDown(0.4);
  }

  /** Label and value pairs, one per line, labels in a column of their own. */
  facts(rows: readonly [string, string][]) {
    const labelWidth = this.width * 0.22;
    for (const [label, value] of rows) {
      const height = Math.max(this.doc.heightOfString(label, { width: labelWidth - 8 }), this.doc.heightOfString(value || ' ', { width: this.width - labelWidth })) + 4;
      this.room(height);
      const y = this.doc.y;
      this.doc.fillColor(GREY);
      this.write(label, 400, { x: MARGIN, y, width: labelWidth - 8 });
      this.doc.fillColor('black');
      this.write(value, 400, { x: MARGIN + labelWidth, y, width: this.width - labelWidth });
      this.doc.y = Math.max(this.doc.y, y + height);
    }
    this.doc.moveDown(0.3);
  }

  /** A table with a header row, repeated when it continues on a new page. */
  table(columns: readonly Column[], rows: readonly (readonly Cell[])[]) {
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const lefts = widths.map((_, i) => MARGIN + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const pad = 4;
    const line = (cells: readonly Cell[], header: boolean) => {
      const heights = cells.map((c, i) => this.doc.heightOfString(c.text || ' ', { width: widths[i]! - 2 * pad - (c.indent ?? 0) }));
      const height = Math.max(...heights) + 2 * pad;
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        if (!header) line(columns.map((c) => ({ text: c.title, bold: true })), true);
      }
      const y = this.doc.y;
      if (header) this.doc.rect(MARGIN, y, this.width, height).fill('#eeeeee').fillColor('black');
      cells.forEach((c, i) => {
        const indent = c.indent ?? 0;
        this.write(c.text, c.bold || header ? 700 : 400, { x: lefts[i]! + pad + indent, y: y + pad, width: widths[i]! - 2 * pad - indent, align: columns[i]!.align ?? 'left' });
      });
      this.doc.moveTo(MARGIN, y + height).lineTo(MARGIN + this.width, y + height).lineWidth(0.5).strokeColor('#bbbbbb').stroke();
      this.doc.y = y + height;
    };
    line(columns.map((c) => ({ text: c.title, bold: true })), true);
    for (const row of rows) line(row, false);
    this.doc.x = MARGIN;
    this.doc.moveDown(0.5);
  }

  /** Numbers every page ("page n of m" from the caller) and closes the document. */
  async finish(footer: (page: number, pages: number) => string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      // Writing in the bottom margin would start a new page; the margin is lifted for the footer.
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.fontSize(8).fillColor(GREY);
      this.write(footer(i + 1, count), 400, { x: MARGIN, y: this.doc.page.height - MARGIN / 2 - 4, width: this.width, align: 'center', lineBreak: false });
      this.doc.fillColor('black').fontSize(SIZE);
      this.doc.page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.done;
  }
}
