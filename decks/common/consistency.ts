// The consistency check (数据一致性): numbers in a deck that cannot all be right. It runs where the deck is: at import
// (on the generated deck), in the editor after every figure edit, and in the pre-flight check, so it is pure and
// quick. It finds:
//  - the same measure with different values (地区生产总值增长 5.5% on one slide, 5.8% on another);
//  - the same measure in different units (12.6亿元 against 126000万元, % against 个百分点);
//  - a rank or a share that cannot be (第0位, a share over 100%);
//  - a 分别 list whose count of values does not match its subjects;
//  - parts after 其中 that add up to more than the total before it.
// Each finding names both places: a slide or figure, and the report sentence the figure came from.
import { figureUsage } from './deckOps.ts';
import { findFigures, resolveFigureRefs, type FigureMatch } from './figures.ts';
import type { Block, Figure, Slide } from './model.ts';

export const CONSISTENCY_KINDS = ['value-mismatch', 'unit-mismatch', 'impossible-rank', 'impossible-share', 'list-count', 'parts-exceed-total'] as const;
export type ConsistencyKind = (typeof CONSISTENCY_KINDS)[number];

/** One place a finding points at: a slide, a figure, the report sentence (any of them may be unknown). */
export interface Place {
  slideId: string | null;
  figureKey: string | null;
  /** The report sentence the figure came from, or the slide text the finding was read in. */
  sentence: string | null;
}

export interface ConsistencyFinding {
  /** Stable while the fault stays, so a dismissal holds across checks. */
  id: string;
  kind: ConsistencyKind;
  /** `warn` for one amount written in two units (nothing wrong is shown); `block` for everything else. */
  severity: 'block' | 'warn';
  places: Place[];
  message: { zh: string; en: string };
}

type CheckedDeck = { slides: readonly Slide[]; figures: readonly Figure[] };

// ---- Measures and units ----

/** Words that say when or how a figure is reported, not what it measures. */
const FILLER = /全年|年末|年底|全区|全市|全县|比上年|较上年|比去年|同比|预计|累计|实现|完成/g;

/** What a figure measures, for comparing: its label without the labeller's “（…）” tells-apart and without filler words. */
export function measureOf(label: string): string {
  let t = label.trim();
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(/[（(][^（）()]*[）)]$/, '').trim();
  }
  return t.replace(FILLER, '').replace(/\s+/g, '');
}

const SCALES: readonly [string, number][] = [
  ['万亿', 1e12],
  ['千万', 1e7],
  ['百万', 1e6],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];
/** Units that start with a scale word but are their own unit (千米 is not a thousand 米 here: it is its own word). */
const WHOLE_UNITS = new Set(['千米', '千克', '千瓦', '千瓦时', '万千瓦']);

/** A unit as a base and a scale (“亿元” → 元 × 1e8); percentage points and per mille are their own bases. */
export function unitScale(unit: string): { base: string; scale: number } {
  const u = unit === '％' ? '%' : unit === '百分点' ? '个百分点' : unit;
  if (WHOLE_UNITS.has(u)) return { base: u, scale: 1 };
  for (const [word, scale] of SCALES) {
    if (u.startsWith(word) && u.length > word.length) return { base: u.slice(word.length), scale };
  }
  return { base: u, scale: 1 };
}

const isRate = (unit: string) => unit === '%' || unit === '％';
const isPoints = (unit: string) => unit === '个百分点' || unit === '百分点';

/** Half of the last shown digit: two roundings of one number differ by less than the sum of theirs. */
const roundingOf = (decimals: number) => 0.5 * 10 ** -decimals;

// ---- Places ----

interface Where {
  slideOf(key: string): string | null;
  figure(key: string): Figure | undefined;
}

function figurePlace(f: Figure, where: Where): Place {
  return { slideId: where.slideOf(f.key), figureKey: f.key, sentence: f.source?.sentence ?? null };
}

const show = (f: Figure) => f.display || `${f.value}${f.unit}`;

// ---- Figures against figures ----

