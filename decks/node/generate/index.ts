// Deck generation: a parsed report (ReportDoc) → slides, figures and warnings, as a person would write the deck:
// a cover (title, dateline, bylines; the opening lines in its notes), the lead's 主要指标, an agenda, and for each
// section its slide, then each of its parts (the section's opening, each sub-part titled by its heading) with at most
// one key-figures slide of the few figures that matter, points slides of whole statements, table slides and picture
// slides; the closing words on the closing slide. Each source paragraph is in the notes of exactly one slide: the one
// that presents it. Deterministic: the same report gives the same deck (s1, s2 …, f1, f2 …, w1, w2 …).
import type { Block, ImportWarning, ReportCaption, ReportDoc, ReportParagraph, ReportSection, Slide } from '../../common/model.ts';
import { LIMITS } from '../../common/model.ts';
import { extractFigures, figuresByParagraph, paragraphWithRefs, type ExtractedFigure } from '../report/figureExtract.ts';
import { withProposedCharts } from './chartSlides.ts';
import { headingWords, isDateLine, isSignOff } from '../report/lines.ts';
import {
  BULLET_MAX,
  BULLET_LINES,
  bulletLines,
  displayLength,
  displaysOf,
  hasRef,
  headingTitle,
  keyFigures,
  paragraphBullets,
  paragraphTitle,
  shortenStatement,
  statementBullets,
  statements,
  TITLE_MAX,
  type Displays,
} from './points.ts';

export interface GeneratedDeck {
  title: string;
  subtitle: string;
  slides: Omit<Slide, 'section'>[];
  figures: ExtractedFigure[];
  warnings: ImportWarning[];
}

/** At most this many bullets, and lines of bullets, on a points slide; figure cards on a key-figures slide. */
export const BULLETS_PER_SLIDE = 5;
export const LINES_PER_SLIDE = 8;
export const FIGURES_PER_SLIDE = 6;
/** A section or sub-part gets a key-figures slide when this many of its figures are worth a card. */
export const KEY_FIGURES_MIN = 3;
/** Body rows of a table on one slide (the header is repeated on each). */
export const TABLE_ROWS_PER_SLIDE = 8;

type NewSlide = Omit<Slide, 'section' | 'id'>;

class DeckBuilder {
  readonly slides: Omit<Slide, 'section'>[] = [];
  /** Paragraph index → the slide whose notes hold it (the one that presents it). */
  readonly slideOfParagraph = new Map<number, string>();
  readonly slideOfCaption = new Map<ReportCaption, string>();
  readonly sectionSlides: string[] = [];

  add(slide: NewSlide, paragraphs: readonly number[] = []): string {
    const id = `s${this.slides.length + 1}`;
    this.slides.push({ id, ...slide, title: slide.title.slice(0, LIMITS.titleChars), notes: slide.notes.slice(0, LIMITS.notesChars) });
    for (const p of paragraphs) if (!this.slideOfParagraph.has(p)) this.slideOfParagraph.set(p, id);
    return id;
  }

  /** Puts a paragraph in the notes of a slide already made (one that presents it with others). */
  addNotes(id: string, text: string, paragraph: number): void {
    const s = this.slides.find((x) => x.id === id);
    if (!s) return;
    s.notes = (s.notes ? `${s.notes}\n\n${text}` : text).slice(0, LIMITS.notesChars);
    if (!this.slideOfParagraph.has(paragraph)) this.slideOfParagraph.set(paragraph, id);
  }
}

interface Context {
  refTexts: Map<number, string>;
  byKey: Map<string, ExtractedFigure>;
  byParagraph: Map<number, ExtractedFigure[]>;
  displays: Displays;
  texts: Map<number, string>;
}

function imageSlide(c: ReportCaption): NewSlide {
  const caption = c.text.slice(0, LIMITS.labelChars * 2);
  return {
    layout: 'image',
    title: caption,
    blocks: [{ kind: 'image', assetId: null, caption, credit: c.credit.slice(0, LIMITS.labelChars * 2) }],
    notes: c.credit ? `${c.text}（${c.credit}）` : c.text,
    hidden: false,
  };
}

