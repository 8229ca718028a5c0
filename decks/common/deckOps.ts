// Pure edits of a deck: of its slide order (ids, first to last), of its slides and of its figures. Each returns new values.
// The service applies them inside a transaction; the renderer applies the same functions for optimistic updates and undo.
import { ApiError, type FigureEdit, type SlideContent, type SlidePatch } from './api.ts';
import { chartFigureKeys } from './charts.ts';
import { figureKeysIn, formatFigure, formatNumber, parseValueInput } from './figures.ts';
import { LIMITS, type Block, type Figure, type FigureChange, type ImageBlock, type Layout, type Slide } from './model.ts';

function unknownSlides(order: readonly string[], ids: readonly string[]): void {
  const present = new Set(order);
  const missing = ids.filter((id) => !present.has(id));
  if (missing.length > 0) {
    const list = missing.slice(0, 3).join(', ');
    throw new ApiError('NOT_FOUND', `找不到幻灯片：${list}`, `No such slide: ${list}`);
  }
}

/** Inserts `id` just after `afterId`; null puts it first, undefined puts it last. */
export function insertSlide(order: readonly string[], id: string, afterId?: string | null): string[] {
  if (afterId === undefined) return [...order, id];
  if (afterId === null) return [id, ...order];
  unknownSlides(order, [afterId]);
  const at = order.indexOf(afterId) + 1;
  return [...order.slice(0, at), id, ...order.slice(at)];
}

/**
 * Moves `ids` (kept in their current relative order) to just after `afterId` (null: to the start).
 * When `afterId` is itself one of the moved slides, the block goes after the nearest slide before it that stays.
 */
export function moveSlides(order: readonly string[], ids: readonly string[], afterId: string | null): string[] {
  unknownSlides(order, afterId === null ? ids : [...ids, afterId]);
  const moving = new Set(ids);
  const block = order.filter((id) => moving.has(id));
  const rest = order.filter((id) => !moving.has(id));
  let anchor: string | null = afterId;
  if (anchor !== null && moving.has(anchor)) {
    // The nearest slide before the anchor that stays in place.
    const before = order.slice(0, order.indexOf(anchor)).filter((id) => !moving.has(id));
    anchor = before.at(-1) ?? null;
  }
  const at = anchor === null ? 0 : rest.indexOf(anchor) + 1;
  return [...rest.slice(0, at), ...block, ...rest.slice(at)];
}

export function deleteSlides(order: readonly string[], ids: readonly string[]): string[] {
  unknownSlides(order, ids);
  const gone = new Set(ids);
  return order.filter((id) => !gone.has(id));
}

/**
 * Copies `ids`: the copies, in deck order, go right after the last selected slide.
 * `makeId` gives each copy its id (the caller owns id generation, so this stays pure).
 */
export function duplicateSlides(
  order: readonly string[],
  ids: readonly string[],
  makeId: () => string,
): { order: string[]; copies: { from: string; id: string }[] } {
  unknownSlides(order, ids);
  const selected = new Set(ids);
  const copies = order.filter((id) => selected.has(id)).map((from) => ({ from, id: makeId() }));
  const last = Math.max(...order.map((id, i) => (selected.has(id) ? i : -1)));
  const next = [...order.slice(0, last + 1), ...copies.map((c) => c.id), ...order.slice(last + 1)];
  return { order: next, copies };
}

/** Each slide's section: the id of the nearest `section` slide at or before it (a section slide is its own), or null. */
export function withSections<S extends { id: string; layout: Layout }>(slides: readonly S[]): (S & { section: string | null })[] {
  let current: string | null = null;
  return slides.map((s) => {
    if (s.layout === 'section') current = s.id;
    return { ...s, section: current };
  });
}

// ---- Slides and figures as values: the editor's model ----

/** Sections recomputed after an edit; a slide whose section did not change keeps its identity (cheap re-rendering). */
export function resection(slides: readonly Slide[]): Slide[] {
  let current: string | null = null;
  return slides.map((s) => {
    if (s.layout === 'section') current = s.id;
    return s.section === current ? s : { ...s, section: current };
  });
}

