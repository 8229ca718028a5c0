// The deck as an editable PowerPoint file (pptxgenjs): one slide per slide at 16:9, hidden slides kept and marked hidden
// (show="0"), each title in the title placeholder of a slide master (so outline view and screen readers find it),
// slide numbers as fields, bullets as real text, figures as text with their current values, pictures as real pictures
// (fitted, or filled around their focal point), speaker notes in the notes pane, the theme's colours. Picture
// placeholders never reach the file (audience.ts). Every run names the East Asian font and zh-CN, so WPS, PowerPoint and
// LibreOffice pick the same typeface; pptxgenjs's output is then corrected in place (notes, theme fonts, repeated
// paragraph properties) — see finishPackage.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type PptxGenJS from 'pptxgenjs';
import { ApiError } from '../../common/api.ts';
import { audienceSlides } from '../../common/audience.ts';
import { formatNumber, resolveFigureRefs, splitFigureRefs, withoutEmphasis } from '../../common/figures.ts';
import { approvalRecord } from '../../common/approval.ts';
import type { Approval, Block, Deck, Figure, ImageBlock, Slide, Theme } from '../../common/model.ts';
import { EXPORT_FONT, THEME_PALETTES, type ThemePalette } from '../../common/themes.ts';
import { chineseNumeral, groupBlocks, tableSize, type BlockGroup } from '../../common/slideLayout.ts';
import { imageSize, type ImageMime } from '../../common/imageFormat.ts';
import { addChart, finishChartXml } from './pptxChart.ts';

export const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** LAYOUT_WIDE: 13.333 × 7.5 in, the slide's 1280 × 720 logical pixels at 96 per inch. */
const SLIDE_W = 13.333;
const SLIDE_H = 7.5;
const px = (n: number) => n / 96;
const LANG = 'zh-CN';
const NOTES_MARK = '@@HUIBAO_NOTES@@';

export interface PptxImage {
  mime: ImageMime;
  bytes: Uint8Array;
}

type TextRun = PptxGenJS.TextProps;
type RunOptions = PptxGenJS.TextPropsOptions;
type Box = { x: number; y: number; w: number; h: number };

/** Removes what XML 1.0 cannot hold (control characters, lone surrogates); line breaks become spaces inside a run. */
function xmlText(text: string): string {
  return (
    text
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/[\r\n\t]+/g, ' ')
  );
}

function run(text: string, options: RunOptions = {}): TextRun {
  return { text: xmlText(text), options: { fontFace: EXPORT_FONT, lang: LANG, ...options } };
}

/** Runs of text with `{fig:KEY}` references (each figure its current display, bold in the figure colour) and emphasis (bold). */
function figureRuns(text: string, figures: ReadonlyMap<string, Figure>, base: RunOptions, figureColor: string): TextRun[] {
  return splitFigureRefs(text).map((r) => {
    const options = r.em ? { ...base, bold: true } : base;
    return r.kind === 'text' ? run(r.text, options) : run(figures.get(r.key)?.display ?? '[?]', { ...options, bold: true, color: figureColor });
  });
}

/** Ends a paragraph after the last run; paragraph options (bullets, indents) go on the first run only. */
function paragraph(runs: TextRun[], para: RunOptions = {}): TextRun[] {
  if (runs.length === 0) runs = [run('')];
  return runs.map((r, i) => ({ text: r.text, options: { ...r.options, ...(i === 0 ? para : {}), breakLine: i === runs.length - 1 } }));
}

/** Characters of a run of text, a figure reference counting as six. */
const textLength = (text: string) => withoutEmphasis(text).replace(/\{fig:[^}]*\}/g, '123456').length;

/** Body font sizes in points, largest first (the renderer's densities: 34, 30, 26, 22, 19 px). */
const BODY_SIZES = [25.5, 22.5, 19.5, 16.5, 14] as const;

const CALLOUT_ROW_H = 1.75;
const calloutRows = (n: number) => Math.ceil(n / (n === 4 ? 4 : 3));

/** Height in inches of the text groups at a font size, in a column `width` inches wide. */
function textHeight(groups: BlockGroup[], size: number, width: number): number {
  const perLine = Math.max(8, Math.floor((width * 72) / size) - 1);
  let h = 0;
  for (const g of groups) {
    const lengths = g.kind === 'bullets' ? g.items.map((b) => textLength(b.text) + b.level * 2) : g.kind === 'text' ? [textLength(g.block.text)] : [];
    for (const len of lengths) h += (Math.max(1, Math.ceil(len / perLine)) * size * 1.4 + size * 0.5) / 72;
    if (g.kind === 'figures') h += calloutRows(g.items.length) * CALLOUT_ROW_H + 0.2;
  }
  return h;
}