/** Cards without a caption of their own: each shows its figure's label, so a label edited in 数据 shows on every card. */
function figureBlocks(figs: readonly ExtractedFigure[]): Block[] {
  return figs.map((f) => ({ kind: 'figure', key: f.key }));
}

function bulletBlocks(bullets: readonly string[]): Block[] {
  return bullets.map((text) => ({ kind: 'bullet', text, level: 0 }));
}

/** Pillars listed on one agenda slide. */
const AGENDA_PER_SLIDE = 6;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A part of a section: its opening (no heading) or a sub-part under its sub-heading. */
interface Part {
  heading: ReportParagraph | null;
  /** The title of a list item run in at the head of its paragraph (“一是压实防火责任。…”), when there is no heading. */
  runIn?: string;
  paragraphs: ReportParagraph[];
}

/** “一是压实防火责任。…”: a paragraph that opens with its item of a list, short enough to title its slide. */
const RUN_IN_ITEM = /^(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，、]?|首先[，、]?|其次[，、]?|再次[，、]?|最后[，、]?)([^。；，：]{2,16})[。；：]/;

/**
 * A section's parts: its opening and each sub-part under a sub-heading. Where a run of paragraphs with no sub-headings
 * opens each with its item of a list (“一是…。”, “二是…。”), each of those is a part of its own, titled by its item.
 */
function partsOf(paragraphs: readonly ReportParagraph[]): Part[] {
  const parts: Part[] = [{ heading: null, paragraphs: [] }];
  const items = paragraphs.filter((p) => !p.subheading && !p.table && RUN_IN_ITEM.test(p.text)).length;
  const byItems = items >= 2 && !paragraphs.some((p) => p.subheading);
  for (const p of paragraphs) {
    const item = byItems && !p.table ? RUN_IN_ITEM.exec(p.text) : null;
    if (p.subheading) parts.push({ heading: p, paragraphs: [] });
    else if (item?.[1]) parts.push({ heading: null, runIn: item[1], paragraphs: [p] });
    // After an item, a paragraph that is no item is not part of it.
    else if (parts[parts.length - 1]!.runIn) parts.push({ heading: null, paragraphs: [p] });
    else parts[parts.length - 1]!.paragraphs.push(p);
  }
  const result = parts.filter((p) => p.heading || p.paragraphs.length > 0);
  // Sub-parts run in at the head of one paragraph each (“（一）产业转型步伐加快。规模以上…”): what follows the last one
  // (“过去一年的成绩来之不易…”) belongs to the section, not to that sub-part.
  const subs = result.filter((p) => p.heading);
  const last = subs[subs.length - 1];
  const runIn = subs.length >= 2 && subs.every((p) => /[。；！]$/.test(p.heading!.text)) && subs.slice(0, -1).every((p) => p.paragraphs.length <= 1);
  if (runIn && last && last.paragraphs.length > 1 && result[result.length - 1] === last) {
    result.push({ heading: null, paragraphs: last.paragraphs.splice(1) });
  }
  return result;
}

/** A short line right before a table names it (“表1 …”, “主要指标完成情况”). */
function namesTable(p: ReportParagraph | undefined): boolean {
  if (!p || p.table || p.subheading) return false;
  const n = [...p.text].length;
  return /^表\s*\d/.test(p.text) || (n <= 30 && !/[，。；！？,]/.test(p.text.replace(/[：:]$/, '')));
}

interface PartOptions {
  /** The part's short name (“科创平台”, the section's title), for naming its slides. */
  name: string;
  /** Title of the key-figures slide. */
  keyTitle: string;
  /** Fewest figures worth a key-figures slide. */
  keyMin: number;
  /** Title for points slides when neither a heading nor the paragraph gives one. */
  fallbackTitle: string;
  captions: readonly ReportCaption[];
}

function tableSlides(b: DeckBuilder, ctx: Context, table: ReportParagraph, title: string, notesBefore: string[], presents: number[]): void {
  const refText = ctx.refTexts.get(table.index)!;
  // A slide shows as many columns as it can hold; the whole table is in the notes.
  const [header = [], ...rows] = refText.split('\n').map((line) => line.split('\t').slice(0, LIMITS.tableColumns));
  const pages = rows.length === 0 ? [[]] : chunk(rows, TABLE_ROWS_PER_SLIDE);
  pages.forEach((page, i) => {
    b.add(
      {
        layout: 'points',
        title: pages.length > 1 && i > 0 ? `${title}（${i + 1}）` : title,
        blocks: [{ kind: 'table', header, rows: page }],
        notes: i === 0 ? [...notesBefore, refText].join('\n\n') : '',
        hidden: false,
      },
      i === 0 ? presents : [],
    );
  });
}

