// Figures as Chinese reports write them: formatting a value back into its pattern, and reading a value the user typed.
import type { Direction, Figure, Qualifier } from './model.ts';

/** A figure's place in inline text, `{fig:KEY}` (model.ts re-exports it, with the rule it stands for). */
export const FIGURE_REF = /\{fig:([A-Za-z0-9_.-]{1,64})\}/g;

/** Formats a number with the figure's decimals and grouping: 1286.4 → “1,286.4”. */
export function formatNumber(value: number, decimals: number, grouped: boolean): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.') as [string, string | undefined];
  const intText = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return (value < 0 ? '-' : '') + intText + (frac ? '.' + frac : '');
}

/** The figure as shown on a slide: “约4.38亿元”, “20余家”, “第33位”, “2.3万人左右”, “5%以上”, “3至5个”. */
export function formatFigure(f: Pick<Figure, 'value' | 'pattern' | 'decimals' | 'grouped' | 'qualifier'>): string {
  let number = formatNumber(f.value, f.decimals, f.grouped);
  if (f.qualifier === '余') number += '余';
  const body = f.pattern.replace('{v}', number);
  switch (f.qualifier) {
    case '约':
    case '超':
    case '近':
    case '逾':
      return f.qualifier + body;
    case '左右':
    case '以上':
    case '以下':
    case '以内':
      return body + f.qualifier;
    default:
      return body;
  }
}

/** Reads a value as a person types it (“5.8”, “1,286.4”, “ 2500 ”, full-width digits); null when it is not a number. */
export function parseValueInput(input: string): { value: number; decimals: number; grouped: boolean } | null {
  const text = input
    .trim()
    .replace(/[０-９．，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return null;
  const grouped = text.includes(',');
  const plain = text.replace(/,/g, '');
  const value = Number(plain);
  if (!Number.isFinite(value)) return null;
  const dot = plain.indexOf('.');
  return { value, decimals: dot < 0 ? 0 : Math.min(6, plain.length - dot - 1), grouped };
}

/** A piece of inline text: plain text, or a reference to a figure; `em` when it is emphasised. */
export type TextRun = ({ kind: 'text'; text: string } | { kind: 'figure'; key: string }) & { em?: true };

const INLINE_PARTS = /\{fig:([A-Za-z0-9_.-]{1,64})\}|\{(\/?)em\}/g;

/**
 * Splits text holding `{fig:KEY}` references and `{em}…{/em}` emphasis into runs, so a renderer can show each
 * figure's current value and the emphasis. Markers never appear as text.
 */
export function splitFigureRefs(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  let em = false;
  const push = (run: TextRun) => runs.push(em ? { ...run, em: true } : run);
  for (const m of text.matchAll(INLINE_PARTS)) {
    if (m.index > last) push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) push({ kind: 'figure', key: m[1] });
    else em = m[2] === '';
    last = m.index + m[0].length;
  }
  if (last < text.length) push({ kind: 'text', text: text.slice(last) });
  return runs;
}

/** Text without its emphasis markers. */
export function withoutEmphasis(text: string): string {
  return text.includes('em}') ? text.replace(/\{\/?em\}/g, '') : text;
}

/** The keys a text refers to, in order, without repeats. */
export function figureKeysIn(text: string): string[] {
  return [...new Set([...text.matchAll(FIGURE_REF)].map((m) => m[1]!))];
}

/** Text with every reference replaced by the figure's current display (unknown keys are shown as “[?]”). */
export function resolveFigureRefs(text: string, figures: ReadonlyMap<string, Pick<Figure, 'display'>>): string {
  return withoutEmphasis(text).replace(FIGURE_REF, (_, key: string) => figures.get(key)?.display ?? '[?]');
}

/** Whether two figures are the same number (decks made from one report share keys for the same figures). */
export function sameFigure(a: Omit<Figure, 'display' | 'updatedAt' | 'source' | 'asOf'>, b: Omit<Figure, 'display' | 'updatedAt' | 'source' | 'asOf'>): boolean {
  return (
    a.key === b.key &&
    a.label === b.label &&
    a.value === b.value &&
    a.unit === b.unit &&
    a.pattern === b.pattern &&
    a.decimals === b.decimals &&
    a.grouped === b.grouped &&
    a.qualifier === b.qualifier &&
    a.direction === b.direction
  );
}

// ---- Finding figures in running text (shared by report import and the editor) ----

/**
 * Full-width digits and Latin letters read as half-width, and “．” between digits as a decimal point (“５．８％” →
 * “5.8％”). Each character maps to one character, so positions in the result are positions in the original text.
 */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/(?<=\d)．(?=\d)/g, '.');
}

/**
 * A unit is what follows a number. Most are a measure word: the one Chinese character after the number (家, 所, 栋,
 * 部, 份, 起, 期, 节, 例, 岁 …), or that character with 次 (人次, 户次, 剂次). The units below are the ones written
 * with more than one character or as a sign: metric units, currencies, percentage points. Longest first.
 */
