// Turning report paragraphs into slide points: pick the key clauses (those holding figures first), trim them to one
// line, and find a short theme phrase for a slide title. Works on text whose figures are already `{fig:KEY}` refs.
import { FIGURE_REF } from '../../common/model.ts';
import { formatFigure, resolveFigureRefs } from '../../common/figures.ts';
import type { ExtractedFigure } from '../report/figureExtract.ts';

/** A bullet fits one line of a 16:9 slide at ~32px: about 26 CJK characters (Latin letters and digits count half). */
export const BULLET_MAX = 26;
/** A slide title fits one line at title size. */
export const TITLE_MAX = 16;

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

export function hasRef(text: string): boolean {
  return new RegExp(FIGURE_REF.source).test(text);
}

interface Clause {
  text: string;
  /** Position in the paragraph, to keep the report's order. */
  at: number;
}

/** Splits at clause marks (，；。！？…：), never inside quotes, so “以产兴城、以业留人” stays whole. */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    const t = raw.trim();
    if (t) out.push({ text: t, at: from + raw.indexOf(t) });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“' || ch === '《' || ch === '（' || ch === '(') depth++;
    else if ((ch === '”' || ch === '》' || ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0 && /[，；。！？…：,;!?\n]/.test(ch)) {
      push(i);
      from = i + 1;
    }
  }
  push(text.length);
  return out;
}

/** Clauses that only link or set the time: nothing to show on a slide. */
const CONNECTIVE_ONLY = /^(?:同时|此外|另外|而且|并且|因此|为此|其中|对此|眼下|目前|当前|近年来|新年伊始|与此同时|总之|对于.{1,8}来说|从.{1,4}看)$/;
const LEADING = /^(?:同时|此外|另外|而且|并且|因此|为此|其中|眼下|目前|当前|随着|与此同时)/;
const FRAME = /以[^，。；]{1,40}?为(?:主体|抓手|核心|重点|引领|目标|轴线|导向|支撑|载体|纽带)的?/g;
const ASIDE = /（[^）]*）|\([^)]*\)/g;
const ADVERBS = /着力|大力|扎实|积极|持续|不断|深入|坚定不移地?|进一步|切实|努力|全力|全面|正式|逐渐|逐步|加速/g;
const SUBJECT = /^[\u4e00-\u9fff]{1,4}[区县市](?:还|也|正|将|已|则)?/;
const ACTION = /打造|构建|推进|推动|实施|建设|培育|提升|深化|加快|聚焦|坚持|优化|发展|创建|完成|开放|发布|落实|探索|巩固|争创|做强|升级|引进|新增/;

function balanced(text: string): boolean {
  return (text.match(/“/g)?.length ?? 0) === (text.match(/”/g)?.length ?? 0);
}

