// Slides a person would write, rule by rule, on small reports of our own: whole statements, titles taken whole from the
// paragraph, few key figures chosen by salience, table slides, each paragraph in the notes of one slide, the closing.
import { describe, expect, it } from 'vitest';
import { figureKeysIn, resolveFigureRefs } from '../../../decks/common/figures.ts';
import { FIGURE_REF, LIMITS, Slide, type ReportDoc } from '../../../decks/common/model.ts';
import { condensesReport, CONDENSE_ABOVE_PARAGRAPHS, FIGURES_PER_SLIDE, generateDeck, KEY_FIGURES_MIN, packBullets, TABLE_ROWS_PER_SLIDE, type GeneratedDeck } from '../../../decks/node/generate/index.ts';
import { BULLET_LINES, BULLET_MAX, displayLength, displaysOf, statements } from '../../../decks/node/generate/points.ts';
import { paragraphWithRefs, reportParagraphs } from '../../../decks/node/report/figureExtract.ts';
import { parseReport } from '../../../decks/node/report/index.ts';

const txt = (...lines: string[]) => parseReport({ text: lines.join('\n\n'), format: 'txt' });
const md = (...lines: string[]) => parseReport({ text: lines.join('\n\n'), format: 'md' });

function shown(deck: GeneratedDeck, text: string): string {
  return resolveFigureRefs(text, displaysOf(deck.figures));
}

function bullets(deck: GeneratedDeck): string[] {
  return deck.slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'bullet' ? [shown(deck, b.text)] : [])));
}

/** Words a bullet cannot open with: it would lean on the bullet before it. */
const LEANING = /^(?:提高|增长|下降|减少|比上年|同比|较上年|总投资|计划总投资|其中|占|累计|分别|并|和|及|拉动|惠及|涉及)/;

const GOV_REPORT = [
  '2024年XX区政府工作报告',
  '——2024年1月10日在XX区第十八届人民代表大会第四次会议上',
  'XX区人民政府区长 王XX',
  '各位代表：',
  '现在，我代表区人民政府，向大会报告工作，请予审议。',
  '一、2023年工作回顾',
  '过去一年，全区上下坚持稳中求进工作总基调，全年实现地区生产总值1286.5亿元，增长6.2%，增速居全市第2位；一般公共预算收入98.7亿元，增长8.5%。',
  '（一）产业转型步伐加快。规模以上工业增加值增长7.9%，高新技术产业增加值占规上工业比重达到64.3%，比上年提高2.1个百分点。新开工10亿元以上产业项目12个，竣工投产亿元以上项目27个。新增国家高新技术企业86家，累计达到512家。引进康宁生物、瑞达医疗等项目21个，计划总投资约95亿元。',
  '（二）城乡面貌持续改善。完成固定资产投资432亿元，其中基础设施投资增长14.2%。改造老旧小区48个，涉及住宅楼312栋、居民1.26万户。大兴调查研究之风，深化“放管服”改革，持续为基层减负。',
  '二、2024年主要任务',
  '（一）坚定不移抓产业强实体。实施工业技改项目150个以上，推动规模以上工业企业数字化改造全覆盖。',
  '（二）用心用情办好民生实事。新建普惠性托育机构6所，新增托位480个。',
  '各位代表！新的一年，新征程催人奋进。让我们凝心聚力、实干争先，为奋力谱写现代化建设新篇章而不懈奋斗！',
  '以上报告，请予审议。',
];

describe('statements: clauses that share a subject stay together', () => {
  const refs = (text: string) => text.replace(/\d+(?:\.\d+)?(?:亿元|%|个百分点|个|家|万户|栋)/g, (m) => `{fig:${m}}`);

  it('keeps a change, a total, a part or a share with the clause it measures', () => {
    expect(statements(refs('高新技术产业增加值占规上工业比重达到64.3%，比上年提高2.1个百分点')).map((s) => s.text)).toEqual([refs('高新技术产业增加值占规上工业比重达到64.3%，比上年提高2.1个百分点')]);
    expect(statements(refs('引进项目21个，计划总投资约95亿元')).map((s) => s.text)).toHaveLength(1);
    expect(statements(refs('新增国家高新技术企业86家，累计达到512家')).map((s) => s.text)).toHaveLength(1);
    expect(statements(refs('完成固定资产投资432亿元，其中基础设施投资增长14.2%')).map((s) => s.text)).toHaveLength(1);
    expect(statements(refs('改造老旧小区48个，涉及住宅楼312栋、居民1.26万户')).map((s) => s.text)).toHaveLength(1);
  });

  it('keeps a lead-in with what it leads to, and cuts where a clause has its own subject and verb', () => {
    expect(statements('随着实验室正式揭牌，科创走廊渐成一条创新带。').map((s) => s.text)).toEqual(['随着实验室正式揭牌，科创走廊渐成一条创新带']);
    expect(statements('大兴调查研究之风，深化“放管服”改革，持续为基层减负。').map((s) => s.text)).toEqual(['大兴调查研究之风', '深化“放管服”改革', '持续为基层减负']);
  });

  it('makes each item of a paragraph’s own list a statement of its own', () => {
    const s = statements('工作中还存在一些不足：一是研发投入不均衡；二是人才结构有待优化。');
    expect(s.map((x) => [x.text, x.listed])).toEqual([
      ['研发投入不均衡', true],
      ['人才结构有待优化', true],
    ]);
  });
});

