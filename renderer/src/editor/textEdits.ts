// Editing slide text as values: splitting a bullet at the caret (Enter), joining it to the one before (Backspace at its
// start), indenting (Tab), inserting a figure reference. Offsets count characters of the stored text, where a figure
// reference `{fig:KEY}` is one atomic piece: an offset never falls inside one.
import { FIGURE_REF, type Block } from '../../../decks/common/model.ts';

/** Moves `offset` out of any `{fig:…}` reference it falls inside (to the reference's end). */
export function snapOffset(text: string, offset: number): number {
  for (const m of text.matchAll(FIGURE_REF)) {
    if (offset > m.index && offset < m.index + m[0].length) return m.index + m[0].length;
  }
  return Math.max(0, Math.min(text.length, offset));
}

/** Enter in bullet `index` at `offset`: the text after the caret becomes a new bullet below, at the same level. */
export function splitBullet(blocks: readonly Block[], index: number, offset: number): Block[] {
  const b = blocks[index];
  if (!b || b.kind !== 'bullet') return [...blocks];
  const at = snapOffset(b.text, offset);
  return [...blocks.slice(0, index), { ...b, text: b.text.slice(0, at) }, { kind: 'bullet', text: b.text.slice(at), level: b.level }, ...blocks.slice(index + 1)];
}

/** Backspace at the start of bullet `index`: its text joins the bullet before; returns the blocks and the caret there. */
export function joinWithPrevious(blocks: readonly Block[], index: number): { blocks: Block[]; caret: number; into: number } | null {
  const b = blocks[index];
  const prev = blocks[index - 1];
  if (!b || b.kind !== 'bullet' || !prev || prev.kind !== 'bullet') return null;
  return {
    blocks: [...blocks.slice(0, index - 1), { ...prev, text: prev.text + b.text }, ...blocks.slice(index + 1)],
    caret: prev.text.length,
    into: index - 1,
  };
}

/** Tab / Shift+Tab: one level deeper or shallower (0..3). */
export function indentBullet(blocks: readonly Block[], index: number, by: 1 | -1): Block[] {
  const b = blocks[index];
  if (!b || b.kind !== 'bullet') return [...blocks];
  const level = Math.max(0, Math.min(3, b.level + by));
  if (level === b.level) return [...blocks];
  const out = [...blocks];
  out[index] = { ...b, level };
  return out;
}

/** Inserts a figure reference at `offset` of `text`; returns the text and the caret just after the reference. */
export function insertFigureRef(text: string, offset: number, key: string): { text: string; caret: number } {
  const at = snapOffset(text, offset);
  const ref = `{fig:${key}}`;
  return { text: text.slice(0, at) + ref + text.slice(at), caret: at + ref.length };
}

/** Text pasted into a field: plain text only; a one-line field gets its line breaks as spaces. */
export function cleanPaste(text: string, multiline: boolean): string {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return multiline ? normalized : normalized.replace(/\s*\n\s*/g, ' ');
}
