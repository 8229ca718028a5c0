// The editor's commands: what each catalogue command does to the deck being edited, and when it can. Each works on
// the selection (several slides at once where that makes sense) as one undoable step. The toolbar, the sorter and its
// context menu, the canvas, the keys and the native menu all run these (see commands/useCommands.ts).
import { errorMessage, type DeckApi } from '../../../decks/common/api.ts';
import type { CommandId } from '../../../decks/common/commands.ts';
import {
  arrangeSlides,
  blankSlide,
  deleteSlideValues,
  dropAnchor,
  duplicateSlideValues,
  expandSections,
  insertSlideValue,
  moveSlideValues,
  placePicture,
  stepAnchor,
  updatePicture,
  updateSlide,
} from '../../../decks/common/deckOps.ts';
import { newId } from '../../../decks/common/ids.ts';
import type { Layout, Slide } from '../../../decks/common/model.ts';
import { assetIdsOf, copySlides, pasteSlides, readSlidesPayload, slidesOutline, SLIDES_MIME, type SlidesPayload } from '../../../decks/common/slideClipboard.ts';
import { command, type Command, type CommandInput } from '../commands/commandTable.ts';
import type { Lang, Translate } from '../i18n/messages.ts';
import type { EditorState, EditorStore } from './editorStore.ts';
import { toggleEmphasisAtSelection } from './emphasis.ts';
import { addPictureFile, copyPicture, pictureFileOf } from './pictureFiles.ts';
import { single } from './selection.ts';

export interface EditorContext {
  store: EditorStore;
  state: EditorState;
  api: DeckApi;
  t: Translate;
  lang: Lang;
  /** A short message at the bottom; `undoable` adds an Undo button. */
  say(text: string, undoable?: boolean): void;
  /** Puts the caret (or a selection up to `end`) into a slide text once it is drawn. */
  focusField(key: string, offset: number, end?: number): void;
  /** Runs an export of the toolbar's Export menu (by its key), which saves pending edits first. */
  exportAs(choice: string): void;
  /** Saves pending edits, then starts the show (from the first or the current slide) or the presenter console. */
  present(from: 'start' | 'current' | 'console'): void;
  /** Goes back to the library. */
  leave(): void;
  /** Opens the file chooser for a picture: for picture block `target`, or (null) where Insert › Picture puts it. */
  choosePicture(target: PictureTarget | null): void;
  /** Opens the theme picker. */
  openThemes(): void;
  /** Asks for a revised report, then shows its review (用新版报告更新). */
  openRefresh(): void;
  /** Opens the sign-off dialog (定稿). */
  openApprove(): void;
  /** The picture block that has the focus on the canvas, if any (a paste goes there). */
  pictureTarget?(): PictureTarget | null;
}

/** A picture block of a slide. */
export interface PictureTarget {
  slideId: string;
  index: number;
}

// ---- Slide operations (one undo step each) ----

export function insertSlide(ctx: EditorContext, layout: Layout): void {
  const slide = blankSlide(newId(), layout);
  ctx.store.edit((m) => ({ ...m, slides: insertSlideValue(m.slides, slide, ctx.state.selection.current || undefined) }), {
    label: 'insert',
    immediate: true,
    select: single(slide.id),
    focus: slide.id,
  });
  ctx.focusField(`${slide.id}:title`, 0);
}

function duplicate(ctx: EditorContext): void {
  let copies: string[] = [];
  ctx.store.edit(
    (m) => {
      const r = duplicateSlideValues(m.slides, ctx.state.selection.ids, () => newId());
      copies = r.copies;
      return { ...m, slides: r.slides };
    },
    { label: 'duplicate', immediate: true },
  );
  if (copies.length > 0) ctx.store.select({ ids: copies, current: copies[0]!, anchor: copies[0]! });
}

function remove(ctx: EditorContext, label = 'delete'): void {
  const ids = ctx.state.selection.ids;
  if (ids.length >= ctx.state.model.slides.length) {
    ctx.say(ctx.t('editor.cannotDeleteAll'));
    return;
  }
  ctx.store.edit((m) => ({ ...m, slides: deleteSlideValues(m.slides, ids) }), { label, immediate: true });
  ctx.say(ctx.t(label === 'cut' ? 'editor.cut' : 'editor.deleted', { n: ids.length }), true);
}

function allHidden(state: EditorState): boolean {
  const hidden = new Set(state.model.slides.filter((s) => s.hidden).map((s) => s.id));
  return state.selection.ids.length > 0 && state.selection.ids.every((id) => hidden.has(id));
}

function toggleHidden(ctx: EditorContext): void {
  const hide = !allHidden(ctx.state);
  const ids = ctx.state.selection.ids;
  ctx.store.edit((m) => ({ ...m, slides: ids.reduce((acc, id) => updateSlide(acc, id, { hidden: hide }), m.slides as Slide[]) }), { label: 'hide', immediate: true });
}

