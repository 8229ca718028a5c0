// Editing slide text as values: splitting a bullet at the caret (Enter), joining it to the one before (Backspace at its
// start), indenting (Tab), inserting a figure reference, emphasis (Ctrl+B). Offsets count characters of the stored
// text, where a figure reference `{fig:KEY}` and an emphasis marker `{em}`/`{/em}` are atomic pieces: an offset
// never falls inside one.
import { EMPHASIS_CLOSE, EMPHASIS_OPEN, INLINE_TOKEN, type Block } from '../../../decks/common/model.ts';

/** Moves `offset` out of any `{fig:…}` reference or marker it falls inside (to its end). */
export function snapOffset(text: string, offset: number): number {
  for (const m of text.matchAll(INLINE_TOKEN)) {
    if (offset > m.index && offset < m.index + m[0].length) return m.index + m[0].length;
  }
  return Math.max(0, Math.min(text.length, offset));
}

/** What inline text shows, piece by piece (a character or a figure reference), each emphasised or not. */
interface Piece {
  text: string;
  em: boolean;
  /** Where the piece starts in the stored text. */
  at: number;
}

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let em = false;
  for (const m of text.matchAll(INLINE_TOKEN)) {
    if (m[0] === EMPHASIS_OPEN) em = true;
    else if (m[0] === EMPHASIS_CLOSE) em = false;
    else out.push({ text: m[0], em, at: m.index });
  }
  return out;
}

/** How many pieces lie before stored offset `offset`. */
const piecesBefore = (list: readonly Piece[], offset: number) => list.filter((p) => p.at < offset).length;

/** Writes pieces back as stored text, with markers only where emphasis starts and ends; `starts[i]` is where piece i's text begins. */
function write(list: readonly Piece[]): { text: string; starts: number[] } {
  let text = '';
  let em = false;
  const starts: number[] = [];
  for (const p of list) {
    if (p.em !== em) {
      text += p.em ? EMPHASIS_OPEN : EMPHASIS_CLOSE;
      em = p.em;
    }
    starts.push(text.length);
    text += p.text;
  }
  if (em) text += EMPHASIS_CLOSE;
  return { text, starts };
}

/** Where the text of pieces [0, n) ends (inside any emphasis still open there). */
function endOf(written: { starts: number[] }, list: readonly Piece[], n: number): number {
  return n === 0 ? (list[0]?.em ? EMPHASIS_OPEN.length : 0) : written.starts[n - 1]! + list[n - 1]!.text.length;
}

/**
 * Ctrl+B on the stored text between `start` and `end`: emphasised when any of it was not, plain when all of it was.
 * Returns the new text and where the same selection now lies. A collapsed selection changes nothing.
 */
export function toggleEmphasis(text: string, start: number, end: number): { text: string; start: number; end: number } {
  const list = pieces(text);
  const [a, b] = [piecesBefore(list, Math.min(start, end)), piecesBefore(list, Math.max(start, end))];
  if (a === b) return { text, start, end };
  const on = !list.slice(a, b).every((p) => p.em);
  const next = list.map((p, i) => (i >= a && i < b ? { ...p, em: on } : p));
  const written = write(next);
  return { text: written.text, start: written.starts[a]!, end: endOf(written, next, b) };
}

/** Stored text cut at `offset` into two texts that each carry their own emphasis (an emphasis spanning the cut goes on in both). */
export function splitInline(text: string, offset: number): [string, string] {
  const list = pieces(text);
  const at = piecesBefore(list, snapOffset(text, offset));
  return [write(list.slice(0, at)).text, write(list.slice(at)).text];
}

/** Enter in bullet `index` at `offset`: the text after the caret becomes a new bullet below, at the same level. */
export function splitBullet(blocks: readonly Block[], index: number, offset: number): Block[] {
  const b = blocks[index];
  if (!b || b.kind !== 'bullet') return [...blocks];
  const [before, after] = splitInline(b.text, offset);
  return [...blocks.slice(0, index), { ...b, text: before }, { kind: 'bullet', text: after, level: b.level }, ...blocks.slice(index + 1)];
}

/** Backspace at the start of bullet `index`: its text joins the bullet before; returns the blocks and the caret there. */
export function joinWithPrevious(blocks: readonly Block[], index: number): { blocks: Block[]; caret: number; into: number } | null {
  const b = blocks[index];
  const prev = blocks[index - 1];
  if (!b || b.kind !== 'bullet' || !prev || prev.kind !== 'bullet') return null;
  // Written again as one text, so an emphasis running across the join needs no markers in between.
  const list = pieces(prev.text + b.text);
  const joined = write(list);
  return {
    blocks: [...blocks.slice(0, index - 1), { ...prev, text: joined.text }, ...blocks.slice(index + 1)],
    caret: endOf(joined, list, pieces(prev.text).length),
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