interface SlideContext {
  pptx: PptxGenJS;
  slide: PptxGenJS.Slide;
  palette: ThemePalette;
  theme: Theme;
  figures: ReadonlyMap<string, Figure>;
  images: ReadonlyMap<string, PptxImage>;
}

function addTextGroup(ctx: SlideContext, g: Extract<BlockGroup, { kind: 'bullets' | 'text' }>, box: Box, size: number, color: string, align: 'left' | 'center' = 'left'): void {
  const { palette, figures } = ctx;
  let runs: TextRun[];
  if (g.kind === 'bullets') {
    runs = g.items.flatMap((b) => {
      const scale = [1, 0.88, 0.82, 0.78][b.level]!;
      const base: RunOptions = { fontSize: Math.round(size * scale * 2) / 2, color: b.level === 0 ? color : palette.ink2 };
      const marker = b.level === 0 ? '25C6' : '25CF'; // ◆ top level, ● below, as the slide CSS draws them
      return paragraph(figureRuns(b.text, figures, base, palette.figure), {
        bullet: { characterCode: marker, indent: Math.round(size * 1.1) },
        indentLevel: b.level,
        paraSpaceAfter: Math.round(size * 0.4),
      });
    });
  } else {
    const role = g.block.role;
    const quote = role === 'quote';
    const small = role === 'byline' || role === 'date';
    const base: RunOptions = {
      fontSize: quote ? Math.round(size * 1.25) : small ? Math.round(size * 0.75) : size,
      bold: quote,
      color: role === 'body' || quote ? color : palette.ink2,
    };
    runs = paragraph(figureRuns(g.block.text, figures, base, palette.figure), { align: small ? 'right' : align });
  }
  ctx.slide.addText(runs, { ...box, valign: 'top', fontFace: EXPORT_FONT, lang: LANG, fontSize: size, color, margin: 0, fit: 'shrink', lineSpacingMultiple: 1.2 });
}

function addCallouts(ctx: SlideContext, items: Extract<Block, { kind: 'figure' }>[], box: Box): void {
  const { slide, palette, figures } = ctx;
  const perRow = items.length === 4 ? 4 : Math.min(3, items.length);
  const gap = px(24);
  const rows = calloutRows(items.length);
  const h = Math.min(CALLOUT_ROW_H + 0.6, (box.h - gap * (rows - 1)) / rows);
  const w = (box.w - gap * (perRow - 1)) / perRow;
  const bigSize = items.length === 1 ? 80 : items.length === 2 ? 64 : items.length === 4 ? 40 : 52;
  items.forEach((item, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, items.length - row * perRow);
    // A short last row is centred, as the CSS grid centres it.
    const x = box.x + (box.w - (inRow * w + (inRow - 1) * gap)) / 2 + (i % perRow) * (w + gap);
    const y = box.y + row * (h + gap);
    const figure = figures.get(item.key);
    slide.addShape(ctx.pptx.ShapeType.rect, { x, y, w, h, fill: { color: palette.calloutBackground }, line: { color: palette.accent, width: 1 } });
    slide.addShape(ctx.pptx.ShapeType.rect, { x, y, w, h: 0.06, fill: { color: palette.accent }, line: { color: palette.accent, width: 0 } });
    const value: TextRun[] = [];
    if (!figure) value.push(run('[?]', { fontSize: bigSize, bold: true, color: palette.figure }));
    else {
      // The number large, the words around it (约, 亿元, 第…位) smaller, like the slide shows them.
      const number = formatNumber(figure.value, figure.decimals, figure.grouped);
      const at = figure.display.indexOf(number);
      const parts = at < 0 ? ['', figure.display, ''] : [figure.display.slice(0, at), number, figure.display.slice(at + number.length)];
      parts.forEach((text, k) => {
        if (text) value.push(run(text, { fontSize: k === 1 ? bigSize : Math.round(bigSize * 0.42), bold: true, color: palette.figure }));
      });
    }
    const label = item.caption || figure?.label || item.key;
    slide.addText([...paragraph(value, { align: 'center' }), ...paragraph([run(label, { fontSize: 16, color: palette.ink2 })], { align: 'center' })], {
      x,
      y,
      w,
      h,
      valign: 'middle',
      fontFace: EXPORT_FONT,
      lang: LANG,
      margin: 6,
      fit: 'shrink',
    });
  });
}

