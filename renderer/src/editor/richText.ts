// The DOM of an editable slide text: text nodes and atomic figure chips (`contenteditable=false` spans showing the
// figure's current value), read back as stored text with `{fig:KEY}` references. Only text nodes and elements made
// here reach the DOM (never markup from the text), so nothing typed or pasted can become an element or run.
import { splitFigureRefs } from '../../../decks/common/figures.ts';
import type { FigureMap } from '../slides/SlideView.tsx';

/** Replaces the children of `el` with the runs of `text`: text nodes, and a chip per figure reference. */
export function renderRuns(el: HTMLElement, text: string, figures: FigureMap): void {
  const doc = el.ownerDocument;
  const nodes: Node[] = [];
  for (const run of splitFigureRefs(text)) {
    if (run.kind === 'text') {
      nodes.push(doc.createTextNode(run.text));
      continue;
    }
    const figure = figures.get(run.key);
    const chip = doc.createElement('span');
    chip.className = figure ? 'fig fig-chip' : 'fig fig-missing fig-chip';
    chip.contentEditable = 'false';
    chip.dataset.fig = run.key;
    chip.textContent = figure ? figure.display : '[?]';
    if (figure) chip.title = figure.label;
    nodes.push(chip);
  }
  // A final line break shows only when something follows it.
  if (text.endsWith('\n')) {
    const br = doc.createElement('br');
    br.dataset.end = '';
    nodes.push(br);
  }
  el.replaceChildren(...nodes);
}

/** The stored text of an editable element (or a fragment of one): chips become `{fig:KEY}`. */
export function serialize(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) out += (child as Text).data.replace(/\u200b/g, '');
      else if (child.nodeType === 1) {
        const el = child as HTMLElement;
        if (el.dataset.fig) out += `{fig:${el.dataset.fig}}`;
        else if (el.tagName === 'BR') out += 'end' in el.dataset ? '' : '\n';
        else {
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

/** The caret's offset in the stored text of `el`, or null when the caret is elsewhere. */
export function caretOffset(el: HTMLElement): number | null {
  const sel = el.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.endContainer)) return null;
  const before = el.ownerDocument.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.endContainer, range.endOffset);
  return serialize(before.cloneContents()).length;
}

/** Whether the whole selection is collapsed at the very start of `el`. */
export function caretAtStart(el: HTMLElement): boolean {
  const sel = el.ownerDocument.getSelection();
  return !!sel && sel.isCollapsed && caretOffset(el) === 0;
}

/** Puts the caret at `offset` of the stored text (a chip counts as its whole reference). */
export function placeCaret(el: HTMLElement, offset: number): void {
  const doc = el.ownerDocument;
  const range = doc.createRange();
  let left = offset;
  let placed = false;
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) {
      const len = (child as Text).data.length;
      if (left <= len) {
        range.setStart(child, left);
        placed = true;
        break;
      }
      left -= len;
    } else if (child.nodeType === 1) {
      const chipKey = (child as HTMLElement).dataset.fig;
      const len = chipKey ? chipKey.length + 6 : 0;
      if (left <= 0) {
        range.setStartBefore(child);
        placed = true;
        break;
      }
      left -= len;
      if (left <= 0 && chipKey) {
        range.setStartAfter(child);
        placed = true;
        break;
      }
    }
  }
  if (!placed) {
    range.selectNodeContents(el);
    range.collapse(false);
  }
  range.collapse(true);
  const sel = doc.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}
