// Pictures, as a person adds them: dropped on a photo slide's placeholder, chosen by clicking a frame, pasted, inserted
// on a bullet slide; fit, fill and the focal point; caption and credit typed on the slide. The picture shows in the
// editor, the thumbnails, the show and the console, and in the PPTX (a real picture) and the PDF (an image); a large
// photo is shown through its display copy and kept whole. Placeholders never reach the show or an export; bad files
// are refused with a clear message and change nothing.
import { strFromU8, unzipSync } from 'fflate';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { audienceSlides } from '../../decks/common/audience.ts';
import { DISPLAY_EDGE, imageSize, sniffImageMime } from '../../decks/common/imageFormat.ts';
import type { Deck, Slide } from '../../decks/common/model.ts';
import { readPdf } from '../unit/export/pdfText.ts';
import { expect, goOnAnyway, repoRoot, saved, test, uniqueTitle, withoutProposedCharts, type HuibaoServer } from './fixtures.ts';
import { dropFile, paintPhoto, pasteFile } from './photos.ts';
import { slideEdits } from '../fixtures/slideEdits.ts';

const SAMPLE = join(repoRoot, 'decks/samples/shangyu-youth-city.txt');
const SHOTS = join(repoRoot, process.env.HUIBAO_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'test-results/screenshots');

async function openEditor(page: Page, server: HuibaoServer, deckId: string): Promise<void> {
  await page.goto(server.url);
  await expect(page).toHaveURL(/#\/$/);
  await backToEditor(page, deckId);
}

/** From another route of the app (a show, the console) back to the editor, in the same tab. */
async function backToEditor(page: Page, deckId: string): Promise<void> {
  await page.evaluate((id) => (window.location.hash = `#/edit/${id}`), deckId);
  await expect(page.getByRole('listbox', { name: '幻灯片' })).toBeVisible();
}

const slideOption = (page: Page, n: number) => page.getByRole('listbox', { name: '幻灯片' }).getByRole('option', { name: new RegExp(`^第${n}张`) });

async function exportFrom(page: Page, item: string): Promise<Buffer> {
  await page.getByRole('toolbar', { name: '编辑工具栏' }).getByRole('button', { name: '导出', exact: true }).click();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('menu', { name: '导出' }).getByRole('menuitem', { name: item, exact: true }).click();
  // Every deck here has something for the pre-flight check (unconfirmed figures, missing photos): it is offered first.
  await goOnAnyway(page, '导出');
  return readDownload(await downloading);
}

async function readDownload(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/** The parts of a PPTX as text (XML) or bytes. */
function unzipPptx(bytes: Buffer): { text: Record<string, string>; raw: Record<string, Uint8Array> } {
  const raw = unzipSync(new Uint8Array(bytes));
  const text = Object.fromEntries(Object.entries(raw).filter(([n]) => /\.(xml|rels)$/.test(n)).map(([n, d]) => [n, strFromU8(d)]));
  return { text, raw };
}

const slideParts = (text: Record<string, string>) =>
  Object.keys(text)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));