function figureFindings(figures: readonly Figure[], where: Where): ConsistencyFinding[] {
  const out: ConsistencyFinding[] = [];
  const byMeasure = new Map<string, Figure[]>();
  for (const f of figures) {
    const m = measureOf(f.label);
    if (m.length < 2) continue;
    const group = byMeasure.get(m);
    if (group) group.push(f);
    else byMeasure.set(m, [f]);
  }
  for (const [measure, group] of byMeasure) {
    if (group.length < 2) continue;
    // One measure with three or more values is a series (by year, by district, by part), not one number told twice.
    if (new Set(group.map((f) => `${f.value}${f.unit}`)).size >= 3) continue;
    const first = group[0]!;
    for (const other of group.slice(1)) {
      // Figures of one sentence are a list of different things (“分别增长6.3%和8%”); approximate ones and those of
      // other dates or directions are not held to one value.
      if (first.source && other.source && first.source.sentence === other.source.sentence) continue;
      if (first.qualifier !== '' || other.qualifier !== '' || first.asOf !== other.asOf || first.direction !== other.direction) continue;
      const places = [figurePlace(first, where), figurePlace(other, where)];
      const id = (kind: ConsistencyKind) => `${kind}:${first.key}:${other.key}`;
      if ((isRate(first.unit) && isPoints(other.unit)) || (isPoints(first.unit) && isRate(other.unit))) {
        out.push({
          id: id('unit-mismatch'),
          kind: 'unit-mismatch',
          severity: 'block',
          places,
          message: {
            zh: `“${measure}”一处写作 ${show(first)}，另一处写作 ${show(other)}：百分比与百分点不是一回事，请核对。`,
            en: `“${measure}” is ${show(first)} in one place and ${show(other)} in another: a percentage is not a change in percentage points. Check which is meant.`,
          },
        });
        continue;
      }
      const a = unitScale(first.unit);
      const b = unitScale(other.unit);
      if (a.base !== b.base) continue;
      const tolerance = roundingOf(first.decimals) * a.scale + roundingOf(other.decimals) * b.scale;
      const same = Math.abs(first.value * a.scale - other.value * b.scale) <= tolerance + 1e-9 * Math.abs(first.value * a.scale);
      if (first.unit !== other.unit) {
        out.push({
          id: id('unit-mismatch'),
          kind: 'unit-mismatch',
          severity: same ? 'warn' : 'block',
          places,
          message: same
            ? {
                zh: `“${measure}”一处写作 ${show(first)}，另一处写作 ${show(other)}：数值相同而单位不同，请统一单位。`,
                en: `“${measure}” is written ${show(first)} in one place and ${show(other)} in another: the same amount in different units. Use one unit.`,
              }
            : {
                zh: `“${measure}”一处是 ${show(first)}，另一处是 ${show(other)}：单位不同，换算后也不一致，可能写错了单位。`,
                en: `“${measure}” is ${show(first)} in one place and ${show(other)} in another: different units that do not agree when converted. A unit may be wrong.`,
              },
        });
      } else if (!same) {
        out.push({
          id: id('value-mismatch'),
          kind: 'value-mismatch',
          severity: 'block',
          places,
          message: {
            zh: `“${measure}”一处是 ${show(first)}，另一处是 ${show(other)}：同一指标数值不同，请核对。`,
            en: `“${measure}” is ${show(first)} in one place and ${show(other)} in another: one measure with two values. Check which is right.`,
          },
        });
      }
    }
  }
  return out;
}

const SHARE = /占比|比重|份额|覆盖率|普及率|合格率|达标率|优良率|满意度|知晓率|参保率|入园率|巩固率|^占|[^增]占/;

function impossibleFigures(figures: readonly Figure[], where: Where): ConsistencyFinding[] {
  const out: ConsistencyFinding[] = [];
  for (const f of figures) {
    const place = figurePlace(f, where);
    const ranked = f.direction === '' && /(?:第|前)\{v\}/.test(f.pattern);
    if (ranked && (f.value < 1 || !Number.isInteger(f.value))) {
      out.push({
        id: `impossible-rank:${f.key}`,
        kind: 'impossible-rank',
        severity: 'block',
        places: [place],
        message: {
          zh: `“${f.label}”是 ${show(f)}：名次应是从 1 起的整数。`,
          en: `“${f.label}” is ${show(f)}: a rank is a whole number from 1.`,
        },
      });
    }
    if (f.direction === '' && isRate(f.unit) && SHARE.test(measureOf(f.label)) && (f.value > 100 || f.value < 0)) {
      out.push({
        id: `impossible-share:${f.key}`,
        kind: 'impossible-share',
        severity: 'block',
        places: [place],
        message: {
          zh: `“${f.label}”是 ${show(f)}：占比或比率不能超过 100%，也不能为负。`,
          en: `“${f.label}” is ${show(f)}: a share cannot be over 100% or below zero.`,
        },
      });
    }
  }
  return out;
}

// ---- Text: 分别 lists and 其中 parts ----

/** A short stable name for a sentence (FNV-1a), so an id stays short however long the sentence. */
function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** How many things a list of subjects names (“城乡居民收入” two, “工业、农业和服务业” three); 0 when it is no list. */
function subjectCount(subject: string): number {
  if (/^城乡/.test(subject)) return 2;
  const parts = subject.split(/、|以及|和|及|与/).filter((p) => p.trim() !== '');
  return parts.length >= 2 ? parts.length : 0;
}

/** Quantities of a clause: figures with a unit, not years or the like (findFigures already leaves those out). */
const quantities = (clause: string): FigureMatch[] => findFigures(clause).filter((f) => f.unit !== '' || f.pattern !== '{v}');

interface TextPlace {
  text: string;
  slideId: string;
}

