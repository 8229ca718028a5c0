import { describe, expect, it } from 'vitest';
import { capLabel, findFigures, formatFigure, formatNumber, halfWidthDigits, parseValueInput, resolveFigureRefs, sentenceAround, splitFigureRefs, figureKeysIn, RANK_UNIT } from '../../../decks/common/figures.ts';

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
    // A subject naming as many things as there are figures is shared out, never numbered “（1）/（2）”.
    const pair = expectRoundTrip('出口和进口分别增长3%和5%。');
    expect(pair.map((f) => f.label)).toEqual(['出口增长', '进口增长']);
    const more = expectRoundTrip('出口和进口分别增长3%、4%和5%。');
    for (const f of more) expect(f.label).not.toMatch(/[（(]\d+[）)]$/);
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

describe('findFigures: a unit is whatever measure word follows the number', () => {
  // None of these units is listed anywhere: the rule takes the character after the number (see NOT_UNITS for the exclusions).
  const cases: [string, string, string][] = [
    ['改造住宅楼312栋。', '312栋', '栋'],
    ['加装电梯105部。', '105部', '部'],
    ['发放手册1.2万份。', '1.2万份', '万份'],
    ['排查化解矛盾纠纷628起。', '628起', '起'],
    ['组织劳务协作培训35期。', '35期', '期'],
    ['开设课后服务课程36节。', '36节', '节'],
    ['新建学校5所。', '5所', '所'],
    ['开展远程会诊2130例。', '2130例', '例'],
    ['人均预期寿命达到82.6岁。', '82.6岁', '岁'],
    ['送达文书460宗。', '460宗', '宗'],
  ];
  for (const [text, shown, unit] of cases) {
    it(`${unit} in “${text}”`, () => {
      expect(only(text)).toMatchObject({ text: shown, unit });
    });
  }
  it('a measure word with 次 is one unit: 剂次, 户次, 家次, 批次', () => {
    expect(only('接种疫苗18.6万剂次。')).toMatchObject({ text: '18.6万剂次', unit: '万剂次', value: 18.6 });
    expect(only('上门服务2.6万户次。')).toMatchObject({ unit: '万户次' });
    expect(only('走访企业460余家次。')).toMatchObject({ text: '460余家次', unit: '家次', qualifier: '余', pattern: '{v}家次' });
    expect(only('提供检测服务1.6万批次。')).toMatchObject({ unit: '万批次' });
  });
  it('units of more than one character: metric, currency, rates', () => {
    expect(only('实际使用外资2.3亿美元。')).toMatchObject({ unit: '亿美元' });
    expect(only('过火面积0.6公顷。')).toMatchObject({ unit: '公顷' });
    expect(only('年发电量约6000万千瓦时。')).toMatchObject({ text: '约6000万千瓦时', unit: '万千瓦时' });
    expect(only('企业开办时间压缩至1个工作日以内。')).toMatchObject({ text: '1个工作日以内', unit: '个工作日', qualifier: '以内' });
    expect(only('补助标准为300元/人。')).toMatchObject({ text: '300元/人', unit: '元/人' });
  });
  it('‰, also below zero', () => {
    expect(only('婴儿死亡率2.1‰。')).toMatchObject({ unit: '‰', value: 2.1, pattern: '{v}‰' });
    expect(only('人口自然增长率为-0.8‰。')).toMatchObject({ text: '-0.8‰', value: -0.8 });
  });
});

describe('findFigures: full-width digits', () => {
  it('reads “１３６所” and “５．８％” as 136所 and 5.8%, at their place in the text', () => {
    const text = '新建学校１３６所，占比５．８％。';
    const found = findFigures(text);
    expect(found.map((f) => [f.text, f.value, f.unit])).toEqual([['136所', 136, '所'], ['5.8％', 5.8, '%']]);
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['１３６所', '５．８％']);
    for (const f of found) expect(formatFigure(f)).toBe(f.text);
  });
  it('halfWidthDigits keeps every position', () => {
    const text = 'ＰＭ２．５为２７微克/立方米，１２３';
    expect(halfWidthDigits(text)).toBe('PM2.5为27微克/立方米，123');
    expect(halfWidthDigits(text).length).toBe(text.length);
    expect(findFigures(text).map((f) => f.text)).toEqual(['27微克/立方米']);
  });
});

