// Figures as Chinese reports write them: formatting a value back into its pattern, and reading a value the user typed.
import type { Direction, Figure, Qualifier } from './model.ts';
import { FIGURE_REF } from './model.ts';

/** Formats a number with the figure's decimals and grouping: 1286.4 → “1,286.4”. */
export function formatNumber(value: number, decimals: number, grouped: boolean): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.') as [string, string | undefined];
  const intText = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  return (value < 0 ? '-' : '') + intText + (frac ? '.' + frac : '');
}

/** The figure as shown on a slide: “约4.38亿元”, “20余家”, “第33位”, “2.3万人左右”. */
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
      return body + '左右';
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


/** Units after a number, longest first so “个百分点” wins over “个” and “人次” over “人”. A leading 万/亿 is read separately. */
export const BASE_UNITS = [
  '微克/立方米', '个百分点', '百分点', '平方公里', '平方千米', '平方米', '立方米', '万千瓦', '千瓦时', '千瓦',
  '人次', '公里', '千米', '小时', '分钟', '%', '％', '‰', '元', '人', '名', '家', '个', '所', '张', '户', '亩',
  '位', '项', '座', '台', '辆', '吨', '倍', '件', '条', '次', '场', '批', '岁', '天', '米', '套', '间', '处', '支', '款',
] as const;
/** Units as reports write them (the ones the sample and most district reports use), for documentation and the editor's picker. */
export const FIGURE_UNITS = [
  '%', '个百分点', '亿元', '万元', '元', '万人', '万人次', '人', '名', '家', '个', '所', '张', '户', '万户', '亩', '公里',
  '平方公里', '万平方米', '微克/立方米', '位',
] as const;
/** The unit of ranks (“第33位”, “前10”, “上升2位”, “居全省第3”). */
export const RANK_UNIT = '位';

/** A figure found in text: where it is, how it is written, and a short label for what it measures. */
export interface FigureMatch {
  /** Range in the text searched: `text.slice(start, end)` equals `formatFigure(match)`. */
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
  增长: '增长', 增加: '增长', 上升: '上升', 提升: '上升', 提高: '提高', 下降: '下降', 降低: '下降', 下滑: '下降', 回落: '下降', 减少: '减少',
};
const BEFORE_QUALIFIERS = ['约', '超', '近', '逾'] as const;

function endsWithAny(text: string, words: readonly string[]): string | null {
  for (const w of words) if (text.endsWith(w)) return w;
  return null;
}
function startsWithAny(text: string, words: readonly string[]): string | null {
  for (const w of words) if (text.startsWith(w)) return w;
  return null;
}