/** The slides in `order` (which must list exactly the slides given), with sections recomputed. */
export function arrangeSlides(slides: readonly Slide[], order: readonly string[]): Slide[] {
  const byId = new Map(slides.map((s) => [s.id, s]));
  unknownSlides([...byId.keys()], order);
  if (order.length !== slides.length || new Set(order).size !== order.length) {
    throw new ApiError('INVALID_ARGUMENT', '幻灯片顺序必须恰好列出每张幻灯片一次', 'The slide order must list every slide exactly once');
  }
  return resection(order.map((id) => byId.get(id)!));
}

/** The slide with `patch` applied (only the fields given). */
export function updateSlide(slides: readonly Slide[], slideId: string, patch: SlidePatch): Slide[] {
  const at = slides.findIndex((s) => s.id === slideId);
  if (at < 0) throw new ApiError('NOT_FOUND', `找不到幻灯片：${slideId}`, `No such slide: ${slideId}`);
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as SlidePatch;
  const next = [...slides];
  next[at] = { ...slides[at]!, ...changes };
  return changes.layout !== undefined ? resection(next) : next;
}

/** What a new slide of each layout starts with: one empty field to type into. */
export function blankSlide(id: string, layout: Layout): Slide {
  const blocks: Block[] =
    layout === 'title' || layout === 'section'
      ? [{ kind: 'text', text: '', role: 'subtitle' }]
      : layout === 'quote'
        ? [{ kind: 'text', text: '', role: 'quote' }]
        : layout === 'image'
          ? [{ kind: 'image', assetId: null, caption: '', credit: '' }]
          : layout === 'closing' || layout === 'figures' || layout === 'chart'
            ? []
            : [{ kind: 'bullet', text: '', level: 0 }];
  return { id, layout, title: '', blocks, notes: '', hidden: false, section: null };
}

/** Inserts `slide` after `afterId` (null: first; undefined: last). */
export function insertSlideValue(slides: readonly Slide[], slide: Slide, afterId?: string | null): Slide[] {
  const order = insertSlide(
    slides.map((s) => s.id),
    slide.id,
    afterId,
  );
  return arrangeSlides([...slides, slide], order);
}

/** Copies of `ids` (with ids from `makeId`) right after the last of them; returns the new slides and the copies' ids. */
export function duplicateSlideValues(slides: readonly Slide[], ids: readonly string[], makeId: () => string): { slides: Slide[]; copies: string[] } {
  const { order, copies } = duplicateSlides(
    slides.map((s) => s.id),
    ids,
    makeId,
  );
  const byId = new Map(slides.map((s) => [s.id, s]));
  const made = copies.map((c) => ({ ...byId.get(c.from)!, id: c.id }));
  return { slides: arrangeSlides([...slides, ...made], order), copies: copies.map((c) => c.id) };
}

export function deleteSlideValues(slides: readonly Slide[], ids: readonly string[]): Slide[] {
  const order = deleteSlides(
    slides.map((s) => s.id),
    ids,
  );
  const kept = new Set(order);
  return resection(slides.filter((s) => kept.has(s.id)));
}

export function moveSlideValues(slides: readonly Slide[], ids: readonly string[], afterId: string | null): Slide[] {
  return arrangeSlides(
    slides,
    moveSlides(
      slides.map((s) => s.id),
      ids,
      afterId,
    ),
  );
}

/** The ids of a section: its section slide and every slide up to the next section slide. */
export function sectionMembers(slides: readonly Slide[], sectionId: string): string[] {
  return slides.filter((s) => s.section === sectionId).map((s) => s.id);
}

/** `ids` in deck order, with each section slide among them bringing its whole section (a section moves as a whole). */
export function expandSections(slides: readonly Slide[], ids: readonly string[]): string[] {
  const chosen = new Set(ids);
  const sections = new Set(slides.filter((s) => chosen.has(s.id) && s.layout === 'section').map((s) => s.id));
  return slides.filter((s) => chosen.has(s.id) || (s.section !== null && sections.has(s.section))).map((s) => s.id);
}