function addImage(ctx: SlideContext, block: ImageBlock, box: Box): void {
  const { slide, palette } = ctx;
  const captionH = block.caption || block.credit ? 0.45 : 0;
  const frame = { x: box.x, y: box.y, w: box.w, h: Math.max(0.5, box.h - captionH) };
  // Only pictures the file holds reach here (forAudience leaves placeholders out).
  const image = block.assetId ? ctx.images.get(block.assetId) : undefined;
  if (image) {
    const size = imageSize(image.bytes, image.mime) ?? { width: 4, height: 3 };
    const data = `${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`;
    if (block.fit === 'fill') {
      // Covering the frame, cropped as the slide's CSS crops it (object-fit: cover at object-position focus).
      const scale = Math.max(frame.w / size.width, frame.h / size.height);
      const w = size.width * scale;
      const h = size.height * scale;
      const focus = block.focus ?? { x: 0.5, y: 0.5 };
      const crop = { x: (w - frame.w) * focus.x, y: (h - frame.h) * focus.y, w: frame.w, h: frame.h };
      slide.addImage({ data, x: frame.x, y: frame.y, w, h, sizing: { type: 'crop', ...crop }, altText: xmlText(block.caption) });
    } else {
      // Fitted inside the frame, keeping its proportions.
      const scale = Math.min(frame.w / size.width, frame.h / size.height);
      const w = size.width * scale;
      const h = size.height * scale;
      slide.addImage({ data, x: frame.x + (frame.w - w) / 2, y: frame.y + (frame.h - h) / 2, w, h, altText: xmlText(block.caption) });
    }
  }
  if (captionH) {
    const runs = [
      ...(block.caption ? figureRuns(block.caption, ctx.figures, { fontSize: 16, bold: true, color: palette.ink }, palette.figure) : []),
      ...(block.credit ? figureRuns(`  ${block.credit}`, ctx.figures, { fontSize: 12, color: palette.ink2 }, palette.figure) : []),
    ];
    slide.addText(paragraph(runs), { x: box.x, y: frame.y + frame.h + 0.05, w: box.w, h: captionH - 0.05, valign: 'top', fontFace: EXPORT_FONT, lang: LANG, margin: 0, fit: 'shrink' });
  }
}

/** Table font sizes in points: the slide's 26, 22 and 17 px. */
const TABLE_SIZES = { large: 19.5, medium: 16.5, small: 13 } as const;

/** A real table: a header row in the accent colour, banded body rows, figures in the figure colour. */
function addTable(ctx: SlideContext, block: Extract<Block, { kind: 'table' }>, box: Box): void {
  const { slide, palette, figures } = ctx;
  const size = TABLE_SIZES[tableSize(block)];
  const cells = (text: string, base: RunOptions, figureColor: string): PptxGenJS.TableCell[] =>
    figureRuns(text, figures, base, figureColor).map((r) => ({ text: r.text as string, options: r.options as PptxGenJS.TableCellProps }));
  const header: PptxGenJS.TableRow = block.header.map((c) => ({
    text: cells(c, { fontSize: size, bold: true, color: palette.background }, palette.background),
    options: { fill: { color: palette.accent }, align: 'center', valign: 'middle', bold: true },
  }));
  const body: PptxGenJS.TableRow[] = block.rows.map((row, i) =>
    block.header.map((_, j) => ({
      text: cells(row[j] ?? '', { fontSize: size, color: palette.ink }, palette.figure),
      options: { fill: { color: i % 2 === 1 ? palette.calloutBackground : palette.background }, align: j === 0 ? 'left' : 'center', valign: 'middle' },
    })),
  );
  const rowH = Math.min(0.6, box.h / (block.rows.length + 1));
  slide.addTable([header, ...body], {
    x: box.x,
    y: box.y,
    w: box.w,
    rowH,
    fontFace: EXPORT_FONT,
    fontSize: size,
    color: palette.ink,
    border: { type: 'solid', pt: 0.75, color: palette.ink2 },
    margin: 0.06,
    autoPage: false,
  });
}

