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
/** “摄影 张三”, “摄 张三”: a credit word, a space, a name. */
const CREDIT_NAMED = /^(?:摄影|摄|图|图片|照片|供图)\s+[\p{Script=Han}A-Za-z·]{1,12}$/u;

/** “(本张图片由上虞区委宣传部提供)”, “图/张三”, “（摄影 张三）”, “记者 张三 摄” → the credit without brackets, else null. */
export function creditText(line: string): string | null {
  if (visibleLength(line) > 60 || /[。！？]/.test(line)) return null;
  const inner = line.replace(/^[(（【[]\s*/, '').replace(/\s*[)）】\]]$/, '').trim();
  if (inner === '') return null;
  return CREDIT_LEAD.test(inner) || CREDIT_TAIL.test(inner) || CREDIT_NAMED.test(inner) ? inner : null;
}

/** A short standalone line with no sentence punctuation: it may be a caption when something else says so. */
export function isCaptionLike(line: string): boolean {
  const n = visibleLength(line);
  return n >= 1 && n <= 20 && !SENTENCE_PUNCT.test(line) && !/[，,、：:]$/.test(line);
}

/** Words that say a line describes a picture: “图为…”, “上图：…”, “图1 …”, “▲…”. */
const CAPTION_LEAD = /^(?:[▲△▼▽↑↓]\s*)?(?:[上下左右]?图(?:为|中为|中是|示|[：:]|\s*\d{1,2}(?:[-－.]\d{1,2})?(?:[：:、.．]|\s))|▲|△)\s*/;

/**
 * A line that is a caption by its own words (“图为…”, “（图为XX产业园 XX中心供图）”, “▲XX”), with a credit written on
 * the same line split off; null for any other line.
 */
export function captionLine(line: string): { text: string; credit: string } | null {
  if (visibleLength(line) > 80) return null;
  const inner = /^[(（【[](.*)[)）】\]]$/.exec(line)?.[1]?.trim() ?? line;
  const lead = CAPTION_LEAD.exec(inner);
  if (!lead) return null;
  let text = inner.slice(lead[0].length).trim();
  // A sentence full stop inside (not at the end) means a paragraph that happens to start with 图.
  if (/[。！？].+/.test(text.replace(/[（(][^（）()]*[）)]$/, ''))) return null;
  let credit = '';
  const paren = /[（(]([^（）()]+)[）)]$/.exec(text);
  const lastWord = /\s+(\S+)$/.exec(text);
  if (paren?.[1] && creditText(paren[1]) !== null) {
    credit = creditText(paren[1])!;
    text = text.slice(0, paren.index).trim();
  } else if (lastWord?.[1] && creditText(lastWord[1]) !== null) {
    credit = lastWord[1];
    text = text.slice(0, lastWord.index).trim();
  } else {
    // “图为…。张三 摄” / “图为…（张三 摄）” without a space before the credit.
    const tail = /(?:[。，,]\s*)((?:记者\s*)?[\p{Script=Han}·]{2,4}\s*摄|[\p{Script=Han}]{2,20}供图)$/u.exec(text);
    if (tail?.[1]) {
      credit = tail[1];
      text = text.slice(0, tail.index).trim();
    }
  }
  text = text.replace(/[。，,；;\s]+$/, '');
  return text ? { text, credit } : null;
}

/** Page numbers: “- 3 -”, “— 3 —”, “·3·”, “第3页”, “第 3 页 共 12 页”, “3/12”, “Page 3”, or a bare number of up to 3 digits. */
export function isPageNumber(line: string): boolean {
  const t = line.replace(/\s+/g, '');
  return (
    /^\d{1,3}$/.test(t) ||
    /^[-－—–~·•]+\d{1,4}[-－—–~·•]+$/.test(t) ||
    /^第\d{1,4}页(?:[,，/／]?共\d{1,4}页)?$/.test(t) ||
    /^\d{1,4}[/／]\d{1,4}$/.test(t) ||
    /^(?:page|p\.)\d{1,4}(?:of\d{1,4})?$/i.test(t)
  );
}

