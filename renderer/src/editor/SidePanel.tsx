// The panel beside the canvas, in tabs: the inspector (layout, pictures, notes, the slide's figures), the deck's
// figures (数据), what to check (missing photos, import warnings), the pre-flight check (放映前检查) and the versions.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { missingPictures } from '../../../decks/common/audience.ts';
import type { DeckApi } from '../../../decks/common/api.ts';
import type { Slide } from '../../../decks/common/model.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { FigureMap } from '../slides/SlideView.tsx';
import type { PictureTarget } from './editorCommands.ts';
import type { EditorState, EditorStore } from './editorStore.ts';
import { FiguresPanel } from './FiguresPanel.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { Inspector } from './Inspector.tsx';
import { MissingPhotos } from './MissingPhotos.tsx';
import { PreflightPanel } from './PreflightPanel.tsx';
import { single } from './selection.ts';
import { WarningsPanel } from './WarningsPanel.tsx';

export type Side = 'inspector' | 'figures' | 'warnings' | 'check' | 'history';

interface SidePanelProps {
  api: DeckApi;
  store: EditorStore;
  state: EditorState;
  current: Slide | undefined;
  figures: FigureMap;
  /** Whether the selected slides are hidden, and the Hide command (on the selection, as the toolbar's). */
  hidden: boolean;
  onToggleHidden(): void;
  onChoosePicture(target: PictureTarget): void;
  onRestored(label: string): void;
  /** The slides the editor measured as overflowing (for the pre-flight check). */
  overflowing: ReadonlySet<string>;
  /** A tab to open from outside (the show's and the exports' offer of the check); a new object each time. */
  request: { side: Side } | null;
}

export function SidePanel({ api, store, state, current, figures, hidden, onToggleHidden, onChoosePicture, onRestored, overflowing, request }: SidePanelProps) {
  const t = useT();
  const [side, setSide] = useState<Side>('inspector');
  const [focusFigure, setFocusFigure] = useState<string | null>(null);
  useEffect(() => {
    if (request) setSide(request.side);
  }, [request]);
  const showFigure = useCallback((key: string) => {
    setSide('figures');
    setFocusFigure(key);
  }, []);
  const jumpTo = useCallback((slideId: string) => store.select(single(slideId)), [store]);
  const missing = useMemo(() => missingPictures(state.model.slides).length, [state.model.slides]);
  const openWarnings = state.warnings.filter((w) => !w.dismissed).length + missing;
  const tabs: { key: Side; label: string; badge?: number }[] = [
    { key: 'inspector', label: t('editor.tab.inspector') },
    { key: 'figures', label: t('editor.tab.figures') },
    { key: 'warnings', label: t('editor.tab.warnings'), badge: openWarnings },
    { key: 'check', label: t('editor.tab.check') },
    { key: 'history', label: t('editor.tab.history') },
  ];
  return (
    <aside className={`side-panel side-${side}`} aria-label={t('editor.sidePanel')}>
      <div className="side-tabs" role="tablist" aria-label={t('editor.sidePanel')}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            type="button"
            role="tab"
            id={`tab-${tab.key}`}
            aria-selected={side === tab.key}
            aria-controls={`tabpanel-${tab.key}`}
            className="side-tab"
            onClick={() => setSide(tab.key)}
          >
            {tab.label}
            {tab.badge ? <span className="tab-badge">{tab.badge}</span> : null}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel" id={`tabpanel-${side}`} aria-labelledby={`tab-${side}`}>
        {side === 'inspector' && current && <Inspector store={store} slide={current} figures={figures} hidden={hidden} onToggleHidden={onToggleHidden} onChoosePicture={onChoosePicture} onShowFigure={showFigure} />}
        {side === 'figures' && <FiguresPanel api={api} store={store} figures={state.model.figures} slides={state.model.slides} focusKey={focusFigure} onJump={jumpTo} />}
        {side === 'warnings' && (
          <>
            <MissingPhotos slides={state.model.slides} onJump={jumpTo} onAdd={(slideId, index) => onChoosePicture({ slideId, index })} />
            <WarningsPanel warnings={state.warnings} slides={state.model.slides} onJump={jumpTo} onDismiss={(id) => void store.dismissWarning(id)} />
          </>
        )}
        {side === 'check' && (
          <PreflightPanel api={api} store={store} state={state} overflowing={overflowing} onJump={jumpTo} onShowFigure={showFigure} onChoosePicture={onChoosePicture} />
        )}
        {side === 'history' && <HistoryPanel api={api} store={store} onRestored={onRestored} />}
      </div>
    </aside>
  );
}
