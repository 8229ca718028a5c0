// The editable PPTX: unzipped and read as XML — one slide per visible slide, titles and notes as text, the East
// Asian font on every Chinese run, figures at their current values, images and the theme's colours.
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFigureRefs } from '../../../decks/common/figures.ts';
import { THEME_PALETTES } from '../../../decks/common/themes.ts';
import { makePng } from './testFiles.ts';
import { useSampleService } from './sampleService.ts';

const CJK = /[\u4e00-\u9fff]/;

const t = useSampleService('huibao-pptx-');

async function exportPptx(deckId: string): Promise<Record<string, string>> {
  const r = await t.service.exportDeck({ deckId, format: 'pptx' });
  expect(r.mime).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
  expect(r.fileName.endsWith('.pptx')).toBe(true);
  const files = unzipSync(new Uint8Array(Buffer.from(r.dataBase64, 'base64')));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, name.endsWith('.xml') || name.endsWith('.rels') ? strFromU8(data) : `(${data.length} bytes)`]));
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
  it('has one slide per visible slide, with titles as text and notes in the notes pane', async () => {
    const deckId = await t.importSample();
    const deck = await t.service.getDeck({ deckId });
    const noted = deck.slides.find((s) => s.layout === 'points')!;
    const figure = deck.figures[0]!;
    await t.service.updateSlide({ deckId, slideId: noted.id, patch: { notes: `开场白：今年成绩显著。\n重点强调 {fig:${figure.key}}。` } });
    const hidden = deck.slides[3]!;
    await t.service.updateSlide({ deckId, slideId: hidden.id, patch: { hidden: true, title: '隐藏的幻灯片标题' } });
    const current = await t.service.getDeck({ deckId });
    const visible = current.slides.filter((s) => !s.hidden);
    const figures = new Map(current.figures.map((f) => [f.key, f]));

    const started = performance.now();
    const files = await exportPptx(deckId);
    const ms = performance.now() - started;
    const slides = slideNames(files);
    expect(slides).toHaveLength(visible.length);
    expect(visible.length).toBe(current.slides.length - 1);

    visible.forEach((s, i) => {
      const text = paragraphs(files[`ppt/slides/slide${i + 1}.xml`]!).join('\n');
      expect(text).toContain(resolveFigureRefs(s.title, figures));
    });
    const all = slides.map((n) => files[n]!).join('');
    expect(all).not.toContain('隐藏的幻灯片标题');

    const at = visible.findIndex((s) => s.id === noted.id);
    const notes = paragraphs(files[`ppt/notesSlides/notesSlide${at + 1}.xml`]!);
    expect(notes).toContain('开场白：今年成绩显著。');
    expect(notes).toContain(`重点强调 ${figure.display}。`);
    console.log(`[measure] PPTX export of the sample deck (${visible.length} visible slides): ${ms.toFixed(1)} ms`);
  });

  it('names the East Asian font and zh-CN on every run of Chinese text, in slides and notes', async () => {
    const deckId = await t.importSample();
    const deck = await t.service.getDeck({ deckId });
    await t.service.updateSlide({ deckId, slideId: deck.slides[1]!.id, patch: { notes: '备注第一段\n\n备注第二段' } });
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
    // A figure shown in a callout on a visible slide.
    const visible = deck.slides.filter((s) => !s.hidden);
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

  it('embeds images, draws a captioned frame for a missing image, and escapes hostile text', async () => {
    const deck = await t.service.createDeck({ title: '图片测试 <b>&', theme: 'official' });
    const png = makePng(64, 32, [10, 120, 200]);
    const asset = await t.service.addAsset({ deckId: deck.id, dataBase64: Buffer.from(png).toString('base64'), mime: 'image/png' });
    await t.service.addSlide({ deckId: deck.id, layout: 'image', title: '有图', blocks: [{ kind: 'image', assetId: asset.id, caption: '新城全景', credit: '摄影：李某' }] });
    await t.service.addSlide({
      deckId: deck.id,
      layout: 'image',
      title: '<script>alert(1)</script>\u0000标题',
      blocks: [
        { kind: 'image', assetId: null, caption: '待补照片', credit: '来源：宣传部' },
        { kind: 'bullet', text: '要点一', level: 0 },
        { kind: 'bullet', text: '次级要点', level: 1 },
      ],
    });
    const files = await exportPptx(deck.id);
    const media = Object.keys(files).filter((n) => n.startsWith('ppt/media/'));
    expect(media).toHaveLength(1);
    expect(files['ppt/slides/_rels/slide2.xml.rels']).toContain('../media/');
    expect(paragraphs(files['ppt/slides/slide2.xml']!).join('\n')).toContain('新城全景');

    const third = files['ppt/slides/slide3.xml']!;
    const text = paragraphs(third);
    expect(text).toContain('<script>alert(1)</script>标题');
    expect(third).toContain('&lt;script&gt;');
    expect(third).not.toContain('<script>');
    expect(third).not.toContain('\u0000');
    expect(text.join('\n')).toContain('图片待添加');
    expect(text.join('\n')).toContain('待补照片');
    expect(text.join('\n')).toContain('来源：宣传部');
    // Bullets are real paragraphs with their indent level.
    expect(third).toMatch(/<a:pPr[^>]*lvl="1"[^>]*>[\s\S]*?<a:t>次级要点<\/a:t>/);
    expect(third).toContain('<a:buChar');
  });

  it('exports emphasised words (Ctrl+B) as bold runs, without their markers', async () => {
    const deckId = await t.importSample();
    const deck = await t.service.getDeck({ deckId });
    const at = deck.slides.findIndex((s) => s.layout === 'points' && !s.hidden);
    const slide = deck.slides[at]!;
    await t.service.updateSlide({ deckId, slideId: slide.id, patch: { blocks: [{ kind: 'bullet', text: '全年{em}游客增长{/em}明显', level: 0 }] } });
    const files = await exportPptx(deckId);
    const visibleIndex = deck.slides.filter((s) => !s.hidden).findIndex((s) => s.id === slide.id);
    const xml = files[`ppt/slides/slide${visibleIndex + 1}.xml`]!;
    expect(paragraphs(xml)).toContain('全年游客增长明显');
    expect(xml).not.toContain('{em}');
    const runs = [...xml.matchAll(/<a:r>\s*<a:rPr([^>]*)>[\s\S]*?<a:t>([^<]*)<\/a:t>/g)].map((m) => ({ bold: /\bb="1"/.test(m[1]!), text: m[2]! }));
    expect(runs.find((r) => r.text === '游客增长')).toMatchObject({ bold: true });
    expect(runs.find((r) => r.text === '全年')).toMatchObject({ bold: false });
  });

  it("uses the deck theme's colours", async () => {
    const deckId = await t.importSample();
    for (const theme of ['official', 'light', 'contrast'] as const) {
      await t.service.setTheme({ deckId, theme });
      const files = await exportPptx(deckId);
      const xml = slideNames(files).map((n) => files[n]!);
      const palette = THEME_PALETTES[theme];
      // The first slide is the title (cover) slide; a later one is a content slide.
      expect(xml[0]).toMatch(new RegExp(`<p:bg>[\\s\\S]*?${palette.coverBackground}`));
      expect(xml.some((x) => new RegExp(`<p:bg>[\\s\\S]*?${palette.background}`).test(x))).toBe(true);
      expect(xml.join('')).toContain(`<a:srgbClr val="${palette.figure}"/>`);
    }
  });
});
