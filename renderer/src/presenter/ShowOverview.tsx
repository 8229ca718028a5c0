// The grid of all slides (G or O in a show, as PowerPoint's zoom-out): it fills the screen, rows of thumbnails the
// audience can read, the current slide outlined. Arrows move through it (↑/↓ a row), Enter or a click opens a slide,
// Esc (handled by the show) returns. Thumbnails are drawn as they scroll into view, so a long deck opens at once.
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Theme } from '../../../decks/common/model.ts';
import type { Translate } from '../i18n/messages.ts';
import { SlideFrame } from '../slides/SlideFrame.tsx';
import { SlideView, type FigureMap } from '../slides/SlideView.tsx';
import type { ShownSlide } from './showSlides.ts';

interface ShowOverviewProps {
  shown: readonly ShownSlide[];
  position: number;
  figures: FigureMap;
  theme: Theme;
  deckTitle: string;
  t: Translate;
  /** Moves the show's current slide (the outline follows). */
  go(position: number): void;
  /** Opens the slide at `position` and closes the grid. */
  open(position: number): void;
}

const Cell = memo(function Cell({ entry, drawn, figures, theme, deckTitle }: { entry: ShownSlide; drawn: boolean; figures: FigureMap; theme: Theme; deckTitle: string }) {
  return drawn ? (
    <SlideFrame className="show-overview-thumb" decorative>
      <SlideView slide={entry.slide} figures={figures} theme={theme} number={entry.number} deckTitle={deckTitle} sectionNumber={entry.sectionNumber} />
    </SlideFrame>
  ) : (
    <div className="slide-frame show-overview-thumb show-overview-blank" aria-hidden="true" />
  );
});

export function ShowOverview({ shown, position, figures, theme, deckTitle, t, go, open }: ShowOverviewProps) {
  const grid = useRef<HTMLOListElement>(null);
  const [drawn, setDrawn] = useState<ReadonlySet<number>>(() => new Set([position]));

  // Draw what is in view (and a screen ahead).
  useEffect(() => {
    const root = grid.current;
    if (!root) return;
    const seen = new IntersectionObserver(
      (entries) => {
        const add = entries.filter((e) => e.isIntersecting).map((e) => Number((e.target as HTMLElement).dataset.position));
        if (add.length > 0) setDrawn((prev) => new Set([...prev, ...add]));
      },
      { root, rootMargin: '100% 0px' },
    );
    for (const cell of Array.from(root.querySelectorAll('[data-position]'))) seen.observe(cell);
    return () => seen.disconnect();
  }, [shown]);

  useLayoutEffect(() => {
    const cell = grid.current?.querySelector<HTMLElement>(`[data-position="${position}"] button`);
    cell?.scrollIntoView({ block: 'nearest' });
    if (cell && document.activeElement !== cell) cell.focus({ preventScroll: true });
  }, [position]);

  // ↑/↓ move a row; ←/→ and the show's other keys one slide (the show's own keys do that); Enter opens.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      if (e.key === 'Enter') {
        e.preventDefault();
        e.stopPropagation();
        open(position);
        return;
      }
      if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
      const root = grid.current;
      const cells = root ? Array.from(root.querySelectorAll<HTMLElement>('[data-position]')) : [];
      const top = cells[0]?.offsetTop;
      const columns = Math.max(1, cells.findIndex((c) => c.offsetTop !== top) === -1 ? cells.length : cells.findIndex((c) => c.offsetTop !== top));
      e.preventDefault();
      e.stopPropagation();
      go(Math.max(0, Math.min(shown.length - 1, position + (e.key === 'ArrowDown' ? columns : -columns))));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [go, open, position, shown.length]);

  return (
    <div className="show-overview" role="dialog" aria-modal="true" aria-label={t('present.overview.title')}>
      <p className="show-overview-hint">{t('present.overviewHint')}</p>
      <ol className="show-overview-grid" ref={grid}>
        {shown.map((entry, i) => (
          <li key={entry.slide.id} data-position={i} className={i === position ? 'is-current' : undefined}>
            <button type="button" aria-current={i === position ? 'true' : undefined} aria-label={t('present.slideLabel', { n: entry.number, total: shown.length })} onClick={() => open(i)}>
              <Cell entry={entry} drawn={drawn.has(i)} figures={figures} theme={theme} deckTitle={deckTitle} />
              <span className="show-overview-number">{entry.number}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