/** A slide's worth of bullets: the bullets with their paragraphs, the paragraphs it presents, those that end on it. */
interface BulletGroup {
  units: { p: ReportParagraph; bullet: string; lines: number }[];
  lines: number;
  /** Paragraphs whose notes this slide holds: those that start on it, and those with nothing to show before it. */
  paragraphs: ReportParagraph[];
  /** Paragraphs whose last bullet is on it (a picture that follows one comes after this slide). */
  ending: ReportParagraph[];
}

/**
 * Packs paragraphs' bullets into slides of at most BULLETS_PER_SLIDE bullets and LINES_PER_SLIDE lines. A paragraph
 * starts a new slide rather than be split, unless it is too long for one; a last slide of one bullet takes one from
 * the slide before, so no slide is left nearly empty.
 */
export function packBullets(items: readonly { p: ReportParagraph; bullets: string[] }[], displays: Displays): BulletGroup[] {
  const groups: BulletGroup[] = [];
  const fresh = (): BulletGroup => {
    const g: BulletGroup = { units: [], lines: 0, paragraphs: [], ending: [] };
    groups.push(g);
    return g;
  };
  let riders: ReportParagraph[] = [];
  let g: BulletGroup | null = null;
  for (const { p, bullets } of items) {
    if (bullets.length === 0) {
      riders.push(p);
      continue;
    }
    const units = bullets.map((bullet) => ({ p, bullet, lines: bulletLines(bullet, displays) }));
    const lines = units.reduce((n, u) => n + u.lines, 0);
    const fitsFresh = units.length <= BULLETS_PER_SLIDE && lines <= LINES_PER_SLIDE;
    if (!g || (fitsFresh && (g.units.length + units.length > BULLETS_PER_SLIDE || g.lines + lines > LINES_PER_SLIDE))) g = fresh();
    g.paragraphs.push(...riders, p);
    riders = [];
    for (const u of units) {
      if (g.units.length > 0 && (g.units.length + 1 > BULLETS_PER_SLIDE || g.lines + u.lines > LINES_PER_SLIDE)) g = fresh();
      g.units.push(u);
      g.lines += u.lines;
    }
  }
  if (riders.length > 0 && g) g.paragraphs.push(...riders);
  // Balance a lone last bullet with the slide before it.
  const last = groups[groups.length - 1];
  const before = groups[groups.length - 2];
  if (last && before && last.units.length === 1 && before.units.length >= 3) {
    const moved = before.units.pop()!;
    before.lines -= moved.lines;
    last.units.unshift(moved);
    last.lines += moved.lines;
    // A paragraph whose every bullet moved is presented where its bullets are.
    if (!before.units.some((u) => u.p === moved.p) && before.paragraphs.includes(moved.p)) {
      before.paragraphs.splice(before.paragraphs.indexOf(moved.p), 1);
      last.paragraphs.unshift(moved.p);
    }
  }
  for (const [i, grp] of groups.entries()) {
    const next = groups.slice(i + 1);
    grp.ending = [...new Set(grp.units.map((u) => u.p))].filter((p) => !next.some((n) => n.units.some((u) => u.p === p)));
  }
  for (const grp of groups) grp.ending.push(...grp.paragraphs.filter((p) => !grp.units.some((u) => u.p === p)));
  return groups;
}

/** Lines of summary under the cards of a key-figures slide. */
const SUMMARY_LINES = 2;