/** Moves slides (a section slide brings its section) to just after `afterId` (null: to the start). */
export function moveSlides(store: EditorStore, ids: readonly string[], afterId: string | null): void {
  const { model, selection } = store.getState();
  const slides = model.slides;
  const moving = expandSections(slides, ids);
  const anchor = dropAnchor(slides, moving, afterId);
  const next = moveSlideValues(slides, moving, anchor);
  if (next.every((s, i) => s.id === slides[i]!.id)) return;
  store.edit((m) => ({ ...m, slides: next }), {
    label: 'move',
    immediate: true,
    select: { ids: moving, current: moving.includes(selection.current) ? selection.current : moving[0]!, anchor: moving[0]! },
  });
}

function step(ctx: EditorContext, dir: -1 | 1): void {
  const anchor = stepAnchor(ctx.state.model.slides, ctx.state.selection.ids, dir);
  if (anchor !== undefined) moveSlides(ctx.store, ctx.state.selection.ids, anchor);
}

// ---- The clipboard ----

/** What this window copied last: Paste from a context menu (which may not read the clipboard) uses it. */
let copied: SlidesPayload | null = null;

function copy(ctx: EditorContext, input?: CommandInput): void {
  const { model, selection } = ctx.state;
  const payload = copySlides({ id: ctx.store.deck.id, slides: model.slides, figures: model.figures }, selection.ids);
  copied = payload;
  const data = input?.clipboard;
  if (!data) return;
  data.setData(SLIDES_MIME, JSON.stringify(payload));
  data.setData('text/plain', slidesOutline(payload.slides, new Map(model.figures.map((f) => [f.key, f]))));
}

// ---- Pictures ----

/**
 * Puts a picture file into the deck, as one undoable step: into picture block `target` (replacing what it showed), or
 * where Insert › Picture puts it on the current slide (deckOps.placePicture). A file that is too large, not a picture
 * or unreadable is refused with a message, and nothing changes.
 */
export async function takePicture(ctx: EditorContext, file: File, target: PictureTarget | null): Promise<void> {
  const { store } = ctx;
  ctx.say(ctx.t('picture.adding', { name: file.name || ctx.t('picture.pasted') }));
  try {
    const { picture, stored } = await addPictureFile(ctx.api, store.deck.id, file, file.name);
    store.addAssets(stored);
    const current = store.getState().selection.current;
    let landed: PictureTarget | null = null;
    store.edit(
      (m) => {
        if (target && m.slides.some((s) => s.id === target.slideId && s.blocks[target.index]?.kind === 'image')) {
          landed = target;
          const before = m.slides.find((s) => s.id === target.slideId)!.blocks[target.index]!;
          // A placeholder takes the picture filling its frame; a picture replaced keeps how it was set.
          return { ...m, slides: updatePicture(m.slides, target.slideId, target.index, { assetId: picture.id, ...(before.kind === 'image' && before.assetId === null ? { fit: 'fill' as const } : {}) }) };
        }
        const at = current && m.slides.some((s) => s.id === current) ? current : m.slides[0]?.id;
        if (!at) return m;
        const r = placePicture(m.slides, at, picture.id, () => newId());
        landed = { slideId: r.slideId, index: r.index };
        return { ...m, slides: r.slides };
      },
      { label: 'picture', immediate: true },
    );
    const where = landed as PictureTarget | null;
    if (where) store.select(single(where.slideId));
    ctx.say(ctx.t('picture.added'), true);
  } catch (err) {
    ctx.say(ctx.t('picture.failed', { message: errorMessage(err, ctx.lang) }));
  }
}

/** Pictures of slides pasted from another deck are added to this one (stored once per deck, by content). */
async function bringPictures(ctx: EditorContext, payload: SlidesPayload): Promise<SlidesPayload> {
  const ids = payload.deckId === ctx.store.deck.id ? [] : assetIdsOf(payload.slides);
  const lost = new Set<string>();
  for (const assetId of ids) {
    try {
      ctx.store.addAssets(await copyPicture(ctx.api, payload.deckId, ctx.store.deck.id, assetId));
    } catch {
      lost.add(assetId);
    }
  }
  if (lost.size === 0) return payload;
  ctx.say(ctx.t('editor.paste.picturesLost', { n: lost.size }));
  const slides = payload.slides.map((s) => ({ ...s, blocks: s.blocks.map((b) => (b.kind === 'image' && b.assetId && lost.has(b.assetId) ? { ...b, assetId: null } : b)) }));
  return { ...payload, slides };
}

