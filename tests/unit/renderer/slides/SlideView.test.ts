import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LAYOUTS, THEMES, type Block } from '../../../../decks/common/model.ts';
import { calloutParts, densityOf, figureMap, SlideView } from '../../../../renderer/src/slides/SlideView.tsx';
import { chineseNumeral } from '../../../../decks/common/slideLayout.ts';
import { sampleDeck, slide } from './deckFixture.ts';

const deck = sampleDeck();
const figures = figureMap(deck.figures);
const render = (s: (typeof deck.slides)[number], extra: Record<string, unknown> = {}) =>
  renderToStaticMarkup(createElement(SlideView, { slide: s, figures, theme: 'official', ...extra }));

describe('SlideView', () => {
  it('renders every layout in every theme, scoped for the theme CSS, in Chinese', () => {
    for (const layout of LAYOUTS) {
      for (const theme of THEMES) {
        const html = renderToStaticMarkup(createElement(SlideView, { slide: slide('x', layout, '标题'), figures, theme }));
        expect(html).toMatch(new RegExp(`^<div class="hb-slide theme-${theme} layout-${layout} `));
        expect(html).toContain('lang="zh-CN"');
        expect(html).toContain('标题');
      }
    }
  });

  it('shows each figure reference as the figure’s current display in a span.fig', () => {
    const html = render(deck.slides[4]!);
    expect(html).toContain('地区生产总值增长<span class="fig" data-fig="gdp">5.5%</span>');
    expect(html).toContain('<span class="fig fig-missing" data-fig="nope">[?]</span>');
    expect(html).not.toContain('{fig:');
    expect(html).toContain('class="hb-bullet level-1"');
  });

  it('sets figure callouts with the number apart from its affixes and the label or caption below', () => {
    const html = render(deck.slides[1]!);
    expect(html).toContain('<span class="hb-callout-affix">第</span><span class="hb-callout-number">33</span><span class="hb-callout-affix">位</span>');
    expect(html).toContain('综合实力');
    expect(html).toContain('地区生产总值增长');
    expect(html).toContain('class="hb-callouts count-3"');
    expect(calloutParts(deck.figures[2]!)).toEqual({ before: '约', number: '4.38', after: '亿元' });
  });

  it('numbers sections in Chinese and shows footers only on content slides', () => {
    expect(render(deck.slides[3]!, { sectionNumber: 2, number: 4 })).toContain('<div class="hb-section-number" aria-hidden="true">二</div>');
    expect(render(deck.slides[3]!, { number: 4 })).not.toContain('hb-foot');
    expect(render(deck.slides[4]!, { number: 5, deckTitle: '上虞' })).toContain('<span class="hb-foot-number">5</span>');
    expect([1, 4, 10, 11, 20, 23, 100].map(chineseNumeral)).toEqual(['一', '四', '十', '十一', '二十', '二十三', '100']);
  });

  it('shows an image placeholder with caption and credit', () => {
    const html = render(deck.slides[5]!);
    expect(html).toContain('hb-image-placeholder');
    expect(html).toContain('（本张图片由上虞区委宣传部提供）');
  });

  it('never turns text into markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const html = render(slide('e', 'points', evil, [{ kind: 'bullet', level: 0, text: evil }, { kind: 'image', assetId: null, caption: evil, credit: evil }]));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('sets a table as a real table: header cells, body rows, figures at their current values, text never markup', () => {
    const table: Block = { kind: 'table', header: ['指标', '数值'], rows: [['地区生产总值增长', '{fig:gdp}'], ['<b>说明</b>', '']] };
    const html = render(slide('t', 'points', '主要指标', [table]));
    expect(html).toContain('<table class="hb-table size-large"><thead><tr><th scope="col">指标</th><th scope="col">数值</th></tr></thead>');
    expect(html).toContain('<td>地区生产总值增长</td><td><span class="fig" data-fig="gdp">5.5%</span></td>');
    expect(html).toContain('<td>&lt;b&gt;说明&lt;/b&gt;</td>');
    const big: Block = { kind: 'table', header: ['a', 'b', 'c', 'd', 'e'], rows: Array.from({ length: 9 }, () => ['1', '2', '3', '4', '5']) };
    expect(render(slide('t', 'points', '大表', [big]))).toContain('hb-table size-small');
  });

  it('picks a smaller type size as the text grows', () => {
    const bullets = (n: number, len: number): Block[] => Array.from({ length: n }, () => ({ kind: 'bullet', level: 0, text: '字'.repeat(len) }));
    expect(densityOf(bullets(3, 20))).toBe('roomy');
    expect(densityOf(bullets(5, 34))).toBe('normal');
    expect(densityOf(bullets(8, 40))).toBe('dense');
    expect(densityOf(bullets(10, 48))).toBe('tight');
    expect(densityOf(bullets(20, 80))).toBe('tiny');
  });
});
