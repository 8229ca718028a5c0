// A 16:9 box of any size showing a SlideView scaled to fit. The scale is set through the CSSOM (allowed by the CSP,
// unlike inline style attributes), following the box's width with a ResizeObserver. The slide's text is auto-fitted
// (fitText.ts): shrunk down to a minimum size, and flagged with `hb-overflow` when it still does not fit.
import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Slide, Theme } from '../../../decks/common/model.ts';
import { useFitText, type FitResult } from './fitText.ts';
import { SLIDE_WIDTH, type FigureMap } from './SlideView.tsx';

export interface SlideFrameProps {
  children: ReactNode;
  className?: string;
  /** A miniature whose slide is named elsewhere (a list option, a card link); hidden from assistive tech. */
  decorative?: boolean;
  /** Hears the fitted scale and whether the text still overflows at the minimum size. */
  onFit?: (result: FitResult) => void;
  /** Identifies what the slide shows (a new object whenever the slide, its figures or the theme change): the fit is
   * measured once per key, so re-renders that change nothing measurable (a new slide number) do not force layout. */
  fitKey?: object;
  /** Fits after the next frame, off the path of what changed (a miniature may show unfitted for a frame). */
  fitLater?: boolean;
}

const always = () => true;

/**
 * A fit key that follows what is measured: the slide's layout and texts, its figures and the theme. A slide moved to
 * another position or section (a new object with the same content) keeps its key, so it is not measured again.
 */
export function useSlideFitKey(slide: Pick<Slide, 'layout' | 'title' | 'blocks'>, figures: FigureMap, theme: Theme): object {
  return useMemo(() => ({}), [slide.layout, slide.title, slide.blocks, figures, theme]);
}

export function SlideFrame({ children, className, decorative, onFit, fitKey, fitLater }: SlideFrameProps) {
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const box = outer.current;
    const content = inner.current;
    if (!box || !content) return;
    const fit = () => {
      content.style.transform = `scale(${box.clientWidth / SLIDE_WIDTH})`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  useFitText(inner, onFit, fitLater ? always : undefined, fitKey);
  return (
    <div ref={outer} className={className ? `slide-frame ${className}` : 'slide-frame'} aria-hidden={decorative ? true : undefined}>
      <div ref={inner} className="slide-frame-content">
        {children}
      </div>
    </div>
  );
}
