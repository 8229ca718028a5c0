// The editable PPTX: unzipped and read as XML — one slide per slide (hidden ones marked show="0"), titles in the title
// placeholder of a slide master, slide numbers as fields, notes as text, the East Asian font on every Chinese run,
// figures at their current values, pictures as real pictures (fitted or cropped around their focal point), picture
// placeholders left out, and the theme's colours.
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audienceSlides } from '../../../decks/common/audience.ts';
import { resolveFigureRefs } from '../../../decks/common/figures.ts';
import { THEME_PALETTES } from '../../../decks/common/themes.ts';
import { makePng } from './testFiles.ts';
import { useSampleService } from './sampleService.ts';
import { slideEdits } from '../../fixtures/slideEdits.ts';

const CJK = /[\u4e00-\u9fff]/;

const t = useSampleService('huibao-pptx-');

async function exportRaw(deckId: string): Promise<Record<string, Uint8Array>> {
  const r = await t.service.exportDeck({ deckId, format: 'pptx' });
  expect(r.mime).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
  expect(r.fileName.endsWith('.pptx')).toBe(true);
  return unzipSync(new Uint8Array(Buffer.from(r.dataBase64, 'base64')));
}

async function exportPptx(deckId: string): Promise<Record<string, string>> {
  const files = await exportRaw(deckId);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, name.endsWith('.xml') || name.endsWith('.rels') ? strFromU8(data) : `(${data.length} bytes)`]));
}

/** A part parsed as XML; any XML error fails the test. */
function parseXml(xml: string, name: string): Document {
  const fail = (msg: string) => {
    throw new Error(`${name}: ${msg}`);
  };
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml') as unknown as Document;
}

const texts = (el: Element) => Array.from(el.getElementsByTagName('a:t')).map((t) => t.textContent ?? '').join('');

/** The shapes of a slide that are placeholders of a type (`title`, `sldNum`), as parsed elements. */
function placeholders(doc: Document, type: string): Element[] {
  return Array.from(doc.getElementsByTagName('p:sp')).filter((sp) => Array.from(sp.getElementsByTagName('p:ph')).some((ph) => ph.getAttribute('type') === type));
}

/** A slide part's relationships: id → target. */
function relationships(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of each paragraph of an XML part (its runs joined). */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) => decode([...m[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('')));
}

