// A picture the user gives the editor (file chooser, drop, paste) on its way into the deck: checked here first (size,
// type from its bytes, that it decodes), so a bad file gets a clear message before anything is sent; then, when it is
// larger than DISPLAY_EDGE, a display copy is made here with the browser's own decoders (createImageBitmap + canvas,
// every accepted format, no library, no network) and both go to `addAsset`, which checks them again and stores them.
// The picture stays whole in the store and in bundles; screens and exports show the copy.
import { ApiError, FILE_LIMITS, type DeckApi } from '../../../decks/common/api.ts';
import { DISPLAY_EDGE, sniffImageMime, type ImageMime } from '../../../decks/common/imageFormat.ts';
import type { Asset } from '../../../decks/common/model.ts';
import { translate } from '../i18n/messages.ts';
import type { MessageKey } from '../i18n/zh.ts';
import { bytesToBase64 } from '../library/base64.ts';

function refused(key: MessageKey, params: Record<string, string | number>): ApiError {
  return new ApiError('INVALID_ARGUMENT', translate('zh', key, params), translate('en', key, params));
}

/** JPEG quality of display copies: indistinguishable from the picture at slide size, a fraction of its bytes. */
const JPEG_QUALITY = 0.88;

/** Whether any pixel is not fully opaque (a logo or a chart with transparency must keep it: PNG, not JPEG). */
function hasAlpha(data: Uint8ClampedArray): boolean {
  for (let i = 3; i < data.length; i += 4) if (data[i]! < 255) return true;
  return false;
}

/** The display copy of a decoded picture: at most DISPLAY_EDGE a side, JPEG unless it has transparency. */
async function displayCopy(source: Blob, width: number, height: number, mime: ImageMime): Promise<{ bytes: Uint8Array; mime: ImageMime }> {
  const scale = DISPLAY_EDGE / Math.max(width, height);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  // The browser's high-quality resampling (and EXIF orientation applied, so the copy is upright everywhere).
  const bitmap = await createImageBitmap(source, { resizeWidth: w, resizeHeight: h, resizeQuality: 'high' });
  try {
    const canvas = new OffscreenCanvas(w, h);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.drawImage(bitmap, 0, 0);
    let type: ImageMime = mime === 'image/jpeg' || !hasAlpha(g.getImageData(0, 0, w, h).data) ? 'image/jpeg' : 'image/png';
    let blob = await canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: JPEG_QUALITY } : { type });
    if (blob.size > FILE_LIMITS.displayBytes && type === 'image/png') {
      // A huge transparent picture: on white, as JPEG, rather than no copy at all.
      g.globalCompositeOperation = 'destination-over';
      g.fillStyle = '#fff';
      g.fillRect(0, 0, w, h);
      type = 'image/jpeg';
      blob = await canvas.convertToBlob({ type, quality: JPEG_QUALITY });
    }
    return { bytes: new Uint8Array(await blob.arrayBuffer()), mime: type };
  } finally {
    bitmap.close();
  }
}

/**
 * Adds a picture file to the deck: refused with a clear message (zh + en) when it is too large, not a picture, or
 * cannot be read, and nothing is stored then. Returns the assets stored (the picture, and its display copy if any).
 */
export async function addPictureFile(api: DeckApi, deckId: string, file: Blob, name: string): Promise<{ picture: Asset; stored: Asset[] }> {
  const shown = name.slice(0, 80) || 'image';
  if (file.size > FILE_LIMITS.assetBytes) throw refused('picture.tooLarge', { name: shown, max: FILE_LIMITS.assetBytes / 1024 / 1024 });
  if (file.size === 0) throw refused('picture.notImage', { name: shown });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mime = sniffImageMime(bytes);
  if (!mime) throw refused('picture.notImage', { name: shown });
  const blob = new Blob([bytes], { type: mime });
  let size: { width: number; height: number };
  try {
    const bitmap = await createImageBitmap(blob);
    size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
  } catch {
    throw refused('picture.unreadable', { name: shown });
  }
  const copy = Math.max(size.width, size.height) > DISPLAY_EDGE ? await displayCopy(blob, size.width, size.height, mime) : null;
  const picture = await api.addAsset({
    deckId,
    dataBase64: bytesToBase64(bytes),
    mime,
    ...(copy ? { display: { dataBase64: bytesToBase64(copy.bytes), mime: copy.mime } } : {}),
  });
  return { picture, stored: await storedWithCopy(api, deckId, picture) };
}

/** The picture and its display copy as the deck now lists them. */
async function storedWithCopy(api: DeckApi, deckId: string, picture: Asset): Promise<Asset[]> {
  if (!picture.displayId) return [picture];
  const { asset } = await api.getAsset({ deckId, assetId: picture.displayId });
  return [picture, asset];
}

/** Copies a picture (with its display copy) from one deck to another: slides pasted between decks bring their pictures. */
export async function copyPicture(api: DeckApi, fromDeckId: string, toDeckId: string, assetId: string): Promise<Asset[]> {
  const { asset, dataBase64 } = await api.getAsset({ deckId: fromDeckId, assetId });
  const display = asset.displayId ? await api.getAsset({ deckId: fromDeckId, assetId: asset.displayId }) : null;
  const picture = await api.addAsset({
    deckId: toDeckId,
    dataBase64,
    mime: asset.mime,
    caption: asset.caption,
    credit: asset.credit,
    ...(display ? { display: { dataBase64: display.dataBase64, mime: display.asset.mime } } : {}),
  });
  return storedWithCopy(api, toDeckId, picture);
}

/** The first picture file of a drop or a paste, if there is one (a file of any type: the checks above judge it). */
export function pictureFileOf(data: DataTransfer | null | undefined): File | null {
  if (!data) return null;
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind === 'file') {
      const file = item.getAsFile();
      if (file) return file;
    }
  }
  return data.files?.[0] ?? null;
}
