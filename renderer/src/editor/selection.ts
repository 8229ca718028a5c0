// The sorter's selection, as PowerPoint's: click selects one, Ctrl/⌘+click toggles, Shift+click and Shift+arrows extend
// from the anchor. Pure: the ids of the deck in order in, the new selection out.

export interface Selection {
  /** Selected slide ids, in deck order. */
  ids: readonly string[];
  /** The slide shown on the canvas (always selected). */
  current: string;
  /** Where a Shift range starts. */
  anchor: string;
}

export function single(id: string): Selection {
  return { ids: [id], current: id, anchor: id };
}

function inOrder(order: readonly string[], ids: Iterable<string>): string[] {
  const set = new Set(ids);
  return order.filter((id) => set.has(id));
}

function range(order: readonly string[], a: string, b: string): string[] {
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  if (i < 0 || j < 0) return [b];
  return order.slice(Math.min(i, j), Math.max(i, j) + 1);
}

/** A click on `id`, with the modifier keys held. */
export function clickSelect(sel: Selection, order: readonly string[], id: string, mods: { shift?: boolean; toggle?: boolean }): Selection {
  if (mods.shift) return { ids: range(order, sel.anchor, id), current: id, anchor: sel.anchor };
  if (mods.toggle) {
    const has = sel.ids.includes(id);
    if (has && sel.ids.length === 1) return sel; // something stays selected
    const ids = has ? sel.ids.filter((x) => x !== id) : inOrder(order, [...sel.ids, id]);
    const current = has ? (id === sel.current ? ids[0]! : sel.current) : id;
    return { ids, current, anchor: has ? current : id };
  }
  return single(id);
}

/** ↑/↓/Home/End/PageUp/PageDown: moves the current slide by `delta` (clamped); with Shift the range grows from the anchor. */
export function stepSelect(sel: Selection, order: readonly string[], delta: number, extend: boolean): Selection {
  if (order.length === 0) return sel;
  const at = order.indexOf(sel.current);
  const to = order[Math.max(0, Math.min(order.length - 1, (at < 0 ? 0 : at) + delta))]!;
  return extend ? { ids: range(order, sel.anchor, to), current: to, anchor: sel.anchor } : single(to);
}

/** The selection after the deck changed: drops ids that are gone, and falls back to the nearest slide. */
export function reconcile(sel: Selection, order: readonly string[], previousOrder: readonly string[]): Selection {
  const present = new Set(order);
  const ids = sel.ids.filter((id) => present.has(id));
  if (present.has(sel.current)) return { ids: ids.length > 0 ? inOrder(order, ids) : [sel.current], current: sel.current, anchor: present.has(sel.anchor) ? sel.anchor : sel.current };
  if (order.length === 0) return sel;
  // The slide now where the current one was (or the last).
  const was = Math.max(0, previousOrder.indexOf(sel.current));
  const before = previousOrder.slice(0, was + 1).reverse().find((id) => present.has(id));
  const after = previousOrder.slice(was).find((id) => present.has(id));
  const next = after ?? before ?? order[0]!;
  return ids.length > 0 ? { ids: inOrder(order, [...ids, next]), current: next, anchor: next } : single(next);
}
