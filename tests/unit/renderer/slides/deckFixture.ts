// A small deck in the shape the generator makes, for renderer tests.
import type { Deck, Figure, Slide } from '../../../../decks/common/model.ts';

export function figure(key: string, value: number, pattern: string, label: string, extra: Partial<Figure> = {}): Figure {
  const f: Figure = { key, label, value, unit: '', pattern, decimals: String(value).split('.')[1]?.length ?? 0, grouped: false, qualifier: '', direction: '', asOf: null, source: null, display: '', updatedAt: '2024-01-01T00:00:00.000Z', ...extra };
  return f;
}

export function slide(id: string, layout: Slide['layout'], title: string, blocks: Slide['blocks'] = [], notes = ''): Slide {
  return { id, layout, title, blocks, notes, hidden: false, section: null };
}

export function sampleDeck(): Pick<Deck, 'slides' | 'figures'> {
  return {
    figures: [
      { ...figure('gdp', 5.5, '{v}%', '地区生产总值增长'), display: '5.5%' },
      { ...figure('rank', 33, '第{v}位', '全国百强区排名'), display: '第33位' },
      { ...figure('revenue', 4.38, '{v}亿元', '税收收入', { qualifier: '约' }), display: '约4.38亿元' },
    ],
    slides: [
      slide('s1', 'title', '全面建设“青春之城”', [{ kind: 'text', role: 'subtitle', text: '奋力走好上虞高质量发展之路' }, { kind: 'text', role: 'byline', text: '孙良 倪贤方 袁伟江' }]),
      slide('s2', 'figures', '主要指标', [{ kind: 'figure', key: 'gdp' }, { kind: 'figure', key: 'rank', caption: '综合实力' }, { kind: 'figure', key: 'revenue' }]),
      slide('s3', 'agenda', '汇报提纲', [{ kind: 'bullet', level: 0, text: '兴产业强平台' }, { kind: 'bullet', level: 0, text: '促融合提能级' }]),
      slide('s4', 'section', '兴产业强平台', [{ kind: 'text', role: 'subtitle', text: '打造创新创业创造高地' }]),
      slide('s5', 'points', '经济运行', [{ kind: 'bullet', level: 0, text: '地区生产总值增长{fig:gdp}' }, { kind: 'bullet', level: 1, text: '位居第{fig:nope}' }], '增长{fig:gdp}，见{fig:rank}'),
      slide('s6', 'image', '上虞e游小镇', [{ kind: 'image', assetId: null, caption: '上虞e游小镇', credit: '（本张图片由上虞区委宣传部提供）' }]),
      slide('s7', 'section', '促融合提能级'),
      slide('s8', 'quote', '', [{ kind: 'text', role: 'quote', text: '图更强、争一流、敢首创' }]),
      slide('s9', 'closing', '谢谢'),
    ],
  };
}
