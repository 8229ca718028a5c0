// The editor's undo history: a pure stack of (before, after) snapshots of the model. Snapshots are cheap because the
// model is immutable and edits share structure. Consecutive edits of one field merge into one step until a word ends
// (a space or punctuation is typed), the user pauses, or something else is edited — so typing a word is one step.

export interface UndoEntry<S> {
  before: S;
  after: S;
  /** What the step did, for the menu and tooltips (“输入文字”, “移动幻灯片”). */
  label: string;
  /** Edits with the same group (e.g. the same text field) may merge; null never merges. */
  group: string | null;
  /** The slide to show when the step is undone or redone. */
  focus: string | null;
  /** When the step was last extended (ms). */
  at: number;
  /** A sealed step takes no more edits. */
  sealed: boolean;
}

export interface UndoStack<S> {
  past: readonly UndoEntry<S>[];
  future: readonly UndoEntry<S>[];
  limit: number;
}

/** How long a pause ends a typing step. */
export const MERGE_WINDOW_MS = 1500;

export function emptyUndoStack<S>(limit = 300): UndoStack<S> {
  return { past: [], future: [], limit };
}

export interface EditRecord<S> {
  before: S;
  after: S;
  label: string;
  group?: string | null;
  focus?: string | null;
  at: number;
  /** True when this edit ends a word: the step is sealed after it. */
  boundary?: boolean;
}

/** Records an edit: merges it into the last step when it continues the same typing, else pushes a new step. Clears redo. */
export function recordEdit<S>(stack: UndoStack<S>, edit: EditRecord<S>, windowMs = MERGE_WINDOW_MS): UndoStack<S> {
  const group = edit.group ?? null;
  const top = stack.past[stack.past.length - 1];
  if (top && !top.sealed && group !== null && top.group === group && edit.at - top.at <= windowMs) {
    const merged: UndoEntry<S> = { ...top, after: edit.after, at: edit.at, sealed: edit.boundary === true };
    return { ...stack, past: [...stack.past.slice(0, -1), merged], future: [] };
  }
  const entry: UndoEntry<S> = {
    before: edit.before,
    after: edit.after,
    label: edit.label,
    group,
    focus: edit.focus ?? null,
    at: edit.at,
    sealed: group === null || edit.boundary === true,
  };
  const past = [...stack.past, entry];
  return { ...stack, past: past.length > stack.limit ? past.slice(past.length - stack.limit) : past, future: [] };
}

/** Ends the current typing step (on blur, on a caret jump, before another kind of edit). */
export function sealLast<S>(stack: UndoStack<S>): UndoStack<S> {
  const top = stack.past[stack.past.length - 1];
  if (!top || top.sealed) return stack;
  return { ...stack, past: [...stack.past.slice(0, -1), { ...top, sealed: true }] };
}

/** Steps back: the state to show, and the stack after. Null when there is nothing to undo. */
export function undo<S>(stack: UndoStack<S>): { state: S; entry: UndoEntry<S>; stack: UndoStack<S> } | null {
  const top = stack.past[stack.past.length - 1];
  if (!top) return null;
  return { state: top.before, entry: top, stack: { ...stack, past: stack.past.slice(0, -1), future: [...stack.future, { ...top, sealed: true }] } };
}

/** Steps forward again after an undo. Null when there is nothing to redo. */
export function redo<S>(stack: UndoStack<S>): { state: S; entry: UndoEntry<S>; stack: UndoStack<S> } | null {
  const next = stack.future[stack.future.length - 1];
  if (!next) return null;
  return { state: next.after, entry: next, stack: { ...stack, past: [...stack.past, next], future: stack.future.slice(0, -1) } };
}

/** Whether going from `before` to `after` typed the end of a word (a space or punctuation), which seals the step. */
export function endsWord(before: string, after: string): boolean {
  if (after.length <= before.length) return false;
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  const inserted = after.slice(p, p + (after.length - before.length));
  return /[\s,.;:!?，。；：！？、）)」”]$/.test(inserted);
}
