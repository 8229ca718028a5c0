// Ctrl+B in a slide text: the selected part becomes emphasised (or plain again), as one undoable step, and stays
// selected. The text model holds the emphasis as markers (see textEdits.ts), never as markup.
import type { EditorStore } from './editorStore.ts';
import { fieldText, parseFieldKey, setFieldText } from './fields.ts';
import { selectionOffsets } from './richText.ts';
import { toggleEmphasis } from './textEdits.ts';

/** Toggles emphasis on the selection of the focused slide text; `reselect` puts the selection back once redrawn. */
export function toggleEmphasisAtSelection(store: EditorStore, reselect: (key: string, start: number, end: number) => void): boolean {
  const el = document.activeElement as HTMLElement | null;
  const key = el?.dataset.field;
  const ref = key ? parseFieldKey(key) : null;
  const range = el && ref ? selectionOffsets(el) : null;
  if (!el || !key || !ref || !range || range.start === range.end) return false;
  const text = fieldText(store.getState().model.slides, ref);
  if (text === null) return false;
  const next = toggleEmphasis(text, range.start, range.end);
  if (next.text === text) return false;
  store.edit((m) => ({ ...m, slides: setFieldText(m.slides, ref, next.text) }), { label: 'emphasis', immediate: true, focus: ref.slideId });
  reselect(key, next.start, next.end);
  return true;
}
