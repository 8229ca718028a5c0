// The editor's state outside React: the deck as a pure model (slides, figures, theme), the selection, the undo stack, and
// autosave. Every edit is a pure function of the model (decks/common/deckOps.ts) applied at once (optimistic UI);
// autosave then sends the difference from what is stored in one `saveEdits` call (one transaction), within a second.
// When a save fails the model rolls back to what is stored and the error is shown.
import { ApiError, type DeckApi } from '../../../decks/common/api.ts';
import { diffFigures, diffSlides, droppedFigures, newFigures, setFigureLabel, setFigureValue } from '../../../decks/common/deckOps.ts';
import type { Approval, Asset, Deck, Figure, ImportWarning, Revision, Slide, Theme } from '../../../decks/common/model.ts';
import { reconcile, single, type Selection } from './selection.ts';
import { emptyUndoStack, recordEdit, redo, sealLast, undo, type UndoStack } from './undoStack.ts';

export interface EditorModel {
  slides: readonly Slide[];
  figures: readonly Figure[];
  /** The deck's theme: choosing one is an edit like any other (one undo step, saved with the rest). */
  theme: Theme;
}

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface EditorState {
  model: EditorModel;
  selection: Selection;
  stack: UndoStack<EditorModel>;
  save: SaveState;
  /** The last save or API error, to show. */
  error: unknown;
  warnings: readonly ImportWarning[];
  /** The deck's pictures (and their display copies): added to, never undone (an undone picture stays stored). */
  assets: readonly Asset[];
  /** Bumped when slides changed by something other than typing (undo, restore), so fields redraw. */
  revision: number;
  /** True while the last edit was typing: thumbnails may then catch up after the text is painted. */
  typing: boolean;
  /** The deck's last sign-off (定稿), or null. */
  approval: Approval | null;
  /** The model as it was approved, while the editor knows it (see approvalStatus). */
  approvedModel: EditorModel | null;
}

/** Whether the deck is signed off as it is now: no approval, approved and unchanged, or changed since (需重新定稿). */
export type ApprovalStatus = 'none' | 'approved' | 'changed';

/** Same slides (in order), figures and theme: what the approval's hash covers, as the editor holds it. */
function sameContent(a: EditorModel, b: EditorModel): boolean {
  if (a === b) return true;
  if (a.theme !== b.theme || a.slides.length !== b.slides.length || a.figures.length !== b.figures.length) return false;
  const slides = diffSlides(a.slides, b.slides);
  return slides.slides.length === 0 && slides.removed.length === 0 && slides.order === null && diffFigures(a.figures, b.figures).length === 0 && newFigures(a.figures, b.figures).length === 0;
}

export function approvalStatus(state: Pick<EditorState, 'approval' | 'approvedModel' | 'model'>): ApprovalStatus {
  if (!state.approval) return 'none';
  return state.approvedModel && sameContent(state.approvedModel, state.model) ? 'approved' : 'changed';
}

export interface EditOptions {
  label: string;
  /** Edits of one field with the same group merge into one undo step (typing a word). */
  group?: string;
  boundary?: boolean;
  /** Structural edits save at once; typing waits for a short pause. */
  immediate?: boolean;
  /** The slide to show when this step is undone or redone. */
  focus?: string;
  /** The selection after the edit. */
  select?: Selection;
}

/** How long typing pauses before a save, and the longest any edit waits (an edit is in SQLite within a second). */
export const SAVE_DEBOUNCE_MS = 300;
/** Structural edits (move, delete, a figure) save right after the frame that shows them. */
export const SAVE_SOON_MS = 30;
export const SAVE_MAX_WAIT_MS = 800;
/** Automatic versions: at most one per interval of editing, only when something changed. */
export const AUTO_VERSION_MS = 10 * 60_000;

export class EditorStore {
  private state: EditorState;
  private listeners = new Set<() => void>();
  private saved: EditorModel;
  private inflight: Promise<void> | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private maxWait: ReturnType<typeof setTimeout> | null = null;
  private autoVersion: ReturnType<typeof setInterval> | null = null;
  private changedSinceVersion = false;
  /** The deck's `updatedAt` after our last write: a save made from a stale view is refused (CONFLICT), never silently applied. */
  private deckUpdatedAt: string;
  /** Called when a revision was saved or restored, so the history panel can refresh. */
  onRevisions: (() => void) | null = null;