test('a photo dropped on a placeholder shows in the editor, the show and the console, in the PPTX as a picture and in the PDF', async ({ page, server }) => {
  test.setTimeout(150_000);
  const title = uniqueTitle('配图汇报');
  const { deckId } = await server.api.importReport({ fileName: 'sample.txt', dataBase64: readFileSync(SAMPLE).toString('base64'), title });
  // Counted by place in the show: without the chart slide the import proposes (hidden).
  await withoutProposedCharts(server.api, deckId);
  const before = await server.api.getDeck({ deckId });
  const at = before.slides.findIndex((s) => s.layout === 'image');
  const photoSlide = before.slides[at]!;
  await openEditor(page, server, deckId);
  await slideOption(page, at + 1).click();
  const frame = page.locator('.stage .picture-drop');
  await expect(frame).toHaveAccessibleName('缺少图片：单击选择图片');
  await expect(page.locator('.stage-bar')).toContainText('缺少图片');

  // A large photo from a camera: 3600 × 2400.
  const photo = await paintPhoto(page, { width: 3600, height: 2400 });
  await dropFile(page, '.stage .picture-drop', { name: '上虞e游小镇.jpg', mime: 'image/jpeg', bytes: photo });
  const canvasImage = page.locator('.stage .hb-image-img');
  // Making the display copy of a camera-sized photo takes a few seconds on a busy 2-core machine.
  await expect(canvasImage).toBeVisible({ timeout: 30_000 });
  // What the screen loads is the display copy, never the whole photo.
  await expect.poll(() => canvasImage.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(DISPLAY_EDGE);
  await expect(page.locator('.stage-bar')).not.toContainText('缺少图片');
  await expect(slideOption(page, at + 1).locator('.hb-image-img')).toBeVisible();
  await saved(page);

  // Stored: the slide shows the picture, filling its frame; the photo is kept whole, its display copy beside it.
  const after = await server.api.getDeck({ deckId });
  const block = after.slides[at]!.blocks[0]!;
  expect(block).toMatchObject({ kind: 'image', fit: 'fill' });
  const assetId = block.kind === 'image' ? block.assetId! : '';
  const asset = after.assets.find((a) => a.id === assetId)!;
  expect(asset.displayId).toMatch(/^[0-9a-f]{64}$/);
  const whole = await server.api.getAsset({ deckId, assetId });
  expect(Buffer.from(whole.dataBase64, 'base64').equals(photo)).toBe(true);

  // The show, from this slide (Shift+F5), and the console.
  await page.keyboard.press('Shift+F5');
  await goOnAnyway(page);
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  const shownImage = page.locator('.reveal .slides > section.present .hb-image-img');
  await expect(shownImage).toBeVisible();
  await expect.poll(() => shownImage.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(DISPLAY_EDGE);
  await page.evaluate((id) => (window.location.hash = `#/console/${id}`), deckId);
  const position = audienceSlides(after.slides).findIndex((s) => s.id === photoSlide.id);
  await page.getByRole('navigation', { name: '幻灯片列表' }).getByRole('button', { name: `${position + 1} ${photoSlide.title}` }).click();
  await expect(page.getByRole('region', { name: '当前' }).locator('.hb-image-img')).toBeVisible();
  await backToEditor(page, deckId);

  // PPTX: the slide holds a real picture, its relationship points at the media part, the part is the display copy.
  const pptx = unzipPptx(await exportFrom(page, 'PowerPoint (.pptx)'));
  const parts = slideParts(pptx.text);
  const withPicture = parts.filter((n) => pptx.text[n]!.includes('<p:pic>'));
  expect(withPicture).toHaveLength(1);
  const part = withPicture[0]!;
  expect(pptx.text[part]).toContain(photoSlide.title);
  const embed = /<a:blip r:embed="([^"]+)"/.exec(pptx.text[part]!)![1]!;
  const rels = pptx.text[part.replace('slides/', 'slides/_rels/') + '.rels']!;
  const target = new RegExp(`Id="${embed}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="\\.\\./media/([^"]+)"[^>]*Id="${embed}"`).exec(rels)![1]!;
  const media = pptx.raw[`ppt/media/${target}`]!;
  expect(sniffImageMime(media)).toBe('image/jpeg');
  expect(imageSize(media, 'image/jpeg')).toEqual({ width: DISPLAY_EDGE, height: Math.round((2400 * DISPLAY_EDGE) / 3600) });
  expect(pptx.text['[Content_Types].xml']).toMatch(/Extension="jpe?g"/);

  // PDF: the page of that slide draws one image, as wide as the picture's frame.
  const pages = readPdf(await exportFrom(page, 'PDF'));
  const shown = audienceSlides(after.slides);
  expect(pages).toHaveLength(shown.length);
  const pdfPage = pages[position]!;
  expect(pdfPage.text.replace(/\s/g, '')).toContain(photoSlide.title.replace(/\s/g, ''));
  expect(pdfPage.images).toHaveLength(1);
  expect(pdfPage.images[0]!.width).toBeGreaterThan(400);
  expect(pages.filter((p) => p.images.length > 0)).toHaveLength(1);
});