/** The clause made short enough for one line, or null when it cannot be without losing its sense. */
export function shortenClause(clause: string, max: number, displays: Displays): string | null {
  const fits = (t: string) => displayLength(t, displays) <= max;
  let t = clause.replace(LEADING, '').replace(/^[，、]/, '').trim();
  const steps: ((s: string) => string)[] = [
    (s) => s.replace(FRAME, ''),
    (s) => s.replace(ASIDE, ''),
    (s) => s.replace(ADVERBS, ''),
    (s) => s.replace(SUBJECT, ''),
  ];
  for (const step of steps) {
    if (fits(t)) return t;
    const next = step(t).trim();
    if (next.length >= 4) t = next;
  }
  if (fits(t)) return t;
  // A long enumeration: keep its first items (“A、B、C、D发展” → “A、B等”), unless what is dropped carries the
  // head noun (“…、最具辨识度的地标景观”) or figures.
  for (let i = t.lastIndexOf('、'); i > 0; i = t.lastIndexOf('、', i - 1)) {
    const head = t.slice(0, i);
    const dropped = t.slice(i);
    if (/[的等]|\{fig:/.test(dropped)) break;
    if (head.length >= 6 && balanced(head) && fits(head + '等')) return head + '等';
  }
  return null;
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

/** Clauses that lean on another (“作为…”, “围绕…”, “又是…”): weak alone on a slide. */
const FRAGMENT = /^(?:是|的|又|而|但|则|作为|围绕|对于|从|在|以|随着|通过|为|“[^”]*”的)/;

const FRAGMENT_END = /(?:从.{1,4}看|来说|而言)$/;
function isFragment(text: string): boolean {
  return FRAGMENT.test(text) || FRAGMENT_END.test(text);
}

function score(text: string, original: string): number {
  let s = 0;
  if (isFragment(original) || isFragment(text)) s -= 3;
  if (ACTION.test(text)) s += 3;
  if (text.includes('“')) s += 1;
  if (/是.{0,12}的/.test(text)) s -= 1;
  if (text.length < 8) s -= 1;
  return s;
}

export interface ParagraphPoints {
  bullets: string[];
  /** A short theme phrase for a slide title, or null when the paragraph has none that fits. */
  theme: string | null;
}

/**
 * The points a paragraph contributes to a slide: every clause holding figures (shortened, or said through the
 * figures' labels when too long), then the strongest other clause, up to `target` bullets; and a theme phrase.
 */
export function paragraphPoints(refText: string, figures: ReadonlyMap<string, ExtractedFigure>, displays: Displays, target = 2): ParagraphPoints {
  const clauses: Clause[] = [];
  for (const c of splitClauses(refText)) {
    if (CONNECTIVE_ONLY.test(c.text)) continue;
    const prev = clauses[clauses.length - 1];
    // “既…，又…” reads as one point.
    if (prev && c.text.startsWith('又') && prev.text.includes('既')) prev.text += '，' + c.text;
    else clauses.push({ ...c });
  }
  const chosen: Clause[] = [];
  const others: { c: Clause; short: string; score: number }[] = [];
  for (const c of clauses) {
    if (hasRef(c.text)) {
      const short = shortenClause(c.text, BULLET_MAX, displays);
      const keys = (t: string) => [...t.matchAll(FIGURE_REF)].map((m) => m[1]!).join();
      if (short && keys(short) === keys(c.text)) chosen.push({ text: short, at: c.at });
      else {
        const keys = [...c.text.matchAll(FIGURE_REF)].map((m) => m[1]!);
        keys.forEach((k, i) => {
          const f = figures.get(k);
          if (f) chosen.push({ text: figurePhrase(f), at: c.at + i / 100 });
        });
      }
    } else {
      const short = shortenClause(c.text, BULLET_MAX, displays);
      if (short && displayLength(short, displays) >= 6) others.push({ c, short, score: score(short, c.text) });
    }
  }
  // Neighbouring figure points read as one line when they fit (“…人才{24名}，居{全省第3}”).
  const merged: Clause[] = [];
  for (const c of chosen) {
    const last = merged[merged.length - 1];
    if (last && displayLength(last.text + '，' + c.text, displays) <= BULLET_MAX) last.text += '，' + c.text;
    else merged.push({ ...c });
  }
  const figureBullets = merged.slice(0, 3);
  const ranked = [...others].sort((a, b) => b.score - a.score || a.c.at - b.c.at);
  const room = Math.max(0, target - figureBullets.length);
  // Weak clauses only when the paragraph has nothing better to show.
  const strong = ranked.filter((o) => o.score > -2);
  const picked = (strong.length > 0 || figureBullets.length > 0 ? strong : ranked).slice(0, room);
  // The theme: a short clause of action not already shown, made as short as it can be.
  const themeFrom = (list: typeof others) =>
    list
      .filter((o) => !isFragment(o.c.text))
      .map((o) => ({ o, t: themePhrase(o.c.text, displays) }))
      .filter((x): x is { o: (typeof others)[number]; t: string } => x.t !== null)
      .sort((a, b) => b.o.score - a.o.score || a.o.c.at - b.o.c.at)[0]?.t ?? null;
  const theme = themeFrom(ranked.filter((o) => !picked.includes(o))) ?? themeFrom(picked);
  const bullets = [...figureBullets, ...picked.map((o) => ({ text: o.short, at: o.c.at }))].sort((a, b) => a.at - b.at).map((c) => c.text);
  return { bullets, theme };
}

/** A clause as a title: no figures, no subject or adverbs, one line at title size. */
export function themePhrase(clause: string, displays: Displays): string | null {
  if (hasRef(clause)) return null;
  let t = clause.replace(LEADING, '').replace(FRAME, '').replace(ASIDE, '').replace(SUBJECT, '').replace(ADVERBS, '').trim();
  if (t.length > TITLE_MAX) {
    const short = shortenClause(t, TITLE_MAX, displays);
    if (!short) return null;
    t = short;
  }
  return t.length >= 4 && balanced(t) ? t : null;
}