function addBody(ctx: SlideContext, blocks: readonly Block[], area: Box, color: string, align: 'left' | 'center' = 'left'): void {
  const tables = blocks.filter((b): b is Extract<Block, { kind: 'table' | 'chart' }> => b.kind === 'table' || b.kind === 'chart');
  if (tables.length > 0) {
    // Text above, the tables and charts below sharing what is left of the body.
    const rest = blocks.filter((b) => b.kind !== 'table' && b.kind !== 'chart');
    const textH = rest.length ? Math.min(area.h * 0.35, textHeight(groupBlocks(rest), BODY_SIZES[2], area.w)) : 0;
    if (rest.length) addBody(ctx, rest, { ...area, h: textH }, color, align);
    const top = area.y + textH + (textH ? px(16) : 0);
    const eachH = (area.y + area.h - top - px(16) * (tables.length - 1)) / tables.length;
    tables.forEach((t, i) => {
      const box = { x: area.x, y: top + i * (eachH + px(16)), w: area.w, h: eachH };
      if (t.kind === 'chart') addChart(ctx.slide, ctx.pptx, t, box, ctx.figures, ctx.theme);
      else addTable(ctx, t, box);
    });
    return;
  }
  const groups = groupBlocks(blocks);
  if (groups.length === 0) return;
  const images = groups.filter((g): g is Extract<BlockGroup, { kind: 'image' }> => g.kind === 'image');
  const others = groups.filter((g): g is Exclude<BlockGroup, { kind: 'image' | 'table' | 'chart' }> => g.kind !== 'image' && g.kind !== 'table' && g.kind !== 'chart');
  let column = area;
  if (images.length > 0) {
    // Images on the left (1.4 parts), everything else on the right (1 part), as the image layout sets them.
    const gap = px(48);
    const imageW = others.length ? ((area.w - gap) * 1.4) / 2.4 : area.w;
    const eachH = (area.h - px(16) * (images.length - 1)) / images.length;
    images.forEach((g, i) => addImage(ctx, g.block, { x: area.x, y: area.y + i * (eachH + px(16)), w: imageW, h: eachH }));
    column = { x: area.x + imageW + gap, y: area.y, w: area.w - imageW - gap, h: area.h };
  }
  if (others.length === 0) return;
  const size = BODY_SIZES.find((s) => textHeight(others, s, column.w) <= column.h) ?? BODY_SIZES[BODY_SIZES.length - 1]!;
  const total = textHeight(others, size, column.w);
  // Each group gets its share of the column; figures-only slides are centred vertically.
  let y = column.y + (others.every((g) => g.kind === 'figures') ? Math.max(0, (column.h - total) / 2) : 0);
  for (const g of others) {
    const h = Math.min(column.y + column.h - y, (textHeight([g], size, column.w) / Math.max(total, column.h)) * column.h);
    if (h <= 0.05) break;
    const box = { x: column.x, y, w: column.w, h };
    if (g.kind === 'figures') addCallouts(ctx, g.items, box);
    else addTextGroup(ctx, g, box, size, color, align);
    y += h;
  }
}

/** The slide masters: content slides (title band, footer, slide number field) and covers (title, section, closing). */
const MASTER = { content: 'HUIBAO_CONTENT', cover: 'HUIBAO_COVER', coverWithBody: 'HUIBAO_COVER_BODY' } as const;
/** The name of the title placeholder on every master. */
const TITLE = 'title';

const HEAD_H = px(116);
const CONTENT_TITLE: Box = { x: px(80), y: 0, w: SLIDE_W - px(160), h: HEAD_H };
const FOOT: Box = { x: px(80), y: SLIDE_H - px(52), w: SLIDE_W - px(160), h: px(52) };
const NUMBER_W = 0.8;
/** Cover boxes: the section numeral above the title, the title, the subtitle under it, byline and date at the foot. */
const COVER_BOXES = {
  plain: { numeral: { y: 1.05, h: 0.95 }, title: { y: 2.05, h: 1.85 }, subtitle: { y: 4.0, h: 1.0 }, body: { y: 5.0, h: 0 } },
  withBody: { numeral: { y: 0.45, h: 0.7 }, title: { y: 1.15, h: 1.3 }, subtitle: { y: 2.5, h: 0.6 }, body: { y: 3.2, h: 2.6 } },
} as const;
const COVER_X = px(120);
const COVER_W = SLIDE_W - px(240);
const META: Box = { x: COVER_X, y: 6.0, w: COVER_W, h: 0.85 };