describe('findFigures: the exclusions', () => {
  const notFigures = [
    '2023年底完成验收，2024年1月15日召开会议，1—11月利润增长，近5年持续下降。',
    '上午8时30分开会，第3季度，第十八届，4.0版，“1215”专项行动，推进1215工程。',
    '12345热线和120急救，5G基站，PM2.5，4A级景区，世界500强，90后，3大产业。',
    '《2023年工作要点》，三次产业结构为2.5∶43.1∶54.4，0－6岁儿童，2022-2023年度，“15分钟生活圈”。',
  ];
  for (const text of notFigures) {
    it(`no figure in “${text.slice(0, 20)}…”`, () => {
      expect(findFigures(text)).toEqual([]);
    });
  }
  it('a word ending in 约 or 近 is no qualifier', () => {
    expect(only('修订完善村规民约21部。')).toMatchObject({ text: '21部', qualifier: '', label: '修订完善村规民约' });
    expect(only('年节约电费30万元。')).toMatchObject({ text: '30万元', qualifier: '' });
  });
});

describe('findFigures: qualifiers, ranges and thresholds stay with the figure', () => {
  it('以上, 以下, 以内 after the figure are qualifiers written back exactly', () => {
    expect(only('一般公共预算收入增长5%以上。')).toMatchObject({ text: '5%以上', qualifier: '以上', direction: '增长' });
    expect(only('噪声控制在55分贝以下。')).toMatchObject({ text: '55分贝以下', qualifier: '以下' });
    expect(only('急救半径控制在5公里以内。')).toMatchObject({ text: '5公里以内', qualifier: '以内' });
    expect(expectRoundTrip('新增国家高新技术企业80家以上、科技型中小企业300家。').map((f) => f.text)).toEqual(['80家以上', '300家']);
    expect(formatFigure({ value: 5, pattern: '{v}%', decimals: 0, grouped: false, qualifier: '以上' })).toBe('5%以上');
    expect(formatFigure({ value: 20, pattern: '约{v}家', decimals: 0, grouped: false, qualifier: '以上' })).toBe('约20家以上');
  });
  it('a range keeps its second number in the pattern; the value is the first', () => {
    expect(only('培育3至5个百亿级产业集群。')).toMatchObject({ text: '3至5个', value: 3, unit: '个', pattern: '{v}至5个' });
    expect(only('固定资产投资增长6%至8%。')).toMatchObject({ text: '6%至8%', value: 6, unit: '%', pattern: '{v}%至8%', direction: '增长' });
    expect(only('每个集团覆盖3到5所学校。')).toMatchObject({ text: '3到5所', pattern: '{v}到5所' });
  });
  it('a threshold that qualifies what is counted stays in the words: only the count is a figure', () => {
    const projects = only('新开工10亿元以上产业项目12个。');
    expect(projects).toMatchObject({ text: '12个', label: '新开工10亿元以上产业项目' });
    expect(only('65岁以上老年人健康管理率达到72%。')).toMatchObject({ text: '72%', label: '65岁以上老年人健康管理率' });
    expect(only('年产值10亿元以上的企业9家。')).toMatchObject({ text: '9家', label: '年产值10亿元以上的企业' });
  });
  it('the direction is kept: 下降, 减少, 提高', () => {
    expect(only('单位地区生产总值能耗下降3%。')).toMatchObject({ direction: '下降', label: '单位地区生产总值能耗下降' });
    const time = expectRoundTrip('企业投资项目审批时间压缩至28天，较上年减少9天。');
    expect(time.map((f) => [f.text, f.direction, f.label])).toEqual([
      ['28天', '', '企业投资项目审批时间'],
      ['9天', '减少', '企业投资项目审批时间减少'],
    ]);
  });
});