function clauseFindings(t: TextPlace, where: Where, keysOf: (text: string) => string[]): ConsistencyFinding[] {
  const out: ConsistencyFinding[] = [];
  for (const sentence of t.text.split(/[。；！？!?\n]/)) {
    if (!sentence.includes('分别') && !sentence.includes('其中')) continue;
    const keys = keysOf(sentence);
    const source = keys.map((k) => where.figure(k)?.source?.sentence).find((s) => s) ?? null;
    const places = (key: string | null): Place[] => [
      { slideId: t.slideId, figureKey: key, sentence: sentence.trim() },
      { slideId: key ? where.slideOf(key) : null, figureKey: key, sentence: source },
    ];
    // 分别: the subjects before it, one value each after it.
    for (const m of sentence.matchAll(/分别/g)) {
      const before = sentence.slice(0, m.index);
      const subject = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('：')) + 1);
      const after = sentence.slice(m.index + 2);
      const clause = after.split(/[，,：]/)[0]!;
      const subjects = subjectCount(subject.trim());
      const values = quantities(clause).length;
      if (subjects >= 2 && values >= 1 && subjects !== values) {
        out.push({
          id: `list-count:${textHash(sentence.trim())}`,
          kind: 'list-count',
          severity: 'block',
          places: places(keys[0] ?? null),
          message: {
            zh: `“${(subject + '分别' + clause).trim()}”：列了 ${subjects} 项，却给出 ${values} 个数值。`,
            en: `“${(subject + '分别' + clause).trim()}”: ${subjects} subjects but ${values} values.`,
          },
        });
      }
    }
    // 其中: a total, then some of its parts; the parts cannot add up to more than the total.
    const at = sentence.indexOf('其中');
    if (at > 0) {
      const total = findFigures(sentence.slice(0, at)).at(-1);
      const rest = sentence.slice(at + 2);
      const nested = rest.indexOf('其中');
      const partsText = nested >= 0 ? rest.slice(0, nested) : rest;
      if (total && total.direction === '' && !isRate(total.unit) && total.unit !== '') {
        const t0 = unitScale(total.unit);
        const parts = findFigures(partsText).filter((p) => p.direction === '' && p.qualifier === '' && unitScale(p.unit).base === t0.base);
        const sum = parts.reduce((s, p) => s + p.value * unitScale(p.unit).scale, 0);
        const slack = parts.reduce((s, p) => s + roundingOf(p.decimals) * unitScale(p.unit).scale, roundingOf(total.decimals) * t0.scale);
        const approx = total.qualifier === '' ? 1 : 1.05;
        if (parts.length >= 1 && sum > total.value * t0.scale * approx + slack) {
          const partsShown = parts.map((p) => p.text).join(' + ');
          out.push({
            id: `parts-exceed-total:${textHash(sentence.trim())}`,
            kind: 'parts-exceed-total',
            severity: 'block',
            places: places(keys[0] ?? null),
            message: {
              zh: `“其中”所列 ${partsShown} 合计超过总数 ${total.text}，请核对。`,
              en: `The parts after 其中 (${partsShown}) add up to more than the total ${total.text}. Check the figures.`,
            },
          });
        }
      }
    }
  }
  return out;
}

function blockTexts(b: Block): string[] {
  if (b.kind === 'bullet' || b.kind === 'text') return [b.text];
  return [];
}

/** Every finding of the consistency check on a deck, in a stable order (figures first, then slides in order). */
export function checkConsistency(deck: CheckedDeck): ConsistencyFinding[] {
  const usage = figureUsage(deck.slides as Slide[]);
  const byKey = new Map(deck.figures.map((f) => [f.key, f]));
  const where: Where = { slideOf: (key) => usage.get(key)?.[0] ?? null, figure: (key) => byKey.get(key) };
  const out = [...figureFindings(deck.figures, where), ...impossibleFigures(deck.figures, where)];
  const seen = new Set(out.map((f) => f.id));
  for (const slide of deck.slides) {
    for (const raw of [...slide.blocks.flatMap(blockTexts), slide.notes]) {
      if (!raw.includes('分别') && !raw.includes('其中')) continue;
      // The keys of a sentence are looked up in its unresolved text; the check reads the values shown now.
      const resolved = resolveFigureRefs(raw, byKey);
      const rawSentences = raw.split(/[。；！？!?\n]/);
      const keysOf = (sentence: string) => {
        const i = resolved.split(/[。；！？!?\n]/).indexOf(sentence);
        return i >= 0 ? [...(rawSentences[i] ?? '').matchAll(/\{fig:([A-Za-z0-9_.-]+)\}/g)].map((m) => m[1]!) : [];
      };
      for (const f of clauseFindings({ text: resolved, slideId: slide.id }, where, keysOf)) {
        if (seen.has(f.id)) continue;
        seen.add(f.id);
        out.push(f);
      }
    }
  }
  return out;
}