function defineMasters(pptx: PptxGenJS, palette: ThemePalette, deckTitle: string): void {
  const font = { fontFace: EXPORT_FONT, lang: LANG };
  const bar = (y: number, h: number, color: string) => ({ rect: { x: 0, y, w: SLIDE_W, h, fill: { color }, line: { color, width: 0 } } });
  pptx.defineSlideMaster({
    title: MASTER.content,
    background: { color: palette.background },
    objects: [
      ...(palette.headBackground ? [bar(0, HEAD_H, palette.headBackground)] : []),
      bar(HEAD_H, px(6), palette.headRule),
      { text: { text: xmlText(deckTitle), options: { ...FOOT, w: FOOT.w - NUMBER_W - 0.2, ...font, fontSize: 12, color: palette.ink2, valign: 'middle', margin: 0 } } },
      { placeholder: { options: { name: TITLE, type: 'title', ...CONTENT_TITLE, ...font, fontSize: 30, bold: true, color: palette.headInk, valign: 'middle', margin: 0 }, text: '' } },
    ],
    slideNumber: { x: FOOT.x + FOOT.w - NUMBER_W, y: FOOT.y, w: NUMBER_W, h: FOOT.h, fontFace: EXPORT_FONT, fontSize: 12, bold: true, color: palette.ink2, align: 'right', valign: 'middle', margin: 0 },
  });
  // Gold double rules near the top and bottom edges.
  const rules = [px(34), SLIDE_H - px(34) - px(14)].flatMap((y) => [
    { line: { x: 0, y, w: SLIDE_W, h: 0, line: { color: palette.coverInk2, width: 2.25 } } },
    { line: { x: 0, y: y + px(14), w: SLIDE_W, h: 0, line: { color: palette.coverInk2, width: 0.75 } } },
  ]);
  for (const [name, boxes] of [
    [MASTER.cover, COVER_BOXES.plain],
    [MASTER.coverWithBody, COVER_BOXES.withBody],
  ] as const) {
    pptx.defineSlideMaster({
      title: name,
      background: { color: palette.coverBackground },
      objects: [
        ...rules,
        { placeholder: { options: { name: TITLE, type: 'title', x: COVER_X, w: COVER_W, ...boxes.title, ...font, fontSize: 44, bold: true, color: palette.coverInk, align: 'center', valign: 'bottom', margin: 0 }, text: '' } },
      ],
    });
  }
}

/** The slide's title in the master's title placeholder (its box, font and colour come from the master). */
function addTitle(ctx: SlideContext, title: string, base: RunOptions, figureColor: string, align: 'left' | 'center'): void {
  ctx.slide.addText(paragraph(figureRuns(title, ctx.figures, base, figureColor), { align }), { placeholder: TITLE, fontFace: EXPORT_FONT, lang: LANG, margin: 0, fit: 'shrink' });
}

function addCoverSlide(ctx: SlideContext, s: Slide, sectionNumber: number | undefined): void {
  const { slide, palette, figures } = ctx;
  const roleText = (role: string) => s.blocks.flatMap((b) => (b.kind === 'text' && b.role === role ? [b.text] : []));
  const rest = s.blocks.filter((b) => !(b.kind === 'text' && ['subtitle', 'byline', 'date'].includes(b.role)));
  const boxes = rest.length ? COVER_BOXES.withBody : COVER_BOXES.plain;
  const titleSize = s.layout === 'section' ? 54 : s.layout === 'closing' ? 48 : 44;
  if (sectionNumber !== undefined) {
    slide.addText(paragraph([run(chineseNumeral(sectionNumber), { fontSize: 44, bold: true, color: palette.coverInk2 })], { align: 'center' }), {
      x: COVER_X, w: COVER_W, ...boxes.numeral, valign: 'bottom', fontFace: EXPORT_FONT, lang: LANG, margin: 0,
    });
  }
  addTitle(ctx, s.title, { fontSize: titleSize, bold: true, color: palette.coverInk }, palette.coverInk2, 'center');
  const subtitles = roleText('subtitle');
  if (subtitles.length) {
    slide.addText(
      subtitles.flatMap((sub) => paragraph(figureRuns(sub, figures, { fontSize: 22, color: palette.coverInk2 }, palette.coverInk2), { align: 'center' })),
      { x: COVER_X, w: COVER_W, ...boxes.subtitle, valign: 'top', fontFace: EXPORT_FONT, lang: LANG, margin: 0, fit: 'shrink' },
    );
  }
  const meta = [...roleText('byline'), ...roleText('date')];
  if (rest.length) addBody(ctx, rest, { x: px(160), w: SLIDE_W - px(320), y: boxes.body.y, h: meta.length ? boxes.body.h : META.y + META.h - boxes.body.y }, palette.coverInk2, 'center');
  if (meta.length) {
    slide.addText(
      meta.flatMap((m) => paragraph([run(m, { fontSize: 18, color: palette.coverInk })], { align: 'center' })),
      { ...META, valign: 'top', fontFace: EXPORT_FONT, lang: LANG, margin: 0, fit: 'shrink' },
    );
  }
}

