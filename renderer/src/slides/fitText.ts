// Auto-fit: a slide's text shrinks (through the `--hb-fit` font scale its theme multiplies every size by) in small
// steps until it fits its boxes, down to FIT_MIN; what still does not fit is flagged (`hb-overflow` class,
// `data-overflow`, and a callback) so the editor can say so. Used by SlideFrame and the presenter, so the editor,
// the presentation and exports all show the same fitted slide.
//
// Fitting reads layout, so every slide asking in one render is fitted together in one batch before the next
// paint: each round writes all scales, then reads all boxes — a few layouts in all, not a few per slide.
import { useLayoutEffect, useRef, type RefObject } from 'react';

export const FIT_MIN = 0.7;
export const FIT_STEP = 0.05;
export const OVERFLOW_CLASS = 'hb-overflow';
/** The boxes whose content must stay inside them. */
const BOXES = '.hb-body, .hb-cover, .hb-head .hb-title, .hb-callout';
/** Rounding of sub-pixel layout: a pixel of slack is not an overflow. */
const SLACK = 1;

export interface FitResult {
  scale: number;
  overflow: boolean;
}

/** The scales tried, largest first: 1, 0.95, … FIT_MIN. */
export function fitSteps(min = FIT_MIN, step = FIT_STEP): number[] {
  const steps: number[] = [];
  for (let s = 1; s > min + 1e-9; s = Math.round((s - step) * 1000) / 1000) steps.push(s);
  steps.push(min);
  return steps;
}

/**
 * Fits many items together, in rounds: each round sets the scale of every item still open (writes), then asks
 * every one whether it fits (reads), so a browser lays out once per round instead of once per item and step.
 * An item keeps the first scale that fits, or the smallest, flagged as overflowing. Pure, given its callbacks.
 */
export function fitAll<T>(items: readonly T[], setScale: (item: T, scale: number) => void, fits: (item: T) => boolean, steps: readonly number[] = fitSteps()): FitResult[] {
  const results: FitResult[] = items.map(() => ({ scale: 1, overflow: false }));
  let open = items.map((item, index) => ({ item, index }));
  for (let step = 0; step < steps.length && open.length > 0; step++) {
    const scale = steps[step]!;
    for (const o of open) setScale(o.item, scale);
    const last = step === steps.length - 1;
    open = open.filter((o) => {
      const ok = fits(o.item);
      if (ok || last) results[o.index] = { scale, overflow: !ok };
      return !ok && !last;
    });
  }
  return results;
}

/** True when some box of the slide holds more than it shows. */
export function overflows(slide: Element): boolean {
  const boxes = slide.querySelectorAll(BOXES);
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i]!;
    if (box.scrollHeight > box.clientHeight + SLACK || box.scrollWidth > box.clientWidth + SLACK) return true;
  }
  return false;
}

function setScale(slide: HTMLElement, scale: number): void {
  if (scale === 1) slide.style.removeProperty('--hb-fit');
  else slide.style.setProperty('--hb-fit', String(scale));
}

function flag(slide: HTMLElement, result: FitResult): void {
  slide.classList.toggle(OVERFLOW_CLASS, result.overflow);
  if (result.overflow) slide.dataset.overflow = 'true';
  else delete slide.dataset.overflow;
  slide.dataset.fit = String(result.scale);
}

interface Pending {
  slide: HTMLElement;
  done?: (r: FitResult) => void;
  /** Asked when the batch runs: true puts the slide off until after the next frame (a slide not on screen yet). */
  later?: () => boolean;
}
let queue: Pending[] = [];
let scheduled = false;
let deferred: Pending[] = [];
let deferScheduled = false;

/** After the next frame the layout is clean, so measuring costs reads only, off the path of a slide change. */
function runDeferred(): void {
  deferScheduled = false;
  const batch = deferred;
  deferred = [];
  fitBatch(batch);
}

/** Fits every queued slide together (see the note at the top). A slide not displayed (no boxes) is left alone. */
function fitQueued(): void {
  scheduled = false;
  const now: Pending[] = [];
  for (const p of queue) (p.later?.() ? deferred : now).push(p);
  queue = [];
  if (deferred.length > 0 && !deferScheduled) {
    deferScheduled = true;
    requestAnimationFrame(() => setTimeout(runDeferred, 0));
  }
  fitBatch(now);
}

function fitBatch(pending: readonly Pending[]): void {
  const batch = pending.filter((p) => p.slide.isConnected && p.slide.getClientRects().length > 0);
  const results = fitAll(batch, (p, scale) => setScale(p.slide, scale), (p) => !overflows(p.slide));
  batch.forEach((p, i) => {
    flag(p.slide, results[i]!);
    p.done?.(results[i]!);
  });
}

/** Fits a rendered slide (`.hb-slide`) before the next paint, batched with every other slide asking meanwhile. */
export function scheduleFit(slide: HTMLElement, done?: (r: FitResult) => void, later?: () => boolean): void {
  const existing = queue.find((p) => p.slide === slide);
  if (existing) Object.assign(existing, { done, later });
  else queue.push({ slide, done, later });
  if (scheduled) return;
  scheduled = true;
  // A microtask runs after React's layout effects and before the browser paints: no unfitted frame is shown.
  queueMicrotask(fitQueued);
}

let fontsSettled = false;

/**
 * Results by what was fitted (`cacheKey`, e.g. the immutable Slide object a presentation shows at one fixed size):
 * a slide scrolled out of the presenter's window and back is given its scale again without measuring. Only results
 * measured once the fonts have loaded are kept, as earlier metrics may change.
 */
const known = new WeakMap<object, FitResult>();

function fontsLoaded(): boolean {
  return typeof document === 'undefined' || !document.fonts || document.fonts.status === 'loaded';
}

/**
 * Fits the `.hb-slide` inside `container` after every render (its text may have changed), and once more when
 * the system fonts have loaded (metrics can change). `onResult` hears the scale and whether it still overflows.
 * With `cacheKey`, a result already measured for that key is applied at once, without reading layout.
 */
export function useFitText(container: RefObject<HTMLElement | null>, onResult?: (r: FitResult) => void, later?: () => boolean, cacheKey?: object): void {
  const callback = useRef(onResult);
  callback.current = onResult;
  const key = useRef(cacheKey);
  key.current = cacheKey;
  useLayoutEffect(() => {
    const slide = container.current?.querySelector<HTMLElement>('.hb-slide');
    if (!slide) return;
    const cached = cacheKey ? known.get(cacheKey) : undefined;
    if (cached) {
      setScale(slide, cached.scale);
      flag(slide, cached);
      callback.current?.(cached);
      return;
    }
    scheduleFit(
      slide,
      (r) => {
        if (cacheKey && fontsLoaded()) known.set(cacheKey, r);
        callback.current?.(r);
      },
      later,
    );
  });
  useLayoutEffect(() => {
    if (fontsSettled || typeof document === 'undefined' || !document.fonts) return;
    let live = true;
    void document.fonts.ready.then(() => {
      fontsSettled = true;
      const slide = container.current?.querySelector<HTMLElement>('.hb-slide');
      if (live && slide)
        scheduleFit(slide, (r) => {
          if (key.current) known.set(key.current, r);
          callback.current?.(r);
        });
    });
    return () => {
      live = false;
    };
  }, [container]);
}
