// Turning report paragraphs into what a person writes on slides: statements (clauses that share a subject kept
// together, so no bullet is a dangling “提高X”), bullets of one line or two, titles that are whole phrases of the
// paragraph, and the few key figures worth a card. Works on text whose figures are already `{fig:KEY}` refs.
import { FIGURE_REF } from '../../common/model.ts';
import { formatFigure, resolveFigureRefs } from '../../common/figures.ts';
import type { ExtractedFigure } from '../report/figureExtract.ts';

/** One line of a 16:9 slide at the body size: about 26 CJK characters (Latin letters and digits count half). */
export const BULLET_MAX = 26;
/** A bullet fits one line, or two where needed. */
export const BULLET_LINES = 2;
/** A slide title fits one line at title size; titles taken whole from a heading may use two. */
export const TITLE_MAX = 16;
export const TITLE_LINES = 2;

export type Displays = ReadonlyMap<string, { display: string }>;

export function displaysOf(figures: readonly ExtractedFigure[]): Map<string, { display: string }> {
  return new Map(figures.map((f) => [f.key, { display: formatFigure(f) }]));
}

/** How wide text is on a slide, in CJK characters, with each reference shown as its figure. */
export function displayLength(text: string, displays: Displays): number {
  let n = 0;
  for (const ch of resolveFigureRefs(text, displays)) n += /[\x20-\x7e]/.test(ch) ? 0.5 : 1;
  return n;
}

/** Lines a bullet takes on a slide. */
export function bulletLines(text: string, displays: Displays): number {
  return Math.max(1, Math.ceil(displayLength(text, displays) / BULLET_MAX));
}

export function hasRef(text: string): boolean {
  return new RegExp(FIGURE_REF.source).test(text);
}

export function refKeys(text: string): string[] {
  return text.includes('{fig:') ? [...text.matchAll(FIGURE_REF)].map((m) => m[1]!) : [];
}

export interface Clause {
  text: string;
  /** Position in the paragraph, to keep the report's order. */
  at: number;
  /** The mark that ended it (，；。 …), '' at the end of the text. */
  mark: string;
}

const OPENERS = '“《（(「『【';
const CLOSERS = '”》）)」』】';

/** Splits at the given marks, never inside quotes or brackets, so “以产兴城、以业留人” stays whole. */
function splitAt(text: string, marks: RegExp): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let from = 0;
  const push = (end: number, mark: string) => {
    const raw = text.slice(from, end);
    const t = raw.trim();
    if (t) out.push({ text: t, at: from + raw.indexOf(t), mark });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch) && depth > 0) depth--;
    else if (depth === 0 && marks.test(ch)) {
      // “……” is one mark.
      let j = i;
      while (j + 1 < text.length && text[j + 1] === ch) j++;
      push(i, text.slice(i, j + 1));
      from = j + 1;
      i = j;
    }
  }
  push(text.length, '');
  return out;
}

/** Clauses: split at every clause mark (，；。！？…：). */
export function splitClauses(text: string): Clause[] {
  return splitAt(text, /[，；。！？…：,;!?\n]/);
}

/** Sentences: split at 。！？；… (a semicolon ends a statement in Chinese reports' lists). */
export function splitSentences(text: string): Clause[] {
  return splitAt(text, /[。；！？…;!?\n]/);
}

/** Clauses that only link, set the time or address the room: nothing to show on a slide. */
const CONNECTIVE_ONLY =
  /^(?:同时|此外|另外|而且|并且|因此|为此|其中|对此|眼下|目前|当前|近年来|新年伊始|新的一年|与此同时|总之|一年来|过去一年|全年|今年|去年|(?:各位|尊敬的)[^，。]{0,12}|同志们|在此|(?:据)?初步(?:核算|统计)|据统计|(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:以来|来|底|初|末)?|明年|下一步|接下来|今后|当前|下阶段|对于.{1,8}来说|从.{1,4}看|总的来看|总体来看)$/;