function addContentSlide(ctx: SlideContext, s: Slide): void {
  const { slide, palette, figures } = ctx;
  addTitle(ctx, s.title, { fontSize: 30, bold: true, color: palette.headInk }, palette.headInk, 'left');
  const body = { x: px(80), y: px(150), w: SLIDE_W - px(160), h: px(720 - 150 - 72) };
  if (s.layout === 'agenda') {
    const items = s.blocks.filter((b): b is Extract<Block, { kind: 'bullet' | 'text' }> => b.kind === 'bullet' || b.kind === 'text');
    const rowH = Math.min(0.95, body.h / Math.max(1, items.length));
    items.forEach((b, i) => {
      const y = body.y + i * rowH;
      slide.addText([run(String(i + 1).padStart(2, '0'), { fontSize: 22, bold: true, color: palette.background })], {
        x: body.x + 0.3, y: y + 0.1, w: 0.8, h: rowH - 0.2, shape: ctx.pptx.ShapeType.rect, fill: { color: palette.accent }, align: 'center', valign: 'middle', fontFace: EXPORT_FONT, lang: LANG, margin: 0,
      });
      slide.addText(paragraph(figureRuns(b.text, figures, { fontSize: 26, bold: true, color: palette.ink }, palette.figure)), {
        x: body.x + 1.4, y, w: body.w - 1.7, h: rowH, valign: 'middle', fontFace: EXPORT_FONT, lang: LANG, margin: 0, fit: 'shrink',
      });
    });
  } else {
    addBody(ctx, s.blocks, body, palette.ink);
  }
}

const isCover = (s: Slide) => s.layout === 'title' || s.layout === 'section' || s.layout === 'closing';

/**
 * The deck as .pptx bytes: one slide per slide the audience could see, hidden ones marked hidden. `images` holds the
 * bytes shown for each picture, by asset id; a picture it lacks counts as a placeholder and is left out.
 */
export async function writePptx(deck: Deck, images: ReadonlyMap<string, PptxImage>): Promise<Uint8Array> {
  // Loaded on demand: pptxgenjs (and the JSZip inside it) would otherwise load with every `huibao` command.
  const { default: PptxGen } = await import('pptxgenjs');
  const pptx = new PptxGen();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = xmlText(deck.title);
  pptx.subject = xmlText(deck.subtitle);
  pptx.company = 'Huibao';
  pptx.theme = { headFontFace: EXPORT_FONT, bodyFontFace: EXPORT_FONT };
  const palette = THEME_PALETTES[deck.theme];
  defineMasters(pptx, palette, deck.title);
  const figures = new Map(deck.figures.map((f) => [f.key, f]));
  const notes: string[] = [];
  let sections = 0;
  for (const s of audienceSlides(deck.slides, new Set(images.keys()))) {
    const hasBody = s.blocks.some((b) => !(b.kind === 'text' && ['subtitle', 'byline', 'date'].includes(b.role)));
    const slide = pptx.addSlide({ masterName: isCover(s) ? (hasBody ? MASTER.coverWithBody : MASTER.cover) : MASTER.content });
    // Kept, and skipped in the show, as PowerPoint and WPS do with a slide hidden there.
    if (s.hidden) slide.hidden = true;
    const ctx: SlideContext = { pptx, slide, palette, theme: deck.theme, figures, images };
    // Sections are numbered as the show numbers them: hidden ones do not count.
    if (s.layout === 'section' && !s.hidden) sections++;
    if (isCover(s)) addCoverSlide(ctx, s, s.layout === 'section' && !s.hidden ? sections : undefined);
    else addContentSlide(ctx, s);
    // The notes pane is written by finishPackage (pptxgenjs puts all notes in one run, without a language or font).
    slide.addNotes(NOTES_MARK);
    notes.push(resolveFigureRefs(s.notes, figures));
  }
  let written: Uint8Array;
  try {
    written = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ApiError('EXPORT_FAILED', `无法生成 PPTX 文件：${why}`, `The PPTX file could not be made: ${why}`);
  }
  return finishPackage(written, notes, deck.approval?.current ? deck.approval : null);
}

