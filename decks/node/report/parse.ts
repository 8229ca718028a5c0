// Normalised report text → ReportDoc: title, byline, lead, sections (pillars), captions, closing — with repairs
// (lines broken mid-sentence joined, repeated paragraphs removed) and every repair or doubt kept as a warning.
//
// The rules are general, not tuned to one report:
// - title: the first line, unless it is a numbered heading or a Markdown heading whose level repeats;
// - byline: name/attribution/date lines right after the title;
// - headings: Markdown `#`, “第一部分”, “一、”, “（一）”, “1.”, “（1）”, or a short line of two phrases (“兴产业强平台 打造创新创业创造高地”);
//   the highest level that occurs at least twice opens sections, deeper ones stay in the section as sub-heading paragraphs;
//   with no heading at all, short lines that are followed by body text are taken as section titles (warned);
// - captions: short standalone lines without sentence punctuation; credit lines (“本张图片由…提供”) attach to the caption before;
// - repairs: a paragraph that ends mid-sentence is joined with the next text block when nothing but blank lines or captions
//   lie between; a block that repeats a kept paragraph (or its end, or any part of it) is removed; one still cut off is flagged;
// - closing: paragraphs under a “结语/结束语/展望…” heading; else the last paragraph(s) of the last section when they speak of
//   the year ahead (新年伊始, 展望, 今后, 将以… 贡献/华章 …), flagged as a guess.
import type { ReportCaption, ReportDoc, ReportParagraph, ReportSection, WarningKind } from '../../common/model.ts';
import { normaliseReportText } from './decode.ts';
import type { ReportFormat } from './index.ts';
import { classifyHeading, creditText, endsSentence, isBylineLike, isCaptionLike, isClosingHeading, visibleLength, type HeadingLine } from './lines.ts';

type DocWarning = ReportDoc['warnings'][number];

interface Para {
  text: string;
  subheading: boolean;
  /** Whitespace-free forms of the text as it grew (for finding repeats). */
  keys: string[];
  joins: { before: string; after: string }[];
  duplicatesRemoved: number;
  index: number;
}

interface Caption {
  text: string;
  credit: string;
  after: Para | null;
}

interface Container {
  heading: HeadingLine | null;
  paras: Para[];
  captions: Caption[];
}

type Item =
  | { kind: 'heading'; heading: HeadingLine }
  | { kind: 'caption'; text: string }
  | { kind: 'credit'; text: string }
  | { kind: 'text'; text: string; gapBefore: boolean };

/** How far back a repeat is looked for inside paragraphs (exact repeats are found anywhere): page-break damage is local. */
const REPEAT_WINDOW = 300;
/** A block this long that is contained in a kept paragraph is a repeat; shorter ones must match a whole paragraph. */
const MIN_PARTIAL_REPEAT = 12;

const OUTLOOK_START = /新的一年|新年伊始|新年|展望|今后|下一步|接下来|未来|新征程|站在新的|面向|放眼|明年|来年/;
const OUTLOOK_VOICE = /将(?:以|继续|坚持|进一步|全力|奋力|持续|紧紧|聚焦|围绕|加快|努力)/;
const OUTLOOK_RALLY = /贡献.{0,12}力量|华章|新篇章|新局面|新篇|新的更大|奋力谱写|再创佳绩|新辉煌/;

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

