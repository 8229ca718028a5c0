import { describe, expect, it } from 'vitest';
import type { Figure, Slide } from '../../../decks/common/model.ts';
import { formatFigure } from '../../../decks/common/figures.ts';
import { generateDeck } from '../../../decks/node/generate/index.ts';
import { applyRefresh, REVISED_MARK } from '../../../decks/node/refresh/apply.ts';
import { refreshPlan } from '../../../decks/node/refresh/review.ts';
import { docOf, NEW_PARAGRAPH, revisedSampleText, SAMPLE_TEXT } from '../../fixtures/revisedSample.ts';

async function sampleDeck() {
  const base = await docOf(SAMPLE_TEXT);
  const gen = generateDeck(base);
  const slides: Slide[] = gen.slides.map((s) => ({ ...s, section: null }));
  const figures: Figure[] = gen.figures.map((f) => ({ ...f, display: formatFigure(f), updatedAt: '2026-01-01T00:00:00.000Z' }));
  return { base, slides, figures };
}

const byLabel = (figures: readonly Figure[], label: string) => {
  const f = figures.find((x) => x.label === label);
  if (!f) throw new Error(`no figure ${label}`);
  return f;
};

let ids = 0;
const newId = () => `new${++ids}`;

describe('refresh review', () => {
  it('finds exactly the three changed figures, the new paragraph and the removed caption', async () => {
    const { base, slides, figures } = await sampleDeck();
    const { review } = refreshPlan({ base, revised: await docOf(revisedSampleText()), fileName: 'v2.txt', deck: { slides, figures } });
    expect(review.items.map((i) => i.kind).sort()).toEqual(['caption-removed', 'figure-changed', 'figure-changed', 'figure-changed', 'paragraph-added']);
    const changed = review.items.flatMap((i) => (i.kind === 'figure-changed' ? [[i.label, i.imported.display, i.revised.display, i.conflict]] : []));
    expect(changed).toEqual([
      ['地区生产总值增长', '5.5%', '5.8%', false],
      ['全国百强区排名', '第33位', '第31位', false],
      ['经济总量', '2500亿元', '2600亿元', false],
    ]);
    const growth = review.items.find((i) => i.kind === 'figure-changed' && i.label === '地区生产总值增长');
    expect(growth?.kind === 'figure-changed' && [growth.imported.sentence, growth.revised.sentence]).toEqual([
      expect.stringContaining('地区生产总值增长5.5%'),
      expect.stringContaining('地区生产总值增长5.8%'),
    ]);
    const added = review.items.find((i) => i.kind === 'paragraph-added');
    expect(added?.kind === 'paragraph-added' && [added.text, added.section, added.applicable]).toEqual([NEW_PARAGRAPH, '扬精神兴文化', true]);
    expect(review.items.find((i) => i.kind === 'caption-removed')).toMatchObject({ text: '南丰社区', applicable: false });
  });

  it('finds nothing when the report is the same', async () => {
    const { base, slides, figures } = await sampleDeck();
    const { review } = refreshPlan({ base, revised: await docOf(SAMPLE_TEXT), fileName: 'same.txt', deck: { slides, figures } });
    expect(review.items).toEqual([]);
  });

  it('matches figures by what they measure, not by position: a figure added early shifts nothing', async () => {
    const { base, slides, figures } = await sampleDeck();
    // A new paragraph with a figure near the start: every later figure moves one place (f6 becomes f7 …), none changed.
    const anchor = '交出了一份高质量发展的高分答卷。';
    const text = SAMPLE_TEXT.replace(anchor, `${anchor}\n\n全年接待游客1200万人次，文旅市场持续回暖。`);
    const { review } = refreshPlan({ base, revised: await docOf(text), fileName: 'v2.txt', deck: { slides, figures } });
    expect(review.items.map((i) => [i.kind, 'revised' in i ? i.revised.display : ''])).toEqual([
      ['figure-added', '1200万人次'],
      ['paragraph-added', ''],
    ]);
  });

  it('shows a figure changed by hand since the import as a conflict with all three values', async () => {
    const { base, slides, figures } = await sampleDeck();
    const growth = byLabel(figures, '地区生产总值增长');
    const edited = figures.map((f) => (f === growth ? { ...f, value: 5.6, display: '5.6%' } : f));
    const { review } = refreshPlan({ base, revised: await docOf(revisedSampleText()), fileName: 'v2.txt', deck: { slides, figures: edited } });
    const item = review.items.find((i) => i.kind === 'figure-changed' && i.key === growth.key);
    expect(item?.kind === 'figure-changed' && [item.conflict, item.imported.display, item.current.display, item.revised.display]).toEqual([true, '5.5%', '5.6%', '5.8%']);
  });

  it('lists changed paragraphs with a diff, and gone figures, new and removed sections', async () => {
    const { base, slides, figures } = await sampleDeck();
    let text = SAMPLE_TEXT.replace('上虞区还迭代升级人才新政4.0版', '上虞区还全面升级人才新政4.0版');
    text = text.replace('，新增就业大学生2.3万人', '');
    text = text.replace('扬精神兴文化 塑造内外兼修气质品格', '强文化树品牌 塑造内外兼修气质品格');
    const { review } = refreshPlan({ base, revised: await docOf(text), fileName: 'v3.txt', deck: { slides, figures } });
    const kinds = review.items.map((i) => i.kind);
    expect(kinds).toContain('paragraph-changed');
    expect(kinds).toContain('figure-gone');
    expect(review.items.filter((i) => i.kind === 'section-added').map((i) => 'title' in i && i.title)).toEqual(['强文化树品牌']);
    expect(review.items.filter((i) => i.kind === 'section-removed').map((i) => 'title' in i && i.title)).toEqual(['扬精神兴文化']);
    const changed = review.items.find((i) => i.kind === 'paragraph-changed');
    const diff = changed?.kind === 'paragraph-changed' ? changed.diff : [];
    expect(diff.filter((d) => d.op === 'removed').map((d) => d.text).join('')).toContain('迭代');
    expect(diff.filter((d) => d.op === 'added').map((d) => d.text).join('')).toContain('全面');
    expect(review.items.find((i) => i.kind === 'figure-gone')).toMatchObject({ imported: { display: '2.3万人' } });
  });
});

