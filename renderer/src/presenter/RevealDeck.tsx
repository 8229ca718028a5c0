// A small React wrapper around reveal.js 6: React renders the <section>s, reveal.js lays them out, animates and
// handles touch. The sections may be a window of the show (the slides around the current one, each saying its
// position): reveal.js then only ever holds a few, so a change costs the same at 50 or 5,000 slides, and its index
// is mapped to the show's position here. The caller's `position` is the truth: reveal follows it after React has
// rendered the slides around it, and reports its own moves (swipe, overview click) through `onMove`. Keys are read by
// the presenter (keys.ts), not by reveal, so the console and the audience answer the same keys. reveal.js's progress
// bar would count only the window: the show draws its own (ShowProgress).
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../slides/SlideView.tsx';

export type RevealInstance = InstanceType<typeof Reveal>;

export interface RevealSection {
  key: string;
  /** The slide's position in the whole show. */
  position: number;
  content: ReactNode;
  label: string;
}

export interface RevealDeckProps {
  /** One node per section, in order of position: every slide of the show, or a window of them around `position`. */
  sections: readonly RevealSection[];
  position: number;
  /** Where the show is at the moment reveal.js becomes ready (may be ahead of `position`, see usePresentation). */
  positionNow(): number;
  transition: 'fade' | 'slide' | 'none';
  onMove(position: number): void;
  onOverview(open: boolean): void;
  /** Called once, when reveal.js is ready and the first slide is shown. */
  onReady(deck: RevealInstance): void;
}

export function RevealDeck({ sections, position, positionNow, transition, onMove, onOverview, onReady }: RevealDeckProps) {
  const root = useRef<HTMLDivElement>(null);
  const [deck, setDeck] = useState<RevealInstance | null>(null);
  const handlers = useRef({ onMove, onOverview, onReady, positionNow, sections });
  handlers.current = { onMove, onOverview, onReady, positionNow, sections };
  // True while we move reveal.js ourselves: its `slidechanged` then only echoes our own move and is not reported.
  const steering = useRef(false);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let live = true;
    const instance = new Reveal(el, {
      embedded: false,
      hash: false,
      history: false,
      respondToHashChanges: false,
      postMessage: false,
      postMessageEvents: false,
      controls: false,
      progress: false,
      center: false,
      width: SLIDE_WIDTH,
      height: SLIDE_HEIGHT,
      margin: 0,
      minScale: 0.05,
      maxScale: 8,
      transition,
      transitionSpeed: 'fast',
      backgroundTransition: 'none',
      keyboard: false,
      jumpToSlide: false,
      help: false,
      pause: false,
      overview: true,
      touch: true,
      fragments: false,
      autoAnimate: false,
      autoPlayMedia: false,
      preloadIframes: false,
      mouseWheel: false,
      hideInactiveCursor: true,
      hideCursorTime: 2500,
      viewDistance: 3,
      mobileViewDistance: 3,
    });
    const moved = (event: Event) => {
      const h = (event as Event & { indexh?: number }).indexh;
      const to = typeof h === 'number' ? handlers.current.sections[h]?.position : undefined;
      if (to !== undefined && !steering.current) handlers.current.onMove(to);
    };
    const shown = () => handlers.current.onOverview(true);
    const hidden = () => handlers.current.onOverview(false);
    instance.on('slidechanged', moved);
    instance.on('overviewshown', shown);
    instance.on('overviewhidden', hidden);
    void instance.initialize().then(() => {
      if (!live) return;
      const { sections: now, positionNow: at } = handlers.current;
      steer(instance, indexIn(now, at()) ?? 0);
      setDeck(instance);
      handlers.current.onReady(instance);
    });
    return () => {
      live = false;
      instance.off('slidechanged', moved);
      instance.off('overviewshown', shown);
      instance.off('overviewhidden', hidden);
      try {
        instance.destroy();
      } catch {
        // Destroying before initialize() finished (React StrictMode's test unmount): nothing was set up yet.
      }
    };
    // reveal.js is set up once per mount; the transition is fixed for the presentation.
  }, []);

  const steer = (instance: RevealInstance, to: number) => {
    // Already there: the same index and the same section (a moved window can put another slide at reveal's index).
    if (instance.getIndices().h === to && instance.getCurrentSlide() === root.current?.querySelectorAll(':scope > .slides > section')[to]) return;
    steering.current = true;
    try {
      instance.slide(to, 0);
    } finally {
      steering.current = false;
    }
  };

  // After React has filled the sections around `position`, move reveal there (a no-op when it is already there).
  // When the window moved, the shown slide's index did too: reveal.js is told its new index (the same section, so
  // nothing moves on screen).
  useLayoutEffect(() => {
    if (!deck) return;
    const to = indexIn(sections, position);
    if (to !== null) steer(deck, to);
  }, [deck, position, sections]);

  return (
    <div ref={root} className="reveal huibao-reveal">
      <div className="slides">
        {sections.map((s) => (
          <Section key={s.key} label={s.label} content={s.content} />
        ))}
      </div>
    </div>
  );
}

/** The index among `sections` of the slide at show position `position`, or null when it is not rendered. */
function indexIn(sections: readonly RevealSection[], position: number): number | null {
  const at = sections.findIndex((s) => s.position === position);
  return at < 0 ? null : at;
}

/**
 * One section, re-rendered only when its label or content changes: a caller that keeps each slide's element (or
 * null) the same between renders makes a slide change re-render the few sections entering or leaving its window,
 * not all of them.
 */
const Section = memo(function Section({ label, content }: { label: string; content: ReactNode }) {
  // The slide paints its own background. Saying the section's is transparent spares reveal.js a getComputedStyle
  // per slide (interleaved with DOM writes, so a style recalculation each) when it builds its backgrounds on opening.
  return (
    <section aria-label={label} data-background-color="rgba(0, 0, 0, 0)">
      {content}
    </section>
  );
});