/** One part: its key-figures slide (when it has figures worth cards), its points slides, tables and pictures. */
function addPart(b: DeckBuilder, ctx: Context, part: Part, opts: PartOptions): void {
  const { refTexts, byKey, byParagraph, displays } = ctx;
  const body = part.paragraphs.filter((p) => !p.table);
  const cards = keyFigures(
    body.flatMap((p) => byParagraph.get(p.index) ?? []),
    (p) => ctx.texts.get(p) ?? '',
    opts.keyMin,
    FIGURES_PER_SLIDE,
  );
  const onCards = new Set(cards.map((f) => f.key));
  const pointsOf = new Map(body.map((p) => [p.index, paragraphBullets(refTexts.get(p.index)!, byKey, displays, onCards)]));
  // What the cards say in full: paragraphs whose shown figures all stand on the cards; their one point goes under them.
  const byCards = body.filter((p) => pointsOf.get(p.index)!.onCards && pointsOf.get(p.index)!.withFigures === 0);
  const heading = part.heading;
  const headingText = heading ? headingTitle(headingWords(heading.text), displays) : (part.runIn ?? null);
  let headingUsed = false;
  const seenTitles = new Map<string, number>();
  const titled = (title: string): string => {
    const n = (seenTitles.get(title) ?? 0) + 1;
    seenTitles.set(title, n);
    return n > 1 ? `${title}（${n}）` : title;
  };
  /** The sub-heading goes with the first slide of its part: in its notes, and as its title where the slide has none better. */
  const withHeading = (notes: string[], presents: number[]): { notes: string[]; presents: number[] } => {
    if (!heading || b.slideOfParagraph.has(heading.index)) return { notes, presents };
    return { notes: [heading.text, ...notes], presents: [heading.index, ...presents] };
  };
  let lastSlide: string | null = null;
  const add = (slide: NewSlide, presents: number[]): string => {
    lastSlide = b.add(slide, presents);
    return lastSlide;
  };
  if (cards.length > 0) {
    const summary: string[] = [];
    for (const p of byCards) {
      for (const line of pointsOf.get(p.index)!.bullets) if (summary.reduce((n, x) => n + bulletLines(x, displays), 0) + bulletLines(line, displays) <= SUMMARY_LINES) summary.push(line);
    }
    // Without a paragraph of its own, the notes name what each card shows (the paragraphs are on the slides after).
    const notes = byCards.length > 0 ? byCards.map((p) => refTexts.get(p.index)!) : [`本页数据：${cards.map((f) => `{fig:${f.key}}（${f.label}）`).join('，')}。`];
    const h = withHeading(notes, byCards.map((p) => p.index));
    add(
      {
        layout: 'figures',
        title: opts.keyTitle,
        blocks: [...figureBlocks(cards), ...summary.map((text): Block => ({ kind: 'text', text, role: 'body' }))],
        notes: h.notes.join('\n\n'),
        hidden: false,
      },
      h.presents,
    );
  }
  const pendingCaptions = opts.captions.filter((c) => part.paragraphs.some((p) => p.index === c.after));
  const imagesAfter = (paragraphs: readonly ReportParagraph[]) => {
    for (const c of pendingCaptions.filter((c) => paragraphs.some((p) => p.index === c.after))) {
      b.slideOfCaption.set(c, b.add(imageSlide(c)));
      pendingCaptions.splice(pendingCaptions.indexOf(c), 1);
    }
  };
  /**
   * A slide's title: its sub-part's heading; else a phrase of the first paragraph it presents that is none of its bullets;
   * else one that is (that bullet then goes, when two remain); else the part's name.
   */
  const slideTitle = (from: ReportParagraph | undefined, bullets: readonly string[] = []): string => {
    if (headingText && !headingUsed) {
      headingUsed = true;
      return titled(headingText);
    }
    const text = from ? refTexts.get(from.index)! : null;
    const own = text ? (paragraphTitle(text, displays, bullets) ?? (bullets.length >= 3 ? paragraphTitle(text, displays) : null)) : null;
    return titled(headingText ?? own ?? opts.fallbackTitle);
  };

  // The part's text packed into as few slides as hold it, evenly filled; its tables after it, each with its name (the
  // short line before it), as a deck shows its exhibits after the points they support.
  const namers = new Set(part.paragraphs.filter((p, i) => part.paragraphs[i + 1]?.table && namesTable(p)));
  const text = part.paragraphs.filter((p) => !p.table && !namers.has(p));
  const runs: ReportParagraph[][] = [
    ...(text.length ? [text] : []),
    ...part.paragraphs.flatMap((p, i) => (p.table ? [[...(namers.has(part.paragraphs[i - 1]!) ? [part.paragraphs[i - 1]!] : []), p]] : [])),
  ];
  for (const run of runs) {
    const table = run.find((p) => p.table);
    if (table) {
      const named = run.length > 1 ? run[0]! : null;
      const title = headingText && !headingUsed ? slideTitle(undefined) : titled(named ? named.text.replace(/[：:。]$/, '') : `${opts.name}：数据一览`);
      const h = withHeading(named ? [refTexts.get(named.index)!] : [], run.map((p) => p.index));
      tableSlides(b, ctx, table, title, h.notes, h.presents);
      lastSlide = b.slides[b.slides.length - 1]!.id;
      imagesAfter(run);
      continue;
    }
    const items = run.filter((p) => !byCards.includes(p)).map((p) => ({ p, bullets: pointsOf.get(p.index)!.bullets }));
    const groups = packBullets(items, displays);
    // A paragraph with nothing of its own to show rides with the slide after it, or the last one.
    for (const g of groups) {
      const presents = g.paragraphs.filter((p) => !b.slideOfParagraph.has(p.index));
      const h = withHeading(presents.map((p) => refTexts.get(p.index)!), presents.map((p) => p.index));
      const bullets = g.units.map((u) => u.bullet);
      const title = slideTitle(g.units[0]?.p, bullets);
      // A list's lead-in that became the title is not said twice.
      const bare = title.replace(/（\d+）$/, '');
      // A bullet that only repeats the title or heading over it says nothing more.
      const shown = (bullets.length > 1 ? bullets.filter((x) => x !== headingText && x !== title) : bullets).map((x) => {
        const lead = /^([^：]{2,30})：(.{4,})$/.exec(x);
        return lead && lead[1]!.replace(/(?:是|为|有|包括)$/, '').endsWith(bare) ? lead[2]! : x;
      });
      add({ layout: 'points', title, blocks: bulletBlocks(shown), notes: h.notes.join('\n\n'), hidden: false }, h.presents);
      imagesAfter(g.ending);
    }
    const group = { paragraphs: groups.length ? [] : items.map((x) => x.p) };
    // Paragraphs with nothing to show and no slide after them: in the notes of the part's last slide.
    const left = group.paragraphs.filter((p) => !b.slideOfParagraph.has(p.index));
    if (left.length > 0 && lastSlide) for (const p of left) b.addNotes(lastSlide, refTexts.get(p.index)!, p.index);
    else if (left.length > 0) {
      const fallback = left.flatMap((p) => statements(refTexts.get(p.index)!).slice(0, 2).flatMap((x) => shortenStatement(x.text, BULLET_MAX * BULLET_LINES, displays) ?? []));
      const h = withHeading(left.map((p) => refTexts.get(p.index)!), left.map((p) => p.index));
      const title = slideTitle(left[0]);
      add({ layout: 'points', title, blocks: bulletBlocks(fallback.length ? fallback : [title]), notes: h.notes.join('\n\n'), hidden: false }, h.presents);
    }
    imagesAfter(left);
  }
  if (heading && !b.slideOfParagraph.has(heading.index)) {
    // A sub-heading with no text under it still titles a slide.
    add({ layout: 'points', title: slideTitle(undefined), blocks: bulletBlocks([headingWords(heading.text)]), notes: heading.text, hidden: false }, [heading.index]);
  }
  for (const c of pendingCaptions) b.slideOfCaption.set(c, b.add(imageSlide(c)));
}