const DATE = /^[(（]?(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?[)）]?$/;

/** A date standing alone: “2024年1月10日”, “二〇二四年一月”. */
export function isDateLine(line: string): boolean {
  return DATE.test(line.trim());
}

/** The line under a title that says when and where it was given: “——2024年1月10日在…会议上”, “（2024年1月10日在…上）”. */
export function isDateline(line: string): boolean {
  if (visibleLength(line) > 80 || /[。！？]/.test(line)) return false;
  if (/^(?:——|—|－－|--|─)\s*\S/.test(line)) return true;
  const inner = /^[（(](.+)[）)]$/.exec(line)?.[1];
  return !!inner && (/\d{4}\s*年|[〇○零一二三四五六七八九]{4}年/.test(inner) || /会议|讲话|报告|发言/.test(inner)) && !creditText(line);
}

const ADDRESSEE = /各位|同志|代表|委员|领导|朋友|来宾|女士|先生|嘉宾|老师|同学|们/;

/** “各位代表：”, “各位委员、同志们：”, “同志们！”: whom a speech addresses, alone on its line. */
export function isSalutation(line: string): boolean {
  if (visibleLength(line) > 30 || !/[：:！!，,]$/.test(line)) return false;
  const words = line.slice(0, -1);
  if (/[。！？!?；;：:]/.test(words)) return false;
  const parts = words.split(/[、，,\s]+/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => /^(?:尊敬的)?[\p{Script=Han}]{0,8}$/u.test(p) && ADDRESSEE.test(p));
}

const BYLINE_MARK = /(?:记者|通讯员|作者|撰稿|撰文|执笔|编辑|责编|^文\s*[/／|｜:：]|^文\s+\S)/;
const NAMES = /^[\p{Script=Han}·]{2,4}(?:\s*[ 、，,]\s*[\p{Script=Han}·]{2,4}){0,7}$/u;
const METADATA = /^(?:来源|发布时间|发布日期|日期|时间)\s*[:：]|^\d{4}\s*[-年./]\s*\d{1,2}/;
/** The end of an office's name: 办公室, 研究室, 人民政府, 街道办事处, 局, 中心 … */
const ORG = /(?:办公室|研究室|委员会|工委|党委|党组|政府|人大|政协|办事处|管委会|街道|社区|局|厅|办|处|科|中心|部|院|所|站|队|集团|公司|协会|联合会|小组|课题组|调研组)$/;
/** An official's title: 区长, 党工委书记, 主任 … */
const ROLE = /(?:区长|县长|市长|州长|省长|镇长|乡长|书记|主任|局长|处长|科长|部长|主席|委员|秘书长|院长|校长|所长|站长|馆长|经理|董事长|负责人|代表)$/;
/** A person's name, or one written with placeholders (“王XX”, “李某某”). */
const PLACEHOLDER_NAME = '[\\p{Script=Han}]{1,2}(?:[XxＸｘ×某*＊○〇]{1,3}|[\\p{Script=Han}]{1,2})';
const PERSON = new RegExp(`^${PLACEHOLDER_NAME}$`, 'u');
/** An official's title followed by a name, in one word: “区长王XX”. */
const ROLE_NAME = new RegExp(`(?:长|书记|主任|委员|主席)${PLACEHOLDER_NAME}$`, 'u');

function isOffice(w: string): boolean {
  return [...w].length >= 3 && ORG.test(w);
}

function bylineWord(w: string): boolean {
  const bare = w.replace(/[（）()]/g, '');
  if (!/^[\p{Script=Han}A-Za-zＸｘ×*＊○〇·]+$/u.test(bare) || [...bare].length > 24) return false;
  return PERSON.test(bare) || ROLE.test(bare) || ROLE_NAME.test(bare) || isOffice(bare);
}

/** A signature at the end of a report: offices (“XX街道办事处”) or a date, nothing else. */
export function isSignatureLine(line: string): boolean {
  if (visibleLength(line) > 40 || SENTENCE_PUNCT.test(line)) return false;
  if (isDateLine(line)) return true;
  const words = line.split(/\s+/).filter(Boolean);
  return words.length >= 1 && words.length <= 3 && words.every((w) => isOffice(w.replace(/[（）()]/g, '')));
}

/**
 * A line of names (“孙良 倪贤方 袁伟江”), an attribution (“本报记者 张三”), offices (“XX办公室 XX研究室”), an official and
 * name (“区长 王XX”, “XX区人民政府区长 王XX”), or a date/source line.
 */
export function isBylineLike(line: string): boolean {
  if (visibleLength(line) > 60 || SENTENCE_PUNCT.test(line)) return false;
  if (BYLINE_MARK.test(line) || NAMES.test(line) || METADATA.test(line) || isDateLine(line)) return true;
  const words = line.split(/\s+|[、，,]/).filter(Boolean);
  return words.length >= 1 && words.length <= 4 && words.every(bylineWord);
}

/** A heading's words without its number and closing mark: “（一）坚持创新驱动，产业能级持续提升。” → “坚持创新驱动，产业能级持续提升”. */
export function headingWords(text: string): string {
  const h = classifyHeading(text);
  const words = h ? h.text.replace(/^#{1,6}\s+/, '') : text;
  return words
    .replace(new RegExp(`^(?:第[${CN_NUM}\\d]+(?:部分|章|篇|编)|[（(][${CN_NUM}\\d]+[）)]|[${CN_NUM}]+\\s*[、.．]|\\d{1,2}\\s*[、.．])\\s*[：:、.．，,]?\\s*`), '')
    .replace(/[。；;：:，,]$/, '')
    .trim();
}

/** A closing formula after the last words: “以上报告，请予评议。”, “特此报告。”, “谢谢大家！”. */
export function isSignOff(text: string): boolean {
  return /^(?:以上报告|以上汇报|特此报告|特此汇报|汇报完毕|谢谢大家|谢谢|请予审议|请予评议)[^。！]{0,12}[。！!]?$/.test(text.trim());
}