/** Markdown inline marks that are not text. Headings stay (`#`), the structure reader needs them. */
function markdownLine(line: string): { line: string; image: boolean } {
  const image = /^!\[([^\]]*)\]\([^)]*\)$/.exec(line);
  if (image) return { line: (image[1] ?? '').trim(), image: true };
  const text = line
    .replace(/^>\s?/, '')
    .replace(/^(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1$2')
    .trim();
  return { line: text, image: false };
}

interface Lines {
  lines: { text: string; gapBefore: boolean; image: boolean }[];
}

function readLines(text: string, format: ReportFormat): Lines {
  const out: Lines['lines'] = [];
  let gap = false;
  for (const raw of text.split('\n')) {
    let line = raw;
    let image = false;
    if (format === 'md') {
      if (/^(```|~~~)/.test(line) || /^([-*_]\s*){3,}$/.test(line) || /^<!--.*-->$/.test(line)) {
        gap = true;
        continue;
      }
      ({ line, image } = markdownLine(line));
    }
    if (line === '') {
      gap = true;
      continue;
    }
    out.push({ text: line, gapBefore: gap, image });
    gap = false;
  }
  return { lines: out };
}

function warning(kind: WarningKind, para: Para | null, text: string, zh: string, en: string): { w: Omit<DocWarning, 'paragraph'>; para: Para | null } {
  return { w: { kind, excerpt: text.slice(0, 400), message: { zh, en } }, para };
}

export function parseReport(decoded: { text: string; format: ReportFormat }): ReportDoc {
  const text = normaliseReportText(decoded.text);
  const { lines } = readLines(text, decoded.format);
  const pending: ReturnType<typeof warning>[] = [];

  // ---- Title and byline ----
  const headings = lines.map((l) => (l.image ? null : classifyHeading(l.text)));
  let pos = 0;
  let title = '';
  const first = lines[0];
  const firstHeading = headings[0];
  if (first) {
    const repeatsLevel = (h: HeadingLine): boolean => headings.filter((o) => o && o.system === 'md' && o.rank === h.rank).length > 1;
    const isTitle = firstHeading
      ? firstHeading.system === 'phrases' || (firstHeading.system === 'md' && !repeatsLevel(firstHeading))
      : !first.image && creditText(first.text) === null && !(endsSentence(first.text) && visibleLength(first.text) > 60);
    if (isTitle) {
      title = firstHeading?.system === 'md' ? firstHeading.text : first.text;
      pos = 1;
    }
  }
  const bylineParts: string[] = [];
  while (pos < lines.length && bylineParts.length < 3) {
    const l = lines[pos];
    if (!l || l.image || headings[pos] || !isBylineLike(l.text)) break;
    // A lone short name could be a caption: take it as a byline only right after a title.
    if (!title && bylineParts.length === 0 && !/\s|记者|作者|通讯员|文/.test(l.text)) break;
    bylineParts.push(l.text);
    pos++;
  }
  const byline = bylineParts.join(' ');
  if (!title) pending.push(warning('heading-guessed', null, excerpt(first?.text ?? ''), '没有找到标题行：请在编辑器中填写标题', 'No title line was found: set the title in the editor'));

  // ---- Which headings open sections ----
  const body = lines.slice(pos);
  const bodyHeadings = headings.slice(pos);
  const rankCounts = new Map<number, number>();
  for (const h of bodyHeadings) if (h && !isClosingHeading(h)) rankCounts.set(h.rank, (rankCounts.get(h.rank) ?? 0) + 1);
  const ranks = [...rankCounts.keys()].sort((a, b) => a - b);
  const sectionRank = ranks.find((r) => (rankCounts.get(r) ?? 0) >= 2) ?? ranks[0];
  let guessedHeadings = new Set<number>();
  if (sectionRank === undefined) guessedHeadings = guessHeadings(body);

  // ---- Lines → items (soft-wrapped lines of one paragraph joined) ----
  const items: Item[] = [];
  for (let i = 0; i < body.length; i++) {
    const l = body[i]!;
    const h = bodyHeadings[i];
    const prev = items[items.length - 1];
    if (guessedHeadings.has(i)) {
      items.push({ kind: 'heading', heading: { system: 'phrases', rank: 99, text: l.text, title: l.text, subtitle: '', rest: '' } });
      pending.push(warning('heading-guessed', null, l.text, `把短行“${excerpt(l.text, 20)}”当作章节标题（文中没有明确的标题格式）`, `Took the short line “${excerpt(l.text, 20)}” as a section title (the report has no explicit heading format)`));
      continue;
    }
    if (h && (sectionRank === undefined || h.rank <= sectionRank || isClosingHeading(h))) {
      items.push({ kind: 'heading', heading: h });
      if (h.rest) items.push({ kind: 'text', text: h.rest, gapBefore: false });
      continue;
    }
    if (h) {
      // A sub-heading: kept as its own paragraph inside the section.
      items.push({ kind: 'heading', heading: { ...h, rank: Number.POSITIVE_INFINITY } });
      if (h.rest) items.push({ kind: 'text', text: h.rest, gapBefore: false });
      continue;
    }
    const credit = l.image ? null : creditText(l.text);
    if (credit !== null) {
      items.push({ kind: 'credit', text: credit });
      continue;
    }
    // Without a blank line, a line after an unfinished one continues it (hard-wrapped text), whatever its length.
    if (!l.gapBefore && !l.image && prev?.kind === 'text' && !endsSentence(prev.text)) {
      prev.text = joinText(prev.text, l.text);
      continue;
    }
    if (l.image || isCaptionLike(l.text)) {
      items.push({ kind: 'caption', text: l.text });
      continue;
    }
    items.push({ kind: 'text', text: l.text, gapBefore: l.gapBefore });
  }

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
  let captionGroup: Caption[] = [];

  const addPara = (t: string, subheading: boolean): Para => {
    const p: Para = { text: t, subheading, keys: [keyOf(t)], joins: [], duplicatesRemoved: 0, index: -1 };
    current.paras.push(p);
    exact.set(p.keys[0]!, p);
    recent.push(p);
    if (recent.length > REPEAT_WINDOW) recent.shift();
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
      const c: Caption = { text: item.text, credit: '', after: lastPara };
      current.captions.push(c);
      captionGroup.push(c);
      continue;
    }
    if (item.kind === 'credit') {
      const target = [...captionGroup].reverse().find((c) => c.credit === '');
      if (target) target.credit = item.text;
      else {
        const c: Caption = { text: '', credit: item.text, after: lastPara };
        current.captions.push(c);
        captionGroup.push(c);
      }
      continue;
    }
    const key = keyOf(item.text);
    const repeatOf = exact.get(key) ?? (key.length >= MIN_PARTIAL_REPEAT ? recent.find((p) => p.keys[p.keys.length - 1]!.includes(key)) : undefined);
    if (repeatOf) {
      repeatOf.duplicatesRemoved++;
      removedSinceOpen = true;
      continue;
    }
    const o = open;
    if (o && !removedSinceOpen) {
      o.joins.push({ before: o.text, after: item.text });
      o.text = joinText(o.text, item.text);
      const k = keyOf(o.text);
      o.keys.push(k);
      exact.set(k, o);
      open = endsSentence(o.text) ? null : o;
      continue;
    }
    const p = addPara(item.text, false);
    open = endsSentence(p.text) ? null : p;
    removedSinceOpen = false;
  }

  // ---- The closing, when no heading announced it ----
  if (!closing) {
    const last = sections[sections.length - 1] ?? lead;
    const moved: Para[] = [];
    while (last.paras.length - moved.length > 1 && moved.length < 2) {
      const p = last.paras[last.paras.length - 1 - moved.length]!;
      if (p.subheading || !speaksOfTheFuture(p.text)) break;
      moved.unshift(p);
    }
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
      pending.push(
        warning(
          'heading-guessed',
          firstMoved,
          excerpt(firstMoved.text),
          `把${last === lead ? '导语' : `“${last.heading?.title ?? ''}”部分`}的最后${moved.length > 1 ? `${moved.length}段` : '一段'}当作结束语（它展望今后的工作）；如不对，请在编辑器中移回`,
          `Took the last ${moved.length > 1 ? `${moved.length} paragraphs` : 'paragraph'} of ${last === lead ? 'the lead' : `“${last.heading?.title ?? ''}”`} as the closing (it looks ahead); move it back in the editor if that is wrong`,
        ),
      );
    }
  }

  // ---- Stable indexes: lead, then sections, then the closing ----
  const ordered = [lead, ...sections, ...(closing ? [closing] : [])];
  let n = 0;
  for (const c of ordered) for (const p of c.paras) p.index = n++;

  const toParagraph = (p: Para): ReportParagraph => {
    const truncated = !p.subheading && !endsSentence(p.text);
    return p.subheading ? { index: p.index, text: p.text, truncated, subheading: true } : { index: p.index, text: p.text, truncated };
  };
  const toCaption = (c: Caption): ReportCaption => ({ text: c.text, credit: c.credit, after: c.after ? c.after.index : -1 });

  // ---- Warnings for every repair and doubt ----
  for (const c of ordered) {
    for (const p of c.paras) {
      for (const j of p.joins) {
        pending.push(warning('lines-joined', p, `${tail(j.before, 15)}｜${excerpt(j.after, 15)}`, '这段在句中断开（如分页处），已把后面的文字接上', 'This paragraph was broken mid-sentence (e.g. at a page break); the text that followed was joined to it'));
      }
      if (p.duplicatesRemoved > 0) {
        pending.push(warning('duplicate-removed', p, excerpt(p.text), `删除了 ${p.duplicatesRemoved} 处重复的文字（重复本段或本段的一部分，保留本段）`, `Removed ${p.duplicatesRemoved} repeat${p.duplicatesRemoved > 1 ? 's' : ''} of this paragraph or of part of it (this one is kept)`));
      }
      if (!p.subheading && !endsSentence(p.text)) {
        pending.push(warning('truncated', p, tail(p.text), '这段在句中结束，原文可能缺了后面的文字，请核对', 'This paragraph ends mid-sentence: the source may have lost the rest; please check it'));
      }
      if (p.text.includes('\uFFFD')) {
        pending.push(warning('encoding', p, excerpt(p.text), '这段有无法识别的字符（显示为 �），请核对原文', 'This paragraph holds characters that could not be decoded (shown as �); please check the source'));
      }
    }
    for (const cap of c.captions) {
      const shown = cap.text || cap.credit;
      pending.push(
        warning(
          'caption',
          cap.after,
          cap.credit && cap.text ? `${cap.text}（${cap.credit}）` : shown,
          cap.text ? '这一短行被当作图片说明（文件中没有图片，可在编辑器中配图）' : '这一行是图片来源说明，前面没有图片说明',
          cap.text ? 'This short line was taken as a picture caption (the file has no picture; add one in the editor)' : 'This line credits a picture but follows no caption',
        ),
      );
    }
  }
  for (const s of sections) {
    if (s.paras.length === 0) pending.push(warning('empty-section', null, s.heading?.text ?? '', `“${s.heading?.title ?? ''}”部分没有正文`, `The section “${s.heading?.title ?? ''}” has no text`));
  }
  if (sections.length === 0) {
    pending.push(warning('heading-guessed', null, '', '没有找到章节标题：全文作为导语', 'No section headings were found: the whole text is the lead'));
  }

  const warnings: DocWarning[] = pending
    .map((x, order) => ({ ...x.w, paragraph: x.para ? x.para.index : -1, order }))
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
    byline,
    lead: lead.paras.map(toParagraph),
    sections: sections.map(toSection),
    closing: closing ? closing.paras.map(toParagraph) : [],
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
function guessHeadings(body: Lines['lines']): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i + 1 < body.length; i++) {
    const l = body[i]!;
    const next = body[i + 1]!;
    if (l.image || !isCaptionLike(l.text) || creditText(l.text) !== null) continue;
    if (next.image || isCaptionLike(next.text) || creditText(next.text) !== null) continue;
    if (i > 0 && !l.gapBefore) continue;
    found.add(i);
  }
  return found.size >= 2 ? found : new Set();
}
