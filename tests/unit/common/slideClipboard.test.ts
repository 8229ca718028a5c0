// Slides on the clipboard: what a copy carries (the slides and the figures they show) and what a paste makes of it in
// another deck — shared figures kept, a different figure under a taken key brought in under a new key — and a
// clipboard that holds anything else is no payload.
import { describe, expect, it } from 'vitest';
import type { Figure, Slide } from '../../../decks/common/model.ts';
import { assetIdsOf, copySlides, pasteSlides, readSlidesPayload, slidesOutline, type SlidesPayload } from '../../../decks/common/slideClipboard.ts';

const figure = (key: string, value: number, label = `指标${key}`): Figure => ({
  key,
  label,
  value,
  unit: '%',
  pattern: '{v}%',
  decimals: 1,
  grouped: false,
  qualifier: '',
  direction: '增长',
  asOf: null,
  source: null,
  display: `${value.toFixed(1)}%`,
  updatedAt: '2024-01-01T00:00:00.000Z',
});

const slides: Slide[] = [
  { id: 'a', layout: 'points', title: '概况 {fig:gdp}', blocks: [{ kind: 'bullet', text: '增长{fig:gdp}，{em}好{/em}', level: 0 }], notes: '备注 {fig:jobs}', hidden: false, section: null },
  { id: 'b', layout: 'figures', title: '数据', blocks: [{ kind: 'figure', key: 'rank' }, { kind: 'image', assetId: 'f'.repeat(64), caption: '图', credit: '摄' }], notes: '', hidden: true, section: null },
  { id: 'c', layout: 'points', title: '不复制', blocks: [{ kind: 'bullet', text: '{fig:other}', level: 0 }], notes: '', hidden: false, section: null },
];
const figures = [figure('gdp', 5.5), figure('jobs', 2.1), figure('rank', 33), figure('other', 1)];
let n = 0;
const makeId = () => `new${n++}`;

describe('copying slides', () => {
  it('carries the chosen slides in deck order with exactly the figures they show', () => {
    const payload = copySlides({ id: 'deck1', slides, figures }, ['b', 'a']);
    expect(payload.slides.map((s) => s.id)).toEqual(['a', 'b']);
    expect(payload.slides[0]).not.toHaveProperty('section');
    expect(payload.figures.map((f) => f.key).sort()).toEqual(['gdp', 'jobs', 'rank']);
    expect(assetIdsOf(payload.slides)).toEqual(['f'.repeat(64)]);
    expect(readSlidesPayload(JSON.stringify(payload))).toEqual(payload);
  });

  it('writes an outline for other programs, figures at their values', () => {
    const outline = slidesOutline(copySlides({ id: 'deck1', slides, figures }, ['a']).slides, new Map(figures.map((f) => [f.key, f])));
    expect(outline).toBe('概况 5.5%\n\t增长5.5%，好');
  });
});

describe('pasting slides', () => {
  const payload: SlidesPayload = copySlides({ id: 'deck1', slides, figures }, ['a', 'b']);

  it('gives the slides new ids and brings the figures the deck lacks', () => {
    const r = pasteSlides(payload, [], makeId);
    expect(r.slides.map((s) => s.id)).toEqual(['new0', 'new1']);
    expect(r.slides.map((s) => s.title)).toEqual(['概况 {fig:gdp}', '数据']);
    expect(r.slides[1]!.hidden).toBe(true);
    expect(r.figures.map((f) => f.key).sort()).toEqual(['gdp', 'jobs', 'rank']);
  });

  it('shares a figure the deck already has, and re-keys a different one under a taken key', () => {
    const mine = [figure('gdp', 5.5), figure('rank', 12, '另一个排名'), figure('rank-2', 1)];
    const r = pasteSlides(payload, mine, makeId);
    // gdp is the same number: shared. rank is another figure here: the pasted one becomes rank-3 (rank-2 is taken).
    expect(r.figures.map((f) => f.key).sort()).toEqual(['jobs', 'rank-3']);
    expect(r.figures.find((f) => f.key === 'rank-3')).toMatchObject({ value: 33, label: '指标rank' });
    expect(r.slides[1]!.blocks[0]).toEqual({ kind: 'figure', key: 'rank-3' });
    expect(r.slides[0]!.title).toBe('概况 {fig:gdp}');
    expect(r.slides[0]!.notes).toBe('备注 {fig:jobs}');
  });

  it('re-keys every reference: titles, texts, callouts and notes', () => {
    const mine = [figure('gdp', 9.9), figure('jobs', 9.9), figure('rank', 9.9)];
    const r = pasteSlides(payload, mine, makeId);
    expect(r.slides[0]).toMatchObject({ title: '概况 {fig:gdp-2}', notes: '备注 {fig:jobs-2}', blocks: [{ kind: 'bullet', text: '增长{fig:gdp-2}，{em}好{/em}', level: 0 }] });
    expect(r.slides[1]!.blocks[0]).toEqual({ kind: 'figure', key: 'rank-2' });
    expect(r.figures.map((f) => f.key).sort()).toEqual(['gdp-2', 'jobs-2', 'rank-2']);
  });

  it('takes nothing but a well-formed payload from the clipboard', () => {
    for (const text of ['', 'hello', '{}', '[]', 'null', JSON.stringify({ ...payload, huibao: 'slides/2' }), JSON.stringify({ ...payload, slides: [] }), JSON.stringify({ ...payload, slides: [{ id: 'x' }] }), '{"huibao":"slides/1"'])
      expect(readSlidesPayload(text), text.slice(0, 40)).toBeNull();
    expect(readSlidesPayload(null)).toBeNull();
    // Markup in a pasted text stays text.
    const hostile = { ...payload, slides: [{ ...payload.slides[0]!, title: '<img src=x onerror=alert(1)>' }] };
    expect(readSlidesPayload(JSON.stringify(hostile))!.slides[0]!.title).toBe('<img src=x onerror=alert(1)>');
  });
});
