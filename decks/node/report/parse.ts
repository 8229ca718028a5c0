// Normalised report text (or Word's lines) → ReportDoc: title, front matter, lead, sections with their sub-parts,
// captions, tables, closing — with repairs (page furniture removed, sentences broken across a page joined, repeated
// paragraphs removed) and every repair or doubt kept as a warning, in words a clerk understands at once.
//
// The rules are general, not tuned to one report:
// - page furniture: page-number lines (“- 3 -”, “第3页”) and a short line repeated next to them or inside sentences
//   (a running header) are removed; a sentence they cut is joined;
// - title: the first line, unless it is a numbered heading or a Markdown heading whose level repeats;
// - front matter, right after the title: a subtitle or dateline (“——2024年1月10日在…会议上”), byline lines (names,
//   offices, “区长 王XX”), a salutation (“各位代表：”); a signature (offices, a date) at the very end joins them;
// - headings: Markdown `#`, “第一部分”, “一、”, “（一）”, “1.”, “（1）”, or a short line of two phrases (only when the report
//   numbers no headings); the highest level that occurs at least twice opens sections, the next level opens their
//   sub-parts (kept as sub-heading paragraphs), deeper numbers are body text; with no heading at all, short lines
//   followed by body text are taken as section titles (warned);
// - captions need a caption's signs: “图为…”, a credit beside them (“（摄影 X）”, “XX供图”, “本张图片由…提供”, before or
//   after), Word's Caption style, a Markdown image (its alt text, or the short line next to it), or — in plain text —
//   the empty place a picture left (two or more blank lines) before a short line. A short line alone is body text;
// - tables (Markdown, Word) are paragraphs of their own, read cell by cell;
// - repairs: a paragraph that ends mid-sentence is joined with the next text block when nothing but blank lines,
//   page furniture or captions lie between; a block that repeats a kept paragraph (anywhere), or a part of one, is
//   removed; one still cut off is flagged;
// - closing: paragraphs under a “结语/结束语/展望…” heading; else the last paragraph(s) of the last section when they
//   speak of the year ahead (新的一年, 展望, 下一步, 将以…, 让我们…), flagged as a guess.
import type { ReportCaption, ReportDoc, ReportParagraph, ReportSection, ReportTable, WarningKind, WarningPlace } from '../../common/model.ts';
import { tableText } from '../../common/model.ts';
import { normaliseReportText } from './decode.ts';
import type { ReportFormat } from './index.ts';
import {
  captionLine,
  classifyHeading,
  creditText,
  endsSentence,
  isBylineLike,
  isCaptionLike,
  isClosingHeading,
  isDateline,
  isPageNumber,
  isSalutation,
  isSignatureLine,
  isSignOff,
  visibleLength,
  type HeadingLine,
} from './lines.ts';
import { readSourceLines, type SourceLine } from './sourceLines.ts';

type DocWarning = ReportDoc['warnings'][number];

interface Para {
  text: string;
  subheading: boolean;
  table: ReportTable | null;
  /** Whitespace-free forms of the text as it grew (for finding repeats). */
  keys: string[];
  joins: { before: string; after: string; furniture: boolean }[];
  duplicatesRemoved: number;
  index: number;
}

interface Caption {
  text: string;
  credit: string;
  after: Para | null;
  out?: ReportCaption;
}

interface Container {
  heading: HeadingLine | null;
  paras: Para[];
  captions: Caption[];
}

type Item =
  | { kind: 'heading'; heading: HeadingLine }
  | { kind: 'caption'; text: string; credit: string }
  | { kind: 'table'; table: ReportTable }
  | { kind: 'text'; text: string; gapBefore: boolean; afterFurniture: boolean };

/** How far back a repeat is looked for inside paragraphs (exact repeats are found anywhere): page-break damage is local. */
const REPEAT_WINDOW = 300;
/** A block this long that is contained in a kept paragraph is a repeat; shorter ones must match a whole paragraph. */
const MIN_PARTIAL_REPEAT = 12;
/** Lines after the title that can still be front matter. */
const FRONT_MAX = 8;
/** A running header is a short line. */
const HEADER_MAX = 40;