/** A heading's first phrase, for naming its key-figures slide. */
function shortName(title: string, displays: Displays): string {
  const first = title.split(/[，,、：:\s]/)[0] ?? title;
  return displayLength(first, displays) <= TITLE_MAX - 5 ? first : title;
}

function addSection(b: DeckBuilder, ctx: Context, s: ReportSection): void {
  b.sectionSlides.push(
    b.add({
      layout: 'section',
      title: s.title,
      blocks: s.subtitle ? [{ kind: 'text', text: s.subtitle, role: 'subtitle' }] : [],
      notes: [s.title, s.subtitle].filter(Boolean).join(' '),
      hidden: false,
    }),
  );
  for (const part of partsOf(s.paragraphs)) {
    const name = part.heading ? shortName(headingWords(part.heading.text), ctx.displays) : (part.runIn ?? shortName(s.title, ctx.displays));
    addPart(b, ctx, part, { name, keyTitle: `${name}：关键数据`, keyMin: part.runIn ? Infinity : KEY_FIGURES_MIN, fallbackTitle: s.subtitle && displayLength(s.subtitle, ctx.displays) <= TITLE_MAX ? s.subtitle : s.title, captions: s.captions });
  }
}

/** Statements fit for the closing slide: those with figures, and the one that rallies, each on one or two lines. */
function closingBlocks(refText: string, figures: ReadonlyMap<string, ExtractedFigure>, displays: Displays): Block[] {
  const all = statements(refText)
    .map((s) => ({ s, text: statementBullets(s, figures, displays)[0] ?? '' }))
    .filter((x) => displayLength(x.text, displays) >= 6);
  const rally = /奋斗|谱写|贡献|书写|开创|奋力|新篇章|华章|新局面|新台阶|新辉煌|再创/;
  const quote = [...all].reverse().find((x) => rally.test(x.text)) ?? all[all.length - 1];
  // Figures first (the targets the closing sets), then the words in order, within what the slide holds.
  const others = all
    .filter((x) => x !== quote)
    .sort((a, b) => Number(b.s.keys.length > 0) - Number(a.s.keys.length > 0) || a.s.at - b.s.at)
    .slice(0, 2)
    .sort((a, b) => a.s.at - b.s.at);
  return [...others.map((x): Block => ({ kind: 'text', text: x.text, role: 'body' })), ...(quote ? [{ kind: 'text', text: quote.text, role: 'quote' } as Block] : [])];
}

