import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIGURE_REF, ImportWarning, Slide, type ReportDoc } from '../../../decks/common/model.ts';
import { figureKeysIn, findFigures, formatFigure } from '../../../decks/common/figures.ts';
import { generateDeck, BULLETS_PER_SLIDE, FIGURES_PER_SLIDE, type GeneratedDeck } from '../../../decks/node/generate/index.ts';
import { BULLET_LINES, BULLET_MAX, displayLength, displaysOf, TITLE_MAX } from '../../../decks/node/generate/points.ts';
import { paragraphWithRefs, reportParagraphs } from '../../../decks/node/report/figureExtract.ts';
import { parseReport } from '../../../decks/node/report/index.ts';
import { sampleDoc, SAMPLE_PATH } from './sampleDoc.ts';

const parsedSample = (): ReportDoc => parseReport({ text: readFileSync(SAMPLE_PATH, 'utf8'), format: 'txt' });

/** Every piece of text a slide shows or holds: title, block texts and captions, notes. */
function slideTexts(s: GeneratedDeck['slides'][number]): string[] {
  const out = [s.title, s.notes];
  for (const b of s.blocks) {
    if (b.kind === 'bullet' || b.kind === 'text') out.push(b.text);
    if (b.kind === 'figure' && b.caption) out.push(b.caption);
    if (b.kind === 'image') out.push(b.caption, b.credit);
  }
  return out;
}

/** A pillar long enough to need several slides, one with a single figure, captions inside and outside sections. */
function handDoc(): ReportDoc {
  const long = Array.from({ length: 7 }, (_, i) => ({
    index: 2 + i,
    text: `同时，上虞区着力推进第${'一二三四五六七'[i]}项重点工程建设，加快打造区域创新高地，持续完善配套服务体系。`,
    truncated: false,
  }));
  return {
    title: '全面建设“青春之城” 奋力走好高质量发展之路',
    subtitle: '',
    bylines: ['张三 李四'],
    salutation: '',
    lead: [
      { index: 0, text: '预计全年地区生产总值增长5.5%，城乡居民收入分别增长6.3%和8%，综合实力位居全国百强区第33位，比上一年上升2位。', truncated: false },
      { index: 1, text: '新征程催人奋进。上虞区正以排头兵姿态全面建设“青春之城”。', truncated: false },
    ],
    sections: [
      { title: '兴产业强平台', subtitle: '打造创新创业创造高地', paragraphs: long, captions: [{ text: '产业园区', credit: '宣传部提供', after: 4 }] },
      {
        title: '惠民生增福祉',
        subtitle: '共筑全民乐享幸福家园',
        paragraphs: [{ index: 9, text: '上虞区以片区化的思路推动800平方公里虞南山区绿色高质量发展，缩小城乡发展差距。', truncated: false }],
        captions: [],
      },
    ],
    closing: [{ index: 10, text: '图更强、争一流、敢首创，上虞区将书写高质量发展之路的精彩华章。', truncated: false }],
    closingTitle: '',
    captions: [{ text: '樱花谷', credit: '', after: 10 }],
    warnings: [
      { kind: 'lines-joined', paragraph: 9, excerpt: '上虞区以片区化', message: { zh: '合并了断开的行', en: 'Joined a broken line' } },
      { kind: 'encoding', paragraph: -1, excerpt: '', message: { zh: '按 GB18030 解码', en: 'Decoded as GB18030' } },
    ],
  };
}

const docs = [['hand-built doc', handDoc], ['hand-built sample', sampleDoc], ['parsed sample', parsedSample]] as const;