const OUTLOOK_START = /新的一年|新年伊始|新年|展望|今后|下一步|接下来|未来|新征程|站在新的|面向|放眼|明年|来年/;
const OUTLOOK_VOICE = /将(?:以|继续|坚持|进一步|全力|奋力|持续|紧紧|聚焦|围绕|加快|努力)|让我们|我们将|力争/;
const OUTLOOK_RALLY = /贡献.{0,12}力量|华章|新篇章|新局面|新篇|新的更大|奋力谱写|再创佳绩|新辉煌|不懈奋斗|团结奋斗|努力奋斗|而奋斗|新台阶/;

function keyOf(text: string): string {
  return text.replace(/\s+/g, '');
}

function excerpt(text: string, max = 40): string {
  const chars = [...text.slice(0, max * 2 + 2)];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

function tail(text: string, max = 24): string {
  const chars = [...text.slice(-(max * 2 + 2))];
  return chars.length <= max ? text : `…${chars.slice(-max).join('')}`;
}

function joinText(a: string, b: string): string {
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** A line that may go on in the next block: body text longer than a caption-like line, not ending a sentence. */
function isOpen(p: Para): boolean {
  // A line of words without any mark (a label, a table's name) is whole; a sentence shows its commas or its length.
  return !p.subheading && p.table === null && !endsSentence(p.text) && !/^表\s*\d/.test(p.text) && (/[，,、；;]/.test(p.text) || visibleLength(p.text) > 30);
}

interface Pending {
  w: Omit<DocWarning, 'paragraph' | 'place'>;
  para: Para | null;
  place?: WarningPlace | (() => WarningPlace);
}

function warning(kind: WarningKind, at: Para | null | { place: WarningPlace | (() => WarningPlace); para?: Para | null }, text: string, zh: string, en: string): Pending {
  const w = { kind, excerpt: text.slice(0, 400), message: { zh, en } };
  if (at && 'place' in at) return { w, para: at.para ?? null, place: at.place };
  return { w, para: at };
}

function quoted(lines: readonly string[]): string {
  return lines.map((l) => `“${excerpt(l, 24)}”`).join('、');
}

// ---- Page furniture ----

interface Furniture {
  lines: SourceLine[];
  /** Lines that followed removed furniture. */
  afterFurniture: Set<SourceLine>;
  pageNumbers: string[];
  headers: string[];
}

/** Removes page-number lines and running headers (a short line repeated next to page numbers or inside sentences). */
function removePageFurniture(lines: readonly SourceLine[]): Furniture {
  const isNumber = lines.map((l) => l.kind === 'text' && !l.caption && isPageNumber(l.text));
  const positions = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (l.kind !== 'text' || isNumber[i] || visibleLength(l.text) > HEADER_MAX || /[。！？；]$/.test(l.text)) return;
    const list = positions.get(l.text);
    if (list) list.push(i);
    else positions.set(l.text, [i]);
  });
  const remove = new Set<number>(isNumber.flatMap((n, i) => (n ? [i] : [])));
  const headers: string[] = [];
  for (const [text, at] of positions) {
    if (at.length < 2) continue;
    const nearNumber = at.filter((i) => isNumber[i - 1] || isNumber[i + 1]).length;
    const cutsSentence = at.filter((i) => {
      const prev = lines[i - 1];
      return prev?.kind === 'text' && !isNumber[i - 1] && !endsSentence(prev.text) && visibleLength(prev.text) > 20;
    }).length;
    if (nearNumber * 2 < at.length && !(at.length >= 3 && cutsSentence > 0)) continue;
    // The first line of the file is the title even when the header repeats it.
    for (const i of at) if (i !== 0) remove.add(i);
    headers.push(text);
  }
  const kept: SourceLine[] = [];
  const afterFurniture = new Set<SourceLine>();
  let carriedGap = 0;
  let removedBefore = false;
  lines.forEach((l, i) => {
    if (remove.has(i)) {
      carriedGap += l.gap + 1;
      removedBefore = true;
      return;
    }
    const line = carriedGap > 0 ? { ...l, gap: l.gap + carriedGap } : l;
    if (removedBefore) afterFurniture.add(line);
    kept.push(line);
    carriedGap = 0;
    removedBefore = false;
  });
  return { lines: kept, afterFurniture, pageNumbers: lines.flatMap((l, i) => (isNumber[i] ? [l.text] : [])), headers };
}

