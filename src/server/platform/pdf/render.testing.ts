import fs from 'node:fs';
import path from 'node:path';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF the way a reader's viewer does, with an independent implementation (pdf.js):
 * the text of each page, the fonts it draws with (and whether each is embedded), and each page
 * rendered to an image from the PDF's own fonts only — no system font can stand in.
 */
export interface RenderedPage {
  text: string;
  png: Buffer;
  width: number;
  height: number;
  /** Share of pixels darker than mid-grey in a band of the page (fractions of its height). */
  ink(from?: number, to?: number): number;
}

export interface RenderedPdf {
  pages: RenderedPage[];
  fonts: { name: string; embedded: boolean }[];
  title: string | null;
}

export async function renderPdf(pdfBytes: Buffer, scale = 1): Promise<RenderedPdf> {
  const pdf = await getDocument({ data: new Uint8Array(pdfBytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: RenderedPage[] = [];
  const fonts = new Map<string, boolean>();
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const viewport = page.getViewport({ scale });
    const [width, height] = [Math.floor(viewport.width), Math.floor(viewport.height)];
    // pdf.js draws on @napi-rs/canvas in Node; its factory is untyped.
    const factory = pdf.canvasFactory as { create(w: number, h: number): { canvas: { toBuffer(t: string): Buffer }; context: CanvasRenderingContext2D } };
    const { canvas, context } = factory.create(width, height);
    context.fillStyle = 'white';
    context.fillRect(0, 0, width, height);
    await page.render({ canvasContext: context, canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
    const pixels = context.getImageData(0, 0, width, height).data;
    const ops = await page.getOperatorList();
    for (let i = 0; i < ops.fnArray.length; i++) {
      if (ops.fnArray[i] !== OPS.setFont) continue;
      const font = page.commonObjs.get((ops.argsArray[i] as [string])[0]) as { name: string; missingFile: boolean };
      fonts.set(font.name, !font.missingFile);
    }
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
    pages.push({
      text,
      png: canvas.toBuffer('image/png'),
      width,
      height,
      ink(from = 0, to = 1) {
        const [y0, y1] = [Math.floor(from * height), Math.floor(to * height)];
        let dark = 0;
        for (let y = y0; y < y1; y++) for (let x = 0; x < width; x++) if (pixels[(y * width + x) * 4]! < 128) dark++;
        return dark / Math.max(1, (y1 - y0) * width);
      },
    });
  }
  const meta = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })), title: (meta.info as { Title?: string }).Title ?? null };
}

/** Keeps the page images where people can look at them (the test's artifacts folder). */
export function keepImages(pdf: RenderedPdf, dir: string, name: string) {
  fs.mkdirSync(dir, { recursive: true });
  pdf.pages.forEach((p, i) => fs.writeFileSync(path.join(dir, `${name}-${i + 1}.png`), p.png));
}
