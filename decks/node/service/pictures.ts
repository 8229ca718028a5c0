// Pictures: images added to a deck (checked by their bytes, stored once by their sha256) and read back.
import { createHash } from 'node:crypto';
import { FILE_LIMITS } from '../../common/api.ts';
import { DISPLAY_EDGE, isDisplayCopy, sniffImageMime, type ImageMime } from '../../common/imageFormat.ts';
import { decodeBase64, invalid, notFound, type Methods, type ServiceContext } from './context.ts';

const MIME_NAMES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/x-png': 'image/png' };

interface CheckedImage {
  id: string;
  mime: ImageMime;
  bytes: Uint8Array;
}

/** An image file as sent: decoded, within `limit`, a raster format recognised from its bytes that agrees with `mime`. */
function checkedImage(dataBase64: string, mime: string, limit: number): CheckedImage {
  const bytes = decodeBase64(dataBase64);
  if (bytes.length === 0) throw invalid('图片文件是空的。', 'The image file is empty.');
  if (bytes.length > limit) {
    const max = limit / 1024 / 1024;
    throw invalid(`图片过大（最多 ${max} MB）。`, `The image is too large (at most ${max} MB).`);
  }
  const sniffed = sniffImageMime(bytes);
  if (!sniffed) {
    throw invalid(
      '只能添加 PNG、JPEG、WebP 或 GIF 图片（SVG 等其他格式可能含有脚本，不予接受）。',
      'Only PNG, JPEG, WebP or GIF images can be added (SVG and other formats may carry script and are refused).',
    );
  }
  const declared = mime.trim().toLowerCase();
  if ((MIME_NAMES[declared] ?? declared) !== sniffed) {
    throw invalid(`文件内容是 ${sniffed}，与声明的类型 ${mime.slice(0, 60)} 不符。`, `The file holds ${sniffed}, not the declared ${mime.slice(0, 60)}.`);
  }
  return { id: createHash('sha256').update(bytes).digest('hex'), mime: sniffed, bytes };
}

function checkDisplayCopy(picture: CheckedImage, copy: CheckedImage): void {
  if (!isDisplayCopy(picture, copy)) {
    throw invalid(
      `显示用的图片副本无效：应小于原图，且长边不超过 ${DISPLAY_EDGE} 像素。`,
      `The display copy of the picture is not valid: it must be smaller than the picture and at most ${DISPLAY_EDGE} pixels on its longer side.`,
    );
  }
}

export function pictureMethods(ctx: ServiceContext): Methods<'addAsset' | 'getAsset'> {
  const { store, requireDeck } = ctx;
  return {
    addAsset({ deckId, dataBase64, mime, caption, credit, display }) {
      requireDeck(deckId);
      const picture = checkedImage(dataBase64, mime, FILE_LIMITS.assetBytes);
      const copy = display && checkedImage(display.dataBase64, display.mime, FILE_LIMITS.displayBytes);
      if (copy) checkDisplayCopy(picture, copy);
      // The deck's `updatedAt` stays: a stored picture changes nothing shown until a slide uses it (an edit, which an
      // editor saving from its last known state must not find refused as a conflict).
      store.transaction(() => {
        store.assets.add(deckId, { id: picture.id, mime: picture.mime, caption: caption ?? '', credit: credit ?? '', bytes: picture.bytes.length }, picture.bytes);
        if (copy) {
          store.assets.add(deckId, { id: copy.id, mime: copy.mime, caption: '', credit: '', bytes: copy.bytes.length }, copy.bytes);
          store.assets.setDisplay(deckId, picture.id, copy.id);
        }
      });
      return store.assets.get(deckId, picture.id)!;
    },

    getAsset({ deckId, assetId }) {
      requireDeck(deckId);
      const asset = store.assets.get(deckId, assetId);
      const data = asset && store.assets.data(asset.id);
      if (!asset || !data) throw notFound({ zh: '图片', en: 'image' }, assetId);
      return { asset, dataBase64: Buffer.from(data).toString('base64') };
    },
  };
}