function addClosing(b: DeckBuilder, ctx: Context, doc: ReportDoc, deckTitle: string): void {
  const { refTexts, displays } = ctx;
  const signOffs: ReportParagraph[] = [];
  let words = [...doc.closing];
  while (words.length > 1 && isSignOff(words[words.length - 1]!.text)) signOffs.unshift(words.pop()!);
  if (words.length === 0 || (words.length === 1 && isSignOff(words[0]!.text))) {
    b.add({ layout: 'closing', title: '谢谢', blocks: [{ kind: 'text', text: deckTitle, role: 'subtitle' }], notes: words.map((p) => refTexts.get(p.index)!).join('\n\n'), hidden: false }, words.map((p) => p.index));
    return;
  }
  const last = words[words.length - 1]!;
  const earlier = words.slice(0, -1);
  words = [];
  if (earlier.length > 0) {
    const name = doc.closingTitle || '展望';
    addPart(b, ctx, { heading: null, paragraphs: earlier }, { name, keyTitle: `${name}：关键数据`, keyMin: KEY_FIGURES_MIN, fallbackTitle: name, captions: [] });
  }
  const refText = refTexts.get(last.index)!;
  const first = statements(refText)[0]?.text ?? '';
  const title = doc.closingTitle || (first && !hasRef(first) && displayLength(first, displays) <= TITLE_MAX && [...first].length >= 4 ? first : '结语');
  const blocks = closingBlocks(refText, ctx.byKey, displays).filter((x) => x.kind !== 'text' || x.text !== title);
  b.add({ layout: 'closing', title, blocks, notes: [refText, ...signOffs.map((p) => refTexts.get(p.index)!)].join('\n\n'), hidden: false }, [last.index, ...signOffs.map((p) => p.index)]);
}

/** A lead paragraph that only opens the speech (“现在，我代表区人民政府，向大会报告工作…”): the cover presents it. */
function opensTheSpeech(p: ReportParagraph, figures: readonly ExtractedFigure[]): boolean {
  return figures.length === 0 && [...p.text].length <= 120 && /报告|汇报|审议|讲话|发言|通报/.test(p.text) && /我代表|向大会|请予|现将|下面|现在/.test(p.text);
}

/**
 * Past this many paragraphs (a district report has 30–150) a full deck would run to thousands of slides that no one
 * presents: the deck is condensed to each section's slide and its key figures, the section's text in their notes.
 */
export const CONDENSE_ABOVE_PARAGRAPHS = 600;

