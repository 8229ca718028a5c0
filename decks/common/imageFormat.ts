// Recognising an image from its bytes (never from a name or a claimed type) and reading its pixel size.
// Only raster formats that cannot carry script are accepted: PNG, JPEG, WebP, GIF (no SVG).
import type { Asset } from './model.ts';

export type ImageMime = Asset['mime'];

/**
 * The longest side, in pixels, of what screens and exports show of a picture: twice the slide's 1280 px, sharp on a
 * 2560-wide projector or a printed page. A larger picture is shown through a copy of this size (Asset.displayId).
 */
export const DISPLAY_EDGE = 2560;

export const IMAGE_EXTENSIONS: Record<ImageMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

/** The image type the bytes start with (their magic number), or null when they are not PNG, JPEG, WebP or GIF. */
export function sniffImageMime(b: Uint8Array): ImageMime | null {
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, 'PNG\r\n\x1a\n')) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'image/webp';
  if (b.length >= 6 && (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'))) return 'image/gif';
  return null;
}

/** Width and height in pixels, or null when the header cannot be read (the caller then assumes 4:3). */
export function imageSize(b: Uint8Array, mime: ImageMime): { width: number; height: number } | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const ok = (w: number, h: number) => (w > 0 && h > 0 ? { width: w, height: h } : null);
  try {
    switch (mime) {
      case 'image/png':
        return ascii(b, 12, 'IHDR') ? ok(view.getUint32(16), view.getUint32(20)) : null;
      case 'image/gif':
        return ok(view.getUint16(6, true), view.getUint16(8, true));
      case 'image/webp':
        if (ascii(b, 12, 'VP8 ')) return ok(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
        if (ascii(b, 12, 'VP8L')) {
          const bits = view.getUint32(21, true);
          return ok((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
        }
        if (ascii(b, 12, 'VP8X')) return ok((view.getUint32(24, true) & 0xffffff) + 1, (view.getUint32(27, true) & 0xffffff) + 1);
        return null;
      case 'image/jpeg': {
        // Walk the segments to the first start-of-frame marker (SOF0..SOF15 except DHT, JPG, DAC).
        let at = 2;
        while (at + 9 < b.length) {
          if (b[at] !== 0xff) return null;
          const marker = b[at + 1]!;
          if (marker === 0xff) {
            at += 1;
            continue;
          }
          const length = view.getUint16(at + 2);
          if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
            return ok(view.getUint16(at + 7), view.getUint16(at + 5));
          }
          at += 2 + length;
        }
        return null;
      }
    }
  } catch {
    return null; // a truncated header: DataView reads past the end
  }
}

/** Whether `copy` can stand for `picture` on screen: at most DISPLAY_EDGE pixels a side, and fewer pixels than the picture. */
export function isDisplayCopy(picture: { mime: ImageMime; bytes: Uint8Array }, copy: { mime: ImageMime; bytes: Uint8Array }): boolean {
  const size = imageSize(copy.bytes, copy.mime);
  const whole = imageSize(picture.bytes, picture.mime);
  return size !== null && whole !== null && Math.max(size.width, size.height) <= DISPLAY_EDGE && size.width * size.height < whole.width * whole.height;
}