function slideNames(files: Record<string, string>): string[] {
  return Object.keys(files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
}

describe('PPTX export', () => {
  it('has one slide per slide, hidden ones marked show="0", titles in title placeholders, numbers as fields, notes in the notes pane', async () => {
    const deckId = await t.importSample();
    const deck = await t.service.getDeck({ deckId });
    const noted = deck.slides.find((s) => s.layout === 'points')!;
    const figure = deck.figures[0]!;
    await slideEdits(t.service).updateSlide({ deckId, slideId: noted.id, patch: { notes: `开场白：今年成绩显著。\n重点强调 {fig:${figure.key}}。` } });
    const hidden = deck.slides[3]!;
    await slideEdits(t.service).updateSlide({ deckId, slideId: hidden.id, patch: { hidden: true, title: '隐藏的备用幻灯片' } });
    const current = await t.service.getDeck({ deckId });
    // The sample's photo slides wait for photos: they are left out (see the pictures test); every other slide is there.
    const kept = audienceSlides(current.slides);
    expect(kept.length).toBeLessThan(current.slides.length);
    const figures = new Map(current.figures.map((f) => [f.key, f]));

    const started = performance.now();
    const files = await exportPptx(deckId);
    const ms = performance.now() - started;
    const slides = slideNames(files);
    expect(slides).toHaveLength(kept.length);

    kept.forEach((s, i) => {
      const name = `ppt/slides/slide${i + 1}.xml`;
      const doc = parseXml(files[name]!, name);
      // The slide's title is the text of its one title placeholder, which its layout (a slide master's) defines.
      const titles = placeholders(doc, 'title');
      expect(titles, name).toHaveLength(1);
      expect(texts(titles[0]!)).toBe(resolveFigureRefs(s.title, figures));
      // Hidden slides are kept, marked hidden; the others are shown.
      expect(doc.documentElement.getAttribute('show') || null, name).toBe(s.hidden ? '0' : null);
      // Content slides number themselves with a slide-number field, not with typed text.
      const cover = s.layout === 'title' || s.layout === 'section' || s.layout === 'closing';
      const fields = Array.from(doc.getElementsByTagName('a:fld')).filter((f) => f.getAttribute('type') === 'slidenum');
      expect(fields, name).toHaveLength(cover ? 0 : 1);
      if (!cover) expect(placeholders(doc, 'sldNum')).toHaveLength(1);
    });
    expect(slides.map((n) => files[n]!).join('')).toContain('隐藏的备用幻灯片');
    expect(files[`ppt/slides/slide${kept.findIndex((s) => s.id === hidden.id) + 1}.xml`]).toMatch(/^<\?xml[^>]*>\s*<p:sld [^>]*show="0"/);

    // Each layout a slide uses holds the title placeholder the slide's title fills.
    const layouts = Object.keys(files).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n));
    const used = new Set(slides.map((n) => /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(files[n.replace('slides/', 'slides/_rels/') + '.rels']!)![1]!));
    expect(used.size).toBeGreaterThanOrEqual(2);
    for (const layout of layouts.filter((n) => used.has(n.split('/').pop()!))) expect(placeholders(parseXml(files[layout]!, layout), 'title')).toHaveLength(1);

    const at = kept.findIndex((s) => s.id === noted.id);
    const notes = paragraphs(files[`ppt/notesSlides/notesSlide${at + 1}.xml`]!);
    expect(notes).toContain('开场白：今年成绩显著。');
    expect(notes).toContain(`重点强调 ${figure.display}。`);
    console.log(`[measure] PPTX export of the sample deck (${kept.length} slides): ${ms.toFixed(1)} ms`);
  });

  it('names the East Asian font and zh-CN on every run of Chinese text, in slides and notes', async () => {
    const deckId = await t.importSample();
    const deck = await t.service.getDeck({ deckId });
    await slideEdits(t.service).updateSlide({ deckId, slideId: deck.slides[1]!.id, patch: { notes: '备注第一段\n\n备注第二段' } });
    const files = await exportPptx(deckId);
    const parts = Object.keys(files).filter((n) => /^ppt\/(slides\/slide|notesSlides\/notesSlide)\d+\.xml$/.test(n));
    let chineseRuns = 0;
    for (const name of parts) {
      for (const m of files[name]!.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)) {
        const runXml = m[1]!;
        const text = /<a:t>([^<]*)<\/a:t>/.exec(runXml)?.[1] ?? '';
        if (!CJK.test(text)) continue;
        chineseRuns++;
        expect(runXml, `${name}: ${text}`).toMatch(/<a:rPr [^>]*lang="zh-CN"/);
        expect(runXml, `${name}: ${text}`).toContain('<a:ea typeface="Microsoft YaHei"');
        expect(runXml, `${name}: ${text}`).toContain('<a:latin typeface="Microsoft YaHei"');
      }
      // At most one paragraph-properties element per paragraph, and first (pptxgenjs repeats it per run).
      for (const m of files[name]!.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        const count = (m[1]!.match(/<a:pPr\b/g) ?? []).length;
        expect(count).toBeLessThanOrEqual(1);
        if (count === 1) expect(m[1]!.startsWith('<a:pPr')).toBe(true);
      }
    }
    expect(chineseRuns).toBeGreaterThan(100);
    expect(files['ppt/theme/theme1.xml']).toContain('<a:ea typeface="Microsoft YaHei"/>');
  });

  it('shows figures at their current values after updateFigure', async () => {
    const deckId = await t.importSample();
    const deck = await t.service.getDeck({ deckId });
    // A figure shown in a callout on a slide of the file.
    const visible = audienceSlides(deck.slides);
    const at = visible.findIndex((s) => s.blocks.some((b) => b.kind === 'figure'));
    expect(at).toBeGreaterThanOrEqual(0);
    const block = visible[at]!.blocks.find((b) => b.kind === 'figure')!;
    const key = block.kind === 'figure' ? block.key : '';
    const before = deck.figures.find((f) => f.key === key)!;
    const beforeText = paragraphs((await exportPptx(deckId))[`ppt/slides/slide${at + 1}.xml`]!).join('\n');
    expect(beforeText).toContain(before.display);

    const after = await t.service.updateFigure({ deckId, key, value: '8,765.4' });
    expect(after.display).not.toBe(before.display);
    const afterText = paragraphs((await exportPptx(deckId))[`ppt/slides/slide${at + 1}.xml`]!).join('\n');
    expect(afterText).toContain(after.display);
    expect(afterText).toContain('8,765.4');
    expect(afterText).not.toContain(before.display);
  });

  it('embeds pictures as real pictures, fitted or cropped around their focus, and leaves placeholders out', async () => {
    const deck = await t.service.createDeck({ title: '图片测试 <b>&', theme: 'official' });
    const png = makePng(64, 32, [10, 120, 200]);
    const asset = await t.service.addAsset({ deckId: deck.id, dataBase64: Buffer.from(png).toString('base64'), mime: 'image/png' });
    await slideEdits(t.service).addSlide({ deckId: deck.id, layout: 'image', title: '有图', blocks: [{ kind: 'image', assetId: asset.id, caption: '新城全景', credit: '摄影：李某' }] });
    await slideEdits(t.service).addSlide({ deckId: deck.id, layout: 'image', title: '铺满', blocks: [{ kind: 'image', assetId: asset.id, caption: '', credit: '', fit: 'fill', focus: { x: 0, y: 1 } }] });
    // Only a placeholder: the slide is left out. A placeholder beside bullets: the bullets stay, the placeholder goes.
    await slideEdits(t.service).addSlide({ deckId: deck.id, layout: 'image', title: '待配图的幻灯片', blocks: [{ kind: 'image', assetId: null, caption: '待补照片一', credit: '' }] });
    await slideEdits(t.service).addSlide({
      deckId: deck.id,
      layout: 'image',
      title: '<script>alert(1)</script>\u0000标题',
      blocks: [
        { kind: 'image', assetId: null, caption: '待补照片', credit: '来源：宣传部' },
        { kind: 'bullet', text: '要点一', level: 0 },
        { kind: 'bullet', text: '次级要点', level: 1 },
      ],
    });
    const raw = await exportRaw(deck.id);
    const files = await exportPptx(deck.id);
    expect(slideNames(files)).toHaveLength(4);
    const media = Object.keys(files).filter((n) => n.startsWith('ppt/media/'));
    expect(media.length).toBeGreaterThanOrEqual(1);

    // A real picture: a <p:pic> whose blip points, through the slide's relationships, at the image's bytes.
    for (const [n, fill] of [
      [2, false],
      [3, true],
    ] as const) {
      const name = `ppt/slides/slide${n}.xml`;
      const doc = parseXml(files[name]!, name);
      const pics = doc.getElementsByTagName('p:pic');
      expect(pics).toHaveLength(1);
      const embed = pics[0]!.getElementsByTagName('a:blip')[0]!.getAttribute('r:embed')!;
      const rels = files[`ppt/slides/_rels/slide${n}.xml.rels`]!;
      expect(rels).toMatch(new RegExp(`Id="${embed}"[^>]*Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"`));
      const target = relationships(rels).get(embed)!;
      expect(target).toMatch(/^\.\.\/media\/image[^/]+\.png$/);
      expect(Buffer.from(raw[`ppt/${target.slice(3)}`]!).equals(Buffer.from(png))).toBe(true);
      const src = pics[0]!.getElementsByTagName('a:srcRect')[0];
      if (!fill) {
        expect(src === undefined || ['l', 'r', 't', 'b'].every((side) => Number(src.getAttribute(side) ?? 0) === 0)).toBe(true);
      } else {
        // 2:1 picture, a wider frame: cropped top and bottom only; focus at the bottom keeps the bottom edge.
        expect(Number(src!.getAttribute('t'))).toBeGreaterThan(0);
        expect(Number(src!.getAttribute('b'))).toBe(0);
        expect(Number(src!.getAttribute('l'))).toBe(0);
        expect(Number(src!.getAttribute('r'))).toBe(0);
      }
    }
    expect(paragraphs(files['ppt/slides/slide2.xml']!).join('\n')).toContain('新城全景');

    const all = slideNames(files).map((n) => files[n]!).join('');
    expect(all).not.toContain('待配图的幻灯片');
    expect(all).not.toContain('图片待添加');
    expect(all).not.toContain('待补照片');
    expect(all).not.toContain('prstDash');
    const fourth = files['ppt/slides/slide4.xml']!;
    const text = paragraphs(fourth);
    expect(text).toContain('<script>alert(1)</script>标题');
    expect(fourth).toContain('&lt;script&gt;');
    expect(fourth).not.toContain('<script>');
    expect(fourth).not.toContain('\u0000');
    expect(fourth).not.toContain('<p:pic>');
    // Bullets are real paragraphs with their indent level.
    expect(fourth).toMatch(/<a:pPr[^>]*lvl="1"[^>]*>[\s\S]*?<a:t>次级要点<\/a:t>/);
    expect(fourth).toContain('<a:buChar');
  });

  it('writes a table slide as a real table: a header row, cells with figures at their current values', async () => {
    const report = ['# 主要指标报告', '## 一、主要指标', '全区经济运行总体平稳。', '| 指标 | 2023年 |\n| --- | --- |\n| 地区生产总值 | 1286.5亿元 |\n| 一般公共预算收入 | 98.7亿元 |', '## 二、城市建设', '新建城市道路12公里。'].join('\n\n');
    const { deckId } = await t.service.importReport({ fileName: 'table.md', dataBase64: Buffer.from(report).toString('base64') });
    const deck = await t.service.getDeck({ deckId });
    const gdp = deck.figures.find((f) => f.value === 1286.5)!;
    await t.service.updateFigure({ deckId, key: gdp.key, value: '1300' });
    const files = await exportPptx(deckId);
    const at = deck.slides.filter((s) => !s.hidden).findIndex((s) => s.blocks.some((b) => b.kind === 'table'));
    const xml = files[`ppt/slides/slide${at + 1}.xml`]!;
    expect(xml).toContain('<a:tbl>');
    const rows = [...xml.matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((r) => [...r[0].matchAll(/<a:tc\b[\s\S]*?<\/a:tc>/g)].map((c) => paragraphs(c[0]).join('')));
    expect(rows).toEqual([
      ['指标', '2023年'],
      ['地区生产总值', '1300亿元'],
      ['一般公共预算收入', '98.7亿元'],
    ]);
    expect(xml).toMatch(/<a:tc\b[\s\S]*?<a:ea typeface="Microsoft YaHei"/);
  });

  it('exports emphasised words (Ctrl+B) as bold runs, without their markers', async () => {
    const deckId = await t.importSample();
    const deck = await t.service.getDeck({ deckId });
    const at = deck.slides.findIndex((s) => s.layout === 'points' && !s.hidden);
    const slide = deck.slides[at]!;
    await slideEdits(t.service).updateSlide({ deckId, slideId: slide.id, patch: { blocks: [{ kind: 'bullet', text: '全年{em}游客增长{/em}明显', level: 0 }] } });
    const files = await exportPptx(deckId);
    const xml = files[`ppt/slides/slide${at + 1}.xml`]!;
    expect(paragraphs(xml)).toContain('全年游客增长明显');
    expect(xml).not.toContain('{em}');
    const runs = [...xml.matchAll(/<a:r>\s*<a:rPr([^>]*)>[\s\S]*?<a:t>([^<]*)<\/a:t>/g)].map((m) => ({ bold: /\bb="1"/.test(m[1]!), text: m[2]! }));
    expect(runs.find((r) => r.text === '游客增长')).toMatchObject({ bold: true });
    expect(runs.find((r) => r.text === '全年')).toMatchObject({ bold: false });
  });

  it('embeds the display copy of a large picture, not the whole picture', async () => {
    const deck = await t.service.createDeck({ title: '大图' });
    const whole = makePng(3200, 1800, [30, 60, 90]);
    const copy = makePng(2560, 1440, [30, 60, 90]);
    const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
    const asset = await t.service.addAsset({ deckId: deck.id, dataBase64: b64(whole), mime: 'image/png', display: { dataBase64: b64(copy), mime: 'image/png' } });
    await slideEdits(t.service).addSlide({ deckId: deck.id, layout: 'image', title: '全景', blocks: [{ kind: 'image', assetId: asset.id, caption: '', credit: '' }] });
    const raw = await exportRaw(deck.id);
    const media = Object.keys(raw).filter((n) => n.startsWith('ppt/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(raw[media[0]!]!).equals(Buffer.from(copy))).toBe(true);
  });

  it("uses the deck theme's colours, on its slide masters", async () => {
    const deckId = await t.importSample();
    for (const theme of ['official', 'light', 'contrast'] as const) {
      await t.service.setTheme({ deckId, theme });
      const files = await exportPptx(deckId);
      const slides = slideNames(files);
      const layoutOf = (n: string) => files[`ppt/slideLayouts/${/Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(files[n.replace('slides/', 'slides/_rels/') + '.rels']!)![1]}`]!;
      const palette = THEME_PALETTES[theme];
      // The first slide is the title (cover) slide; the second a content slide.
      expect(layoutOf(slides[0]!)).toMatch(new RegExp(`<p:bg>[\\s\\S]*?${palette.coverBackground}`));
      expect(layoutOf(slides[1]!)).toMatch(new RegExp(`<p:bg>[\\s\\S]*?${palette.background}`));
      expect(slides.map((n) => files[n]!).join('')).toContain(`<a:srgbClr val="${palette.figure}"/>`);
    }
  });
});