describe('a government work report', () => {
  const doc = txt(...GOV_REPORT);
  const deck = generateDeck(doc);
  const slides = deck.slides;

  it('puts the title page on the cover and the opening lines in its notes; no front matter becomes a slide', () => {
    const cover = slides[0]!;
    expect(cover.blocks).toEqual([
      { kind: 'text', text: GOV_REPORT[1], role: 'subtitle' },
      { kind: 'text', text: GOV_REPORT[2], role: 'byline' },
    ]);
    expect(cover.notes.split('\n')).toEqual([GOV_REPORT[0], GOV_REPORT[1], GOV_REPORT[2], GOV_REPORT[3], GOV_REPORT[4]]);
    for (const s of slides.slice(1)) for (const line of GOV_REPORT.slice(1, 4)) expect(s.title).not.toBe(line);
    expect(slides.filter((s) => s.layout === 'section').map((s) => s.title)).toEqual(['2023年工作回顾', '2024年主要任务']);
  });

  it('gives every sub-part a slide it titles, at most one key-figures slide each, with 3–6 cards', () => {
    for (const sub of ['产业转型步伐加快', '城乡面貌持续改善', '坚定不移抓产业强实体', '用心用情办好民生实事']) {
      expect(slides.some((s) => s.layout === 'points' && s.title === sub), sub).toBe(true);
    }
    const figureSlides = slides.filter((s) => s.layout === 'figures');
    expect(new Set(figureSlides.map((s) => s.title)).size).toBe(figureSlides.length);
    for (const s of figureSlides) {
      const cards = s.blocks.filter((b) => b.kind === 'figure');
      expect(cards.length).toBeGreaterThanOrEqual(s.title === '主要指标' ? 1 : KEY_FIGURES_MIN);
      expect(cards.length).toBeLessThanOrEqual(FIGURES_PER_SLIDE);
    }
  });

  it('chooses key figures by salience: aggregates and ranks before a threshold', () => {
    const review = slides.find((s) => s.title === '2023年工作回顾：关键数据')!;
    const cards = review.blocks.flatMap((b) => (b.kind === 'figure' ? [shown(deck, `{fig:${b.key}}`)] : []));
    expect(cards).toEqual(expect.arrayContaining(['1286.5亿元', '第2位', '98.7亿元']));
    const industry = slides.find((s) => s.title.startsWith('产业转型步伐加快：'))!;
    const industryCards = industry.blocks.flatMap((b) => (b.kind === 'figure' ? [shown(deck, `{fig:${b.key}}`)] : []));
    expect(industryCards).not.toContain('10亿元');
  });

  it('writes bullets as whole statements of one or two lines, never a dangling “提高X” or “总投资X”', () => {
    const all = bullets(deck);
    expect(all.length).toBeGreaterThan(5);
    for (const b of all) {
      expect(b, b).not.toMatch(LEANING);
      expect(displayLength(b, new Map()), b).toBeLessThanOrEqual(BULLET_MAX * BULLET_LINES);
    }
    expect(all).toContain('引进康宁生物、瑞达医疗等项目21个，计划总投资约95亿元');
    expect(all).toContain('新增国家高新技术企业86家，累计达到512家');
  });

  it('titles slides with whole phrases of the paragraph they present, never cut mid-word or ending in 等', () => {
    for (const s of slides) {
      expect(s.title, s.title).not.toMatch(/等$|^上下|…/);
      expect(s.title).not.toMatch(FIGURE_REF);
    }
    expect(slides.map((s) => s.title)).not.toContain('上下坚持稳中求进工作总基调');
  });

  it('puts each paragraph in the notes of exactly one slide, the one that presents it', () => {
    for (const p of reportParagraphs(doc)) {
      const text = paragraphWithRefs(p, deck.figures);
      const holding = slides.filter((s) => s.notes.split('\n\n').some((n) => n.split('\n').includes(text) || n === text));
      expect(holding.map((s) => s.id), p.text).toHaveLength(1);
    }
  });

  it('ends on the closing slide, with the closing words on it and in its notes, the formula after them in the notes only', () => {
    const closing = slides.at(-1)!;
    expect(closing.layout).toBe('closing');
    const words = closing.blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(words.join('')).toContain('为奋力谱写现代化建设新篇章而不懈奋斗');
    expect(closing.notes).toContain(doc.closing[0]!.text);
    expect(closing.notes).toContain('以上报告，请予审议。');
    expect(words.join('')).not.toContain('以上报告');
  });

  it('makes no empty slide and every slide valid', () => {
    for (const s of slides) {
      expect(() => Slide.omit({ section: true }).parse(s)).not.toThrow();
      if (s.layout !== 'section' && s.layout !== 'title') expect(s.blocks.length, `${s.id} ${s.title}`).toBeGreaterThan(0);
    }
  });

  it('links every warning to a slide: the title page’s to the cover, the guessed closing’s to the closing', () => {
    expect(deck.warnings.length).toBeGreaterThan(0);
    for (const w of deck.warnings) expect(slides.some((s) => s.id === w.slideId), w.kind).toBe(true);
    expect(deck.warnings.find((w) => w.kind === 'front-matter')!.slideId).toBe('s1');
    expect(deck.warnings.find((w) => w.kind === 'heading-guessed')!.slideId).toBe(slides.at(-1)!.id);
  });
});

