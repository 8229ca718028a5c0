// A sorter thumbnail: the real SlideView at small scale (auto-fitted by SlideFrame, which reports overflow), drawn only
// while its row is on screen, and memoised by the slide object (edits make new slide objects, so an unchanged slide is
// never drawn again).
import { memo, startTransition, useEffect, useState } from 'react';
import type { Slide, Theme } from '../../../decks/common/model.ts';
import { SlideFrame, useSlideFitKey } from '../slides/SlideFrame.tsx';
import { SlideView, type FigureMap } from '../slides/SlideView.tsx';

export interface ThumbnailProps {
  slide: Slide;
  figures: FigureMap;
  theme: Theme;
  number: number;
  deckTitle: string;
  sectionNumber: number | undefined;
  onOverflow(slide: Slide, overflows: boolean): void;
}

export const Thumbnail = memo(function Thumbnail({ slide, figures, theme, number, deckTitle, sectionNumber, onOverflow }: ThumbnailProps) {
  // A row scrolled into view shows a blank slide first and draws its thumbnail just after that frame, at low
  // priority: moving through a long deck never waits for miniatures to lay out.
  const [drawn, setDrawn] = useState(false);
  const fitKey = useSlideFitKey(slide, figures, theme);
  useEffect(() => {
    const frame = requestAnimationFrame(() => startTransition(() => setDrawn(true)));
    return () => cancelAnimationFrame(frame);
  }, []);
  if (!drawn) {
    return (
      <div className="sorter-thumb-box">
        <div className="slide-frame sorter-thumb sorter-thumb-blank" aria-hidden="true" />
      </div>
    );
  }
  return (
    <div className="sorter-thumb-box">
      <SlideFrame className="sorter-thumb" decorative onFit={(r) => onOverflow(slide, r.overflow)} fitKey={fitKey} fitLater>
        <SlideView slide={slide} figures={figures} theme={theme} number={number} deckTitle={deckTitle} sectionNumber={sectionNumber} />
      </SlideFrame>
    </div>
  );
});