  constructor(
    private readonly api: DeckApi,
    readonly deck: Pick<Deck, 'id' | 'title' | 'theme' | 'createdAt' | 'updatedAt'>,
    initial: Pick<Deck, 'slides' | 'figures' | 'warnings'> & Partial<Pick<Deck, 'assets' | 'approval'>>,
    private readonly clock: () => Date = () => new Date(),
  ) {
    const model: EditorModel = { slides: initial.slides, figures: initial.figures, theme: deck.theme };
    this.saved = model;
    this.deckUpdatedAt = deck.updatedAt;
    const first = initial.slides[0]?.id ?? '';
    this.state = {
      model,
      selection: single(first),
      stack: emptyUndoStack(),
      save: 'saved',
      error: null,
      warnings: initial.warnings,
      assets: initial.assets ?? [],
      revision: 0,
      typing: false,
      approval: initial.approval ?? null,
      approvedModel: initial.approval?.current ? model : null,
    };
  }

  // ---- subscription (useSyncExternalStore) ----

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };
  getState = (): EditorState => this.state;

  private set(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  // ---- editing ----

  select(selection: Selection): void {
    if (selection !== this.state.selection) this.set({ selection, stack: sealLast(this.state.stack) });
  }

  /** Applies a pure edit to the model, records it for undo and schedules the save. */
  edit(fn: (m: EditorModel) => EditorModel, opts: EditOptions): void {
    const before = this.state.model;
    const after = fn(before);
    if (after === before) return;
    const stack = recordEdit(this.state.stack, {
      before,
      after,
      label: opts.label,
      group: opts.group ?? null,
      boundary: opts.boundary,
      focus: opts.focus ?? this.state.selection.current,
      at: this.clock().getTime(),
    });
    const selection = opts.select ?? this.reconciled(before, after);
    this.set({ model: after, stack, selection, save: this.state.save === 'saving' ? 'saving' : 'pending', typing: opts.group !== undefined });
    this.changedSinceVersion = true;
    this.scheduleSave(opts.immediate === true);
  }

  private reconciled(before: EditorModel, after: EditorModel): Selection {
    if (before.slides === after.slides) return this.state.selection;
    return reconcile(
      this.state.selection,
      after.slides.map((s) => s.id),
      before.slides.map((s) => s.id),
    );
  }

  /** Pictures just stored for the deck (addAsset): the slides may now show them. */
  addAssets(assets: readonly Asset[]): void {
    const known = new Map(this.state.assets.map((a) => [a.id, a]));
    for (const a of assets) known.set(a.id, a);
    this.set({ assets: [...known.values()] });
  }

  /** The deck's theme, as one undoable step. */
  setTheme(theme: Theme): void {
    this.edit((m) => (m.theme === theme ? m : { ...m, theme }), { label: 'theme', immediate: true });
  }

  /** A figure's new value as typed; returns the error (to show next to the field) or null when it was applied. */
  setFigure(key: string, input: string): ApiError | null {
    try {
      const at = this.clock().toISOString();
      this.edit(
        (m) => {
          const next = setFigureValue(m.figures, key, input, at).figures;
          const a = m.figures.find((f) => f.key === key);
          const b = next.find((f) => f.key === key);
          // The same value as typed before is no edit (and no undo step).
          return a && b && a.value === b.value && a.decimals === b.decimals && a.grouped === b.grouped ? m : { ...m, figures: next };
        },
        { label: 'figure', immediate: true },
      );
      return null;
    } catch (err) {
      if (err instanceof ApiError) return err;
      throw err;
    }
  }

  /** A figure's new label, for every slide that shows it, as one undo step; returns the error to show, or null. */
  setFigureLabel(key: string, input: string): ApiError | null {
    try {
      this.edit(
        (m) => {
          const next = setFigureLabel(m, key, input);
          return next === m ? m : { ...m, ...next };
        },
        { label: 'figureLabel', immediate: true },
      );
      return null;
    } catch (err) {
      if (err instanceof ApiError) return err;
      throw err;
    }
  }

  undo(): void {
    const r = undo(this.state.stack);
    if (!r) return;
    this.jump(r.state, r.stack, r.entry.focus);
  }

  redo(): void {
    const r = redo(this.state.stack);
    if (!r) return;
    this.jump(r.state, r.stack, r.entry.focus);
  }

  private jump(model: EditorModel, stack: UndoStack<EditorModel>, focus: string | null): void {
    const before = this.state.model;
    let selection = this.reconciled(before, model);
    if (focus && model.slides.some((s) => s.id === focus) && focus !== selection.current) selection = single(focus);
    this.set({ model, stack, selection, revision: this.state.revision + 1, save: 'pending', typing: false });
    this.changedSinceVersion = true;
    this.scheduleSave(true);
  }

  // ---- autosave ----

  private scheduleSave(immediate: boolean): void {
    if (this.debounce) clearTimeout(this.debounce);
    if (immediate) {
      // After the frame that shows the edit: serialising the request never delays its paint.
      this.debounce = setTimeout(() => void this.flush(), SAVE_SOON_MS);
      return;
    }
    this.debounce = setTimeout(() => void this.flush(), SAVE_DEBOUNCE_MS);
    if (!this.maxWait) this.maxWait = setTimeout(() => void this.flush(), SAVE_MAX_WAIT_MS);
  }

  private clearTimers(): void {
    if (this.debounce) clearTimeout(this.debounce);
    if (this.maxWait) clearTimeout(this.maxWait);
    this.debounce = null;
    this.maxWait = null;
  }

  /** Whether the model holds edits that are not stored yet. */
  dirty(): boolean {
    return this.state.model !== this.saved;
  }

  /** Saves what is not stored yet, now; resolves when the store has it (or the save failed). */
  flush(): Promise<void> {
    this.clearTimers();
    if (this.inflight) return this.inflight.then(() => (this.dirty() ? this.flush() : undefined));
    const target = this.state.model;
    const slides = diffSlides(this.saved.slides, target.slides);
    const figures = diffFigures(this.saved.figures, target.figures);
    const added = newFigures(this.saved.figures, target.figures);
    const dropped = droppedFigures(this.saved.figures, target.figures);
    const theme = target.theme !== this.saved.theme ? target.theme : null;
    if (slides.slides.length === 0 && slides.removed.length === 0 && slides.order === null && figures.length === 0 && added.length === 0 && dropped.length === 0 && theme === null) {
      this.saved = target;
      if (this.state.save !== 'saved' && this.state.save !== 'error') this.set({ save: 'saved' });
      return Promise.resolve();
    }
    this.set({ save: 'saving' });
    const args = {
      deckId: this.deck.id,
      expectedUpdatedAt: this.deckUpdatedAt,
      ...(slides.slides.length > 0 ? { slides: slides.slides } : {}),
      ...(slides.removed.length > 0 ? { removed: slides.removed } : {}),
      ...(slides.order ? { order: slides.order } : {}),
      ...(figures.length > 0 ? { figures } : {}),
      ...(added.length > 0 ? { newFigures: added } : {}),
      ...(dropped.length > 0 ? { removedFigures: dropped } : {}),
      ...(theme !== null ? { theme } : {}),
    };
    this.inflight = this.api
      .saveEdits(args)
      .then((r) => {
        this.deckUpdatedAt = r.updatedAt;
        this.saved = target;
        this.inflight = null;
        if (this.dirty()) return this.flush();
        this.set({ save: 'saved', error: null });
        return undefined;
      })
      .catch((err: unknown) => {
        this.inflight = null;
        // Roll back to what is stored: the screen never shows what is not saved.
        const model = this.saved;
        this.set({
          model,
          error: err,
          save: 'error',
          selection: this.reconciled(this.state.model, model),
          stack: sealLast(this.state.stack),
          revision: this.state.revision + 1,
        });
      });
    return this.inflight;
  }

  clearError(): void {
    if (this.state.error !== null) this.set({ error: null, save: this.dirty() ? 'pending' : 'saved' });
  }

  // ---- versions ----

  /** The deck's `updatedAt` after our last write (or as loaded): a deck stored with another one was changed elsewhere. */
  knownUpdatedAt(): string {
    return this.deckUpdatedAt;
  }

  stopAutoVersions(): void {
    if (this.autoVersion) clearInterval(this.autoVersion);
    this.autoVersion = null;
  }

  startAutoVersions(): void {
    if (this.autoVersion) return;
    this.autoVersion = setInterval(() => {
      if (!this.changedSinceVersion) return;
      void this.saveVersion('', true).catch(() => undefined);
    }, AUTO_VERSION_MS);
  }

  async saveVersion(label: string, auto: boolean): Promise<Revision> {
    await this.flush();
    this.changedSinceVersion = false;
    const r = await this.api.saveRevision({ deckId: this.deck.id, label, auto });
    this.onRevisions?.();
    return r;
  }

  /** Restores a version; the service keeps the current state as a version first, and the restore is one undo step. */
  async restore(revisionId: string): Promise<Revision> {
    await this.flush();
    const r = await this.api.restoreRevision({ deckId: this.deck.id, revisionId });
    this.tookStored(r.deck, 'restore');
    return r.keptAs;
  }

  /**
   * Applies the chosen items of a revised report's review (refreshApply): the service keeps the deck as a named
   * version first, and here the whole of it is one undo step.
   */
  async applyRefresh(report: { fileName: string; dataBase64: string }, accept: readonly string[]): Promise<{ keptAs: Revision; applied: number }> {
    await this.flush();
    const r = await this.api.refreshApply({ deckId: this.deck.id, ...report, accept: [...accept], expectedUpdatedAt: this.deckUpdatedAt });
    this.tookStored(r.deck, 'refresh');
    return { keptAs: r.keptAs, applied: r.applied };
  }

  /** The deck as the service wrote it (a restore, a refresh), taken as one undo step. */
  private tookStored(deck: Deck, label: string): void {
    this.deckUpdatedAt = deck.updatedAt;
    const before = this.state.model;
    const after: EditorModel = { slides: deck.slides, figures: deck.figures, theme: deck.theme };
    this.saved = after;
    const stack = recordEdit(this.state.stack, { before, after, label, at: this.clock().getTime() });
    const first = after.slides[0]?.id;
    const selection = after.slides.some((s) => s.id === this.state.selection.current) ? this.reconciled(before, after) : first ? single(first) : this.state.selection;
    this.set({ model: after, stack, selection, warnings: deck.warnings, revision: this.state.revision + 1, save: 'saved' });
    this.onRevisions?.();
  }

  // ---- 定稿 ----

  /** Signs the deck off as it is now (after saving what is pending). */
  async approve(approver: string): Promise<Approval> {
    await this.flush();
    if (this.state.save === 'error') throw this.state.error;
    const model = this.state.model;
    const approval = await this.api.approveDeck({ deckId: this.deck.id, approver });
    this.set({ approval, approvedModel: model });
    this.onRevisions?.();
    return approval;
  }

  // ---- confirmations (放映前检查) ----

  /**
   * Marks figures as confirmed by a person (or not). No edit of the deck, so no undo step: the model and what is
   * stored take the confirmation together, and nothing is left for autosave.
   */
  async confirmFigures(keys: readonly string[], confirmed = true): Promise<void> {
    const at = confirmed ? this.clock().toISOString() : null;
    const wanted = new Set(keys);
    const mark = (m: EditorModel): EditorModel => ({ ...m, figures: m.figures.map((f) => (wanted.has(f.key) ? { ...f, confirmedAt: at } : f)) });
    const dirty = this.dirty();
    this.saved = mark(this.saved);
    this.set({ model: dirty ? mark(this.state.model) : this.saved });
    try {
      await this.api.confirmFigures({ deckId: this.deck.id, keys: [...keys], confirmed });
    } catch (err) {
      this.set({ error: err });
    }
  }

  // ---- import warnings ----

  async dismissWarning(id: string): Promise<void> {
    const before = this.state.warnings;
    this.set({ warnings: before.map((w) => (w.id === id ? { ...w, dismissed: true } : w)) });
    try {
      await this.api.dismissWarning({ deckId: this.deck.id, warningId: id });
    } catch (err) {
      this.set({ warnings: before, error: err });
    }
  }

  dispose(): void {
    this.stopAutoVersions();
    void this.flush();
  }
}