for (const [name, make] of docs) {
  describe(`generateDeck on the ${name}`, () => {
    const doc = make();
    const deck = generateDeck(doc, { date: '2023年1月' });
    const displays = displaysOf(deck.figures);
    const keys = new Set(deck.figures.map((f) => f.key));

    it('has the expected structure: title, headline figures, agenda, pillars, images, closing', () => {
      const [title, figures] = deck.slides;
      expect(title).toMatchObject({ id: 's1', layout: 'title', title: doc.title });
      expect(title!.blocks).toEqual([
        ...doc.bylines.map((text) => ({ kind: 'text', text, role: 'byline' })),
        { kind: 'text', text: '2023年1月', role: 'date' },
      ]);
      const leadKeys = deck.figures.filter((f) => doc.lead.some((p) => p.index === f.source!.paragraph)).map((f) => f.key);
      expect(figures!.layout).toBe('figures');
      // The lead's few figures are all its headline: every one is on a card, in the report's order.
      expect(figures!.blocks.filter((b) => b.kind === 'figure').map((b) => (b.kind === 'figure' ? b.key : null))).toEqual(leadKeys.slice(0, FIGURES_PER_SLIDE));
      const agenda = deck.slides.find((s) => s.layout === 'agenda')!;
      expect(agenda.blocks).toEqual(doc.sections.map((s) => ({ kind: 'bullet', text: s.title, level: 0 })));
      const sectionSlides = deck.slides.filter((s) => s.layout === 'section');
      expect(sectionSlides.map((s) => [s.title, s.blocks])).toEqual(doc.sections.map((s) => [s.title, [{ kind: 'text', text: s.subtitle, role: 'subtitle' }]]));
      // Each pillar has content between its section slide and the next one.
      for (const [i, s] of sectionSlides.entries()) {
        const from = deck.slides.indexOf(s);
        const to = i + 1 < sectionSlides.length ? deck.slides.indexOf(sectionSlides[i + 1]!) : deck.slides.length;
        expect(deck.slides.slice(from + 1, to).filter((x) => x.layout === 'points').length).toBeGreaterThan(0);
      }
      const captions = [...doc.sections.flatMap((s) => s.captions), ...doc.captions];
      const images = deck.slides.filter((s) => s.layout === 'image');
      expect(images.map((s) => s.blocks[0])).toEqual(expect.arrayContaining(captions.map((c) => ({ kind: 'image', assetId: null, caption: c.text, credit: c.credit }))));
      expect(images).toHaveLength(captions.length);
      const closing = deck.slides.at(-1)!;
      expect(closing.layout).toBe('closing');
      expect(closing.notes).toBe(doc.closing.map((p) => paragraphWithRefs(p, deck.figures)).join('\n\n'));
    });

    it('produces valid slides with ids s1, s2, … and short bullets, titles of one line', () => {
      deck.slides.forEach((s, i) => {
        expect(s.id).toBe(`s${i + 1}`);
        expect(() => Slide.parse({ ...s, section: null })).not.toThrow();
        const bullets = s.blocks.filter((b) => b.kind === 'bullet');
        if (s.layout === 'points') {
          expect(bullets.length).toBeGreaterThan(0);
          expect(bullets.length).toBeLessThanOrEqual(BULLETS_PER_SLIDE);
          expect(displayLength(s.title, displays)).toBeLessThanOrEqual(TITLE_MAX + 4);
          expect(s.title).not.toMatch(FIGURE_REF);
        }
        for (const b of bullets) expect(displayLength(b.text, displays), b.text).toBeLessThanOrEqual(BULLET_MAX * BULLET_LINES);
      });
    });

    it('shows every number through a reference to its figure, never a copy', () => {
      for (const s of deck.slides) {
        for (const text of slideTexts(s)) {
          for (const k of figureKeysIn(text)) expect(keys.has(k), k).toBe(true);
          const bare = text.replace(new RegExp(FIGURE_REF.source, 'g'), '｜');
          expect(findFigures(bare).map((f) => f.text), bare).toEqual([]);
          for (const f of deck.figures) expect(bare.includes(formatFigure(f)), `${formatFigure(f)} in ${s.id}`).toBe(false);
        }
        for (const b of s.blocks) if (b.kind === 'figure') expect(keys.has(b.key)).toBe(true);
      }
    });

    it('puts every figure on some slide, and every paragraph in some slide notes', () => {
      const shown = new Set(deck.slides.flatMap((s) => [...s.blocks.flatMap((b) => (b.kind === 'figure' ? [b.key] : b.kind === 'bullet' || b.kind === 'text' ? figureKeysIn(b.text) : []))]));
      for (const f of deck.figures) expect(shown.has(f.key), f.label).toBe(true);
      const notes = deck.slides.map((s) => s.notes).join('\n');
      for (const p of reportParagraphs(doc)) expect(notes).toContain(paragraphWithRefs(p, deck.figures));
    });

    it('turns report warnings into import warnings tied to the slide they concern', () => {
      expect(deck.warnings).toHaveLength(doc.warnings.length);
      deck.warnings.forEach((w, i) => {
        expect(() => ImportWarning.parse(w)).not.toThrow();
        expect(w).toMatchObject({ id: `w${i + 1}`, dismissed: false, kind: doc.warnings[i]!.kind, paragraph: doc.warnings[i]!.paragraph });
        const place = doc.warnings[i]!.place;
        const p = reportParagraphs(doc).find((x) => x.index === w.paragraph);
        if (place && 'caption' in place) {
          // A caption's warning opens the picture slide that shows it.
          expect(deck.slides.find((s) => s.id === w.slideId)!.blocks).toContainEqual(expect.objectContaining({ kind: 'image', caption: place.caption.text }));
        } else if (!p) expect(w.slideId).toBe('s1');
        else {
          const slide = deck.slides.find((s) => s.id === w.slideId)!;
          expect(slide.notes).toContain(paragraphWithRefs(p, deck.figures));
        }
      });
    });

    it('is deterministic: the same report gives the same deck', () => {
      expect(generateDeck(make(), { date: '2023年1月' })).toEqual(deck);
    });
  });
}