/** Reads one number at `m` as a figure, or null when it is not one (a year, a version, a programme name, a date …). */
function readFigureAt(text: string, numStart: number, numText: string): Omit<FigureMatch, 'label'> | null {
  const before = text[numStart - 1] ?? '';
  const numEnd = numStart + numText.length;
  const after = text.slice(numEnd);
  // Part of a code or a programme name: “G20”, “5G”, “3+2”, “14+X”, “1.2.3”.
  if (/[0-9A-Za-z.+_/-]/.test(before) || /^[A-Za-z+_]/.test(after)) return null;
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
    const m = /^([万亿])?(余|多)?/.exec(after)!;
    const magnitude = m[1] ?? '';
    const approx = m[2] ?? '';
    const base = startsWithAny(after.slice(m[0].length), BASE_UNITS) ?? '';
    if (!magnitude && !base) return null;
    if (!base && approx) return null; // “2万余” with no unit is too vague to own
    unit = magnitude + base;
    const usedApprox = base ? approx : '';
    if (usedApprox === '余' && !magnitude) {
      qualifier = '余'; // formatFigure writes 余 between number and unit
      pattern = `{v}${base}`;
    } else {
      pattern = `{v}${magnitude}${usedApprox}${base}`;
    }
    end += magnitude.length + usedApprox.length + base.length;
    if (base === '%' || base === '％' || base === '‰') unit = base === '％' ? '%' : base;
    if (text.startsWith('左右', end)) {
      if (qualifier) pattern += '左右';
      else qualifier = '左右';
      end += 2;
    }
  }
  const q = BEFORE_QUALIFIERS.find((w) => text[start - 1] === w);
  if (q) {
    if (qualifier === '') {
      qualifier = q;
      start -= 1;
    } else if (qualifier === '余' || qualifier === '左右') {
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
const CLAUSE_BREAK = /[，。；！？、：,;!?\n…]/;
const SENTENCE_BREAK = /[。；！？!?\n…]/;

/**
 * How far a clause or sentence is looked for on each side of a figure. Real sentences are far shorter; a pasted table
 * or a hostile file can be one “sentence” of a megabyte holding 100 000 figures, and an unbounded search per figure
 * then takes hours (quadratic), freezing the host.
 */
const SENTENCE_REACH = 500;

function clauseStart(text: string, index: number, limit = 0): number {
  let i = index;
  const floor = Math.max(limit, index - SENTENCE_REACH);
  while (i > floor && !CLAUSE_BREAK.test(text[i - 1]!)) i--;
  return i;
}
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

const LEADING_WORDS = /^(?:预计|全年|今年|去年|眼下|目前|当前|截至目前|截至|随着|其中|同时|此外|另外|并且|而且|为此|力争|确保|并|还|也)/;
const TRAILING_WORDS = /(?:累计已达|累计达到|累计达|已达到|已达|达到|达|为|是|突破|共有|累计|约|共计|合计|总计|共|实现|已)$/;
const COMPARISONS = /^(?:比上一年|比上年同期|较上年同期|比上年|较上年|比去年|较去年|同比|环比)/;
const LEVEL_WORDS = /国家级|省级|市级|全国|全省|全市/;
const NOUN_VERBS = ['推动', '推进', '覆盖', '服务', '带动', '辐射', '涉及', '惠及'] as const;
const ACTION_VERBS = ['新建', '新增', '建成', '引进', '完成', '改造', '培育', '新开', '开通', '招引', '打造'] as const;
const NOUN_STOPS = /(?:绿色|高质量|发展|建设|改造|开发|提升|正式|已经|已|将|全面|于|向|是|在|被|成为|的|等|，|。|；|、)/;
const AREA_UNITS = /平方公里|平方千米|平方米|亩/;

function stripRepeated(text: string, re: RegExp): string {
  let t = text;
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(re, '');
  }
  return t;
}

function cleanLabel(raw: string): string {
  let t = raw.replace(/分别|同比/g, '').trim();
  t = stripRepeated(t, LEADING_WORDS);
  t = stripRepeated(t, TRAILING_WORDS);
  const level = LEVEL_WORDS.exec(t);
  if (level && level.index > 0 && level.index <= 4) t = t.slice(level.index);
  return t;
}

/** A shorter subject for a composed label: “先进高分子材料“万亩千亿”新产业平台” → “新产业平台”. */
function shortSubject(subject: string): string {
  if (subject.length <= 10) return subject;
  const q = subject.lastIndexOf('”');
  const rest = q >= 0 ? subject.slice(q + 1) : '';
  return rest.length >= 3 ? rest : subject;
}

function capLabel(label: string): string {
  if (label.length <= 20) return label;
  const de = label.lastIndexOf('的');
  const rest = de >= 0 ? label.slice(de + 1) : '';
  return rest.length >= 2 && rest.length <= 20 ? rest : label.slice(-20);
}

/** The noun phrase a figure stands in front of (“800平方公里虞南山区绿色…” → “虞南山区”). */
function nounAfter(text: string, from: number): string {
  const rest = text.slice(from, from + 24);
  const stop = NOUN_STOPS.exec(rest);
  return (stop ? rest.slice(0, stop.index) : rest).trim();
}

/** Labels every match from the words before it in its clause (and, when those say too little, the words after). */
function labelFigures(text: string, found: Omit<FigureMatch, 'label'>[]): FigureMatch[] {
  const out: FigureMatch[] = [];
  const groups: number[][] = [];
  found.forEach((f, i) => {
    const prev = i > 0 ? out[i - 1] : undefined;
    const sStart = sentenceStart(text, f.start);
    const samePrev = prev && prev.end > sStart ? prev : undefined;
    const gap = samePrev ? text.slice(samePrev.end, f.start) : null;
    let label: string;
    if (samePrev && gap !== null && /^(?:和|与|及|、|以及|或)$/.test(gap)) {
      // “分别增长6.3%和8%”: the second figure shares the first one's words.
      label = samePrev.label;
      const direction = f.direction || (samePrev.unit === f.unit ? samePrev.direction : '');
      out.push({ ...f, direction, label });
      const last = groups[groups.length - 1];
      if (last && last[last.length - 1] === i - 1) last.push(i);
      else groups.push([i - 1, i]);
      return;
    }
    const cStart = clauseStart(text, f.start, sStart);
    const raw = text.slice(cStart, f.start);
    const isRank = f.unit === RANK_UNIT && /第|前/.test(f.pattern) && !f.direction;
    if (isRank) {
      const verb = /(位居|位列|跻身|进入|稳居|名列|排名|排在|挺进|迈入|列|居|进)/g;
      let cut = -1;
      let verbLen = 0;
      for (const m of raw.matchAll(verb)) {
        cut = m.index;
        verbLen = m[0].length;
      }
      const patternScope = f.pattern.slice(0, f.pattern.indexOf('第') >= 0 ? f.pattern.indexOf('第') : 0);
      const subject = cleanLabel(cut >= 0 ? raw.slice(0, cut) : raw);
      const scope = (cut >= 0 ? raw.slice(cut + verbLen) : '') + patternScope;
      if (scope.length >= 4 || (scope && !(RANK_SCOPES as readonly string[]).includes(scope))) label = scope + '排名';
      else {
        const who = subject || (samePrev ? samePrev.label.replace(/排名$/, '') : '');
        label = shortSubject(who) + scope + '排名';
      }
    } else {
      const comparison = COMPARISONS.exec(raw.trim());
      let t = cleanLabel(raw.trim().replace(COMPARISONS, ''));
      if (comparison && !t && samePrev) {
        // “比上一年上升2位”: a change of the figure just named.
        t = samePrev.label.endsWith(f.direction) ? samePrev.label : samePrev.label + f.direction;
      } else {
        const verb = endsWithAny(t, NOUN_VERBS);
        const action = endsWithAny(t, ACTION_VERBS);
        const next = text[f.end] ?? '';
        if ((verb || action) && /[\u4e00-\u9fff“]/.test(next)) {
          const noun = nounAfter(text, f.end);
          if (noun) t = action ? action + noun : noun + (AREA_UNITS.test(f.unit) ? '面积' : '');
        } else if (t.length <= 4) {
          // “总投资约4.38亿元、占地78.9万平方米的曹娥江“一江两岸”三期”: the thing measured follows 的.
          const clauseEnd = text.slice(f.end).search(/[，。；！？]/);
          const tail = text.slice(f.end, clauseEnd < 0 ? undefined : f.end + clauseEnd);
          const de = tail.indexOf('的');
          if (de >= 0 && de <= 20 && (de === 0 || tail.startsWith('、'))) {
            const noun = nounAfter(tail, de + 1);
            if (noun.length >= 2 && noun.length <= 14) t = noun + t;
          }
        }
        if (!t && samePrev) t = samePrev.label;
      }
      label = t;
    }
    out.push({ ...f, label: capLabel(label) || '数据' });
  });
  for (const g of groups) {
    const base = out[g[0]!]!.label;
    g.forEach((idx, n) => {
      const f = out[idx]!;
      f.label = g.length === 2 && base.startsWith('城乡') ? (n === 0 ? '城镇' : '农村') + base.slice(2) : `${base}（${n + 1}）`;
    });
  }
  return out;
}

/**
 * Every quantitative figure in `text`, in order: counts and amounts with a unit (“2500亿元”, “20余家”, “约4.38亿元”),
 * percentages and percentage points, and ranks (“第33位”, “前10”, “上升2位”, “全省第3”). Years (“2022年”), versions
 * (“4.0版”), dates and programme names (“1215”, “3+2”, “14+X”) are not figures and stay text.
 */
export function findFigures(text: string): FigureMatch[] {
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