test('a deck with empty placeholders shows none of them in the show or in any export, and lists them as missing photos', async ({ page, server }) => {
  test.setTimeout(150_000);
  const deck = await server.api.createDeck({ title: uniqueTitle('待配图') });
  await slideEdits(server.api).addSlide({ deckId: deck.id, layout: 'image', title: '等照片的幻灯片', blocks: [{ kind: 'image', assetId: null, caption: '新城鸟瞰（待补）', credit: '' }] });
  await slideEdits(server.api).addSlide({
    deckId: deck.id,
    layout: 'image',
    title: '有要点也缺图',
    blocks: [
      { kind: 'image', assetId: null, caption: '待补照片二', credit: '来源：宣传部' },
      { kind: 'bullet', text: '要点照常显示', level: 0 },
    ],
  });
  await openEditor(page, server, deck.id);
  await page.getByRole('tab', { name: /导入提示/ }).click();
  const missing = page.getByRole('region', { name: /缺少图片/ });
  await expect(missing.getByRole('heading')).toHaveText('缺少图片（2 张幻灯片）');
  await expect(missing.getByRole('listitem')).toHaveCount(2);
  await expect(missing.getByRole('listitem').first()).toContainText('放映和导出时略去此幻灯片');
  await expect(missing.getByRole('listitem').nth(1)).toContainText('放映和导出时略去此图片框');

  // The show: the cover and the slide with points; no placeholder, no caption of one.
  await page.keyboard.press('F5');
  await goOnAnyway(page);
  await expect(page.locator('.present-page')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('progressbar', { name: '放映进度' })).toHaveAttribute('aria-valuemax', '2');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.reveal .slides > section.present .hb-title')).toHaveText('有要点也缺图');
  await expect(page.locator('.reveal .slides > section.present')).toContainText('要点照常显示');
  await expect(page.locator('.reveal .hb-image, .reveal .hb-image-placeholder')).toHaveCount(0);
  await expect(page.locator('.reveal')).not.toContainText('等照片的幻灯片');
  await backToEditor(page, deck.id);

  const pptx = unzipPptx(await exportFrom(page, 'PowerPoint (.pptx)'));
  const parts = slideParts(pptx.text);
  expect(parts).toHaveLength(2);
  const all = parts.map((n) => pptx.text[n]).join('');
  for (const gone of ['等照片的幻灯片', '新城鸟瞰', '待补照片二', '图片待添加', 'prstDash']) expect(all).not.toContain(gone);
  expect(all).toContain('要点照常显示');

  const html = (await exportFrom(page, '网页 (.html)，用于发送，不含备注')).toString('utf8');
  for (const gone of ['等照片的幻灯片', '新城鸟瞰', '待补照片二']) expect(html).not.toContain(gone);
  expect(html).toContain('要点照常显示');

  const pages = readPdf(await exportFrom(page, 'PDF'));
  expect(pages).toHaveLength(2);
  expect(pages.map((p) => p.text).join('')).not.toContain('新城鸟瞰');
});