describe('pictures, tables and lists', () => {
  it('an image slide for every caption, titled and captioned by it; a lone credit makes none', () => {
    const doc = txt('报告', '一、产业发展', '全区完成工业投资120亿元，增长8%。', '图为XX产业园一期厂房', '（摄影 张三）', '二、城市建设', '新建城市道路12公里。', '（XX中心供图）', '改造老旧小区30个。');
    const deck = generateDeck(doc);
    const images = deck.slides.filter((s) => s.layout === 'image');
    expect(images.map((s) => [s.title, s.blocks])).toEqual([['XX产业园一期厂房', [{ kind: 'image', assetId: null, caption: 'XX产业园一期厂房', credit: '摄影 张三' }]]]);
    expect(deck.warnings.find((w) => w.kind === 'caption' && w.excerpt.startsWith('XX产业园'))!.slideId).toBe(images[0]!.id);
  });

  it('a table becomes a table slide of its own: real rows and cells, figures as references, long ones paged', () => {
    const rows = Array.from({ length: TABLE_ROWS_PER_SLIDE + 3 }, (_, i) => `| 第${i + 1}街道 | ${100 + i}亿元 | ${i + 1}.5% |`);
    const doc = md('# 报告', '## 一、主要指标', '全区经济运行总体平稳，主要指标好于预期。', '表1 各街道主要指标', ['| 街道 | 地区生产总值 | 增长 |', '| --- | --- | --- |', ...rows].join('\n'), '## 二、城市建设', '新建城市道路12公里。');
    const deck = generateDeck(doc);
    const tables = deck.slides.filter((s) => s.blocks.some((b) => b.kind === 'table'));
    expect(tables.map((s) => s.title)).toEqual(['表1 各街道主要指标', '表1 各街道主要指标（2）']);
    const [first, second] = tables.map((s) => s.blocks[0]!) as Extract<Slide['blocks'][number], { kind: 'table' }>[];
    expect(first!.header).toEqual(['街道', '地区生产总值', '增长']);
    expect(second!.header).toEqual(first!.header);
    expect(first!.rows).toHaveLength(TABLE_ROWS_PER_SLIDE);
    expect(second!.rows).toHaveLength(3);
    expect(first!.rows[0]![0]).toBe('第1街道');
    expect(figureKeysIn(first!.rows[0]![1]!)).toHaveLength(1);
    expect(shown(deck, first!.rows[0]![1]!)).toBe('100亿元');
    // The table's name is its title, not a bullet; the table is in the notes of its first slide only.
    expect(bullets(deck)).not.toContain('表1 各街道主要指标');
    expect(tables[0]!.notes).toContain('街道\t地区生产总值\t增长');
    expect(tables[1]!.notes).toBe('');
  });

  it('a table wider than a slide holds: the slide shows the first columns it can, the notes the whole table', () => {
    const header = Array.from({ length: LIMITS.tableColumns + 2 }, (_, i) => `第${i + 1}列`);
    const row = header.map((_, i) => `${i + 1}个`);
    const doc = md('# 报告', '## 一、主要指标', '全区经济运行总体平稳。', [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, `| ${row.join(' | ')} |`].join('\n'), '## 二、城市建设', '新建城市道路12公里。');
    expect(doc.sections[0]!.paragraphs[1]!.table!.header).toEqual(header);
    const deck = generateDeck(doc);
    const slide = deck.slides.find((s) => s.blocks.some((b) => b.kind === 'table'))!;
    const table = slide.blocks[0] as Extract<Slide['blocks'][number], { kind: 'table' }>;
    expect(table.header).toEqual(header.slice(0, LIMITS.tableColumns));
    expect(shown(deck, slide.notes)).toContain(`第${LIMITS.tableColumns + 2}列`);
  });

  it('titles a slide with each item a paragraph opens with (“一是…。”), when the report has no sub-headings', () => {
    const doc = txt('关于森林防火工作的汇报', '区应急管理局', '今冬以来，全区降水偏少，防火形势严峻。', '一是压实防火责任。全区落实护林员386名，划定网格责任区1240个。', '二是强化源头管控。设立防火检查站46个，收缴火种火源1300余件。', '下一步，我们将继续严格落实各项制度，确保全区不发生重大森林火灾。');
    const deck = generateDeck(doc);
    expect(deck.slides.filter((s) => s.layout === 'points').map((s) => s.title)).toEqual(expect.arrayContaining(['压实防火责任', '强化源头管控']));
    expect(bullets(deck)).not.toContain('压实防火责任');
  });
});