describe('generateDeck details', () => {
  const deck = generateDeck(handDoc(), { title: '2023年工作汇报' });
  it('uses the given title, and no date block without a date', () => {
    expect(deck.title).toBe('2023年工作汇报');
    expect(deck.subtitle).toBe('张三 李四');
    expect(deck.slides[0]).toMatchObject({ title: '2023年工作汇报', blocks: [{ kind: 'text', text: '张三 李四', role: 'byline' }] });
  });
  it('splits a long pillar over several slides and places images after the paragraph they follow', () => {
    const s2 = deck.slides.findIndex((s) => s.title === '惠民生增福祉');
    const s1 = deck.slides.findIndex((s) => s.title === '兴产业强平台' && s.layout === 'section');
    const pillar = deck.slides.slice(s1 + 1, s2);
    expect(pillar.filter((s) => s.layout === 'points').length).toBeGreaterThanOrEqual(2);
    const image = pillar.findIndex((s) => s.layout === 'image');
    expect(pillar[image - 1]!.notes).toContain(handDoc().sections[0]!.paragraphs[2]!.text);
    // The trailing caption comes before the closing slide, which ends the deck.
    expect(deck.slides.at(-2)).toMatchObject({ layout: 'image', title: '樱花谷' });
  });
  it('gives figure callouts only to pillars with several figures, and trims leading connectives', () => {
    expect(deck.slides.filter((s) => s.layout === 'figures')).toHaveLength(1);
    const bullets = deck.slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'bullet' ? [b.text] : [])));
    expect(bullets.some((b) => b.startsWith('同时'))).toBe(false);
    // A pillar with one figure shows it in a bullet (the clause that holds it is preferred).
    const area = `{fig:${deck.figures.find((f) => f.unit === '平方公里')!.key}}`;
    // A bullet is a whole statement: it keeps its subject.
    expect(bullets.filter((b) => b.includes(area))).toEqual(['上虞区以片区化的思路推动' + area + '虞南山区绿色高质量发展']);
  });
  it('makes figure cards without a caption of their own, so each shows its figure’s label as edited', () => {
    const cards = deck.slides.flatMap((s) => s.blocks.filter((b) => b.kind === 'figure'));
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card).toEqual({ kind: 'figure', key: expect.any(String) });
  });

  it('shows a warning about the whole report from the cover', () => {
    expect(deck.warnings[1]).toMatchObject({ id: 'w2', kind: 'encoding', slideId: 's1' });
    expect(deck.warnings[0]!.slideId).toBe(deck.slides.find((s) => s.notes.includes('上虞区以片区化'))!.id);
  });
});

describe('generateDeck on a long report', () => {
  it('spreads the agenda of many pillars over several slides, each within the slide limits', () => {
    const sections = Array.from({ length: 20 }, (_, i) => ({
      title: `重点工作第${i + 1}项`,
      subtitle: '推进高质量发展',
      paragraphs: [{ index: i, text: `第${i + 1}项工作稳步推进，各项任务全面完成。`, truncated: false }],
      captions: [],
    }));
    const deck = generateDeck({ title: '工作报告', subtitle: '', bylines: [], salutation: '', lead: [], sections, closing: [], closingTitle: '', captions: [], warnings: [] });
    const agendas = deck.slides.filter((s) => s.layout === 'agenda');
    expect(agendas.length).toBeGreaterThan(1);
    expect(agendas.flatMap((s) => s.blocks.map((b) => (b.kind === 'bullet' ? b.text : '')))).toEqual(sections.map((s) => s.title));
    for (const s of agendas) expect(s.blocks.length).toBeLessThanOrEqual(BULLETS_PER_SLIDE + 1);
    for (const s of deck.slides) expect(Slide.omit({ section: true }).safeParse(s).success).toBe(true);
  });
});