/**
 * Where a block lands when dropped after `afterId`: a block that holds a whole section does not split another section,
 * so a drop inside a section goes to that section's end.
 */
export function dropAnchor(slides: readonly Slide[], moving: readonly string[], afterId: string | null): string | null {
  if (afterId === null) return null;
  const movingSet = new Set(moving);
  const holdsSection = slides.some((s) => movingSet.has(s.id) && s.layout === 'section');
  if (!holdsSection) return afterId;
  const anchor = slides.find((s) => s.id === afterId);
  if (!anchor || anchor.section === null) return afterId;
  // The last slide of the anchor's section that is not itself moving.
  const members = slides.filter((s) => s.section === anchor.section && !movingSet.has(s.id));
  return members.at(-1)?.id ?? afterId;
}

/**
 * The anchor for moving the (section-expanded) selection one step up (-1) or down (+1), for Alt+↑/Alt+↓:
 * past one slide, or past a whole section when the block holds a section. `undefined` when it cannot move further.
 */
export function stepAnchor(slides: readonly Slide[], ids: readonly string[], dir: -1 | 1): string | null | undefined {
  const moving = new Set(expandSections(slides, ids));
  const positions = slides.flatMap((s, i) => (moving.has(s.id) ? [i] : []));
  if (positions.length === 0) return undefined;
  const holdsSection = slides.some((s) => moving.has(s.id) && s.layout === 'section');
  const stays = (i: number) => i >= 0 && i < slides.length && !moving.has(slides[i]!.id);
  if (dir === 1) {
    let i = positions.at(-1)! + 1;
    while (i < slides.length && !stays(i)) i++;
    if (i >= slides.length) return undefined;
    if (holdsSection) {
      // Past the whole next section (or the single slide when what follows is not a section).
      const next = slides[i]!;
      if (next.layout === 'section') while (i + 1 < slides.length && slides[i + 1]!.section === next.id && stays(i + 1)) i++;
    }
    return slides[i]!.id;
  }
  let i = positions[0]! - 1;
  while (i >= 0 && !stays(i)) i--;
  if (i < 0) return undefined;
  if (holdsSection) {
    // Before the whole previous section.
    const prev = slides[i]!;
    const start = prev.section === null ? i : slides.findIndex((s) => s.id === prev.section);
    i = start;
  }
  i -= 1;
  while (i >= 0 && !stays(i)) i--;
  return i < 0 ? null : slides[i]!.id;
}

/** Reads a value as typed for a figure; a clear, bilingual error when it is not a number. */
export function parseFigureValue(input: string): { value: number; decimals: number; grouped: boolean } {
  const typed = parseValueInput(input);
  if (!typed) {
    const shown = input.trim().slice(0, 40);
    throw new ApiError('INVALID_ARGUMENT', `“${shown}”不是有效的数字。请输入数值，例如 5.8 或 1,286.4。`, `“${shown}” is not a number. Type a value such as 5.8 or 1,286.4.`);
  }
  return typed;
}

/** The figure with a new value as typed (decimals and grouping follow what was typed), and the change to record. */
export function setFigureValue(figures: readonly Figure[], key: string, input: string, at: string): { figures: Figure[]; change: FigureChange } {
  const index = figures.findIndex((f) => f.key === key);
  if (index < 0) throw new ApiError('NOT_FOUND', `找不到数字：${key}`, `No such figure: ${key}`);
  const before = figures[index]!;
  const typed = parseFigureValue(input);
  // A value a person typed is one a person looked at: it is confirmed (as the store records it).
  const next = { ...before, ...typed, updatedAt: at, confirmedAt: at };
  next.display = formatFigure(next);
  const out = [...figures];
  out[index] = next;
  return { figures: out, change: { key, oldValue: before.value, newValue: typed.value, changedAt: at } };
}

/**
 * A figure's new label (what it measures), for every slide that shows it: the label is the figure's, and a card that
 * carried a copy of the old label as its caption follows the new one. Blank labels are refused.
 */
