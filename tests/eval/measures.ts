// The measures of `npm run eval`, one function per column. Each is defined on what the deck shows (slides, their
// blocks and notes, figures with their labels), compared with what a reader expects of the report (ExpectedReport).
// Text is compared as a reader sees it: NFKC (full-width digits, letters and signs read as half-width) and without
// whitespace, so “５．８％” and “5.8%” are the same text and a line wrap is no difference.
import type { Block, Deck, Slide } from '../../decks/common/model.ts';
import { FIGURE_REF } from '../../decks/common/model.ts';
import type { ExpectedFigure, ExpectedReport } from '../fixtures/reports/expectedReport.ts';

export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

type Displays = ReadonlyMap<string, string>;

function displaysOf(deck: Deck): Displays {
  return new Map(deck.figures.map((f) => [f.key, f.display]));
}

/** Text with each `{fig:KEY}` replaced by the figure as shown. */
function resolved(text: string, displays: Displays): string {
  return text.replace(new RegExp(FIGURE_REF.source, 'g'), (_, key: string) => displays.get(key) ?? '');
}

function shown(slides: readonly Slide[]): Slide[] {
  return slides.filter((s) => !s.hidden);
}

/** Everything a slide shows, as text: title, bullets, text blocks, figure cards (label and value), captions. */
function visibleText(slide: Slide, deck: Deck, displays: Displays): string {
  const byKey = new Map(deck.figures.map((f) => [f.key, f]));
  const parts = [slide.title];
  for (const b of slide.blocks) {
    if (b.kind === 'bullet' || b.kind === 'text') parts.push(resolved(b.text, displays));
    else if (b.kind === 'figure') parts.push((b.caption ?? byKey.get(b.key)?.label ?? '') + (displays.get(b.key) ?? ''));
    else if (b.kind === 'image') parts.push(b.caption, b.credit);
    else if (b.kind === 'table') parts.push(...[b.header, ...b.rows].map((row) => resolved(row.join(' '), displays)));
  }
  return parts.join('\n');
}

// ---- Figures ----

export interface FigureScore {
  expected: number;
  found: number;
  matched: number;
  recall: number;
  precision: number;
  /** Expected figures with no match, and deck figures that match nothing (for --details). */
  missed: ExpectedFigure[];
  extra: string[];
}

/**
 * Figure recall and precision. A deck figure matches an expected one when its value is equal, its unit is the same
 * text, it shows exactly the expected text (`display`, so a lost qualifier, range or threshold is a miss), and — where
 * the expectation names one — its direction is the same. Each deck figure matches at most one expected figure
 * (document order, first unused). recall = matched / expected; precision = matched / figures in the deck.
 */
export function scoreFigures(deck: Deck, expected: readonly ExpectedFigure[]): FigureScore {
  const used = new Set<number>();
  const missed: ExpectedFigure[] = [];
  for (const e of expected) {
    const [text, value, unit, direction] = e;
    const i = deck.figures.findIndex(
      (f, n) =>
        !used.has(n) &&
        Math.abs(f.value - value) < 1e-9 &&
        comparable(f.unit) === comparable(unit) &&
        comparable(f.display) === comparable(text) &&
        (direction === undefined || f.direction === direction),
    );
    if (i < 0) missed.push(e);
    else used.add(i);
  }
  const matched = used.size;
  const extra = deck.figures.filter((_, n) => !used.has(n)).map((f) => `${f.display} [${f.unit}] ${f.label}`);
  return {
    expected: expected.length,
    found: deck.figures.length,
    matched,
    recall: expected.length === 0 ? 1 : matched / expected.length,
    precision: deck.figures.length === 0 ? 1 : matched / deck.figures.length,
    missed,
    extra,
  };
}

// ---- Structure ----

export interface SectionScore {
  /** The section slides' titles equal the expected titles, in order, none missing, none extra. */
  right: boolean;
  matched: number;
  expected: number;
  got: number;
  titles: string[];
}

