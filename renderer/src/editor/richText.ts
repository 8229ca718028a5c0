// The DOM of an editable slide text: text nodes, atomic figure chips (`contenteditable=false` spans showing the
// figure's current value) and emphasis (`<strong data-em>`), read back as stored text with `{fig:KEY}` references and
// `{em}…{/em}` markers. Only text nodes and elements made here reach the DOM (never markup from the text), so nothing
// typed or pasted can become an element or run.
import { splitFigureRefs } from '../../../decks/common/figures.ts';
import { EMPHASIS_CLOSE, EMPHASIS_OPEN } from '../../../decks/common/model.ts';
import type { FigureMap } from '../slides/SlideView.tsx';

/** Replaces the children of `el` with the runs of `text`: text nodes, a chip per figure reference, emphasis around runs. */
export function renderRuns(el: HTMLElement, text: string, figures: FigureMap): void {
  const doc = el.ownerDocument;
  const nodes: Node[] = [];
  let strong: HTMLElement | null = null;
  for (const run of splitFigureRefs(text)) {
    let node: Node;
    if (run.kind === 'text') node = doc.createTextNode(run.text);
    else {
      const figure = figures.get(run.key);
      const chip = doc.createElement('span');
      chip.className = figure ? 'fig fig-chip' : 'fig fig-missing fig-chip';
      chip.contentEditable = 'false';
      chip.dataset.fig = run.key;
      chip.textContent = figure ? figure.display : '[?]';
      if (figure) chip.title = figure.label;
      node = chip;
    }
    if (!run.em) {
      strong = null;
      nodes.push(node);
      continue;
    }
    if (!strong) {
      strong = doc.createElement('strong');
      strong.className = 'hb-em';
      strong.dataset.em = '';
      nodes.push(strong);
    }
    strong.appendChild(node);
  }
  // A final line break shows only when something follows it.
  if (text.endsWith('\n')) {
    const br = doc.createElement('br');
    br.dataset.end = '';
    nodes.push(br);
  }
  el.replaceChildren(...nodes);
}

const isEm = (el: HTMLElement) => el.tagName === 'STRONG' && 'em' in el.dataset;

/** The stored text of an editable element (or a fragment of one): chips become `{fig:KEY}`, emphasis `{em}…{/em}`. */
export function serialize(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += (child as Text).data.replace(/\u200b/g, '');
      else if (child.nodeType === 1) {
        const el = child as HTMLElement;
        if (el.dataset.fig) out += `{fig:${el.dataset.fig}}`;
        else if (el.tagName === 'BR') out += 'end' in el.dataset ? '' : '\n';
        else if (isEm(el)) {
          out += EMPHASIS_OPEN;
          walk(el);
          out += EMPHASIS_CLOSE;
        } else {
          if ((el.tagName === 'DIV' || el.tagName === 'P') && out.length > 0 && !out.endsWith('\n')) out += '\n';
          walk(el);
        }
      }
    }
  };
  walk(root);
  return out;
}

/** Whether every chip shows its figure's current value (after a figure changed, chips are redrawn). */
export function chipsCurrent(el: HTMLElement, figures: FigureMap): boolean {
  for (const chip of Array.from(el.querySelectorAll<HTMLElement>('[data-fig]'))) {
    const shown = figures.get(chip.dataset.fig ?? '')?.display ?? '[?]';
    if (chip.textContent !== shown) return false;
  }
  return true;
}

/** The stored-text offset of a point (container, offset) inside `el`. */
function offsetOfPoint(el: HTMLElement, container: Node, offset: number): number {
  const before = el.ownerDocument.createRange();
  before.selectNodeContents(el);
  before.setEnd(container, offset);
  let n = serialize(before.cloneContents()).length;
  // A point inside emphasis cuts it: the copied part then ends with a closing marker the text has further on.
  for (let node: Node | null = container; node && node !== el; node = node.parentNode) {
    if (node.nodeType === 1 && isEm(node as HTMLElement)) n -= EMPHASIS_CLOSE.length;
  }
  return n;
}

/** The caret's offset in the stored text of `el`, or null when the caret is elsewhere. */
export function caretOffset(el: HTMLElement): number | null {
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.endContainer)) return null;
  return offsetOfPoint(el, range.endContainer, range.endOffset);
}

/** The selection in the stored text of `el` (start ≤ end), or null when it is elsewhere. */
export function selectionOffsets(el: HTMLElement): { start: number; end: number } | null {
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  return { start: offsetOfPoint(el, range.startContainer, range.startOffset), end: offsetOfPoint(el, range.endContainer, range.endOffset) };
}

/** Whether the whole selection is collapsed at the very start of `el`. */
export function caretAtStart(el: HTMLElement): boolean {
  const sel = el.ownerDocument.getSelection();
  return !!sel && sel.isCollapsed && caretOffset(el) === 0;
}

/** The DOM point at `offset` of the stored text (a chip counts as its whole reference, emphasis as its markers). */
function pointAt(el: HTMLElement, offset: number): { node: Node; offset: number } | null {
  let left = offset;
  const visit = (parent: Node): { node: Node; offset: number } | null => {
    const children = Array.from(parent.childNodes);
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.nodeType === 3) {
        const len = (child as Text).data.length;
        if (left <= len) return { node: child, offset: left };
        left -= len;
      } else if (child.nodeType === 1) {
        const e = child as HTMLElement;
        if (isEm(e)) {
          if (left <= 0) return { node: parent, offset: i };
          // An offset inside a marker (a caret kept from before the text changed) goes just inside the emphasis.
          left = Math.max(0, left - EMPHASIS_OPEN.length);
          const inside = visit(e);
          if (inside) return inside;
          left -= EMPHASIS_CLOSE.length;
          if (left <= 0) return { node: parent, offset: i + 1 };
          continue;
        }
        const len = e.dataset.fig ? e.dataset.fig.length + 6 : 0;
        if (left <= 0) return { node: parent, offset: i };
        left -= len;
        if (left <= 0 && e.dataset.fig) return { node: parent, offset: i + 1 };
      }
    }
    // Inside emphasis, a point at its very end stays inside.
    if (left <= 0 && parent !== el) return { node: parent, offset: children.length };
    return null;
  };
  return visit(el);
}

/** Selects stored offsets [start, end] of `el` (a caret when they are equal). */
export function selectRange(el: HTMLElement, start: number, end = start): void {
  const doc = el.ownerDocument;
  const range = doc.createRange();
  const a = pointAt(el, start);
  const b = end === start ? a : pointAt(el, end);
  if (a) range.setStart(a.node, a.offset);
  else {
    range.selectNodeContents(el);
    range.collapse(false);
  }
  if (b) range.setEnd(b.node, b.offset);
  else range.setEnd(el, el.childNodes.length);
  const sel = doc.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

/** Puts the caret at `offset` of the stored text. */
export function placeCaret(el: HTMLElement, offset: number): void {
  selectRange(el, offset);
}