/** Whether a report is too long for a full deck. Decided on the parsed report, before any slide is made. */
export function condensesReport(doc: ReportDoc): boolean {
  return doc.lead.length + doc.sections.reduce((n, s) => n + s.paragraphs.length, 0) + doc.closing.length > CONDENSE_ABOVE_PARAGRAPHS;
}

/** A condensed section: its slide, then its key figures with the whole section's text in their notes. */
function addCondensedSection(b: DeckBuilder, ctx: Context, s: ReportSection, cards: readonly ExtractedFigure[]): void {
  const notes = s.paragraphs.map((p) => ctx.refTexts.get(p.index)!);
  const heading = [s.title, s.subtitle].filter(Boolean).join(' ');
  const sectionId = b.add(
    { layout: 'section', title: s.title, blocks: s.subtitle ? [{ kind: 'text', text: s.subtitle, role: 'subtitle' }] : [], notes: cards.length ? heading : [heading, ...notes].join('\n\n'), hidden: false },
    cards.length ? [] : s.paragraphs.map((p) => p.index),
  );
  b.sectionSlides.push(sectionId);
  if (cards.length) {
    b.add({ layout: 'figures', title: `${shortName(s.title, ctx.displays)}：关键数据`, blocks: figureBlocks(cards), notes: notes.join('\n\n'), hidden: false }, s.paragraphs.map((p) => p.index));
  }
  for (const c of s.captions) b.slideOfCaption.set(c, b.add(imageSlide(c)));
}