/** Sections: the titles of the deck's section slides against the expected parts (exact text, in order). */
export function scoreSections(deck: Deck, expected: ExpectedReport): SectionScore {
  const titles = shown(deck.slides).filter((s) => s.layout === 'section').map((s) => s.title);
  const want = expected.sections.map((s) => comparable(s.title));
  const got = titles.map(comparable);
  const right = got.length === want.length && got.every((t, i) => t === want[i]);
  return { right, matched: want.filter((t) => got.includes(t)).length, expected: want.length, got: got.length, titles };
}

/** A slide carries a title when its title is that text, or starts with it followed by “：”, “（” or “，” (a subtitle or a continuation mark). */
function titles(slide: Slide, title: string): boolean {
  const t = comparable(slide.title);
  const want = comparable(title);
  return t === want || (t.startsWith(want) && /^[:(,]/.test(t.slice(want.length)));
}

/** Sub-parts that title a slide of their own (any slide but the agenda, whose title is the sub-part's). */
export function scoreSubsections(deck: Deck, expected: ExpectedReport): { titled: number; expected: number; missing: string[] } {
  const slides = shown(deck.slides).filter((s) => s.layout !== 'agenda' && s.layout !== 'title');
  const all = expected.sections.flatMap((s) => s.subsections);
  const missing = all.filter((sub) => !slides.some((s) => titles(s, sub)));
  return { titled: all.length - missing.length, expected: all.length, missing };
}

/** Front matter (byline, dateline, salutation, sign-off) shown as a slide's title: a section or a slide of its own. */
export function frontMatterSlides(deck: Deck, expected: ExpectedReport): number {
  const lines = expected.frontMatter.map(comparable).filter((l) => l !== '');
  return shown(deck.slides)
    .slice(1)
    .filter((s) => {
      const t = comparable(s.title);
      return t !== '' && lines.some((l) => t === l || (t.length >= 4 && l.includes(t)) || t.includes(l));
    }).length;
}

// ---- Captions and pictures ----

/** A caption without its lead-in (“图为”, “图1”) or surrounding brackets. */
function captionCore(text: string): string {
  return comparable(text)
    .replace(/^[(【[]|[)】\]]$/g, '')
    .replace(/^(?:图为|图\d+|图片?[:：])/, '');
}

function imageBlocks(slide: Slide): Extract<Block, { kind: 'image' }>[] {
  return slide.blocks.filter((b): b is Extract<Block, { kind: 'image' }> => b.kind === 'image');
}

/** Picture slides: slides of the image layout or holding an image block, with the caption they show. */
function pictureSlides(deck: Deck): { slide: Slide; caption: string; credit: string }[] {
  return shown(deck.slides)
    .filter((s) => s.layout === 'image' || imageBlocks(s).length > 0)
    .map((s) => {
      const img = imageBlocks(s)[0];
      return { slide: s, caption: img?.caption || s.title, credit: img?.credit ?? '' };
    });
}

/** Picture slides whose caption is none of the report's captions (a byline, a table row, a page number …). */
export function falsePhotoSlides(deck: Deck, expected: ExpectedReport): string[] {
  const known = [...expected.captions.map((c) => c.text), ...(expected.optionalCaptions ?? [])].map(captionCore);
  return pictureSlides(deck)
    .filter((p) => !known.includes(captionCore(p.caption)))
    .map((p) => p.caption || '(empty)');
}

/** Expected captions shown on a picture slide with that caption and, when the report gives one, that credit. */
export function captionsFound(deck: Deck, expected: ExpectedReport): { found: number; expected: number; missing: string[] } {
  const pictures = pictureSlides(deck);
  const missing = expected.captions
    .filter((c) => {
      const credit = comparable(c.credit);
      return !pictures.some((p) => captionCore(p.caption) === captionCore(c.text) && (credit === '' || comparable(p.credit).includes(credit)));
    })
    .map((c) => c.text);
  return { found: expected.captions.length - missing.length, expected: expected.captions.length, missing };
}

// ---- Slides ----

/**
 * 关键数据 slides (layout `figures`) per part. A part runs from a section slide to the next (the slides before the
 * first section are the lead's part). Allowed: one per part, plus one per expected sub-part of that section.
 * Returns the most in any part and how many parts have more than allowed.
 */
export function keyFigureSlides(deck: Deck, expected: ExpectedReport): { max: number; over: number } {
  const counts: number[] = [0];
  for (const s of shown(deck.slides)) {
    if (s.layout === 'section') counts.push(0);
    else if (s.layout === 'figures') counts[counts.length - 1]!++;
  }
  const allowed = (part: number) => (part === 0 ? 1 : 1 + (expected.sections[part - 1]?.subsections.length ?? 0));
  return { max: Math.max(...counts), over: counts.filter((n, i) => n > allowed(i)).length };
}

/**
 * Words that continue a clause begun elsewhere: a bullet that opens with one leans on the bullet before it. 为 counts
 * only before a number (“为5.5%”); before a noun it opens a whole statement (“为辖区老年人免费体检6.2万人”).
 */
const CONTINUES = /^(?:和|及|以及|并且|并|且|又|而|但|则|也|还|其中|分别|同比|环比|比上年|较上年|比上一年|比年初|占|达到|达|为(?=[0-9第约近超])|是|的|等|之)/;
/** All a bullet says before its first figure, when that is only measure, direction or linking words (“提高”, “总投资约”). */
const BARE_LEAD = /^(?:增长|增加|提高|提升|上升|下降|减少|降低|回落|达到|达|为|约|超过|超|近|突破|累计|共计|共|合计|总投资|投资|占地|面积|总面积|占比|比重|同比|分别|了|其中|实现|完成|新增)*$/;

function balancedPairs(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/[（(]/g) === count(/[）)]/g) && count(/“/g) === count(/”/g) && count(/《/g) === count(/》/g);
}