describe('labels name the subject and the measure', () => {
  const labels = (text: string) => expectRoundTrip(text).map((f) => [f.text, f.label]);
  it('a bare measure takes the subject just named', () => {
    expect(labels('全年实现地区生产总值1286.5亿元，增长6.2%，增速居全市第2位。')).toEqual([
      ['1286.5亿元', '地区生产总值'],
      ['6.2%', '地区生产总值增长'],
      ['第2位', '地区生产总值增速全市排名'],
    ]);
    expect(labels('高新技术产业增加值占规上工业比重达到64.3%，比上年提高2.1个百分点。')).toEqual([
      ['64.3%', '高新技术产业增加值占规上工业比重'],
      ['2.1个百分点', '高新技术产业增加值占规上工业比重提高'],
    ]);
  });
  it('a running total is labelled as one (累计), not as the year’s new ones', () => {
    expect(labels('新增国家高新技术企业86家，累计达到512家。')).toEqual([
      ['86家', '新增国家高新技术企业'],
      ['512家', '累计国家高新技术企业'],
    ]);
  });
  it('a comparison is part of the measure: 高于全省平均', () => {
    expect(labels('全社会研发投入强度达到3.42%，高于全省平均0.6个百分点。')[1]).toEqual(['0.6个百分点', '全社会研发投入强度高于全省平均']);
  });
  it('a list subject keeps all its members', () => {
    expect(only('新建、改扩建中小学和幼儿园9所。').label).toBe('新建、改扩建中小学和幼儿园');
  });
  it('分别 shares a subject of several things out, or pairs the figures with those just before', () => {
    expect(labels('城镇和农村居民人均可支配收入分别达到71250元和43680元，分别增长5.1%和6.8%。').map((x) => x[1])).toEqual([
      '城镇居民人均可支配收入',
      '农村居民人均可支配收入',
      '城镇居民人均可支配收入增长',
      '农村居民人均可支配收入增长',
    ]);
    expect(labels('高血压、糖尿病患者规范管理率分别达到76.5%和72.8%。').map((x) => x[1])).toEqual(['高血压患者规范管理率', '糖尿病患者规范管理率']);
    expect(labels('全年接待游客168万人次，实现旅游收入2.4亿元，分别增长21.5%和18.3%。').map((x) => x[1])).toEqual([
      '接待游客',
      '旅游收入',
      '接待游客增长',
      '旅游收入增长',
    ]);
  });
  it('a figure that opens its clause, or follows a preposition, counts what follows it', () => {
    expect(labels('空气质量优良，8个市控以上断面水质全部达标。')).toEqual([['8个', '市控以上断面水质']]);
    expect(labels('对责任落实不到位的2个镇进行通报。')).toEqual([['2个', '责任落实不到位的镇']]);
    expect(labels('辖区28幢商务楼宇入驻率达到87.5%。')).toEqual([
      ['28幢', '商务楼宇'],
      ['87.5%', '商务楼宇入驻率'],
    ]);
  });
  it('a share names whose share it is', () => {
    expect(labels('全年固定资产投资增长8.3%，其中工业投资增长15.6%，占全部投资的比重达到32.4%。')[2]).toEqual(['32.4%', '工业投资占全部投资的比重']);
  });
  it('years in the words say when', () => {
    expect(labels('年均发生森林火情由2019年的9起下降到2023年的3起。').map((x) => x[1])).toEqual(['2019年年均发生森林火情', '2023年年均发生森林火情']);
  });
  it('long labels are cut where a phrase starts', () => {
    expect(capLabel('与班子成员、局属单位主要负责人签订党风廉政建设责任书')).toBe('局属单位主要负责人签订党风廉政建设责任书');
  });
});

describe('held-out sentences (not in the corpus the rules were written against)', () => {
  it('reads measure words no rule lists: 株 棵 头 羽 眼 列 宗 片', () => {
    const text = '新植苗木12.6万株，其中珍贵树种3800棵；生猪出栏14.6万头，家禽存栏120万羽；新打机井36眼，开行班列320列，查处案件46宗，新增足球场地12片。';
    expect(expectRoundTrip(text).map((f) => f.unit)).toEqual(['万株', '棵', '万头', '万羽', '眼', '列', '宗', '片']);
  });
  it('reads a container count in 标箱 and energy in 吨标准煤 whole', () => {
    expect(only('集装箱吞吐量达到286万标箱。')).toMatchObject({ text: '286万标箱', unit: '万标箱' });
    expect(only('节约能源1.2万吨标准煤。')).toMatchObject({ unit: '万吨标准煤' });
  });
  it('an amount over which things are counted (超10亿元企业3家) qualifies them', () => {
    const found = expectRoundTrip('培育年营收超亿元企业25家，其中超10亿元企业3家；带动就业超5000人。');
    expect(found.map((f) => [f.text, f.label])).toEqual([
      ['25家', '培育年营收超亿元企业'],
      ['3家', '超10亿元企业'],
      ['超5000人', '带动就业'],
    ]);
  });
  it('a comparison with the average names the measure: 比全省平均高出 → 高于全省平均', () => {
    expect(expectRoundTrip('平均预期寿命为81.9岁，比全省平均高出0.8岁。').map((f) => f.label)).toEqual(['平均预期寿命', '平均预期寿命高于全省平均']);
  });
});
