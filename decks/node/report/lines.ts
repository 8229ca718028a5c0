// What a single line of a report is, judged on its own: a heading (Markdown, numbered, or two phrases),
// a picture credit, a caption-like short line, a byline, or body text. Context (title, section level,
// repairs) is decided by parse.ts; these are the general rules, not tuned to any one report.

/** A line that ends a sentence (or a quotation, a list lead-in); anything else was cut off or wrapped. */
const SENTENCE_END = /[。！？!?…；;：:”’」』）)】.]$/;
/** Punctuation that never occurs inside a heading phrase or a caption. */
const SENTENCE_PUNCT = /[。！？!?；;]/;
const HAN = /\p{Script=Han}/gu;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/** Visible length in characters (code points), spaces not counted. */
export function visibleLength(text: string): number {
  // Callers compare with small limits: a long line's length in UTF-16 units is bound enough (and cheap).
  if (text.length > 2000) return text.length;
  return [...text.replace(/\s+/g, '')].length;
}

export type HeadingSystem = 'md' | 'part' | 'number' | 'paren' | 'phrases';

export interface HeadingLine {
  system: HeadingSystem;
  /**
   * Lower is higher in the outline. Markdown levels 1–6 come first (an explicit outline wins), then
   * “第一部分” (10), “一、” and two-phrase pillars (11), “（一）” (12), “1.” (13), “（1）” (14).
   */
  rank: number;
  /** The heading as written, without Markdown marks (kept when the line becomes a sub-heading paragraph). */
  text: string;
  /** Without its number, split into the pillar's short title and the rest. */
  title: string;
  subtitle: string;
  /** Body text that followed the heading sentence on the same line (“（一）稳增长。今年以来……”), or ''. */
  rest: string;
}