export function setFigureLabel(
  model: { slides: readonly Slide[]; figures: readonly Figure[] },
  key: string,
  input: string,
): { slides: readonly Slide[]; figures: readonly Figure[] } {
  const index = model.figures.findIndex((f) => f.key === key);
  if (index < 0) throw new ApiError('NOT_FOUND', `找不到数字：${key}`, `No such figure: ${key}`);
  const label = input.replace(/\s+/g, ' ').trim();
  if (label === '') throw new ApiError('INVALID_ARGUMENT', '数据名称不能为空。请写明它统计的是什么，例如“地区生产总值增长”。', 'A figure needs a name: say what it measures, e.g. “GDP growth”.');
  if (label.length > LIMITS.labelChars) throw new ApiError('INVALID_ARGUMENT', `数据名称最多 ${LIMITS.labelChars} 个字。`, `A figure's name holds at most ${LIMITS.labelChars} characters.`);
  const before = model.figures[index]!;
  if (before.label === label) return model;
  const figures = [...model.figures];
  figures[index] = { ...before, label };
  const followsLabel = (b: Block) => b.kind === 'figure' && b.key === key && b.caption !== undefined && b.caption === before.label;
  const slides = model.slides.map((s) =>
    s.blocks.some(followsLabel) ? { ...s, blocks: s.blocks.map((b) => (followsLabel(b) && b.kind === 'figure' ? { kind: 'figure' as const, key: b.key } : b)) } : s,
  );
  return { slides, figures };
}

/** A figure's value written the way it is shown (for sending it back as typed input). */
export function figureValueText(f: Pick<Figure, 'value' | 'decimals' | 'grouped'>): string {
  return formatNumber(f.value, f.decimals, f.grouped);
}

/** The text of a block that may hold figure references. */
function blockText(b: Block): string {
  if (b.kind === 'table') return [b.header, ...b.rows].flat().join('\n');
  if (b.kind === 'chart') return chartFigureKeys(b).map((key) => `{fig:${key}}`).join('\n');
  return b.kind === 'bullet' || b.kind === 'text' ? b.text : b.kind === 'figure' ? `{fig:${b.key}}` : '';
}

/** Figure keys a slide shows or mentions (title, body, callouts, notes), in order of appearance. */
export function figuresOfSlide(slide: Pick<Slide, 'title' | 'blocks' | 'notes'>): string[] {
  return figureKeysIn([slide.title, ...slide.blocks.map(blockText), slide.notes].join('\n'));
}

/** For each figure key, the ids of the slides that show it (in deck order). */
export function figureUsage(slides: readonly Pick<Slide, 'id' | 'title' | 'blocks' | 'notes'>[]): Map<string, string[]> {
  const usage = new Map<string, string[]>();
  for (const s of slides) {
    for (const key of figuresOfSlide(s)) {
      const list = usage.get(key);
      if (list) list.push(s.id);
      else usage.set(key, [s.id]);
    }
  }
  return usage;
}

/** What an autosave must write to turn `saved` into `current`: slides to write whole, slides removed, and the new order. */
export function diffSlides(saved: readonly Slide[], current: readonly Slide[]): { slides: SlideContent[]; removed: string[]; order: string[] | null } {
  const before = new Map(saved.map((s) => [s.id, s]));
  const slides: SlideContent[] = [];
  for (const s of current) {
    const b = before.get(s.id);
    if (b === s) continue;
    if (b && b.layout === s.layout && b.title === s.title && b.notes === s.notes && b.hidden === s.hidden && sameBlocks(b.blocks, s.blocks)) continue;
    const { section: _, ...content } = s;
    slides.push(content);
  }
  const now = new Set(current.map((s) => s.id));
  const removed = saved.filter((s) => !now.has(s.id)).map((s) => s.id);
  const kept = saved.filter((s) => now.has(s.id)).map((s) => s.id);
  const added = current.some((s) => !before.has(s.id));
  const sameOrder = !added && kept.length === current.length && kept.every((id, i) => current[i]!.id === id);
  return { slides, removed, order: sameOrder ? null : current.map((s) => s.id) };
}

function sameBlocks(a: readonly Block[], b: readonly Block[]): boolean {
  return a === b || (a.length === b.length && JSON.stringify(a) === JSON.stringify(b));
}

