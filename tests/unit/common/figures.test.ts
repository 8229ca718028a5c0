import { describe, expect, it } from 'vitest';
import { findFigures, formatFigure, formatNumber, parseValueInput, resolveFigureRefs, sentenceAround, splitFigureRefs, figureKeysIn, RANK_UNIT } from '../../../decks/common/figures.ts';

/** Each found figure must be written back exactly as the text has it. */
function expectRoundTrip(text: string) {
  const found = findFigures(text);
  for (const f of found) {
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(formatFigure(f)).toBe(f.text);
  }
  return found;
}

function only(text: string) {
  const found = expectRoundTrip(text);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('formatFigure and parseValueInput (existing helpers)', () => {
  it('formats with grouping, decimals and qualifiers', () => {
    expect(formatNumber(1286.4, 1, true)).toBe('1,286.4');
    expect(formatNumber(-3.25, 2, false)).toBe('-3.25');
    expect(formatFigure({ value: 4.38, pattern: '{v}亿元', decimals: 2, grouped: false, qualifier: '约' })).toBe('约4.38亿元');
    expect(formatFigure({ value: 20, pattern: '{v}家', decimals: 0, grouped: false, qualifier: '余' })).toBe('20余家');
    expect(formatFigure({ value: 2.3, pattern: '{v}万人', decimals: 1, grouped: false, qualifier: '左右' })).toBe('2.3万人左右');
  });
  it('reads typed values and rejects others', () => {
    expect(parseValueInput(' 1,286.4 ')).toEqual({ value: 1286.4, decimals: 1, grouped: true });
    expect(parseValueInput('５.８')).toEqual({ value: 5.8, decimals: 1, grouped: false });
    expect(parseValueInput('12a')).toBeNull();
  });
  it('splits and resolves references', () => {
    expect(splitFigureRefs('增长{fig:f1}，')).toEqual([{ kind: 'text', text: '增长' }, { kind: 'figure', key: 'f1' }, { kind: 'text', text: '，' }]);
    // Emphasis markers mark the runs and never show; an unclosed one runs to the end, a stray close means nothing.
    expect(splitFigureRefs('全年{em}增长{fig:f1}{/em}，{/em}好{em}很')).toEqual([
      { kind: 'text', text: '全年' },
      { kind: 'text', text: '增长', em: true },
      { kind: 'figure', key: 'f1', em: true },
      { kind: 'text', text: '，' },
      { kind: 'text', text: '好' },
      { kind: 'text', text: '很', em: true },
    ]);
    expect(resolveFigureRefs('{em}增长{fig:f1}{/em}', new Map([['f1', { display: '5%' }]]))).toBe('增长5%');
    expect(figureKeysIn('{fig:a}{fig:b}{fig:a}')).toEqual(['a', 'b']);
    expect(resolveFigureRefs('{fig:a}和{fig:x}', new Map([['a', { display: '8%' }]]))).toBe('8%和[?]');
  });
});

describe('findFigures: units as reports write them', () => {
  const cases: [string, string, string, number][] = [
    ['全年地区生产总值增长5.5%。', '%', '{v}%', 5.5],
    ['占比提高2.1个百分点。', '个百分点', '{v}个百分点', 2.1],
    ['经济总量达2500亿元。', '亿元', '{v}亿元', 2500],
    ['人均补助3000万元。', '万元', '{v}万元', 3000],
    ['人均可支配收入68000元。', '元', '{v}元', 68000],
    ['新增就业大学生2.3万人。', '万人', '{v}万人', 2.3],
    ['接待游客520万人次。', '万人次', '{v}万人次', 520],
    ['引进博士120人。', '人', '{v}人', 120],
    ['入选人才24名。', '名', '{v}名', 24],
    ['“小巨人”企业累计已达20家。', '家', '{v}家', 20],
    ['建成未来社区12个。', '个', '{v}个', 12],
    ['新建学校5所。', '所', '{v}所', 5],
    ['发放消费券3000张。', '张', '{v}张', 3000],
    ['帮扶低收入农户860户。', '户', '{v}户', 860],
    ['改造燃气管网覆盖1.2万户。', '万户', '{v}万户', 1.2],
    ['新增高标准农田5000亩。', '亩', '{v}亩', 5000],
    ['新建绿道35公里。', '公里', '{v}公里', 35],
    ['推动800平方公里虞南山区发展。', '平方公里', '{v}平方公里', 800],
    ['占地78.9万平方米。', '万平方米', '{v}万平方米', 78.9],
    ['PM2.5平均浓度为26微克/立方米。', '微克/立方米', '{v}微克/立方米', 26],
  ];
  for (const [text, unit, pattern, value] of cases) {
    it(`${unit} in “${text}”`, () => {
      const f = only(text);
      expect(f.unit).toBe(unit);
      expect(f.pattern).toBe(pattern);
      expect(f.value).toBe(value);
    });
  }
  it('reads the full-width percent sign as % and keeps it in the pattern', () => {
    const f = only('增长6.3％。');
    expect(f.unit).toBe('%');
    expect(f.pattern).toBe('{v}％');
  });
});

describe('findFigures: ranks', () => {
  it('第33位 with its scope in the label', () => {
    const f = only('综合实力位居全国百强区第33位。');
    expect([f.text, f.unit, f.pattern, f.value, f.label]).toEqual(['第33位', RANK_UNIT, '第{v}位', 33, '全国百强区排名']);
  });
  it('前10 after a scope, but not “目前10家”', () => {
    const f = only('新产业平台跻身全省前10。');
    expect([f.text, f.pattern, f.unit]).toEqual(['前10', '前{v}', RANK_UNIT]);
    const count = only('目前10家企业已投产。');
    expect([count.text, count.unit]).toEqual(['10家', '家']);
  });
  it('上升2位 is a rank move with its direction', () => {
    const found = expectRoundTrip('综合实力位居全国百强区第33位，比上一年上升2位。');
    expect(found.map((f) => f.text)).toEqual(['第33位', '上升2位']);
    expect(found[1]).toMatchObject({ pattern: '上升{v}位', direction: '上升', value: 2, label: '全国百强区排名上升' });
    const down = only('排名下降3位。');
    expect(down).toMatchObject({ pattern: '下降{v}位', direction: '下降' });
  });
  it('居全省第3 keeps the scope in the pattern; an ordinal (第3季度) is not a figure', () => {
    const found = expectRoundTrip('申报入选国家级“引才计划”人才24名，居全省第3，近两年成效明显。');
    expect(found.map((f) => [f.text, f.pattern])).toEqual([['24名', '{v}名'], ['全省第3', '全省第{v}']]);
    expect(found[1]!.label).toBe('国家级“引才计划”人才全省排名');
    expect(findFigures('第3季度完成验收。')).toEqual([]);
  });
});

describe('findFigures: qualifiers, grouping, decimals, signs', () => {
  it('约 before, 余 between number and unit, 左右 after', () => {
    expect(only('总投资约4.38亿元。')).toMatchObject({ text: '约4.38亿元', qualifier: '约', value: 4.38, decimals: 2 });
    expect(only('培育企业20余家。')).toMatchObject({ text: '20余家', qualifier: '余', pattern: '{v}家' });
    expect(only('吸纳就业2.3万人左右。')).toMatchObject({ text: '2.3万人左右', qualifier: '左右' });
    expect(only('带动就业超5000人。')).toMatchObject({ text: '超5000人', qualifier: '超' });
    // 余 after 万 cannot be written by formatFigure's qualifier: it stays in the pattern.
    expect(only('服务2万余人。')).toMatchObject({ text: '2万余人', pattern: '{v}万余人', unit: '万人', qualifier: '' });
  });
  it('thousands separators and decimals are kept as written', () => {
    expect(only('实现地区生产总值1,286.4亿元。')).toMatchObject({ value: 1286.4, grouped: true, decimals: 1, text: '1,286.4亿元' });
    expect(only('增长5.50%。')).toMatchObject({ value: 5.5, decimals: 2, text: '5.50%' });
  });
  it('negatives and falls', () => {
    expect(only('工业增加值增长-3.2%。')).toMatchObject({ value: -3.2, text: '-3.2%' });
    const fall = only('单位能耗下降3.2%。');
    expect(fall).toMatchObject({ value: 3.2, direction: '下降', label: '单位能耗下降' });
    expect(only('碳排放减少了12万吨。')).toMatchObject({ direction: '减少', unit: '万吨' });
  });
  it('directions carry over an enumeration, and 城乡 splits into 城镇/农村', () => {
    const found = expectRoundTrip('预计全年地区生产总值增长5.5%，城乡居民收入分别增长6.3%和8%。');
    expect(found.map((f) => [f.text, f.label, f.direction])).toEqual([
      ['5.5%', '地区生产总值增长', '增长'],
      ['6.3%', '城镇居民收入增长', '增长'],
      ['8%', '农村居民收入增长', '增长'],
    ]);
    const numbered = expectRoundTrip('出口和进口分别增长3%、4%和5%。');
    expect(numbered.map((f) => f.label)).toEqual(['出口和进口增长（1）', '出口和进口增长（2）', '出口和进口增长（3）']);
  });
});

describe('findFigures: not figures', () => {
  it('years, versions, programme names, dates and codes stay text', () => {
    const text = '2022年底，上虞迭代升级人才新政4.0版，推进“1215”专项行动，聚焦“3+2”产业链群和“14+X”重点片区，1月15日召开会议，5G基站、G20峰会、2022-2023年度。';
    expect(findFigures(text)).toEqual([]);
  });
  it('a figure next to a year is still found', () => {
    const found = expectRoundTrip('2022年，新增就业大学生2.3万人。');
    expect(found.map((f) => f.text)).toEqual(['2.3万人']);
  });
});

describe('labels from the words before the number', () => {
  it('names what is measured', () => {
    expect(only('眼下，上虞国家级专精特新“小巨人”企业累计已达20家。').label).toBe('国家级专精特新“小巨人”企业');
    expect(only('新增就业大学生2.3万人。').label).toBe('新增就业大学生');
    expect(only('经济总量达2500亿元。').label).toBe('经济总量');
    expect(only('以片区化的思路推动800平方公里虞南山区绿色高质量发展。').label).toBe('虞南山区面积');
    const pair = expectRoundTrip('随着总投资约4.38亿元、占地78.9万平方米的曹娥江“一江两岸”三期正式向公众开放。');
    expect(pair.map((f) => f.label)).toEqual(['曹娥江“一江两岸”三期总投资', '曹娥江“一江两岸”三期占地']);
  });
  it('gives the sentence around a range', () => {
    const text = '第一句。预计增长5.5%，好。第三句';
    const f = only(text);
    expect(sentenceAround(text, f.start, f.end)).toBe('预计增长5.5%，好。');
  });
});