describe('applying a refresh', () => {
  it('updates the accepted figures and notes, and keeps staff text edits, order, hidden slides and pictures', async () => {
    const { base, slides, figures } = await sampleDeck();
    // Staff's work: a retitled slide, a rewritten bullet, a hidden slide, the last two slides swapped.
    const staff = slides.map((s, i) => {
      if (i === 1) return { ...s, title: '主要成绩（领导改）' };
      if (i === 2) return { ...s, hidden: true };
      const b = s.blocks.findIndex((x) => x.kind === 'bullet');
      return b >= 0 && i === 4 ? { ...s, blocks: s.blocks.map((x, j) => (j === b && x.kind === 'bullet' ? { ...x, text: '领导亲自改写的要点' } : x)) } : s;
    });
    [staff[staff.length - 1], staff[staff.length - 2]] = [staff[staff.length - 2]!, staff[staff.length - 1]!];
    const plan = refreshPlan({ base, revised: await docOf(revisedSampleText()), fileName: 'v2.txt', deck: { slides: staff, figures } });
    const rank = plan.review.items.find((i) => i.kind === 'figure-changed' && i.label === '全国百强区排名')!;
    const paragraph = plan.review.items.find((i) => i.kind === 'paragraph-added')!;
    const accept = new Set(plan.review.items.filter((i) => i.applicable && i !== rank).map((i) => i.id));
    const result = applyRefresh({ slides: staff, figures }, plan, accept, newId);

    expect(result.applied).toBe(3);
    expect(result.figures.map((f) => [f.before.label, f.value]).sort()).toEqual([
      ['地区生产总值增长', 5.8],
      ['经济总量', 2600],
    ]);
    // Order, hidden slides and every slide's text are as staff left them; only the new paragraph's slide has new notes.
    expect(result.slides.map((s) => s.id)).toEqual(staff.map((s) => s.id));
    expect([...result.changed]).toEqual([paragraph.slideId]);
    result.slides.forEach((s, i) => {
      const was = staff[i]!;
      expect({ ...s, notes: '' }).toEqual({ ...was, notes: '' });
      if (s.id !== paragraph.slideId) expect(s).toBe(was);
    });
    const notes = result.slides.find((s) => s.id === paragraph.slideId)!.notes;
    expect(notes.endsWith(NEW_PARAGRAPH)).toBe(true);
  });

  it('writes a revised paragraph over its old text in the notes, or after staff notes it cannot find', async () => {
    const { base, slides, figures } = await sampleDeck();
    const text = SAMPLE_TEXT.replace('上虞区还迭代升级人才新政4.0版', '上虞区还全面升级人才新政4.0版');
    const plan = refreshPlan({ base, revised: await docOf(text), fileName: 'v3.txt', deck: { slides, figures } });
    const item = plan.review.items.find((i) => i.kind === 'paragraph-changed')!;
    const done = applyRefresh({ slides, figures }, plan, new Set([item.id]), newId);
    const notes = done.slides.find((s) => s.id === item.slideId)!.notes;
    expect(notes).toContain('上虞区还全面升级人才新政4.0版');
    expect(notes).not.toContain('迭代升级');
    // The figures of the paragraph are still references to the deck's figures, not copied digits.
    expect(notes).toMatch(/新增就业大学生\{fig:f\d+\}/);

    const rewritten = slides.map((s) => (s.id === item.slideId ? { ...s, notes: '领导自己写的备注。' } : s));
    const plan2 = refreshPlan({ base, revised: await docOf(text), fileName: 'v3.txt', deck: { slides: rewritten, figures } });
    const item2 = plan2.review.items.find((i) => i.kind === 'paragraph-changed')!;
    expect(item2.slideId).toBe(item.slideId);
    const kept = applyRefresh({ slides: rewritten, figures }, plan2, new Set([item2.id]), newId);
    const notes2 = kept.slides.find((s) => s.id === item.slideId)!.notes;
    expect(notes2.startsWith('领导自己写的备注。')).toBe(true);
    expect(notes2).toContain(`${REVISED_MARK}上虞区还全面升级`);
  });

  it('adds a new section as a section slide and a new figure under a key of its own', async () => {
    const { base, slides, figures } = await sampleDeck();
    const text = `${SAMPLE_TEXT.trimEnd()}\n\n强基层优治理 推进基层治理现代化\n\n上虞区新建城市社区服务综合体12个，基层治理体系不断完善。\n`;
    const plan = refreshPlan({ base, revised: await docOf(text), fileName: 'v4.txt', deck: { slides, figures } });
    expect(plan.review.items.map((i) => i.kind)).toEqual(['section-added']);
    const done = applyRefresh({ slides, figures }, plan, new Set(plan.review.items.map((i) => i.id)), newId);
    const added = done.slides.filter((s) => done.added.has(s.id));
    expect(added.map((s) => [s.layout, s.title])).toEqual([['section', '强基层优治理']]);
    expect(added[0]!.notes).toContain('新建城市社区服务综合体12个');
    expect(done.slides.filter((s) => !done.added.has(s.id)).map((s) => s.id)).toEqual(slides.map((s) => s.id));
  });
});