// ---- Captions ----

type Role =
  | { kind: 'text' }
  | { kind: 'caption'; text: string; credit: string }
  | { kind: 'credit'; text: string }
  | { kind: 'table' }
  | { kind: 'picture' }
  | { kind: 'skip' };

/**
 * What each body line is, as far as pictures go: a caption (by its words, a credit beside it, the Caption style, a
 * picture next to it, or a picture's empty place before it in plain text), a credit, a picture without words, text.
 */
function captionRoles(lines: readonly SourceLine[], isHeading: (i: number) => boolean, plainText: boolean, pending: Pending[]): Role[] {
  const roles: Role[] = lines.map((l, i) => {
    if (l.kind === 'table') return { kind: 'table' };
    if (l.kind === 'image') {
      const alt = l.text.trim();
      // A file name or “图片1” says nothing: the picture needs words from a line beside it.
      const words = /\.(?:png|jpe?g|gif|webp|bmp)$/i.test(alt) || /^(?:图片|image|img|pic|photo)\s*\d*$/i.test(alt) ? '' : alt;
      if (!words) return { kind: 'picture' };
      const inline = captionLine(words);
      return inline ? { kind: 'caption', ...inline } : { kind: 'caption', text: words, credit: '' };
    }
    if (isHeading(i)) return { kind: 'text' };
    // A table's name (“表1 …”, or a Caption-style line against a table) names the table, not a picture.
    if (/^表\s*\d/.test(l.text) || (l.caption && (lines[i - 1]?.kind === 'table' || lines[i + 1]?.kind === 'table'))) return { kind: 'text' };
    const inline = captionLine(l.text);
    if (inline) return { kind: 'caption', ...inline };
    if (l.caption) return { kind: 'caption', text: l.text, credit: '' };
    const credit = creditText(l.text);
    if (credit !== null) return { kind: 'credit', text: credit };
    return { kind: 'text' };
  });
  const shortText = (i: number): boolean => {
    const l = lines[i];
    return !!l && roles[i]?.kind === 'text' && l.kind === 'text' && !l.bold && !isHeading(i) && isCaptionLike(l.text);
  };
  for (let i = 0; i < lines.length; i++) {
    const r = roles[i]!;
    if (r.kind === 'picture') {
      // The words of a picture: the short line after it, else the one before it.
      const at = shortText(i + 1) ? i + 1 : shortText(i - 1) ? i - 1 : -1;
      if (at >= 0) {
        roles[at] = { kind: 'caption', text: lines[at]!.text, credit: '' };
        roles[i] = { kind: 'skip' };
      }
    } else if (r.kind === 'credit') {
      const prev = roles[i - 1];
      if (prev?.kind === 'caption' && prev.credit === '') {
        prev.credit = r.text;
        roles[i] = { kind: 'skip' };
      } else if (shortText(i - 1)) {
        roles[i - 1] = { kind: 'caption', text: lines[i - 1]!.text, credit: r.text };
        roles[i] = { kind: 'skip' };
      } else if (shortText(i + 1) || (roles[i + 1]?.kind === 'caption' && (roles[i + 1] as { credit: string }).credit === '')) {
        // The credit comes first: “（摄影 张三）” then the caption.
        const next = roles[i + 1]!;
        roles[i + 1] = next.kind === 'caption' ? { ...next, credit: r.text } : { kind: 'caption', text: lines[i + 1]!.text, credit: r.text };
        roles[i] = { kind: 'skip' };
      }
    }
  }
  for (let i = 0; i < lines.length; i++) {
    // A picture dropped from a plain-text copy leaves its empty paragraph: a short line right after two blank lines.
    if (plainText && shortText(i) && lines[i]!.gap >= 2) roles[i] = { kind: 'caption', text: lines[i]!.text, credit: '' };
  }
  for (let i = 0; i < lines.length; i++) {
    const r = roles[i]!;
    if (r.kind === 'picture') {
      pending.push(warning('caption', { place: { cover: true } }, '', '原文有一张图片没有说明文字，没有为它做图片页', 'A picture in the report has no caption, so it got no picture slide'));
    }
  }
  return roles;
}