const WORD_UNITS = [
  '微克/立方米', '吨标准煤', '个百分点', '个工作日', '平方公里', '平方千米', '标准箱', '百分点', '标箱', '平方米', '立方米', '千瓦时',
  '千瓦', '兆瓦', '公里', '千米', '厘米', '毫米', '公顷', '千克', '公斤', '小时', '分钟', '个月', '周岁', '英寸',
  '分贝', '美元', '港元', '欧元', '日元', '%', '％', '‰', '℃',
] as const;
/**
 * The exclusions: characters after a number that make it no measure — a year or a date (年 月 日 号), a time (时 点),
 * a version (版), a rank of a list or a grade (强 级 星 大), a generation (后), a type or a line (型 代 路 楼) — and
 * the little words of grammar, which are never units.
 */
const NOT_UNITS = new Set([...'年月日号时点版强级星大后型代路楼', ...'的和与及或至到比等以为是在了之并而对从向把被上下中内外']);
/** Words right after a number that make it part of a name: a hotline (“12345热线”, “120急救”), a programme (“1215工程”). */
const NAME_WORDS = /^(?:热线|急救|报警|工程|行动|计划|战略|专项|体系|模式|机制|周年)/;
/** The unit of ranks (“第33位”, “前10”, “上升2位”, “居全省第3”). */
export const RANK_UNIT = '位';

/** A figure found in text: where it is, how it is written, and a short label for what it measures. */
export interface FigureMatch {
  /**
   * Range in the text searched. `text` is that range with full-width digits read as half-width (halfWidthDigits), and
   * `formatFigure(match)` equals `text`; for text already half-width (report paragraphs are, after import) it is the range itself.
   */
  start: number;
  end: number;
  text: string;
  value: number;
  unit: string;
  pattern: string;
  decimals: number;
  grouped: boolean;
  qualifier: Qualifier;
  direction: Direction;
  label: string;
}