/** The items of a paragraph's own list: “一是…”, “二是…”, “第一，…”, “首先…”. */
const LISTED = /^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十]|首先|其次|再次|最后)/;
const LEADING = /^(?:同时|此外|另外|而且|并且|因此|为此|眼下|目前|当前|与此同时|一是|二是|三是|四是|五是|六是|七是|八是|九是|十是)/;
const FRAME = /以[^，。；]{1,40}?为(?:主体|抓手|核心|重点|引领|目标|轴线|导向|支撑|载体|纽带)的?/g;
const ASIDE = /（[^）]*）|\([^)]*\)/g;
const ADVERBS = /着力|大力|扎实|积极|持续|不断|深入|坚定不移地?|进一步|切实|努力|全力|全面|正式|逐渐|逐步|加速/g;
export const ACTION = /打造|构建|推进|推动|实施|建设|培育|提升|深化|加快|聚焦|坚持|优化|发展|创建|完成|开放|发布|落实|探索|巩固|争创|做强|升级|引进|新增|新建|建成|实现|开展|举办|组建|设立|改造|整治|出台|形成|获评|入选|创成|荣获/;

/**
 * A clause that cannot stand alone: it goes on from the clause before (same subject): a comparison (比上年…, 同比…),
 * a part or share (其中…, 占…), a total (累计…, 总投资…), what it reaches (惠及…, 涉及…), a conjunction (并…, 又…).
 */
const DEPENDENT_START =
  /^(?:(?:计划|预计|预期|设计|其)?(?:总投资|投资额|总面积|建筑面积|占地面积|占地|总规模|年产值|年产能|合同金额|总金额|全长|总长)|年[\u4e00-\u9fff]{1,4}量|同比|环比|比上年|较上年|比去年|较去年|比上一年|比|较|分别|占(?!领)|其中|含|涉及|惠及|带动|拉动|覆盖|累计|共计|合计|总计|年均|增速|增幅|降幅|涨幅|按[^，]{1,10}(?:计算|统计)|首次|创|成为|为|是|并|且|又|也|还|再|从而|进而|以及|和|与|及|均)/;