/** Builds the deck for a parsed report. `date` (as the user wants it shown) goes on the title slide when given. */
export function generateDeck(doc: ReportDoc, opts: { title?: string; date?: string } = {}): GeneratedDeck {
  const condensed = condensesReport(doc);
  const all = [...doc.lead, ...doc.sections.flatMap((s) => s.paragraphs), ...doc.closing];
  const texts = new Map(all.map((p) => [p.index, p.text]));
  let figures = extractFigures(doc);
  let byParagraph = figuresByParagraph(figures);
  // A condensed deck keeps the figures it shows on cards; the rest stay words in the notes.
  const cardsOf = new Map<ReportSection | 'lead', ExtractedFigure[]>();
  if (condensed) {
    const pick = (paragraphs: readonly ReportParagraph[], min: number) => keyFigures(paragraphs.flatMap((p) => byParagraph.get(p.index) ?? []), (i) => texts.get(i) ?? '', min, FIGURES_PER_SLIDE);
    cardsOf.set('lead', pick(doc.lead, 1));
    for (const s of doc.sections) cardsOf.set(s, pick(s.paragraphs, 1));
    const kept = new Set([...cardsOf.values()].flat());
    figures = figures.filter((f) => kept.has(f));
    byParagraph = figuresByParagraph(figures);
  }
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const displays = displaysOf(figures);
  const refTexts = new Map(all.map((p) => [p.index, paragraphWithRefs(p, byParagraph.get(p.index) ?? [])]));
  const ctx: Context = { refTexts, byKey, byParagraph, displays, texts };
  const title = (opts.title?.trim() || doc.title.trim() || '汇报').slice(0, LIMITS.titleChars);
  const b = new DeckBuilder();

  // The cover: title, the line under it, bylines; its notes carry the opening lines as the speaker says them.
  const opening = doc.lead.filter((p, i) => i === 0 && opensTheSpeech(p, byParagraph.get(p.index) ?? []));
  const coverBlocks: Block[] = [];
  if (doc.subtitle) coverBlocks.push({ kind: 'text', text: doc.subtitle, role: 'subtitle' });
  for (const line of doc.bylines) coverBlocks.push({ kind: 'text', text: line, role: isDateLine(line) ? 'date' : 'byline' });
  if (opts.date) coverBlocks.push({ kind: 'text', text: opts.date, role: 'date' });
  const coverNotes = [title, doc.subtitle, ...doc.bylines, doc.salutation, ...opening.map((p) => refTexts.get(p.index)!)].filter(Boolean).join('\n');
  const coverId = b.add({ layout: 'title', title, blocks: coverBlocks, notes: coverNotes, hidden: false }, opening.map((p) => p.index));

  // The lead: its figures as 主要指标, its paragraphs as points.
  const sectionStart = doc.sections[0]?.paragraphs[0]?.index ?? doc.closing[0]?.index ?? Infinity;
  const lead = doc.lead.filter((p) => !opening.includes(p));
  const leadCaptions = doc.captions.filter((c) => c.after < sectionStart);
  if (condensed) {
    const cards = cardsOf.get('lead')!;
    const notes = lead.map((p) => refTexts.get(p.index)!).join('\n\n');
    if (cards.length) b.add({ layout: 'figures', title: '主要指标', blocks: figureBlocks(cards), notes, hidden: false }, lead.map((p) => p.index));
    else for (const p of lead) b.addNotes(coverId, refTexts.get(p.index)!, p.index);
  } else {
    for (const [i, part] of partsOf(lead).entries()) {
      // The lead's figures are its 主要指标; the items of a list in it are points, not parts with figures of their own.
      const first = i === 0 && !part.runIn;
      addPart(b, ctx, part, { name: part.runIn ?? '主要指标', keyTitle: '主要指标', keyMin: first ? 1 : Infinity, fallbackTitle: '总体情况', captions: leadCaptions });
    }
  }
  for (const c of leadCaptions) if (!b.slideOfCaption.has(c)) b.slideOfCaption.set(c, b.add(imageSlide(c)));

  // A long report's agenda runs over several slides rather than overflowing one.
  for (const [i, part] of chunk(doc.sections, AGENDA_PER_SLIDE).entries()) {
    b.add({
      layout: 'agenda',
      title: i === 0 ? '汇报提纲' : `汇报提纲（${i + 1}）`,
      blocks: bulletBlocks(part.map((s) => s.title)),
      notes: part.map((s) => [s.title, s.subtitle].filter(Boolean).join(' ')).join('\n'),
      hidden: false,
    });
  }
  for (const s of doc.sections) {
    if (condensed) addCondensedSection(b, ctx, s, cardsOf.get(s) ?? []);
    else addSection(b, ctx, s);
  }
  // Captions after the sections (or after the closing) come before the closing slide, which ends the deck.
  for (const c of doc.captions.filter((c) => c.after >= sectionStart)) b.slideOfCaption.set(c, b.add(imageSlide(c)));
  addClosing(b, ctx, doc, title);

  const captionSlide = (c: ReportCaption): string | null =>
    b.slideOfCaption.get(c) ?? [...b.slideOfCaption.entries()].find(([k]) => k.text === c.text && k.after === c.after)?.[1] ?? null;
  const reportWarnings = condensed
    ? [
        ...doc.warnings,
        {
          kind: 'condensed' as const,
          paragraph: -1,
          excerpt: '',
          message: {
            zh: `报告很长（${all.length} 段）：已做成精简版演示稿，每个部分一页关键数据，部分的全文在这一页的备注里`,
            en: `The report is long (${all.length} paragraphs): the deck is condensed to one key-figures slide per part, with the part's full text in that slide's notes`,
          },
        },
      ]
    : doc.warnings;
  const warnings: ImportWarning[] = reportWarnings.map(({ place, ...w }: ReportDoc['warnings'][number], i) => {
    let slideId: string | null = b.slideOfParagraph.get(w.paragraph) ?? null;
    if (place && 'caption' in place) slideId = captionSlide(place.caption) ?? slideId;
    else if (place && 'section' in place) slideId = b.sectionSlides[place.section] ?? slideId;
    // A warning about the report as a whole (its title, its encoding, page furniture) is shown from the cover.
    return { ...w, id: `w${i + 1}`, slideId: slideId ?? coverId, dismissed: false };
  });
  // Charts are proposed for a full deck only (a condensed one is each part's key figures, nothing more); the slides are
  // then numbered s1, s2, … in their final order, and the warnings follow their slides.
  const proposed = condensed ? b.slides : withProposedCharts(b.slides, figures);
  const ids = new Map(proposed.map((s, i) => [s.id, `s${i + 1}`]));
  return {
    title,
    subtitle: doc.bylines.filter((l) => !isDateLine(l)).join(' '),
    slides: proposed.map((s) => ({ ...s, id: ids.get(s.id)! })),
    figures,
    warnings: warnings.map((w) => ({ ...w, slideId: w.slideId === null ? null : (ids.get(w.slideId) ?? w.slideId) })),
  };
}