test('a bad file is refused with a clear message and changes nothing: not a picture, too large, damaged', async ({ page, server }) => {
  const deck = await server.api.createDeck({ title: uniqueTitle('坏文件') });
  await slideEdits(server.api).addSlide({ deckId: deck.id, layout: 'image', title: '照片', blocks: [{ kind: 'image', assetId: null, caption: '', credit: '' }] });
  await openEditor(page, server, deck.id);
  await slideOption(page, 2).click();
  const before = await server.api.getDeck({ deckId: deck.id });
  const toast = page.getByRole('status').filter({ hasText: '图片未添加' });

  await dropFile(page, '.stage .picture-drop', { name: '会议纪要.jpg', mime: 'image/jpeg', bytes: Buffer.from('这不是图片，是一段文字。') });
  await expect(toast).toContainText('“会议纪要.jpg”不是图片：只能插入 PNG、JPEG、WebP 或 GIF 图片。');

  // A JPEG one byte over the limit (its bytes made in the page: 15 MB do not need to cross the wire).
  await dropFile(page, '.stage .picture-drop', { name: '超大照片.jpg', mime: 'image/jpeg', bytes: await paintPhoto(page, { width: 40, height: 30 }), padTo: 15 * 1024 * 1024 + 1 });
  await expect(toast).toContainText('“超大照片.jpg”太大了：图片最多 15 MB。');

  const png = await paintPhoto(page, { width: 64, height: 48, type: 'image/png' });
  await dropFile(page, '.stage .picture-drop', { name: '损坏.png', mime: 'image/png', bytes: Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]) });
  await expect(toast).toContainText('“损坏.png”无法读取：图片文件可能已损坏。');

  await expect(page.locator('.stage .picture-drop')).toHaveAccessibleName('缺少图片：单击选择图片');
  expect(await server.api.getDeck({ deckId: deck.id })).toEqual(before);
});

test('a picture chosen by clicking its frame, replaced by pasting, inserted on a bullet slide; fit, fill, focus, caption and credit', async ({ page, server }) => {
  test.setTimeout(120_000);
  const deck = await server.api.createDeck({ title: uniqueTitle('图片操作') });
  await slideEdits(server.api).addSlide({ deckId: deck.id, layout: 'image', title: '新城全景', blocks: [{ kind: 'image', assetId: null, caption: '', credit: '' }] });
  await slideEdits(server.api).addSlide({ deckId: deck.id, layout: 'points', title: '主要成效', blocks: [{ kind: 'bullet', text: '城市更新全面提速', level: 0 }] });
  await openEditor(page, server, deck.id);
  await slideOption(page, 2).click();

  // Click → the file chooser → the picture.
  const dusk = await paintPhoto(page, { width: 1600, height: 900 });
  const choosing = page.waitForEvent('filechooser');
  await page.locator('.stage .picture-drop').click();
  await (await choosing).setFiles({ name: '全景.jpg', mimeType: 'image/jpeg', buffer: dusk });
  await expect(page.locator('.stage .hb-image-img')).toBeVisible();
  await saved(page);
  const first = (await server.api.getDeck({ deckId: deck.id })).slides[1]!.blocks[0];

  // Paste a picture onto the focused frame: it replaces the first.
  const day = await paintPhoto(page, { width: 1200, height: 800, scene: 'day', seed: 11, type: 'image/png' });
  await page.locator('.stage .picture-drop').focus();
  await pasteFile(page, { name: 'image.png', mime: 'image/png', bytes: day });
  await expect.poll(async () => (await server.api.getDeck({ deckId: deck.id })).slides[1]!.blocks[0]).not.toEqual(first);
  const replaced = (await server.api.getDeck({ deckId: deck.id })).slides[1]!.blocks[0]!;
  expect(replaced).toMatchObject({ kind: 'image', fit: 'fill' });

  // Fit shows the whole picture; fill covers the frame around the focal point chosen on the preview.
  const inspector = page.locator('.picture-inspector');
  await inspector.getByRole('radio', { name: '适应' }).click();
  await expect(page.locator('.stage .hb-image-img')).not.toHaveClass(/is-fill/);
  await inspector.getByRole('radio', { name: '填充' }).click();
  await expect(page.locator('.stage .hb-image-img')).toHaveClass(/is-fill/);
  const preview = inspector.getByRole('slider', { name: '焦点' });
  const box = (await preview.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.75);
  await expect(page.locator('.stage .hb-image-img')).toHaveCSS('object-position', /^25% 75%$/);
  await preview.press('ArrowRight');
  await expect(page.locator('.stage .hb-image-img')).toHaveCSS('object-position', /^27% 75%$/);

  // Caption and credit, typed on the slide.
  await page.locator('.stage [data-field$=":b0:caption"]').click();
  await page.keyboard.type('新城全景（2023年）');
  await page.keyboard.press('Enter');
  await page.keyboard.type('摄影：区融媒体中心');
  await saved(page);
  const stored = (await server.api.getDeck({ deckId: deck.id })).slides[1]!.blocks[0]!;
  expect(stored).toMatchObject({ kind: 'image', fit: 'fill', focus: { x: 0.27, y: 0.75 }, caption: '新城全景（2023年）', credit: '摄影：区融媒体中心' });

  // Insert › Picture on a bullet slide: the picture goes beside the points (an image slide), as one undoable step.
  await slideOption(page, 3).click();
  const inserting = page.waitForEvent('filechooser');
  await page.getByRole('toolbar', { name: '编辑工具栏' }).getByRole('button', { name: '插入图片' }).click();
  await (await inserting).setFiles({ name: '成效.jpg', mimeType: 'image/jpeg', buffer: dusk });
  await expect(page.locator('.stage .hb-slide.layout-image .hb-image-img')).toBeVisible();
  await expect(page.locator('.stage .hb-slide')).toContainText('城市更新全面提速');
  await saved(page);
  const withPicture = (await server.api.getDeck({ deckId: deck.id })).slides[2]!;
  expect(withPicture.layout).toBe('image');
  expect(withPicture.blocks.map((b) => b.kind)).toEqual(['image', 'bullet']);
  await page.locator('.stage .canvas-slide').focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.stage .hb-slide.layout-points')).toBeVisible();
  await saved(page);
  expect((await server.api.getDeck({ deckId: deck.id })).slides[2]!).toMatchObject({ layout: 'points', blocks: [{ kind: 'bullet', text: '城市更新全面提速', level: 0 }] });
});