/** A change or level with its figure (“增长X%”, “提高到X”, “达到X”, “居第X位”): it says how much of the clause before. */
const MEASURE_START =
  /^(?:远|明显|大幅|略|稍|大大|均)?(?:增长|增|下降|降|降低|提高|提升|上升|减少|增加|扩大|缩小|达|达到|居|位居|位列|列|排名|排在|跻身|约|近|超|超过|突破|高于|低于|好于|快于|压减|压缩|控制在|保持在|稳定在)(?:了|到|至|为)?[^，。；{]{0,6}\{fig:/;
/** A clause that opens a frame for what follows (随着…, 围绕…, 在…下): it leans on the next clause. */
const LEAD_IN = /^(?:随着|围绕|通过|面对|为了|按照|根据|依托|作为|对于|针对|着眼|立足于|我?代表[^，。]{2,12}$|受[^，。]{2,12}委托$|向[^，。]{2,40}(?:们|群众|同志|朋友|人员|单位|部门|企业|干部|官兵|人士|各界|家庭)$|以(?![上下内外及来至前后后往])|[\u4e00-\u9fff]{1,8}(?:将|要|正)以)|^在.{1,24}(?:下|中|上|方面|期间|过程中)$|(?:方面|来看|来说|而言|看)$/;

const ALL_REFS = new RegExp(FIGURE_REF.source, 'g');

function plainLength(text: string): number {
  return text.replace(ALL_REFS, '').replace(/[\s，、]/g, '').length;
}

function isDependent(clause: string): boolean {
  if (DEPENDENT_START.test(clause) || MEASURE_START.test(clause)) return true;
  // A few words and a figure (“增{fig}”, “办结率{fig}”) name no subject of their own.
  const before = clause.split('{fig:')[0] ?? '';
  if (hasRef(clause) && (before.length <= 2 || (before.length <= 6 && /(?:率|比重|占比|比例)(?:达到|达|为)?$/.test(before)))) return true;
  // A bare measure and its figure (“平均年龄{fig}”, “全长{fig}”): it measures the clause before.
  if (/^[\u4e00-\u9fff]{2,6}\{fig:[^}]+\}$/.test(clause) && !ACTION.test(before)) return true;
  return plainLength(clause) <= 3;
}

export interface Statement {
  text: string;
  at: number;
  /** An item of the paragraph's own list (“一是…”, “二是…”): a point the paragraph makes on purpose. */
  listed: boolean;
  /** Figure keys the statement holds, in order. */
  keys: string[];
  /** The clauses it is made of. */
  clauses: string[];
}

/**
 * A paragraph's statements: its sentences, each cut at commas only where a clause has a subject of its own. A clause
 * that goes on from the one before (“增长X%”, “总投资X亿元”, “其中…”) stays with it; a lead-in (“随着…”) stays with what follows.
 */
export function statements(refText: string): Statement[] {
  const drafts: { at: number; parts: Clause[]; listed: boolean }[] = [];
  for (const sentence of splitSentences(refText)) {
    let current: { at: number; parts: Clause[]; listed: boolean } | null = null;
    let leadIn: Clause[] = [];
    for (const c of splitClauses(sentence.text)) {
      if (CONNECTIVE_ONLY.test(c.text)) continue;
      const text = c.text.replace(LEADING, '').replace(/^[，、]/, '').trim();
      if (!text) continue;
      const clause = { ...c, text, at: sentence.at + c.at };
      const listed = LISTED.test(c.text);
      const goesOn = !listed && current !== null && leadIn.length === 0 && isDependent(text);
      if (goesOn) {
        current!.parts.push(clause);
      } else if (!listed && (LEAD_IN.test(text) || c.mark === '：' || c.mark === ':')) {
        // A lead-in (“随着…”, a list's “主要目标是：”) opens the statement that follows.
        leadIn.push(clause);
      } else {
        // A list's lead-in (“存在一些不足：”) says what the items are; the items stand alone.
        current = { at: (listed ? clause : (leadIn[0] ?? clause)).at, parts: listed ? [clause] : [...leadIn, clause], listed };
        leadIn = [];
        drafts.push(current);
      }
    }
    if (leadIn.length > 0) {
      if (current) current.parts.push(...leadIn);
      else drafts.push({ at: leadIn[0]!.at, parts: leadIn, listed: false });
    }
  }
  return drafts.map(({ at, parts, listed }) => {
    const text = parts.map((c, i) => (i === parts.length - 1 ? c.text : c.text + (c.mark === '：' || c.mark === ':' ? '：' : '，'))).join('');
    return { text, at, listed, keys: refKeys(text), clauses: parts.map((c) => c.text) };
  });
}

/** A statement made short enough for `max` characters without losing its sense, or null. Never cut mid-phrase. */
export function shortenStatement(text: string, max: number, displays: Displays): string | null {
  const fits = (t: string) => displayLength(t, displays) <= max;
  let t = text;
  const steps: ((s: string) => string)[] = [(s) => s.replace(FRAME, ''), (s) => s.replace(ASIDE, ''), (s) => s.replace(ADVERBS, '')];
  for (const step of steps) {
    if (fits(t)) return t;
    const next = step(t).replace(/^[，、]/, '').trim();
    // A step may not drop a figure or leave too little.
    if (next.length >= 4 && refKeys(next).join() === refKeys(t).join()) t = next;
  }
  return fits(t) ? t : null;
}

/** A figure said in a few words: its label followed by its reference (“新增就业大学生{fig:f9}”). */
export function figurePhrase(f: ExtractedFigure): string {
  let label = f.label.replace(/（\d+）$/, '');
  const head = f.pattern.slice(0, f.pattern.indexOf('{v}'));
  if (head && label.endsWith(head)) label = label.slice(0, -head.length);
  if (f.direction && head.startsWith(f.direction) && label.endsWith(f.direction)) label = label.slice(0, -f.direction.length);
  if (head && !/^[第前]/.test(head) && label.endsWith('排名')) {
    // “…人才全省排名” + “全省第3” → “…人才居全省第3”
    label = label.slice(0, -2);
    if (label.endsWith(head.replace(/第$/, ''))) label = label.slice(0, -head.replace(/第$/, '').length);
    label += '居';
  }
  return `${label}{fig:${f.key}}`;
}

/**
 * A statement as bullets: itself when it fits two lines (shortened if need be); else its opening clauses with the
 * clauses that go on from them, as many as fit, and the figures of the rest said through their labels.
 */
export function statementBullets(s: Statement, figures: ReadonlyMap<string, ExtractedFigure>, displays: Displays): string[] {
  const max = BULLET_MAX * BULLET_LINES;
  const whole = shortenStatement(s.text, max, displays);
  if (whole) return [whole];
  const bullets: string[] = [];
  let head = '';
  let rest: string[] = [];
  for (const c of s.clauses) {
    const next = head ? `${head}，${c}` : c;
    if (!head || (rest.length === 0 && shortenStatement(next, max, displays))) head = next;
    else rest.push(c);
  }
  const headShort = shortenStatement(head, max, displays);
  if (headShort) bullets.push(headShort);
  else rest = [...refKeys(head).map((k) => `{fig:${k}}`), ...rest];
  // The figures left over, each named by its label, packed into lines that fit.
  let line = '';
  for (const k of rest.flatMap((c) => refKeys(c))) {
    const f = figures.get(k);
    if (!f) continue;
    const phrase = figurePhrase(f);
    const joined = line ? `${line}，${phrase}` : phrase;
    if (displayLength(joined, displays) <= max) line = joined;
    else {
      if (line) bullets.push(line);
      line = phrase;
    }
  }
  if (line) bullets.push(line);
  return bullets;
}

/** How well a statement without figures reads as a point. */
function pointScore(text: string): number {
  let s = 0;
  if (ACTION.test(text)) s += 3;
  if (text.includes('“')) s += 1;
  if (/是.{0,12}的/.test(text)) s -= 1;
  if (plainLength(text) < 8) s -= 2;
  if (LEAD_IN.test(text)) s -= 3;
  return s;
}

export interface ParagraphPoints {
  /** The bullets, in the paragraph's order. */
  bullets: string[];
  /** How many of them come from statements holding a figure no card shows. */
  withFigures: number;
  /** Whether some of its figures stand on the cards. */
  onCards: boolean;
}

/** Statements that cannot open a point: a lead-in, a fronted object or a verb without its subject. */
const WEAK_START = /^(?:是|的|又|而|但|则|向|对|把|被|给|让|从|在|于|所|之|因|也因|由于|我们也|可以|能够)/;
const WEAK_END = /(?:看到|认识到|表明|指出|看出|来说|而言|以及|等|以下(?:工作|几个方面|几点|措施|任务)|如下)$/;

/**
 * The bullets a paragraph contributes: every statement holding a figure not already shown on a key-figures card, then
 * the strongest statements without figures (two when the paragraph has no figure to show, else one).
 */
export function paragraphBullets(refText: string, figures: ReadonlyMap<string, ExtractedFigure>, displays: Displays, onCards: ReadonlySet<string> = new Set()): ParagraphPoints {
  const all = statements(refText);
  const withFigures = all.filter((s) => s.keys.length > 0);
  const showing = withFigures.filter((s) => s.keys.some((k) => !onCards.has(k)));
  const listed = all.filter((s) => s.listed && s.keys.length === 0);
  const max = BULLET_MAX * BULLET_LINES;
  const candidates = all
    .filter((s) => !s.listed && s.keys.length === 0 && plainLength(s.text) >= 4 && !WEAK_START.test(s.text) && !WEAK_END.test(s.text))
    .map((s) => ({ s, score: pointScore(s.text) }))
    .filter((x) => x.score > -2)
    .sort((a, b) => b.score - a.score || a.s.at - b.s.at);
  const room = listed.length > 0 ? 0 : showing.length === 0 && withFigures.length === 0 ? 2 : 1;
  // The best that can be shown whole (checked only until there are enough: a paragraph can hold thousands).
  const plain: Statement[] = [];
  for (const x of candidates) {
    if (plain.length >= room) break;
    if (shortenStatement(x.s.text, max, displays) !== null) plain.push(x.s);
  }
  const chosen = [...showing, ...listed, ...plain].sort((a, b) => a.at - b.at);
  return {
    // A statement with figures is summarised when it is long (its figures must show); one without is shown whole or not at all.
    bullets: chosen.flatMap((s) => (s.keys.length > 0 ? statementBullets(s, figures, displays) : (shortenStatement(s.text, max, displays) ?? []))),
    withFigures: showing.length,
    onCards: withFigures.some((s) => s.keys.some((k) => onCards.has(k))),
  };
}

/** Subjects that can be dropped from a title: the place itself (“全区上下”, “上虞区”, “街道”), whole words only. */
const TITLE_SUBJECT = /^(?:全(?:区|县|市|镇|省|街道)(?:上下)?|我(?:区|县|市|镇)|本(?:区|县|市|镇)|各乡镇街道|[\u4e00-\u9fff]{2,4}(?:区|县|市|街道|镇))(?:还|也|正|将|已|则|又)?/;

/** A clause as a slide title: whole, without figures, with its leading connective or subject dropped; null if too long. */
export function titlePhrase(clause: string, displays: Displays, max = TITLE_MAX): string | null {
  if (hasRef(clause) || !ACTION.test(clause) || LEAD_IN.test(clause)) return null;
  let t = clause.replace(LEADING, '').replace(ASIDE, '').trim();
  const subject = TITLE_SUBJECT.exec(t);
  // The subject goes only when what is left starts with what the subject does.
  if (subject && displayLength(t, displays) > max) {
    const rest = t.slice(subject[0].length);
    if (new RegExp(`^(?:${ACTION.source}|坚持|聚焦|围绕|着力|大力|扎实|深入|持续|全面|加快|积极)`).test(rest)) t = rest;
  }
  // A title names the point; the figures are for the bullets (a number in a title is never kept current).
  if (displayLength(t, displays) > max || /等$/.test(t) || [...t].length < 4 || /[0-9０-９]/.test(t)) return null;
  return (t.match(/“/g)?.length ?? 0) === (t.match(/”/g)?.length ?? 0) ? t : null;
}

/** How much of a paragraph's opening is read for its title. */
const TITLE_READ = 400;

/** A title from a paragraph: the lead-in of its list (“还存在一些短板：”), a short topic sentence, else the first clause of action that fits, whole. */
export function paragraphTitle(refText: string, displays: Displays, avoid: readonly string[] = []): string | null {
  return paragraphTitleOf(refText, displays, (t) => !avoid.includes(t));
}

/** The first title candidate `ok` accepts (a title that is also a bullet of the slide says nothing the slide does not). */
function paragraphTitleOf(paragraphText: string, displays: Displays, ok: (title: string) => boolean): string | null {
  // A title comes from a paragraph's opening: the rest is never read (a pasted table can be one megabyte-long line).
  const refText = paragraphText.slice(0, TITLE_READ);
  const clauses = splitClauses(refText).slice(0, 8);
  const listLead = clauses.find((c) => c.mark === '：' || c.mark === ':');
  if (listLead && !hasRef(listLead.text) && !WEAK_END.test(listLead.text)) {
    // “但也存在一些不足：” → “存在一些不足”; “总体要求是：” → “总体要求”.
    const t = listLead.text.replace(LEADING, '').replace(/^(?:但也|但|而|也|还)/, '').replace(TITLE_SUBJECT, '').replace(/(?:是|为|有|包括)$/, '').trim();
    if (displayLength(t, displays) <= TITLE_MAX && [...t].length >= 4 && !/[0-9０-９]/.test(t) && !WEAK_START.test(t) && ok(t)) return t;
  }
  const sentences = splitSentences(refText);
  const first = (sentences[0]?.text ?? '').replace(LEADING, '');
  if (!hasRef(first) && displayLength(first, displays) <= TITLE_MAX && [...first].length >= 4 && !/[，：0-9０-９]/.test(first) && !CONNECTIVE_ONLY.test(first) && ok(first)) return first;
  // The topic sentence's first phrase (“新征程催人奋进，新使命重任在肩。”), when it stands on its own.
  const opening = splitClauses(sentences[0]?.text ?? '')[0]?.text.replace(LEADING, '') ?? '';
  if (
    !hasRef(opening) &&
    displayLength(opening, displays) <= TITLE_MAX &&
    [...opening].length >= 4 &&
    !/[0-9０-９]/.test(opening) &&
    !CONNECTIVE_ONLY.test(opening) &&
    !LEAD_IN.test(opening) &&
    !WEAK_START.test(opening) &&
    !isDependent(opening) &&
    (opening.match(/“/g)?.length ?? 0) === (opening.match(/”/g)?.length ?? 0) &&
    ok(opening)
  ) {
    return opening;
  }
  for (const c of clauses) {
    // A list's items are points, not the heading over the points.
    if (LISTED.test(c.text)) break;
    if (CONNECTIVE_ONLY.test(c.text) || isDependent(c.text)) continue;
    const t = titlePhrase(c.text, displays);
    if (t && ok(t)) return t;
  }
  return null;
}

/** A heading as a slide title: whole when it fits two lines, else its first phrase. */
export function headingTitle(words: string, displays: Displays): string {
  if (displayLength(words, displays) <= TITLE_MAX * TITLE_LINES - 2) return words;
  const first = splitClauses(words)[0]?.text ?? words;
  return first;
}

// ---- Key figures: the few worth a card ----

const AGGREGATE = /生产总值|GDP|总产值|产值|营业收入|营收|财政|预算收入|税收|固定资产投资|投资|社会消费品零售|零售总额|进出口|出口|可支配收入|增加值|总额|总量|规模|研发|经费|成交额|产量|利润|收入/;
const RECORD = /首次|突破|创历史|新高|最高|首位|第一|领先|之最|翻番|实现.{0,4}全覆盖/;

/**
 * How much a figure matters on a card: ranks, headline aggregates and their growth, records, and the figures a paragraph
 * leads with count most; a threshold (“10亿元以上项目”) or a figure in passing counts least.
 */
export function salience(f: ExtractedFigure, paragraphText: string, orderInParagraph: number): number {
  let s = 0;
  const rank = f.unit === '位' && /第|前/.test(f.pattern);
  if (rank) s += 3;
  else if (f.unit === '位' && f.direction) s += 2;
  if (AGGREGATE.test(f.label)) s += f.unit.includes('亿') || f.unit.includes('万元') ? 3 : 2;
  else if (f.unit.includes('亿')) s += 1.5;
  if (f.source && RECORD.test(f.source.sentence)) s += 1.5;
  if (orderInParagraph === 0) s += 2;
  else if (f.source && paragraphText.indexOf(f.source.sentence) === 0) s += 1;
  const after = f.source ? paragraphText.slice(f.source.end, f.source.end + 3) : '';
  // “10亿元以上产业项目12个”: the threshold describes the projects, it is not the figure.
  if (/^(?:以上|以下|以内)[\p{Script=Han}]/u.test(after) && !/^(?:以上|以下|以内)[，。；]/.test(after)) s -= 4;
  if (f.direction === '下降' && /率|浓度|能耗/.test(f.label)) s += 0.5;
  if (/^(?:数据|增长|提高|总数|全区)(?:（\d+）)?$/.test(f.label)) s -= 1;
  return s;
}

/** At most `max` figures by salience (document order kept), or none when fewer than `min` are worth a card. */
export function keyFigures(figs: readonly ExtractedFigure[], paragraphText: (paragraph: number) => string, min: number, max: number): ExtractedFigure[] {
  const order = new Map<number, number>();
  const scored = figs.map((f, i) => {
    const p = f.source?.paragraph ?? -1;
    const n = order.get(p) ?? 0;
    order.set(p, n + 1);
    return { f, i, score: salience(f, paragraphText(p), n) };
  });
  const worth = scored.filter((x) => x.score > 0);
  if (worth.length < min) return [];
  return worth
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.f);
}