describe('packing points onto slides', () => {
  const para = (index: number) => ({ index, text: `第${index}段。`, truncated: false });
  const pack = (...bulletsPerParagraph: number[]) =>
    packBullets(
      bulletsPerParagraph.map((n, i) => ({ p: para(i), bullets: Array.from({ length: n }, (_, k) => `第${i}段第${k}条要点`) })),
      new Map(),
    );

  it('leaves no slide with a lone bullet after a full one', () => {
    const groups = pack(1, 1, 1, 1, 1, 1);
    expect(groups.map((g) => g.units.length)).toEqual([4, 2]);
    // The paragraph whose bullet moved is presented where its bullet now is.
    expect(groups.map((g) => g.paragraphs.map((p) => p.index))).toEqual([[0, 1, 2, 3], [4, 5]]);
  });

  it('starts a new slide for a paragraph rather than split it, when it fits on one; splits one too long for a slide', () => {
    expect(pack(1, 1, 1, 3).map((g) => g.units.length)).toEqual([3, 3]);
    const long = pack(2, 7);
    expect(long.map((g) => g.units.length)).toEqual([5, 4]);
    // The long paragraph is presented (in the notes) where it starts, and a picture after it follows its last slide.
    expect(long.map((g) => g.paragraphs.map((p) => p.index))).toEqual([[0, 1], []]);
    expect(long.map((g) => g.ending.map((p) => p.index))).toEqual([[0], [1]]);
  });

  it('lets a paragraph with nothing to show ride with the slide after it', () => {
    expect(pack(0, 2, 0).map((g) => g.paragraphs.map((p) => p.index))).toEqual([[0, 1, 2]]);
  });
});

describe('a report too long for a full deck', () => {
  it('is condensed past a threshold: section slides and key figures, every paragraph in the notes', () => {
    const sections = Math.ceil(CONDENSE_ABOVE_PARAGRAPHS / 3) + 5;
    const doc: ReportDoc = {
      title: '长报告',
      subtitle: '',
      bylines: [],
      salutation: '',
      lead: [{ index: 0, text: '全年实现地区生产总值1286.5亿元，增长6.2%。', truncated: false }],
      sections: Array.from({ length: sections }, (_, i) => ({
        title: `第${i + 1}项工作`,
        subtitle: '',
        paragraphs: [0, 1, 2].map((k) => ({ index: 1 + i * 3 + k, text: `第${i + 1}片区完成投资${i + k + 1}亿元，增长${k + 2}.5%，新增企业${k + 10}家。`, truncated: false })),
        captions: [],
      })),
      closing: [],
      closingTitle: '',
      captions: [],
      warnings: [],
    };
    expect(condensesReport(doc)).toBe(true);
    const deck = generateDeck(doc);
    expect(deck.slides.filter((s) => s.layout === 'points')).toEqual([]);
    expect(deck.slides.filter((s) => s.layout === 'section')).toHaveLength(sections);
    const notes = deck.slides.map((s) => s.notes).join('\n');
    for (const p of reportParagraphs(doc)) expect(notes).toContain(paragraphWithRefs(p, deck.figures));
    // Only the figures on cards are kept as figures; every card shows one.
    const onCards = new Set(deck.slides.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'figure' ? [b.key] : []))));
    expect(new Set(deck.figures.map((f) => f.key))).toEqual(onCards);
    expect(deck.warnings.at(-1)).toMatchObject({ kind: 'condensed', slideId: 's1' });
  });
});