async function paste(ctx: EditorContext, input?: CommandInput): Promise<void> {
  const data = input?.clipboard;
  const payload = data ? readSlidesPayload(data.getData(SLIDES_MIME)) : copied;
  // A picture on the clipboard (a screenshot, an image copied from elsewhere) goes onto the slide.
  const file = payload ? null : pictureFileOf(data);
  if (file) {
    await takePicture(ctx, file, ctx.pictureTarget?.() ?? null);
    return;
  }
  if (!payload) {
    if (data && data.getData('text/plain')) ctx.say(ctx.t('editor.paste.notSlides'));
    return;
  }
  try {
    const ready = await bringPictures(ctx, payload);
    const { store } = ctx;
    const after = store.getState().selection.current || undefined;
    let made: Slide[] = [];
    store.edit(
      (m) => {
        const r = pasteSlides(ready, m.figures, () => newId());
        made = r.slides;
        const ids = m.slides.map((s) => s.id);
        const at = after ? ids.indexOf(after) + 1 : ids.length;
        const order = [...ids.slice(0, at), ...made.map((s) => s.id), ...ids.slice(at)];
        return { ...m, slides: arrangeSlides([...m.slides, ...made], order), figures: r.figures.length > 0 ? [...m.figures, ...r.figures] : m.figures };
      },
      { label: 'paste', immediate: true },
    );
    const ids = made.map((s) => s.id);
    if (ids.length > 0) {
      store.select({ ids, current: ids[0]!, anchor: ids[0]! });
      ctx.say(ctx.t('editor.pasted', { n: ids.length }), true);
    }
  } catch (err) {
    ctx.say(ctx.t('editor.paste.failed', { message: errorMessage(err, ctx.lang) }));
  }
}

// ---- The commands ----

const hasSlides = (ctx: EditorContext) => ctx.state.model.slides.length > 0;
const EXPORTS: Partial<Record<CommandId, string>> = {
  'export-pdf': 'pdf',
  'export-pdf-notes': 'pdf-notes',
  'export-pptx': 'pptx',
  'export-html': 'html',
  'export-html-notes': 'html-notes',
  'export-bundle': 'huibao',
};

export const EDITOR_COMMANDS: readonly Command<EditorContext>[] = [
  command('undo', { keyScope: 'exceptFormFields', textAction: 'undo', enabled: (c) => c.state.stack.past.length > 0, run: (c) => c.store.undo() }),
  command('redo', { keyScope: 'exceptFormFields', textAction: 'redo', enabled: (c) => c.state.stack.future.length > 0, run: (c) => c.store.redo() }),
  command('cut', {
    enabled: hasSlides,
    run: (c, input) => {
      copy(c, input);
      remove(c, 'cut');
    },
  }),
  command('copy', { enabled: hasSlides, run: copy }),
  command('paste', { enabled: () => true, run: paste }),
  command('delete', { textAction: 'delete', enabled: hasSlides, run: (c) => remove(c) }),
  command('select-all', {
    textAction: 'selectAll',
    enabled: hasSlides,
    run: (c) => {
      const ids = c.state.model.slides.map((s) => s.id);
      c.store.select({ ids, current: c.state.selection.current, anchor: ids[0]! });
    },
  }),
  command('new-slide', { keyScope: 'anywhere', enabled: () => true, run: (c) => insertSlide(c, 'points') }),
  command('duplicate', { keyScope: 'anywhere', enabled: hasSlides, run: duplicate }),
  command('hide', { enabled: hasSlides, checked: (c) => allHidden(c.state), run: toggleHidden }),
  command('move-up', { enabled: (c) => stepAnchor(c.state.model.slides, c.state.selection.ids, -1) !== undefined, run: (c) => step(c, -1) }),
  command('move-down', { enabled: (c) => stepAnchor(c.state.model.slides, c.state.selection.ids, 1) !== undefined, run: (c) => step(c, 1) }),
  command('emphasis', { keyScope: 'slideText', enabled: () => true, run: (c) => void toggleEmphasisAtSelection(c.store, c.focusField) }),
  command('insert-picture', { enabled: hasSlides, run: (c) => c.choosePicture(null) }),
  command('theme', { enabled: () => true, run: (c) => c.openThemes() }),
  command('save-version', {
    keyScope: 'anywhere',
    enabled: () => true,
    run: async (c) => {
      const label = c.t('editor.history.quickName', { time: new Date().toLocaleTimeString(c.lang === 'zh' ? 'zh-CN' : 'en', { hour: '2-digit', minute: '2-digit' }) });
      try {
        await c.store.saveVersion(label, false);
        c.say(c.t('editor.history.saved', { label }));
      } catch (err) {
        c.say(c.t('editor.history.saveFailed', { message: errorMessage(err, c.lang) }));
      }
    },
  }),
  command('refresh-report', { enabled: () => true, run: (c) => c.openRefresh() }),
  command('approve', { enabled: () => true, run: (c) => c.openApprove() }),
  command('present-start', { keyScope: 'anywhere', enabled: hasSlides, run: (c) => c.present('start') }),
  command('present-current', { keyScope: 'anywhere', enabled: hasSlides, run: (c) => c.present('current') }),
  command('present-console', { keyScope: 'anywhere', enabled: hasSlides, run: (c) => c.present('console') }),
  ...Object.entries(EXPORTS).map(([id, choice]) => command<EditorContext>(id as CommandId, { keyScope: 'anywhere', enabled: () => true, run: (c) => c.exportAs(choice) })),
  command('library', { keyScope: 'anywhere', enabled: () => true, run: (c) => c.leave() }),
];

export function editorCommand(id: CommandId): Command<EditorContext> {
  const found = EDITOR_COMMANDS.find((c) => c.id === id);
  if (!found) throw new Error(`No editor command ${id}`);
  return found;
}