const NUMBER = /-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g;
/** Where a rank without 位/名 (“居全省第3”) names its scope; the scope is kept in the pattern so the callout reads whole. */
const RANK_SCOPES = ['全国', '全省', '全市', '全区', '全县', '全球', '全世界', '全州'] as const;
const RANK_VERBS = /(?:位居|位列|跻身|进入|稳居|名列|排名|排在|挺进|迈入|列|居|进)$/;
const RANK_MOVES: Record<string, Direction> = {
  上升: '上升', 提升: '上升', 前移: '上升', 前进: '上升', 进位: '上升', 提高: '提高', 下降: '下降', 下滑: '下降', 后退: '下降', 回落: '下降',
};
const DIRECTIONS: Record<string, Direction> = {
  增长: '增长', 增加: '增长', 上升: '上升', 提升: '上升', 上涨: '上升', 提高: '提高', 下降: '下降', 降低: '下降', 下滑: '下降', 回落: '下降', 减少: '减少',
};
const BEFORE_QUALIFIERS = ['约', '超', '近', '逾'] as const;
/** What may follow 以上/以下 when it qualifies the figure (“增长5%以上，”); anything else makes a threshold (“10亿元以上产业项目”). */
const AFTER_QUALIFIER = /^(?:$|[\s，。；、：！？,.;:!?）)”’"…]|和|及|与|或)/;

function endsWithAny(text: string, words: readonly string[]): string | null {
  for (const w of words) if (text.endsWith(w)) return w;
  return null;
}
function startsWithAny(text: string, words: readonly string[]): string | null {
  for (const w of words) if (text.startsWith(w)) return w;
  return null;
}

/** The unit at the start of `text`: a word unit, or a measure word (with 次, or a rate “元/人”); '' when there is none. */
function unitAt(text: string): string {
  let unit = startsWithAny(text, WORD_UNITS) ?? '';
  if (!unit) {
    const c = text[0] ?? '';
    if (!/\p{Script=Han}/u.test(c) || NOT_UNITS.has(c)) return '';
    unit = c + (c !== '次' && text[1] === '次' ? '次' : '');
  }
  // A rate: “元/人”, “万元/亩”.
  if (text[unit.length] === '/' && unit.length <= 2) {
    const per = unitAt(text.slice(unit.length + 1));
    if (per && !per.includes('/')) unit += '/' + per;
  }
  return unit;
}

/** How far back a title or a quote around a number is looked for: names are short, and an unbounded search per number is quadratic. */
const NAME_REACH = 60;

/** True when the number at `at` stands inside a title (《…》) or a short quoted name (“1215”, “15分钟生活圈”). */
function insideName(text: string, at: number): boolean {
  const from = Math.max(0, at - NAME_REACH);
  const before = text.slice(from, at);
  if (before.lastIndexOf('《') > before.lastIndexOf('》')) return true;
  const quote = before.lastIndexOf('“');
  if (quote < 0 || quote < before.lastIndexOf('”') || before.length - quote > 12) return false;
  const after = text.slice(at, at + 14);
  const close = after.indexOf('”');
  return close >= 0 && before.length - quote + close <= 14 && !/[，。；、]/.test(before.slice(quote) + after.slice(0, close));
}

/** A noun right after the amount, then a count of it in the same clause (“…企业3家”): the amount qualifies what is counted. */
function isThreshold(text: string, end: number): boolean {
  const clause = /^(?:的)?([\u4e00-\u9fff“”]{1,12}?)\d/.exec(text.slice(end, end + 16));
  return clause !== null && !/[，。；、和与及]/.test(clause[0]);
}

/** Reads one number at `numStart` as a figure, or null when it is not one (a year, a date, a version, a name …). */
function readFigureAt(text: string, numStart: number, numText: string): Omit<FigureMatch, 'label'> | null {
  const before = text[numStart - 1] ?? '';
  const numEnd = numStart + numText.length;
  const after = text.slice(numEnd, numEnd + 40);
  // Part of a code, a ratio, a time or a range: “G20”, “5G”, “3+2”, “2.5∶43.1”, “8:30”, “0－6岁”, “1.2.3”.
  if (/[0-9A-Za-z.+_/×*:∶－—–~～#]/.test(before) || before === '时' || /^[A-Za-z+_×*:∶]/.test(after)) return null;
  if (NAME_WORDS.test(after) || insideName(text, numStart)) return null;
  const plain = numText.replace(/,/g, '');
  const value = Number(plain);
  if (!Number.isFinite(value)) return null;
  const dot = plain.indexOf('.');
  const decimals = dot < 0 ? 0 : Math.min(6, plain.length - dot - 1);
  const grouped = numText.includes(',');
  const head = text.slice(Math.max(0, numStart - 8), numStart);

  let start = numStart;
  let end = numEnd;
  let pattern: string;
  let unit: string;
  let qualifier: Qualifier = '';
  let direction: Direction = '';

  const move = endsWithAny(head, Object.keys(RANK_MOVES));
  if (head.endsWith('第')) {
    // “第33位”, “第3名”; a bare “第3” is a rank only after a scope (“居全省第3”), else it is an ordinal (“第3季度”).
    const tail = /^[位名]/.exec(after);
    const scope = endsWithAny(head.slice(0, -1), RANK_SCOPES);
    if (tail) {
      pattern = `第{v}${tail[0]}`;
      end += 1;
    } else if (scope) {
      pattern = `${scope}第{v}`;
      start -= scope.length;
    } else return null;
    start -= 1;
    unit = RANK_UNIT;
  } else if (head.endsWith('前') && (endsWithAny(head.slice(0, -1), RANK_SCOPES) || RANK_VERBS.test(head.slice(0, -1)))) {
    // “跻身全省前10”, “进入前10强” (guarded so that “目前10家” stays a count).
    const tail = /^[位名强]/.exec(after);
    pattern = `前{v}${tail ? tail[0] : ''}`;
    if (tail) end += 1;
    start -= 1;
    unit = RANK_UNIT;
  } else if (move && /^[位名]/.test(after)) {
    // “上升2位”: the move is part of how the rank is written.
    pattern = `${move}{v}${after[0]}`;
    start -= move.length;
    end += 1;
    unit = RANK_UNIT;
    direction = RANK_MOVES[move]!;
  } else {
    // A range keeps its second number in the pattern: “3至5个” is {v}至5个, “6%至8%” is {v}%至8%.
    const range = /^(%|％|‰)?(?:至|到|～|~)\d+(?:\.\d+)?/.exec(after);
    const rest = range ? after.slice(range[0].length) : after;
    const m = /^(万亿|亿|万)?(余|多)?/.exec(rest)!;
    const magnitude = m[1] ?? '';
    const approx = m[2] ?? '';
    const base = unitAt(rest.slice(m[0].length));
    if (!magnitude && !base) return null;
    if (!base && approx) return null; // “2万余” with no unit is too vague to own
    if (range?.[1] && base !== range[1]) return null; // “6%至8” is no range of percentages
    unit = magnitude + (base === '％' ? '%' : base);
    const lead = range ? range[0] : '';
    if (approx === '余' && !magnitude && !range) {
      qualifier = '余'; // formatFigure writes 余 between number and unit
      pattern = `{v}${base}`;
    } else {
      pattern = `{v}${lead}${magnitude}${approx}${base}`;
    }
    end += lead.length + magnitude.length + approx.length + base.length;
    const q = /^(以上|以下|以内|左右)/.exec(text.slice(end, end + 2));
    if (q) {
      const word = q[1] as '以上' | '以下' | '以内' | '左右';
      // “10亿元以上产业项目12个”: the amount qualifies what is counted; it stays in the words, not a figure.
      if ((word === '以上' || word === '以下') && !AFTER_QUALIFIER.test(text.slice(end + 2, end + 4))) return null;
      if (qualifier) pattern += word;
      else qualifier = word;
      end += 2;
    }
  }
  // 约 and 近 that end a word (“村规民约21部”, “节约30万元”, “附近”) are not qualifiers.
  const q = BEFORE_QUALIFIERS.find((w) => text[start - 1] === w && !/(?:[节公条合契制预简民签履特违邀相婚]约|[附最将]近|[赶高]超)$/.test(text.slice(start - 2, start)));
  // “其中超10亿元企业3家”: an amount over which things are counted qualifies them, like “10亿元以上产业项目”.
  if ((q === '超' || q === '逾' || text.slice(start - 2, start) === '超过') && qualifier === '' && isThreshold(text, end)) return null;
  if (q) {
    if (qualifier === '') {
      qualifier = q;
      start -= 1;
    } else if (qualifier === '余' || qualifier === '左右' || qualifier === '以上' || qualifier === '以下' || qualifier === '以内') {
      // Two qualifiers (“约20余家”): keep the one formatFigure writes after, put the other in the pattern.
      pattern = q + pattern;
      start -= 1;
    }
  }
  if (!direction) {
    const lead = text.slice(Math.max(0, start - 8), start).replace(/(?:了|分别|达|为|约)$/, '');
    const word = endsWithAny(lead, Object.keys(DIRECTIONS));
    if (word) direction = DIRECTIONS[word]!;
  }
  return { start, end, text: text.slice(start, end), value, unit, pattern, decimals, grouped, qualifier, direction };
}

/** Where clauses and sentences break, for labels. */
const CLAUSE_BREAK = /[，。；！？：,;!?\n…]/;
const SENTENCE_BREAK = /[。；！？!?\n…]/;

/**
 * How far a clause or sentence is looked for on each side of a figure. Real sentences are far shorter; a pasted table
 * or a hostile file can be one “sentence” of a megabyte holding 100 000 figures, and an unbounded search per figure
 * then takes hours (quadratic), freezing the host.
 */
const SENTENCE_REACH = 500;

function sentenceStart(text: string, index: number): number {
  let i = index;
  const floor = Math.max(0, index - SENTENCE_REACH);
  while (i > floor && !SENTENCE_BREAK.test(text[i - 1]!)) i--;
  return i;
}

/** The sentence around `start..end` (trimmed, with its closing mark); at most SENTENCE_REACH characters either side. */
export function sentenceAround(text: string, start: number, end: number): string {
  const from = sentenceStart(text, start);
  let to = end;
  const ceiling = Math.min(text.length, end + SENTENCE_REACH);
  while (to < ceiling && !SENTENCE_BREAK.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++;
  return text.slice(from, to).trim();
}

// ---- Labels: what a figure measures, named by its subject and its measure ----

/** Linking words that open a clause: never part of what is measured. */
const CONNECTIVES = /^(?:随着|其中|同时|此外|另外|并且|而且|为此|与此同时)/;
/** Words that open a clause without naming anything: time, linking, intent. */
const LEADING_WORDS = /^(?:预计|全年|今年|去年|年内|眼下|目前|当前|截至目前|截至|随着|其中|同时|此外|另外|并且|而且|为此|力争|确保|争取|计划|首次|再次|连续|共(?![建享治同创育富商])|并|还|也|已|先后|累计完成|实现|完成|全区|全市|全县|全镇|全省|全街道|街道|辖区|区内|园区)/;
/** Verbs and linking words that end a clause before its figure (“…达到”, “…控制在”, “…提高到”). */
const TRAILING_WORDS = /(?:累计已达|累计达到|累计达|已达到|已达|达到了?|达|(?<![行作认成因称视分改划])为|是|共有|(?<![节公条合契制预简民签履特违邀相婚])约|共计|合计|总计|共|实现|已|不少于|不低于|不超过|超过|控制在|保持在|稳定在|维持在|提高到|提高至|提升到|提升至|增加到|增加至|增长到|下降到|下降至|降低到|降低至|缩小到|缩小至|缩短到|缩短至|压缩到|压缩至|减少到|减少至|收窄至|收窄到|回落至|分别|仅|(?<!平)均|都|全部|(?<!全[国省市区县])平均|了|的)$/;
const COMPARISONS = /^(?:比上一年|比上年同期|较上年同期|比上年末|比年初|比上年|较上年|比去年|较去年|同比|环比|与上年同期相比|与上年相比)/;
/** A comparison that is itself the measure: “（研发投入强度）高于全省平均（0.6个百分点）”. */
const COMPARED = /(?:高于|低于|快于|慢于|优于|超过|超出|领先)(?:全国|全省|全市|全区|全县)?(?:平均)?(?:水平)?$/;
/** The way a figure moved, kept in the label after its subject: “地区生产总值增长”. */
const MOVED = /(?:增长|增加|提高|提升|上升|上涨|下降|降低|减少|回落|缩短|缩小|收窄|压减|扩大|突破)$/;
/**
 * Words that say what is measured but not of what: a clause made only of these (“增长”, “增速”, “占比”, “总投资”)
 * takes its subject from the figure before it in the sentence.
 */
const BARE = /^(?:增长|增加|净增|提高|提升|上升|上涨|下降|降低|减少|回落|缩短|缩小|收窄|扩大|压减|增速|增幅|降幅|涨幅|占比|比重|总量|总额|规模|金额|数量|人数|总数|投资|总投资|面积|占地|其中|合计|累计|共)*$/;
const LEVEL_WORDS = /国家级|省级|市级|全国|全省|全市/;
const NOUN_VERBS = ['推动', '推进', '覆盖', '服务', '带动', '辐射', '涉及', '惠及', '划分', '分为'] as const;
const ACTION_VERBS = ['新建', '新增', '建成', '引进', '完成', '改造', '培育', '新开', '开通', '招引', '打造', '成立', '实行', '落实', '设立', '组建', '开设', '选派'] as const;
/** A preposition before a figure (“对1起…”, “在38个村…”, “与相邻的2个县”): what is counted follows the figure. */
const PREPOSITION_BEFORE = /^(?:对|在|与|向|给|同|跟|从|把|将)/;
const PREPOSITION_AFTER = /(?:与|对|在|向|给|同|跟|均在|均)$/;
/** Verbs that open a subject and that 累计 replaces: “新增国家高新技术企业…，累计…” → “累计国家高新技术企业”. */
const OPENING_ACTIONS = /^(?:新增|新认定|新培育|新建|新引进|引进|培育|认定|建成|新开工|新设)/;
const NOUN_STOPS = /(?:\d|绿色|高质量|发展|建设|改造|开发|提升|正式|已经|已|将|全面|全部|均|都|稳定|保持|达到|实现|进入|获得|通过|投入|签订|设立|建立|开展|实行|进行|组织|参与|参加|依法|立案|扑灭|到达|设置|实施|增长|下降|提高|减少|增加|上升|降低|于|向|是|在|被|成为|的|等|，|。|；|、)/;
/** Words that place a figure without naming what it counts (“辖区28幢商务楼宇…”): what follows the figure names it. */
const PLACE_ONLY = /^(?:辖区|全区|全市|全县|全镇|全省|区内|园区|街道|全街道|我区|我镇|我市|其中|目前)$/;
const AREA_UNITS = /平方公里|平方千米|平方米|亩/;
/** The longest label kept: a card shows it on one or two lines. */
const LABEL_MAX = 24;

function stripRepeated(text: string, re: RegExp): string {
  let t = text;
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(re, '');
  }
  return t;
}

/** A clause's words made into a subject: no opening time or linking words, no closing verb. */
function cleanSubject(raw: string): string {
  let t = stripRepeated(raw.replace(/分别|同比/g, '').trim(), CONNECTIVES);
  const bare = stripRepeated(t, LEADING_WORDS);
  // Opening words go only when something that names a thing is left (“完成投资” stays: “投资” alone says nothing).
  if (bare === '' || (bare.length >= 2 && !BARE.test(bare))) t = bare;
  t = stripRepeated(t, TRAILING_WORDS);
  const level = LEVEL_WORDS.exec(t);
  // “申报入选国家级…人才” → “国家级…人才”, but never cut a comparison (“高于全省平均”).
  const lead = level ? t.slice(0, level.index) : '';
  if (level && level.index > 0 && level.index <= 4 && !/(?:高于|低于|快于|慢于|优于|超过|超出|领先)$/.test(lead) && !OPENING_ACTIONS.test(lead)) t = t.slice(level.index);
  return t.trim();
}

/** A subject and the measure that follows it in the clause (a direction, or a comparison). */
function splitMeasure(words: string): { subject: string; measure: string } {
  const compared = COMPARED.exec(words);
  if (compared && compared.index > 0) return { subject: words.slice(0, compared.index), measure: compared[0] };
  if (compared) return { subject: '', measure: compared[0] };
  const moved = MOVED.exec(words);
  if (moved) return { subject: words.slice(0, moved.index), measure: moved[0] };
  return { subject: words, measure: '' };
}

/** A shorter subject for a composed label: “先进高分子材料“万亩千亿”新产业平台” → “新产业平台”. */
function shortSubject(subject: string): string {
  if (subject.length <= 10) return subject;
  const q = subject.lastIndexOf('”');
  const rest = q >= 0 ? subject.slice(q + 1) : '';
  return rest.length >= 3 ? rest : subject;
}

/** A label short enough for a card: the part after the last 的 when that still names it, else its end. */
export function capLabel(label: string): string {
  if (label.length <= LABEL_MAX) return label;
  // Cut where a phrase starts: after the last 的, else after a list mark or 与/和; else keep its end.
  for (const mark of ['的', '、', '与', '和', '，']) {
    const at = label.lastIndexOf(mark);
    const rest = at >= 0 ? label.slice(at + 1) : '';
    if (rest.length >= 4 && rest.length <= LABEL_MAX) return rest;
  }
  return label.slice(-LABEL_MAX);
}

/** The noun phrase a figure stands in front of (“800平方公里虞南山区绿色…” → “虞南山区”). */
function nounAfter(text: string, from: number, minLength = 1): string {
  const rest = text.slice(from, from + 24).replace(/^(?:以内|内)/, '');
  const stop = NOUN_STOPS.exec(rest);
  const noun = (stop ? rest.slice(0, stop.index) : rest).trim().replace(/(?:中有|中|有)$/, '');
  if (noun === '' || noun.length >= minLength) return noun;
  // A noun too short to stand as a label says more with the rest of its clause (“38个村设立集中祭扫点”).
  const clause = /^[^，。；：！？、]{0,12}/.exec(rest)![0];
  return clause.length > noun.length ? clause : noun;
}

/**
 * A subject naming several things (“城镇和农村居民人均可支配收入”, “高血压、糖尿病患者规范管理率”) split into
 * one subject each, sharing the words after the last one (“城镇居民人均可支配收入”, “农村居民人均可支配收入”).
 * Null when it does not name exactly `count` things.
 */
export function splitMembers(subject: string, count: number): string[] | null {
  if (/^城乡/.test(subject) && count === 2) return ['城镇' + subject.slice(2), '农村' + subject.slice(2)];
  const parts = subject.split(/、|以及|和|及|与/).map((p) => p.trim());
  if (parts.length !== count || parts.some((p) => p === '')) return null;
  const last = parts[parts.length - 1]!;
  const head = parts[0]!.length;
  // The words after the last member are shared when the members are short names (“城镇”, “高血压”).
  const shared = parts.slice(0, -1).every((p) => p.length <= 4) && last.length > head + 1 ? last.slice(head) : '';
  return parts.map((p, i) => (i === parts.length - 1 ? p : p + shared));
}

interface Labelled extends Omit<FigureMatch, 'label'> {
  /** What is measured (“地区生产总值”), without the measure (“增长”). */
  subject: string;
  label: string;
}

/** Where a figure's own words begin: after the clause mark before it, or after the figure just before it in the clause. */
function clauseStartOf(text: string, f: Omit<FigureMatch, 'label'>, prev: Labelled | undefined, floor: number): number {
  let i = f.start;
  const limit = Math.max(floor, f.start - SENTENCE_REACH, prev && prev.end > floor ? prev.end : 0);
  while (i > limit && !CLAUSE_BREAK.test(text[i - 1]!)) {
    // “、” separates listed figures (“专科3个、重点专科7个”), not the names in a subject (“新建、改扩建学校9所”).
    if (text[i - 1] === '、' && prev && prev.end >= i - 2) break;
    i--;
  }
  return i;
}

/** Labels every figure by its subject and its measure; figures joined by 和/、 after 分别 share out a subject that names several things. */
function labelFigures(text: string, found: Omit<FigureMatch, 'label'>[]): FigureMatch[] {
  const out: Labelled[] = [];
  /** Groups of figures read together (“分别增长5.1%和6.8%”): indexes into `out`. */
  const groups: number[][] = [];
  /** For a group whose words name no subject: the subjects of the group before it, one per figure. */
  const counterparts = new Map<number, string[]>();
  /** For a group introduced by 分别: its own words, and where its sentence starts. */
  const respective = new Map<number, { own: string; sStart: number }>();
  // A group's figures are labelled as soon as the group is complete, so the next group can take their subjects.
  const shareOut = (g: number[] | undefined) => {
    if (!g || g.length < 2) return;
    const head = out[g[0]!]!;
    const measure = head.label.slice(head.subject.length);
    const theirs = counterparts.get(g[0]!);
    const members = theirs && theirs.length === g.length ? theirs : splitMembers(head.subject, g.length);
    let named = members?.map((m) => ({ subject: m, label: m + measure })) ?? null;
    const r = respective.get(g[0]!);
    if (!named && r) {
      // “…游客168万人次，…旅游收入2.4亿元，分别增长21.5%和18.3%”: one each, in order, for the figures just before.
      const earlier = out.slice(0, g[0]).filter((o) => o.end > r.sStart);
      if (earlier.length >= g.length) named = earlier.slice(-g.length).map((o) => ({ subject: o.subject, label: o.subject + r.own }));
    }
    if (!named) return;
    g.forEach((idx, n) => {
      Object.assign(out[idx]!, named[n]!);
    });
  };
  found.forEach((f, i) => {
    const prev = out[i - 1];
    const sStart = sentenceStart(text, f.start);
    const samePrev = prev && prev.end > sStart ? prev : undefined;
    const gap = samePrev ? text.slice(samePrev.end, f.start) : null;
    if (samePrev && gap !== null && /^(?:和|与|及|、|以及|或)$/.test(gap)) {
      const direction = f.direction || (samePrev.unit === f.unit ? samePrev.direction : '');
      out.push({ ...f, direction, subject: samePrev.subject, label: samePrev.label });
      groups[groups.length - 1]!.push(i);
      return;
    }
    shareOut(groups[groups.length - 1]);
    groups.push([i]);
    const cStart = clauseStartOf(text, f, samePrev, sStart);
    const raw = text.slice(cStart, f.start);
    // The group before this one in the sentence: a clause that names no subject takes its subject from there.
    const before = samePrev ? groups[groups.length - 2]! : null;
    const inherited = before ? out[before[0]!]!.subject : '';
    const isRank = f.unit === RANK_UNIT && /第|前/.test(f.pattern) && !f.direction;
    if (f.unit === RANK_UNIT && f.direction && samePrev?.unit === RANK_UNIT && cleanSubject(raw.replace(COMPARISONS, '')) === '') {
      // “…第33位，比上一年上升2位”: the move of the rank just named.
      const move = f.pattern.slice(0, f.pattern.indexOf('{v}'));
      out.push({ ...f, subject: samePrev.subject, label: samePrev.label.endsWith(move) ? samePrev.label : samePrev.label + move });
      return;
    }
    if (isRank) {
      const verb = /(位居|位列|跻身|进入|稳居|名列|排名|排在|挺进|迈入|列|居|进)/g;
      let cut = -1;
      let verbLen = 0;
      for (const m of raw.matchAll(verb)) {
        cut = m.index;
        verbLen = m[0].length;
      }
      const patternScope = f.pattern.slice(0, f.pattern.indexOf('第') >= 0 ? f.pattern.indexOf('第') : 0);
      // “综合发展水平在全省高新区评价中居第4位”: the ranking is the scope.
      let subject = cleanSubject(cut >= 0 ? raw.slice(0, cut) : raw).replace(/在(.{2,12})中$/, '$1');
      if (BARE.test(subject) || /^(?:增速|增幅)$/.test(subject)) subject = inherited + subject;
      const scope = (cut >= 0 ? raw.slice(cut + verbLen) : '') + patternScope;
      const label = scope.length >= 4 || (scope && !(RANK_SCOPES as readonly string[]).includes(scope)) ? scope + '排名' : shortSubject(subject) + scope + '排名';
      out.push({ ...f, subject: subject || scope, label });
      return;
    }
    const comparison = COMPARISONS.test(raw.trim());
    const runningTotal = /累计/.test(raw);
    // “比全省平均高出0.8岁”: a comparison with the average is the measure, of the subject just named.
    const versus = /比(全国|全省|全市|全区|全县)(?:平均)?(?:水平)?(高出|高|低出|低|多|少)了?$/.exec(raw);
    let words = versus ? '' : cleanSubject(raw.trim().replace(COMPARISONS, ''));
    // “森林火情由2019年的9起下降到2023年的3起”: the year says when, in front of what is counted.
    let year = '';
    const from = /由(\d{4}年)$/.exec(words);
    const to = /^(?:下降|减少|增加|增长|上升|提高|降低)(?:到|至)(\d{4}年)$/.exec(words);
    if (from) {
      year = from[1]!;
      words = words.slice(0, from.index);
    } else if (to) {
      year = to[1]!;
      words = '';
    }
    let { subject, measure } = splitMeasure(words);
    if (versus) measure = `${/^高/.test(versus[2]!) ? '高于' : /^低/.test(versus[2]!) ? '低于' : versus[2] === '多' ? '多于' : '少于'}${versus[1]}平均`;
    subject = cleanSubject(subject);
    const next = text[f.end] ?? '';
    // Whether a noun follows the figure (“…2个镇”, “38个村设立…”), which is then what it counts.
    const follows = /[\u4e00-\u9fff“]/.test(next) && !/^(?:以上|以下|以内|左右|和|与|及|或)/.test(text.slice(f.end));
    // “对责任落实不到位的2个镇”: the words before describe what follows the figure.
    if (follows) subject = subject.replace(PREPOSITION_BEFORE, '');
    const counted = follows ? nounAfter(text, f.end) : '';
    if (/的$/.test(raw.trim()) && subject && counted) subject += '的' + counted;
    else if (/[内中里有]$/.test(subject) && follows) subject = subject.replace(/.*(?:中有|有)$/, '') + nounAfter(text, f.end);
    // “…的学校仅占52%”: the share of them.
    if (/占$/.test(subject) && subject.length > 1) subject = subject.replace(/仅?占$/, '占比');
    // “高新技术产业增加值…，占规上工业增加值的比重为67.2%”: a share of the thing just named.
    if (/^占/.test(subject) && inherited) subject = inherited + subject;
    else if (PREPOSITION_AFTER.test(subject) && follows) subject = '';
    else if (/后$/.test(subject) && follows) subject += nounAfter(text, f.end);
    const verb = endsWithAny(subject, NOUN_VERBS);
    const action = endsWithAny(subject, ACTION_VERBS);
    if ((!subject || PLACE_ONLY.test(subject) || subject.endsWith('等')) && !measure && follows) {
      // “8个市控以上断面水质全部达到…”, “辖区28幢商务楼宇…”, “…等5个重点项目”: the figure counts what follows it.
      const noun = nounAfter(text, f.end, 3);
      // A count names the things counted, not the rate measured of them (“28幢商务楼宇入驻率…” → “商务楼宇”).
      subject = (/^[%％‰]/.test(f.unit) ? noun : noun.replace(/.{0,2}(?:率|比例|比重)$/, '')) || subject;
    } else if ((verb || action) && !measure && follows) {
      // “推动800平方公里虞南山区…”: what is measured follows the figure.
      const noun = nounAfter(text, f.end);
      if (noun) subject = action ? action + noun : noun + (AREA_UNITS.test(f.unit) ? '面积' : '');
    } else if (next === '的' && !measure && !BARE.test(subject)) {
      // “远低于省定1‰的控制目标”: what is measured follows 的.
      const noun = nounAfter(text, f.end + 1);
      const size = /(?:总规模|规模|总投资|投资|总面积|面积|占地)$/.exec(subject);
      // “设立总规模10亿元的科技创新基金” → “科技创新基金总规模”.
      subject = size ? noun + size[0] : subject.replace(/^.*?(?:高于|低于|快于|慢于|超过)/, '') + noun;
    } else if (subject.length <= 4 && !measure) {
      // “总投资约4.38亿元、占地78.9万平方米的曹娥江“一江两岸”三期”: the thing measured follows 的.
      const clauseEnd = text.slice(f.end).search(/[，。；！？]/);
      const tail = text.slice(f.end, clauseEnd < 0 ? undefined : f.end + clauseEnd);
      const de = tail.indexOf('的');
      if (de >= 0 && de <= 20 && (de === 0 || tail.startsWith('、'))) {
        const noun = nounAfter(tail, de + 1);
        if (noun.length >= 2 && noun.length <= 14) subject = noun + subject;
      }
    }
    let own = subject + measure;
    if (BARE.test(subject) && inherited) {
      // “…1286.5亿元，增长6.2%”, “…86家，累计达到512家”, “…比上年提高2.1个百分点”: the subject is the one just named;
      // a running total (累计) counts all of them, not the year's new ones.
      const alone = subject;
      own = alone + measure;
      const total = (s: string) => (runningTotal ? '累计' + s.replace(OPENING_ACTIONS, '') : s + alone);
      if (before && before.length > 1) {
        // “…分别达到71250元和43680元，分别增长5.1%和6.8%”: each takes the subject of its counterpart.
        counterparts.set(i, before.map((k) => total(out[k]!.subject)));
      }
      subject = total(inherited);
    } else if (!subject && comparison && samePrev) {
      subject = samePrev.subject;
    }
    if (/分别/.test(raw) && !counterparts.has(i)) respective.set(i, { own, sStart });
    if (year) subject = year + subject.replace(/^\d{4}年/, '');
    // Subjects taken from the figure before can chain along a long run of figures: keep them a label's length.
    subject = capLabel(subject);
    const label = subject + measure;
    out.push({ ...f, subject, label: label || (f.direction ? f.direction : '') });
  });
  shareOut(groups[groups.length - 1]);
  return out.map(({ subject: _subject, label, ...f }) => ({ ...f, label: capLabel(label) }));
}

/**
 * Every quantitative figure in `text`, in order: a number with a unit (a measure word such as 家, 所, 栋, 例, 岁, a
 * compound such as 人次, 剂次, a metric unit, %, ‰), with its qualifiers (约, 余, 以上, 左右 …), range (3至5个) and
 * direction; and ranks (“第33位”, “前10”, “上升2位”, “全省第3”). Not figures: years, dates, times, versions,
 * programme names and codes (“1215”, “3+2”, “5G”, “PM2.5”), ordinals (“第3季度”), lists' ranks (“500强”), and
 * thresholds that qualify what is counted (“10亿元以上产业项目”). Full-width digits are read as half-width.
 */
export function findFigures(input: string): FigureMatch[] {
  const text = halfWidthDigits(input);
  const found: Omit<FigureMatch, 'label'>[] = [];
  for (const m of text.matchAll(NUMBER)) {
    let numText = m[0];
    let idx = m.index;
    // A hyphen after a letter or digit is a range or code, not a minus sign.
    if (numText.startsWith('-') && /[0-9A-Za-z]/.test(text[idx - 1] ?? '')) {
      numText = numText.slice(1);
      idx += 1;
    }
    const f = readFigureAt(text, idx, numText);
    if (f && (found.length === 0 || f.start >= found[found.length - 1]!.end)) found.push(f);
  }
  return labelFigures(text, found);
}
