// Choosing a deck's theme by looking at it: each theme shows a live thumbnail of a real slide (the slide being edited,
// the deck's first slide, or the cover of the deck being created), drawn by SlideView itself. Used by the editor, the
// new-deck dialog and the library card. A radio group: arrow keys move between themes.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MutableRefObject, type ReactNode } from 'react';
import { useOutsideClose } from '../app/useOutsideClose.ts';
import { THEMES, type Slide, type Theme } from '../../../decks/common/model.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { SlideFrame } from './SlideFrame.tsx';
import { SlideView, type FigureMap } from './SlideView.tsx';
import './themePicker.css';

export interface ThemePreview {
  slide: Slide;
  figures: FigureMap;
  deckTitle: string;
  number?: number;
  sectionNumber?: number;
}

interface ThemePickerProps {
  value: Theme;
  onChoose(theme: Theme): void;
  preview: ThemePreview;
  /** Names the group (e.g. the dialog field it sits in). */
  label: string;
  compact?: boolean;
}

export function ThemePicker({ value, onChoose, preview, label, compact }: ThemePickerProps) {
  const t = useT();
  const group = useRef<HTMLDivElement>(null);
  const onKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = THEMES[(THEMES.indexOf(value) + step + THEMES.length) % THEMES.length]!;
    onChoose(next);
    group.current?.querySelector<HTMLElement>(`[data-theme="${next}"]`)?.focus();
  };
  return (
    <div className={compact ? 'theme-picker is-compact' : 'theme-picker'} role="radiogroup" aria-label={label} ref={group} onKeyDown={onKey}>
      {THEMES.map((theme) => (
        <button
          key={theme}
          type="button"
          role="radio"
          data-theme={theme}
          aria-checked={value === theme}
          tabIndex={value === theme ? 0 : -1}
          className={`theme-choice${value === theme ? ' is-on' : ''}`}
          onClick={() => onChoose(theme)}
        >
          <SlideFrame className="theme-thumb" decorative>
            <SlideView slide={preview.slide} figures={preview.figures} theme={theme} deckTitle={preview.deckTitle} number={preview.number} sectionNumber={preview.sectionNumber} />
          </SlideFrame>
          <span className="theme-name">{t(`theme.${theme}`)}</span>
          {!compact && <span className="theme-note">{t(`theme.${theme}.note`)}</span>}
        </button>
      ))}
    </div>
  );
}

/**
 * A toolbar or card button opening the theme picker in a panel beside it (not modal: the slide behind changes as a
 * theme is chosen). Esc or a click elsewhere closes it; `control` lets a command (the catalogue's `theme`) open it.
 */
export function ThemePopover({
  button,
  title,
  children,
  control,
  className,
}: {
  button(props: { open: boolean; toggle(): void }): ReactNode;
  title: string;
  children: ReactNode;
  control?: MutableRefObject<(() => void) | null>;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!control) return;
    control.current = () => setOpen(true);
    return () => {
      control.current = null;
    };
  }, [control]);
  useOutsideClose(open, root, useCallback(() => setOpen(false), []));
  useEffect(() => {
    if (open) root.current?.querySelector<HTMLElement>('.theme-popover [aria-checked="true"]')?.focus();
  }, [open]);
  return (
    <div className={className ? `theme-menu ${className}` : 'theme-menu'} ref={root}>
      {button({ open, toggle: () => setOpen(!open) })}
      {open && (
        <div
          className="theme-popover"
          role="dialog"
          aria-label={title}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
              root.current?.querySelector<HTMLElement>('button')?.focus();
            }
          }}
        >
          <h2 className="theme-popover-title">{title}</h2>
          {children}
        </div>
      )}
    </div>
  );
}
