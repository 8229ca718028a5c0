// A small React wrapper around reveal.js 6: React renders the <section>s (one per shown slide, same count for the
// whole presentation), reveal.js lays them out, animates and handles touch. The caller's `position` is the truth:
// reveal follows it after React has rendered the slides around it, and reports its own moves (swipe, overview
// click) through `onMove`. Keys are read by the presenter (keys.ts), not by reveal, so the console and the
// audience answer the same keys.
import Reveal from 'reveal.js';
import 'reveal.js/reveal.css';
import { memo, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../slides/SlideView.tsx';

export type RevealInstance = InstanceType<typeof Reveal>;

export interface RevealDeckProps {
  /** One node per section, in order; the count must not change while mounted. */
  sections: readonly { key: string; content: ReactNode; label: string }[];
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
  const handlers = useRef({ onMove, onOverview, onReady, positionNow });
  handlers.current = { onMove, onOverview, onReady, positionNow };
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
      progress: true,
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
      if (typeof h === 'number' && !steering.current) handlers.current.onMove(h);
    };
    const shown = () => handlers.current.onOverview(true);
    const hidden = () => handlers.current.onOverview(false);
    instance.on('slidechanged', moved);
    instance.on('overviewshown', shown);
    instance.on('overviewhidden', hidden);
    void instance.initialize().then(() => {
      if (!live) return;
      steer(instance, handlers.current.positionNow());
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
    if (instance.getIndices().h === to) return;
    steering.current = true;
    try {
      instance.slide(to, 0);
    } finally {
      steering.current = false;
    }
  };

  // After React has filled the sections around `position`, move reveal there (a no-op when it is already there).
  useLayoutEffect(() => {
    if (!deck) return;
    steer(deck, position);
  }, [deck, position]);

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
