/** Photos go to the server as base64 JPEG of at most 1 MB; a phone's camera gives 3–8 MB, so they are shrunk here first. */
export const MAX_PHOTO_BYTES = 1_000_000;
const MAX_SIDE = 1600;

export interface PhotoData {
  mime: 'image/jpeg';
  /** Base64 without the "data:" prefix. */
  data: string;
  /** The compressed photo as a data: URL, for the form's thumbnail. */
  preview: string;
  bytes: number;
}

/** The file's bytes as a data: URL (the page's Content-Security-Policy lets images load from data:, not blob:). */
function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

type Drawable = { source: CanvasImageSource; width: number; height: number };

/** The picked photo decoded: straight from the file where the browser can, else through an image element. */
async function decode(file: File): Promise<Drawable> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file);
      return { source: bitmap, width: bitmap.width, height: bitmap.height };
    } catch {
      // fall through: some browsers decode only some types this way
    }
  }
  const url = await dataUrlOf(file);
  const img = await new Promise<HTMLImageElement>((resolve, reject) => {
    const el = new Image();
    el.onload = () => resolve(el);
    el.onerror = () => reject(new Error('not an image'));
    el.src = url;
  });
  return { source: img, width: img.width, height: img.height };
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', quality));
}


/**
 * A picked photo drawn on a canvas at most 1600 px a side and encoded as JPEG, at lower quality
 * and then smaller sizes until it fits in 1 MB. Rejects for a file that is not an image.
 */
export async function compressPhoto(file: File): Promise<PhotoData> {
  const img = await decode(file);
  let side = MAX_SIDE;
  for (let attempt = 0; attempt < 6; attempt++) {
    const scale = Math.min(1, side / Math.max(img.width, img.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas');
    // A transparent PNG becomes JPEG on white, not on black.
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img.source, 0, 0, canvas.width, canvas.height);
    for (const quality of [0.85, 0.7, 0.55]) {
      const blob = await toBlob(canvas, quality);
      if (blob.size <= MAX_PHOTO_BYTES) {
        const preview = await dataUrlOf(blob);
        if ('close' in img.source) img.source.close();
        return { mime: 'image/jpeg', data: preview.replace(/^data:[^,]*,/, ''), preview, bytes: blob.size };
      }
    }
    side = Math.round(side * 0.7);
  }
  throw new Error('too large');
}