test('screenshot: the editor with pictures', async ({ page, server }) => {
  test.setTimeout(120_000);
  const { deckId } = await server.api.importReport({ fileName: 'sample.txt', dataBase64: readFileSync(SAMPLE).toString('base64') });
  const deck = await server.api.getDeck({ deckId });
  await openEditor(page, server, deckId);
  const photoSlides = deck.slides.map((s, i) => [s, i] as [Slide, number]).filter(([s]) => s.layout === 'image');
  expect(photoSlides.length).toBeGreaterThanOrEqual(2);
  for (const [k, [, i]] of photoSlides.slice(0, 2).entries()) {
    await slideOption(page, i + 1).click();
    const photo = await paintPhoto(page, { width: 2400, height: 1500, seed: 3 + k * 17, scene: k === 0 ? 'dusk' : 'day' });
    await dropFile(page, '.stage .picture-drop', { name: `photo-${k}.jpg`, mime: 'image/jpeg', bytes: photo });
    await expect(page.locator('.stage .hb-image-img')).toBeVisible();
  }
  await saved(page);
  const [, shownAt] = photoSlides[0]!;
  await slideOption(page, shownAt + 1).click();
  await page.locator('.stage [data-field$=":b0:credit"]').click();
  await page.keyboard.type('摄影：上虞区融媒体中心');
  await page.locator('.stage .canvas-slide').focus();
  await saved(page);
  await slideOption(page, shownAt + 1).scrollIntoViewIfNeeded();
  await page.mouse.move(700, 860);
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 15_000 });
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'editor-pictures.png') });
  const stored: Deck = await server.api.getDeck({ deckId });
  expect(stored.slides[shownAt]!.blocks[0]).toMatchObject({ credit: '摄影：上虞区融媒体中心' });
});