/** Figures whose value, label or place in the report differs between `saved` and `current`, as the edits to send (values written as shown). */
export function diffFigures(saved: readonly Figure[], current: readonly Figure[]): FigureEdit[] {
  const before = new Map(saved.map((f) => [f.key, f]));
  return current.flatMap((f) => {
    const b = before.get(f.key);
    if (!b || b === f) return [];
    const valueChanged = b.value !== f.value || b.decimals !== f.decimals || b.grouped !== f.grouped;
    const labelChanged = b.label !== f.label;
    // Only a refresh (and its undo) moves a figure in the report.
    const sourceChanged = b.source !== f.source && JSON.stringify(b.source) !== JSON.stringify(f.source);
    if (!valueChanged && !labelChanged && !sourceChanged) return [];
    return [{ key: f.key, ...(valueChanged ? { value: figureValueText(f) } : {}), ...(labelChanged ? { label: f.label } : {}), ...(sourceChanged ? { source: f.source } : {}) }];
  });
}

/** Keys of figures in `saved` that `current` no longer holds (a refresh that added them, undone), to drop. */
export function droppedFigures(saved: readonly Figure[], current: readonly Figure[]): string[] {
  if (saved === current) return [];
  const now = new Set(current.map((f) => f.key));
  return saved.filter((f) => !now.has(f.key)).map((f) => f.key);
}

/** Figures in `current` that `saved` lacks (brought in by pasted slides), to add whole. */
export function newFigures(saved: readonly Figure[], current: readonly Figure[]): Figure[] {
  if (saved === current) return [];
  const before = new Set(saved.map((f) => f.key));
  return current.filter((f) => !before.has(f.key));
}

// ---- Pictures ----

/** The slides with picture block `index` of a slide changed (`patch`: a new picture, fit, focus, caption, credit). */
export function updatePicture(slides: readonly Slide[], slideId: string, index: number, patch: Partial<Omit<ImageBlock, 'kind'>>): Slide[] {
  const slide = slides.find((s) => s.id === slideId);
  const block = slide?.blocks[index];
  if (!slide || block?.kind !== 'image') throw new ApiError('NOT_FOUND', `找不到图片：${slideId}#${index}`, `No such picture: ${slideId}#${index}`);
  const blocks = [...slide.blocks];
  blocks[index] = { ...block, ...patch };
  return updateSlide(slides, slideId, { blocks });
}

/** Layouts that set a picture beside their text; on others (agenda, quote, figures, covers) a picture gets its own slide. */
const TAKES_PICTURE: ReadonlySet<Layout> = new Set(['image', 'points']);

/**
 * Where an inserted picture goes, as PowerPoint's Insert › Picture does on the current slide: into its first empty
 * picture placeholder; else beside the text of an image or bullet slide (a bullet slide becomes an image slide, the
 * picture left, the points right); else onto a new image slide right after it. Returns the slides and where it landed.
 */
export function placePicture(
  slides: readonly Slide[],
  slideId: string,
  assetId: string,
  makeId: () => string,
): { slides: Slide[]; slideId: string; index: number } {
  const slide = slides.find((s) => s.id === slideId);
  if (!slide) throw new ApiError('NOT_FOUND', `找不到幻灯片：${slideId}`, `No such slide: ${slideId}`);
  const empty = slide.blocks.findIndex((b) => b.kind === 'image' && b.assetId === null);
  if (empty >= 0) return { slides: updatePicture(slides, slideId, empty, { assetId, fit: 'fill' }), slideId, index: empty };
  const picture: ImageBlock = { kind: 'image', assetId, caption: '', credit: '', fit: 'fill' };
  if (TAKES_PICTURE.has(slide.layout) && slide.blocks.length < LIMITS.blocksPerSlide) {
    return { slides: updateSlide(slides, slideId, { layout: 'image', blocks: [picture, ...slide.blocks] }), slideId, index: 0 };
  }
  const made: Slide = { ...blankSlide(makeId(), 'image'), blocks: [picture] };
  return { slides: insertSlideValue(slides, made, slideId), slideId: made.id, index: 0 };
}