// ---- The report ----

export interface ParseInput {
  text: string;
  format: ReportFormat;
  /** Word's lines, read from the document's structure (styles, tables); without them the text is read. */
  lines?: SourceLine[];
}

export function parseReport(decoded: ParseInput): ReportDoc {
  const source = decoded.lines ?? readSourceLines(normaliseReportText(decoded.text), decoded.format !== 'txt');
  const pending: Pending[] = [];
  const cover = { place: { cover: true } as WarningPlace };

  // ---- Page furniture ----
  const furniture = removePageFurniture(source);
  const lines = furniture.lines;
  if (furniture.pageNumbers.length > 0 || furniture.headers.length > 0) {
    const parts: string[] = [];
    const partsEn: string[] = [];
    if (furniture.pageNumbers.length > 0) {
      parts.push(`${furniture.pageNumbers.length} 个页码（如“${furniture.pageNumbers[0]}”）`);
      partsEn.push(`${furniture.pageNumbers.length} page number${furniture.pageNumbers.length > 1 ? 's' : ''} (such as “${furniture.pageNumbers[0]}”)`);
    }
    if (furniture.headers.length > 0) {
      parts.push(`每页顶上重复的页眉${quoted(furniture.headers)}`);
      partsEn.push(`the running header${furniture.headers.length > 1 ? 's' : ''} ${quoted(furniture.headers)} repeated on each page`);
    }
    pending.push(
      warning('page-furniture', cover, [...furniture.pageNumbers.slice(0, 3), ...furniture.headers].join(' ｜ '), `删去了 ${parts.join('和')}：它们是打印页面上的内容，不是正文`, `Removed ${partsEn.join(' and ')}: they belong to the printed page, not to the text`),
    );
  }

  // ---- Title and front matter ----
  const headings = lines.map((l) => (l.kind === 'text' && !l.caption ? classifyHeading(l.text) : null));
  let pos = 0;
  let title = '';
  const first = lines[0];
  const firstHeading = headings[0];
  if (first?.kind === 'text' && !first.caption) {
    const repeatsLevel = (h: HeadingLine): boolean => headings.filter((o) => o && o.system === 'md' && o.rank === h.rank).length > 1;
    const isTitle = firstHeading
      ? firstHeading.system === 'phrases' || (firstHeading.system === 'md' && !repeatsLevel(firstHeading))
      : creditText(first.text) === null && captionLine(first.text) === null && !(endsSentence(first.text) && visibleLength(first.text) > 60);
    if (isTitle) {
      title = firstHeading?.system === 'md' ? firstHeading.text : first.text;
      pos = 1;
    }
  }
  let subtitle = '';
  const bylines: string[] = [];
  let salutation = '';
  const frontLines: string[] = [];
  while (pos < lines.length && frontLines.length < FRONT_MAX) {
    const l = lines[pos]!;
    const h = headings[pos];
    if (l.kind !== 'text' || l.caption || (h && h.system !== 'phrases')) break;
    if (isSalutation(l.text)) {
      salutation = l.text;
      frontLines.push(l.text);
      pos++;
      break;
    }
    if (!subtitle && bylines.length === 0 && isDateline(l.text)) {
      subtitle = l.text;
    } else if (isBylineLike(l.text) && (title || bylines.length > 0 || /\s|记者|作者|通讯员|文/.test(l.text))) {
      // A lone short name with no title before it could be a caption: a byline needs a title or a mark.
      bylines.push(l.text);
    } else break;
    frontLines.push(l.text);
    pos++;
  }
  // A signature at the very end (offices, a date) belongs with the bylines.
  let end = lines.length;
  const signature: string[] = [];
  while (end > pos + 1 && signature.length < 3) {
    const l = lines[end - 1]!;
    if (l.kind !== 'text' || headings[end - 1] || !isSignatureLine(l.text)) break;
    signature.unshift(l.text);
    end--;
  }
  for (const s of signature) if (!bylines.includes(s)) bylines.push(s);
  const frontAll = [...new Set([...frontLines, ...signature])];
  // A single byline under a title is what every article has; anything more is said.
  if (subtitle || salutation || signature.length > 0 || bylines.length > 1) {
    pending.push(
      warning(
        'front-matter',
        cover,
        frontAll.join(' ｜ '),
        `${quoted(frontAll)}是封面上的内容（日期、署名、称呼或落款），已放到封面页和封面的备注里，不作为正文`,
        `${quoted(frontAll)} belong on the cover (date, byline, salutation or signature): they are on the cover slide and in its notes, not in the body`,
      ),
    );
  }
  if (!title) pending.push(warning('heading-guessed', cover, excerpt(first?.text ?? ''), '没有找到标题行：请在封面页上填写标题', 'No title line was found: type the title on the cover slide'));

  // ---- Which headings open sections, which open their sub-parts ----
  const body = lines.slice(pos, end);
  const bodyHeadings = headings.slice(pos, end);
  const explicit = new Map<number, number>();
  for (const h of bodyHeadings) if (h && h.system !== 'phrases' && !isClosingHeading(h)) explicit.set(h.rank, (explicit.get(h.rank) ?? 0) + 1);
  // A report that numbers its headings (or marks them in Markdown or Word) does not use bare two-phrase lines as headings.
  if ([...explicit.entries()].some(([rank, n]) => n >= 2 && rank <= 11)) {
    bodyHeadings.forEach((h, i) => {
      if (h && h.system === 'phrases' && !isClosingHeading(h)) bodyHeadings[i] = null;
    });
  }
  // A two-phrase line with a picture credit after it is a caption, not a heading.
  bodyHeadings.forEach((h, i) => {
    const next = body[i + 1];
    if (h && h.system === 'phrases' && !isClosingHeading(h) && next?.kind === 'text' && creditText(next.text) !== null) bodyHeadings[i] = null;
  });
  const rankCounts = new Map<number, number>();
  for (const h of bodyHeadings) if (h && !isClosingHeading(h)) rankCounts.set(h.rank, (rankCounts.get(h.rank) ?? 0) + 1);
  const ranks = [...rankCounts.keys()].sort((a, b) => a - b);
  const sectionRank = ranks.find((r) => (rankCounts.get(r) ?? 0) >= 2) ?? ranks[0];
  const subRank = sectionRank === undefined ? undefined : ranks.find((r) => r > sectionRank);
  // Deeper numbers (“1.” under “（一）”) are points of the text, not headings.
  bodyHeadings.forEach((h, i) => {
    if (h && subRank !== undefined && h.rank > subRank && !isClosingHeading(h)) bodyHeadings[i] = null;
  });
  let guessedHeadings = new Set<number>();
  if (sectionRank === undefined) guessedHeadings = guessHeadings(body);
  const isHeading = (i: number): boolean => bodyHeadings[i] !== null || guessedHeadings.has(i);
  const roles = captionRoles(body, isHeading, decoded.format === 'txt', pending);

  // ---- Lines → items (soft-wrapped lines of one paragraph joined) ----
  const items: Item[] = [];
  let salutationBefore = '';
  for (let i = 0; i < body.length; i++) {
    const l = body[i]!;
    const h = bodyHeadings[i];
    const role = roles[i]!;
    const prev = items[items.length - 1];
    if (guessedHeadings.has(i)) {
      items.push({ kind: 'heading', heading: { system: 'phrases', rank: 99, text: l.text, title: l.text, subtitle: '', rest: '' } });
      pending.push(warning('heading-guessed', null, l.text, `把短行“${excerpt(l.text, 20)}”当作章节标题（文中没有编号或标题格式）；如不对，请在编辑器中修改`, `Took the short line “${excerpt(l.text, 20)}” as a section title (the report has no numbered or styled headings); change it in the editor if that is wrong`));
      continue;
    }
    if (h) {
      const sub = sectionRank !== undefined && h.rank > sectionRank && !isClosingHeading(h);
      items.push({ kind: 'heading', heading: sub ? { ...h, rank: Number.POSITIVE_INFINITY } : h });
      if (h.rest) items.push({ kind: 'text', text: h.rest, gapBefore: false, afterFurniture: false });
      continue;
    }
    if (role.kind === 'skip') continue;
    if (role.kind === 'caption') {
      items.push({ kind: 'caption', text: role.text, credit: role.credit });
      continue;
    }
    if (role.kind === 'credit' || role.kind === 'picture') {
      if (role.kind === 'credit') {
        pending.push(
          warning(
            'caption',
            null,
            role.text,
            `“${excerpt(role.text, 30)}”是照片的署名，但它前后都没有照片说明，所以没有做成图片页；如需要，请在编辑器中添加图片页`,
            `“${excerpt(role.text, 30)}” credits a photo, but no caption stands next to it, so it got no picture slide; add one in the editor if needed`,
          ),
        );
      }
      continue;
    }
    if (role.kind === 'table') {
      items.push({ kind: 'table', table: l.table! });
      continue;
    }
    if (isSalutation(l.text)) {
      // “各位代表！” before the closing words: spoken with them, so kept with the paragraph that follows.
      salutationBefore += l.text;
      continue;
    }
    const text = salutationBefore + l.text;
    salutationBefore = '';
    if (prev?.kind === 'table' && (/^表\s*\d/.test(text) || l.caption) && isCaptionLike(text.replace(/\s+/g, '').slice(0, 20))) {
      // A table's name written under it goes before it, where a reader looks for it.
      items.splice(items.length - 1, 0, { kind: 'text', text, gapBefore: true, afterFurniture: false });
      continue;
    }
    // Without a blank line, a line after an unfinished one continues it (hard-wrapped text), whatever its length.
    if (l.gap === 0 && !l.bold && prev?.kind === 'text' && !endsSentence(prev.text)) {
      prev.text = joinText(prev.text, text);
      continue;
    }
    items.push({ kind: 'text', text, gapBefore: l.gap > 0, afterFurniture: furniture.afterFurniture.has(l) });
  }
  if (salutationBefore) items.push({ kind: 'text', text: salutationBefore, gapBefore: true, afterFurniture: false });

  // ---- Items → containers, with repairs ----
  const lead: Container = { heading: null, paras: [], captions: [] };
  const sections: Container[] = [];
  let closing: Container | null = null;
  let current = lead;
  const exact = new Map<string, Para>();
  const recent: Para[] = [];
  let lastPara = null as Para | null;
  let open = null as Para | null;
  let removedSinceOpen = false;
  let furnitureSinceOpen = false;
  let captionGroup: Caption[] = [];

  const addPara = (t: string, subheading: boolean, table: ReportTable | null = null): Para => {
    const p: Para = { text: t, subheading, table, keys: [keyOf(t)], joins: [], duplicatesRemoved: 0, index: -1 };
    current.paras.push(p);
    if (!subheading) exact.set(p.keys[0]!, p);
    if (!table && !subheading) {
      recent.push(p);
      if (recent.length > REPEAT_WINDOW) recent.shift();
    }
    lastPara = p;
    captionGroup = [];
    return p;
  };

  for (const item of items) {
    if (item.kind === 'heading') {
      open = null;
      captionGroup = [];
      if (item.heading.rank === Number.POSITIVE_INFINITY) {
        addPara(item.heading.text, true);
      } else if (isClosingHeading(item.heading)) {
        closing ??= { heading: item.heading, paras: [], captions: [] };
        current = closing;
      } else {
        current = { heading: item.heading, paras: [], captions: [] };
        sections.push(current);
      }
      continue;
    }
    if (item.kind === 'caption') {
      const c: Caption = { text: item.text, credit: item.credit, after: lastPara };
      current.captions.push(c);
      captionGroup.push(c);
      continue;
    }
    if (item.kind === 'table') {
      const t = tableText(item.table);
      if (exact.has(keyOf(t))) {
        exact.get(keyOf(t))!.duplicatesRemoved++;
        continue;
      }
      addPara(t, false, item.table);
      open = null;
      continue;
    }
    if (item.afterFurniture) furnitureSinceOpen = true;
    const key = keyOf(item.text);
    const repeatOf = exact.get(key) ?? (key.length >= MIN_PARTIAL_REPEAT ? recent.find((p) => p.keys[p.keys.length - 1]!.includes(key)) : undefined);
    if (repeatOf) {
      repeatOf.duplicatesRemoved++;
      removedSinceOpen = true;
      continue;
    }
    const o = open;
    if (o && !removedSinceOpen) {
      o.joins.push({ before: o.text, after: item.text, furniture: furnitureSinceOpen });
      o.text = joinText(o.text, item.text);
      const k = keyOf(o.text);
      o.keys.push(k);
      exact.set(k, o);
      open = isOpen(o) ? o : null;
      furnitureSinceOpen = false;
      continue;
    }
    const p = addPara(item.text, false);
    open = isOpen(p) ? p : null;
    removedSinceOpen = false;
    furnitureSinceOpen = false;
  }

  // ---- The closing, when no heading announced it ----
  if (!closing) {
    const last = sections[sections.length - 1] ?? lead;
    const moved: Para[] = [];
    // A closing formula at the very end (“以上报告，请予评议。”) goes with the closing words before it.
    let signOffs = 0;
    while (signOffs < 2 && last.paras.length - signOffs > 2 && isSignOff(last.paras[last.paras.length - 1 - signOffs]!.text)) signOffs++;
    while (last.paras.length - moved.length - signOffs > 1 && moved.length < 2) {
      const p = last.paras[last.paras.length - 1 - signOffs - moved.length]!;
      const before = last.paras[last.paras.length - 2 - signOffs - moved.length];
      // A sub-part keeps its only paragraph.
      if (p.subheading || p.table || !speaksOfTheFuture(p.text) || before?.subheading) break;
      moved.unshift(p);
    }
    if (moved.length > 0 && signOffs > 0) moved.push(...last.paras.slice(last.paras.length - signOffs));
    if (moved.length > 0) {
      const firstMoved = moved[0]!;
      const movedSet = new Set(moved);
      last.paras.splice(last.paras.length - moved.length);
      // Captions placed after a closing paragraph belong after the closing, outside the section.
      const keep: Caption[] = [];
      const outside: Caption[] = [];
      for (const c of last.captions) (c.after && movedSet.has(c.after) ? outside : keep).push(c);
      last.captions = keep;
      closing = { heading: null, paras: moved, captions: outside };
      const where = last === lead ? '导语' : `“${last.heading?.title ?? ''}”部分`;
      pending.push(
        warning(
          'heading-guessed',
          firstMoved,
          excerpt(firstMoved.text),
          `${where}的最后${moved.length > 1 ? `${moved.length}段` : '一段'}是在展望今后的工作，已作为结束语放在最后一页；如不对，请在编辑器中移回`,
          `The last ${moved.length > 1 ? `${moved.length} paragraphs` : 'paragraph'} of ${last === lead ? 'the lead' : `“${last.heading?.title ?? ''}”`} look ahead, so they are the closing, on the last slide; move them back in the editor if that is wrong`,
        ),
      );
    }
  }

  // ---- Stable indexes: lead, then sections, then the closing ----
  const ordered = [lead, ...sections, ...(closing ? [closing] : [])];
  let n = 0;
  for (const c of ordered) for (const p of c.paras) p.index = n++;

  const toParagraph = (p: Para): ReportParagraph => {
    const out: ReportParagraph = { index: p.index, text: p.text, truncated: isOpen(p) };
    if (p.subheading) out.subheading = true;
    if (p.table) out.table = p.table;
    return out;
  };
  const toCaption = (c: Caption): ReportCaption => {
    c.out ??= { text: c.text, credit: c.credit, after: c.after ? c.after.index : -1 };
    return c.out;
  };

  // ---- Warnings for every repair and doubt ----
  for (const c of ordered) {
    for (const p of c.paras) {
      for (const j of p.joins) {
        pending.push(
          warning(
            'lines-joined',
            p,
            `${tail(j.before, 15)}｜${excerpt(j.after, 15)}`,
            j.furniture ? '这段话在原文中被换页隔断（中间夹着页码或页眉），已接成完整的一段' : '这段话在原文中断成了两截（多半是分页造成的），已接成完整的一段',
            j.furniture ? 'This paragraph was cut by a page break (a page number or header stood in the middle); it is joined into one again' : 'This paragraph was broken in two in the source (probably at a page break); it is joined into one again',
          ),
        );
      }
      if (p.duplicatesRemoved > 0) {
        const k = p.duplicatesRemoved;
        pending.push(
          warning(
            'duplicate-removed',
            p,
            excerpt(p.text),
            `原文中这段话（或其中一部分）又重复出现了 ${k} 次，已删去重复的 ${k} 处，只保留这一段`,
            `This paragraph (or part of it) appeared ${k} more time${k > 1 ? 's' : ''} in the source; the ${k} repeat${k > 1 ? 's were' : ' was'} removed and this one kept`,
          ),
        );
      }
      if (toParagraph(p).truncated) {
        pending.push(warning('truncated', p, tail(p.text), '这段话没有写完就断了，原文可能缺了后面的文字，请核对', 'This paragraph stops mid-sentence: the source may have lost the rest; please check it'));
      }
      if (p.text.includes('\uFFFD')) {
        pending.push(warning('encoding', p, excerpt(p.text), '这段有无法识别的字符（显示为 �），请核对原文', 'This paragraph holds characters that could not be decoded (shown as �); please check the source'));
      }
    }
    for (const cap of c.captions) {
      pending.push(
        warning(
          'caption',
          { place: () => ({ caption: toCaption(cap) }), para: cap.after },
          cap.credit ? `${cap.text}（${cap.credit}）` : cap.text,
          `“${excerpt(cap.text, 24)}”是图片说明，但文件里没有这张图片：已为它做了一页图片页，请在编辑器里放入照片`,
          `“${excerpt(cap.text, 24)}” is a picture caption, but the file holds no picture: it has a picture slide waiting for the photo; add it in the editor`,
        ),
      );
    }
  }
  sections.forEach((s, i) => {
    if (s.paras.length === 0) pending.push(warning('empty-section', { place: { section: i } }, s.heading?.text ?? '', `“${s.heading?.title ?? ''}”部分只有标题，没有正文`, `The section “${s.heading?.title ?? ''}” has a heading but no text`));
  });
  if (sections.length === 0) {
    pending.push(warning('heading-guessed', cover, '', '没有找到章节标题：全文作为导语，放在“主要指标”和要点页上', 'No section headings were found: the whole text is the lead, on the key-figures and points slides'));
  }

  const warnings: DocWarning[] = pending
    .map((x, order) => {
      const place = typeof x.place === 'function' ? x.place() : x.place;
      return { ...x.w, paragraph: x.para ? x.para.index : -1, ...(place ? { place } : {}), order };
    })
    .sort((a, b) => a.paragraph - b.paragraph || a.order - b.order)
    .map(({ order: _order, ...w }) => w);

  const toSection = (c: Container): ReportSection => ({
    title: c.heading?.title ?? '',
    subtitle: c.heading?.subtitle ?? '',
    paragraphs: c.paras.map(toParagraph),
    captions: c.captions.map(toCaption),
  });

  return {
    title,
    subtitle,
    bylines,
    salutation,
    lead: lead.paras.map(toParagraph),
    sections: sections.map(toSection),
    closing: closing ? closing.paras.map(toParagraph) : [],
    closingTitle: closing?.heading?.title ?? '',
    captions: [...lead.captions, ...(closing?.captions ?? [])].map(toCaption),
    warnings,
  };
}

/** A paragraph that looks ahead (the usual way a report closes), judged on its opening and its voice. */
function speaksOfTheFuture(text: string): boolean {
  const opening = [...text].slice(0, 40).join('');
  return (OUTLOOK_START.test(opening) && OUTLOOK_VOICE.test(text)) || (OUTLOOK_VOICE.test(text) && OUTLOOK_RALLY.test(text));
}

/**
 * For reports with no recognisable heading format: short standalone lines (no sentence punctuation) followed by
 * body text are taken as section titles, when there are at least two of them. Returns their line positions.
 */
function guessHeadings(body: readonly SourceLine[]): Set<number> {
  const found = new Set<number>();
  const plain = (l: SourceLine): boolean => l.kind === 'text' && !l.caption && captionLine(l.text) === null && creditText(l.text) === null;
  for (let i = 0; i + 1 < body.length; i++) {
    const l = body[i]!;
    const next = body[i + 1]!;
    if (!plain(l) || !isCaptionLike(l.text)) continue;
    if (!plain(next) || isCaptionLike(next.text)) continue;
    if (i > 0 && l.gap === 0) continue;
    found.add(i);
  }
  return found.size >= 2 ? found : new Set();
}