const escapeXml = (text: string) => xmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const FONT_XML = `<a:latin typeface="${EXPORT_FONT}"/><a:ea typeface="${EXPORT_FONT}"/><a:cs typeface="${EXPORT_FONT}"/>`;

/** Speaker notes as paragraphs (one per line of the notes), each run in zh-CN with the East Asian font. */
function notesXml(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  return lines
    .map((line) =>
      line.trim()
        ? `<a:p><a:r><a:rPr lang="${LANG}" altLang="en-US" dirty="0">${FONT_XML}</a:rPr><a:t>${escapeXml(line)}</a:t></a:r></a:p>`
        : `<a:p><a:endParaRPr lang="${LANG}" altLang="en-US" dirty="0"/></a:p>`,
    )
    .join('');
}

/** pptxgenjs writes one <a:pPr> per run when a paragraph has several runs; only the first is valid (and meant). */
function dropRepeatedParagraphProps(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (whole, inner: string) => {
    let first = true;
    const cleaned = inner.replace(/<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g, (pPr: string, at: number) => {
      const keep = first && at === 0;
      first = false;
      return keep ? pPr : '';
    });
    return cleaned === inner ? whole : `<a:p>${cleaned}</a:p>`;
  });
}

/** Corrects pptxgenjs's package: notes in Chinese with their font, theme fonts for East Asian text, valid paragraphs. */
function finishPackage(bytes: Uint8Array, notes: string[], approval: Approval | null): Uint8Array {
  const files = unzipSync(bytes);
  const out: Zippable = {};
  const notesMark = new RegExp(`<a:p><a:r><a:rPr[^>]*/><a:t>${NOTES_MARK}</a:t></a:r><a:endParaRPr[^>]*/></a:p>`);
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    let text: string | null = null;
    const slideNotes = /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/.exec(name);
    if (slideNotes) {
      text = strFromU8(data);
      if (!notesMark.test(text)) throw new ApiError('EXPORT_FAILED', '无法写入演讲备注（PPTX 结构与预期不符）', 'The speaker notes could not be written (the PPTX is not as expected)');
      // A function, not a string: `$'`, `$&` … in a note must stay text, not splice the document into itself.
      const notesText = notesXml(notes[Number(slideNotes[1]) - 1] ?? '');
      text = text.replace(notesMark, () => notesText);
    } else if (/^ppt\/charts\/chart\d+\.xml$/.test(name)) {
      text = finishChartXml(strFromU8(data));
    } else if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) {
      text = dropRepeatedParagraphProps(strFromU8(data));
    } else if (/^ppt\/theme\/theme\d+\.xml$/.test(name)) {
      // Text without its own font (placeholders, tables) falls back to the theme: give it the East Asian font too.
      text = strFromU8(data).replace(/<a:ea typeface=""\/>/g, `<a:ea typeface="${EXPORT_FONT}"/>`).replace(/<a:font script="Hans" typeface="[^"]*"\/>/g, `<a:font script="Hans" typeface="${EXPORT_FONT}"/>`);
    } else if (name === 'docProps/core.xml' && approval) {
      // The sign-off of an unchanged deck, where PowerPoint and WPS show file properties: status “定稿”, and the record.
      const record = `<cp:contentStatus>定稿</cp:contentStatus><dc:description>${escapeXml(approvalRecord(approval))}</dc:description>`;
      text = strFromU8(data).replace('</cp:coreProperties>', () => `${record}</cp:coreProperties>`);
    } else if (name === '[Content_Types].xml') {
      text = strFromU8(data);
      if (!text.includes('Extension="webp"')) text = text.replace('<Default Extension="png"', '<Default Extension="webp" ContentType="image/webp"/><Default Extension="png"');
    }
    out[name] = text === null ? data : strToU8(text);
  }
  return zipSync(out, { level: 6 });
}