const CN_NUM = '一二三四五六七八九十百零〇两';
const PART = new RegExp(`^第[${CN_NUM}\\d]+(?:部分|章|篇|编)(?:\\s*[：:、.．，,]\\s*|\\s+|$)(.*)$`);
const NUMBER = new RegExp(`^[${CN_NUM}]+\\s*[、.．]\\s*(.+)$`);
const PAREN = new RegExp(`^[（(][${CN_NUM}]+[）)]\\s*[、.．]?\\s*(.+)$`);
const ARABIC = /^\d{1,2}\s*[、.．]\s*(?!\d)(.+)$/;
const ARABIC_PAREN = /^[（(]\d{1,2}[）)]\s*(.+)$/;
// CommonMark: a space after the marks, so “#青春之城#” (a topic tag) is not a heading.
const MARKDOWN = /^(#{1,6})\s+(.+?)(?:\s+#+)?$/;

/** Heading text longer than this is a numbered paragraph, unless its first sentence is short enough to be the heading. */
const HEADING_MAX = 40;

/** “A B” or “A，B” where A and B are short phrases without punctuation (quotes and 《》 allowed). */
function splitPhrases(text: string): [string, string] | null {
  if (visibleLength(text) > 32 || SENTENCE_PUNCT.test(text) || /[、：:]/.test(text)) return null;
  const parts = text.split(/\s+|[，,]/).filter((p) => p !== '');
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  const phraseOk = (p: string): boolean => {
    const bare = p.replace(/[“”‘’"'《》〈〉「」]/g, '');
    const n = [...bare].length;
    return n >= 4 && n <= 14 && /^[\p{Script=Han}A-Za-z0-9+%.]+$/u.test(bare) && (bare.match(HAN)?.length ?? 0) >= 2;
  };
  return phraseOk(a) && phraseOk(b) ? [a, b] : null;
}

/** Splits a heading's words into the pillar's title and subtitle: two phrases, or “title：subtitle”, else all title. */
function titleAndSubtitle(words: string): { title: string; subtitle: string } {
  const clean = words.replace(/[。；;]$/, '').trim();
  const phrases = splitPhrases(clean);
  if (phrases) return { title: phrases[0], subtitle: phrases[1] };
  // An explicit heading (numbered or Markdown) may split on a space between shorter phrases (“兴产业 强平台”).
  const loose = /^(\S+)\s+(\S+)$/.exec(clean);
  const hanCount = (p: string): number => p.match(HAN)?.length ?? 0;
  if (loose?.[1] && loose[2] && hanCount(loose[1]) >= 2 && hanCount(loose[2]) >= 2 && !/[，,、]/.test(clean)) return { title: loose[1], subtitle: loose[2] };
  const colon = /^(.{2,20}?)\s*[：:]\s*(.+)$/.exec(clean);
  if (colon?.[1] && colon[2]) return { title: colon[1], subtitle: colon[2] };
  return { title: clean, subtitle: '' };
}

/** A numbered heading's words: short enough, or a short first sentence followed by body text. */
function numberedWords(words: string): { head: string; rest: string } | null {
  if (visibleLength(words) <= HEADING_MAX && !/[。！？!?]./.test(words)) return { head: words, rest: '' };
  const m = /^(.+?[。！？!?])(.+)$/.exec(words);
  if (m?.[1] && m[2] && visibleLength(m[1]) <= HEADING_MAX) return { head: m[1], rest: m[2].trim() };
  return null;
}

export function classifyHeading(line: string): HeadingLine | null {
  const md = line.length <= 300 ? MARKDOWN.exec(line) : null;
  if (md?.[1] && md[2]) {
    const text = md[2].trim();
    // A Markdown heading may also carry a number (“## 一、兴产业”): keep the Markdown level, drop the number.
    const inner = numberedHeading(text);
    const words = inner ? inner.title + (inner.subtitle ? ` ${inner.subtitle}` : '') : text;
    return { system: 'md', rank: md[1].length, text, ...titleAndSubtitle(words), rest: inner?.rest ?? '' };
  }
  if (CLOSING_WORDS.test(line)) return { system: 'phrases', rank: 11, text: line, title: line, subtitle: '', rest: '' };
  return numberedHeading(line) ?? phraseHeading(line);
}

function numberedHeading(line: string): HeadingLine | null {
  const tries: [RegExp, HeadingSystem, number][] = [
    [PART, 'part', 10],
    [PAREN, 'paren', 12],
    [NUMBER, 'number', 11],
    [ARABIC, 'number', 13],
    [ARABIC_PAREN, 'paren', 14],
  ];
  for (const [re, system, rank] of tries) {
    const m = re.exec(line);
    if (!m) continue;
    const words = (m[1] ?? '').trim();
    if (system === 'part' && words === '') return { system, rank, text: line, title: line, subtitle: '', rest: '' };
    const split = numberedWords(words);
    if (!split) return null;
    const text = split.rest ? line.slice(0, line.length - split.rest.length).trim() : line;
    return { system, rank, text, ...titleAndSubtitle(split.head), rest: split.rest };
  }
  return null;
}

function phraseHeading(line: string): HeadingLine | null {
  const phrases = splitPhrases(line);
  return phrases ? { system: 'phrases', rank: 11, text: line, title: phrases[0], subtitle: phrases[1], rest: '' } : null;
}

/** Words that, standing alone as a heading, open the report's closing rather than a pillar. */
const CLOSING_WORDS = /^(结语|结束语|尾声|结尾|后记|展望|展望未来)$/;

export function isClosingHeading(h: HeadingLine): boolean {
  return CLOSING_WORDS.test(h.title) && h.subtitle === '';
}

const CREDIT_LEAD = /^(?:本张|本组|本版|以上|上|下|左|右|题)?(?:图片|照片|图|摄影|视频|供图)\s*(?:由|来源|来自|提供|作者|[：:／/|｜])/;
const CREDIT_TAIL = /(?:\s摄|摄影|供图|提供图片|图片提供|[图照]片?由.+提供)$/;

/** “(本张图片由上虞区委宣传部提供)”, “图/张三”, “记者 张三 摄” → the credit without brackets, else null. */
export function creditText(line: string): string | null {
  if (visibleLength(line) > 60 || /[。！？]/.test(line)) return null;
  const inner = line.replace(/^[(（【[]\s*/, '').replace(/\s*[)）】\]]$/, '').trim();
  if (inner === '') return null;
  return CREDIT_LEAD.test(inner) || CREDIT_TAIL.test(inner) ? inner : null;
}

/** A short standalone line with no sentence punctuation: a caption, if it is not a heading. */
export function isCaptionLike(line: string): boolean {
  const n = visibleLength(line);
  return n >= 1 && n <= 20 && !SENTENCE_PUNCT.test(line) && !/[，,、：:]$/.test(line);
}

const BYLINE_MARK = /(?:记者|通讯员|作者|撰稿|撰文|执笔|编辑|责编|^文\s*[/／|｜:：]|^文\s+\S)/;
const NAMES = /^[\p{Script=Han}·]{2,4}(?:\s*[ 、，,]\s*[\p{Script=Han}·]{2,4}){0,7}$/u;
const METADATA = /^(?:来源|发布时间|发布日期|日期|时间)\s*[:：]|^\d{4}\s*[-年./]\s*\d{1,2}/;

/** A line of names (“孙良 倪贤方 袁伟江”), an attribution (“本报记者 张三”), or a date/source line. */
export function isBylineLike(line: string): boolean {
  if (visibleLength(line) > 60 || SENTENCE_PUNCT.test(line)) return false;
  return BYLINE_MARK.test(line) || NAMES.test(line) || METADATA.test(line);
}