/**
 * A bullet is a fragment when (any of):
 * 1. it opens with a continuing word (CONTINUES): “提高…”, “其中…”, “占…”, “和…”;
 * 2. it holds a figure, the words before its first figure are only measure/direction words (BARE_LEAD: “提高”,
 *    “总投资约”) or none, and the figure's own clause says nothing more after it (“提高2.1个百分点”, a bare “5.5%”;
 *    not “完成8个老旧小区改造”, whose object follows the figure);
 * 3. it ends on a mark or word that expects more: 、，：（“《 和 及 与;
 * 4. its brackets or quotes are unbalanced;
 * 5. it has fewer than 4 Chinese characters.
 */
export function isFragment(bulletWithRefs: string, displays: Displays): boolean {
  const text = comparable(resolved(bulletWithRefs, displays));
  const firstRef = bulletWithRefs.search(new RegExp(FIGURE_REF.source));
  const before = firstRef < 0 ? null : comparable(bulletWithRefs.slice(0, firstRef));
  const hanCount = (t: string) => t.match(/\p{Script=Han}/gu)?.length ?? 0;
  const clauseAfter = firstRef < 0 ? '' : resolved(bulletWithRefs.slice(firstRef).replace(new RegExp(FIGURE_REF.source), ''), displays).split(/[，,；;。]/)[0]!;
  return (
    CONTINUES.test(text) ||
    (before !== null && BARE_LEAD.test(before) && hanCount(clauseAfter) < 2) ||
    /[、,:(“《和及与]$/.test(text) ||
    !balancedPairs(text) ||
    hanCount(text) < 4
  );
}

export function fragmentBullets(deck: Deck): { fragments: string[]; bullets: number } {
  const displays = displaysOf(deck);
  const bullets = shown(deck.slides).flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'bullet' ? [b.text] : [])));
  return { fragments: bullets.filter((b) => isFragment(b, displays)).map((b) => resolved(b, displays)), bullets: bullets.length };
}

/** Labels that say nothing of the subject: a bare measure or scope word, possibly with a scope in front. */
const BARE_LABEL = /^(?:全区|全市|全县|全省|全镇|全年|今年|去年)?(?:增长|提高|提升|下降|增加|减少|降低|上升|回落|总数|数据|全区|全市|全县|全省|全镇|总量|总额|规模|数量|人数|金额|投资|总投资|面积|占地|比重|占比|排名|达到|新增|累计|合计|其中|同比)?$/;

/**
 * Vague labels: a figure's label that is empty, only a bare measure/scope word (BARE_LABEL: “增长”, “总数”, “数据”,
 * “全区”, “全区增长”), or numbered to tell it from another (“增长（1）”). Shared: figures whose label another figure of
 * the deck also has (a menu of figures then lists the same words twice).
 */
export function vagueLabels(deck: Deck): { vague: string[]; shared: number } {
  const vague = deck.figures.filter((f) => BARE_LABEL.test(comparable(f.label)) || /[(（]\d+[)）]$/.test(f.label.trim())).map((f) => f.label || '(empty)');
  const counts = new Map<string, number>();
  for (const f of deck.figures) counts.set(comparable(f.label), (counts.get(comparable(f.label)) ?? 0) + 1);
  return { vague, shared: deck.figures.filter((f) => (counts.get(comparable(f.label)) ?? 0) > 1).length };
}

/**
 * Source paragraphs read twice: a paragraph of the report (a block of its text between blank lines, 30 characters or
 * more) counts when one of its sentences (split at 。！？；, 12 characters or more) is in the notes of two or more slides.
 */
export function paragraphsInNotesTwice(deck: Deck, sourceText: string): string[] {
  const displays = displaysOf(deck);
  const notes = shown(deck.slides).map((s) => comparable(resolved(s.notes, displays)));
  const paragraphs = [...new Set(sourceText.split(/\n\s*\n/).map(comparable).filter((p) => p.length >= 30))];
  return paragraphs.filter((p) =>
    p
      .split(/[。！？；!?;]/)
      .filter((s) => s.length >= 12)
      .some((s) => notes.filter((n) => n.includes(s)).length >= 2),
  );
}

/**
 * Empty slides: a slide with no title and no content, a points/figures/agenda/quote slide with no bullet, text or
 * figure card, a picture slide with no caption, or a closing slide with nothing but its title.
 */
export function emptySlides(deck: Deck): string[] {
  const figureKeys = new Set(deck.figures.map((f) => f.key));
  const hasContent = (b: Block) =>
    b.kind === 'figure'
      ? figureKeys.has(b.key)
      : b.kind === 'image'
        ? comparable(b.caption) !== ''
        : b.kind === 'table'
          ? b.rows.some((row) => row.some((c) => comparable(c) !== ''))
          : b.kind === 'chart'
            ? b.series.some((s) => s.points.some((p) => p !== null))
            : comparable(b.text) !== '';
  return shown(deck.slides)
    .filter((s) => {
      const content = s.blocks.filter(hasContent);
      if (comparable(s.title) === '' && content.length === 0) return true;
      if (['points', 'figures', 'agenda', 'quote', 'closing'].includes(s.layout)) return content.length === 0;
      if (s.layout === 'image') return !s.blocks.some((b) => b.kind === 'image' && comparable(b.caption) !== '');
      return false;
    })
    .map((s) => `${s.id} ${s.layout} “${s.title}”`);
}

/**
 * The closing slide (the last slide of the closing layout) carries the closing words when: it shows at least one
 * clause (6 characters or more) of the report's closing, its notes hold the whole closing, and no slide follows it.
 */
export function closingCarried(deck: Deck, expected: ExpectedReport): { ok: boolean; why: string } {
  const slides = shown(deck.slides);
  const at = slides.map((s) => s.layout).lastIndexOf('closing');
  if (at < 0) return { ok: false, why: 'no closing slide' };
  const slide = slides[at]!;
  const displays = displaysOf(deck);
  const text = comparable(visibleText(slide, deck, displays));
  const clauses = comparable(expected.closing)
    .split(/[,。;!?、！？；]/)
    .filter((c) => c.length >= 6);
  const problems: string[] = [];
  if (!clauses.some((c) => text.includes(c))) problems.push('words');
  if (!comparable(resolved(slide.notes, displays)).includes(comparable(expected.closing))) problems.push('notes');
  if (at !== slides.length - 1) problems.push('not last');
  return { ok: problems.length === 0, why: problems.join('+') };
}
