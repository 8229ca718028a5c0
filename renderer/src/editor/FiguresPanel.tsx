// 数据: every figure of the deck in one table. A value changed here is checked (a number, else a clear message) and
// shows at once on every slide and note that refers to it; each figure keeps its history of values. Its label (what it
// measures) is edited here too, once for every card that shows it; both are undoable steps of the editor. A person
// confirms each imported figure here (核对), and the consistency check (数据一致性) runs again on every edit. Figures
// ticked here become a chart (生成图表) on a new slide, bound to them.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { errorMessage, type DeckApi } from '../../../decks/common/api.ts';
import { checkConsistency } from '../../../decks/common/consistency.ts';
import { figureUsage, figureValueText } from '../../../decks/common/deckOps.ts';
import { LIMITS, type Figure, type FigureChange, type Slide } from '../../../decks/common/model.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { relativeTime } from '../i18n/relativeTime.ts';
import { makeChartSlide } from './chartEdits.ts';
import type { EditorStore } from './editorStore.ts';

interface FiguresPanelProps {
  api: DeckApi;
  store: EditorStore;
  figures: readonly Figure[];
  slides: readonly Slide[];
  /** A figure to bring into view and focus (from the inspector). */
  focusKey: string | null;
  onJump(slideId: string): void;
}

type Filter = { text: string; section: string; unused: boolean; recent: boolean };

export function FiguresPanel({ api, store, figures, slides, focusKey, onJump }: FiguresPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const [filter, setFilter] = useState<Filter>({ text: '', section: '', unused: false, recent: false });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [chartError, setChartError] = useState<string | null>(null);
  const choose = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
    setChartError(null);
  };
  const makeChart = () => {
    // In the table's order, which is the deck's: the chart's categories follow it.
    const figs = figures.filter((f) => chosen.has(f.key));
    const err = makeChartSlide(store, figs, t('editor.figures.chartTitle'));
    if (err) setChartError(lang === 'zh' ? err.zh : err.en);
    else {
      setChosen(new Set());
      setChartError(null);
    }
  };
  const usage = useMemo(() => figureUsage(slides), [slides]);
  const slideIndex = useMemo(() => new Map(slides.map((s, i) => [s.id, i])), [slides]);
  const sectionOf = useMemo(() => new Map(slides.map((s) => [s.id, s.section])), [slides]);
  const sections = useMemo(() => slides.filter((s) => s.layout === 'section'), [slides]);
  const since = new Date(new Date(store.deck.createdAt).getTime() + 1000).toISOString();

  const shown = useMemo(() => {
    const text = filter.text.trim().toLowerCase();
    let list = figures.filter((f) => {
      const used = usage.get(f.key) ?? [];
      if (filter.unused && used.length > 0) return false;
      if (filter.recent && f.updatedAt <= since) return false;
      if (filter.section && !used.some((id) => sectionOf.get(id) === filter.section)) return false;
      if (text && !`${f.label} ${f.display} ${f.source?.sentence ?? ''}`.toLowerCase().includes(text)) return false;
      return true;
    });
    if (filter.recent) list = [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return list;
  }, [figures, usage, filter, since, sectionOf]);

  // On every edit of a figure (or a slide): the check is pure and quick (a few ms on a 500-slide deck).
  const inconsistent = useMemo(() => checkConsistency({ slides, figures }), [slides, figures]);

  return (
    <div className="panel figures-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t('editor.figures.title')}</h2>
        <span className="panel-count">{t('editor.figures.count', { n: shown.length, total: figures.length })}</span>
      </div>
      {inconsistent.length > 0 && (
        <section className="consistency-list" aria-labelledby="consistency-title">
          <h3 className="consistency-title" id="consistency-title">
            {t('editor.figures.consistencyTitle', { n: inconsistent.length })}
          </h3>
          <ul>
            {inconsistent.map((c) => (
              <li key={c.id}>
                {lang === 'zh' ? c.message.zh : c.message.en}{' '}
                {[...new Set(c.places.flatMap((p) => (p.slideId ? [p.slideId] : [])))].map((id) => (
                  <button key={id} type="button" className="chip-button" onClick={() => onJump(id)}>
                    {t('editor.figures.slideN', { n: (slideIndex.get(id) ?? 0) + 1 })}
                  </button>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="figures-filters" role="group" aria-label={t('editor.figures.filters')}>
        <input
          className="input small"
          type="search"
          aria-label={t('editor.figures.search')}
          placeholder={t('editor.figures.search')}
          value={filter.text}
          onChange={(e) => setFilter({ ...filter, text: e.target.value })}
        />
        <select className="input small" aria-label={t('editor.figures.pillar')} value={filter.section} onChange={(e) => setFilter({ ...filter, section: e.target.value })}>
          <option value="">{t('editor.figures.allPillars')}</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title || t('editor.untitled')}
            </option>
          ))}
        </select>
        <label className="check small">
          <input type="checkbox" checked={filter.unused} onChange={(e) => setFilter({ ...filter, unused: e.target.checked })} />
          {t('editor.figures.unused')}
        </label>
        <label className="check small">
          <input type="checkbox" checked={filter.recent} onChange={(e) => setFilter({ ...filter, recent: e.target.checked })} />
          {t('editor.figures.recent')}
        </label>
        <button type="button" className="button small" disabled={chosen.size === 0} onClick={makeChart} title={t('editor.figures.makeChartHint')}>
          {t('editor.figures.makeChart', { n: chosen.size })}
        </button>
      </div>
      {chartError && (
        <p className="field-error" role="alert">
          {chartError}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="panel-empty">{figures.length === 0 ? t('editor.figures.none') : t('editor.figures.noMatch')}</p>
      ) : (
        <div className="figures-table-wrap">
          <table className="figures-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('editor.figures.choose')}</span>
                </th>
                <th scope="col">{t('editor.figures.label')}</th>
                <th scope="col">{t('editor.figures.value')}</th>
                <th scope="col">{t('editor.figures.confirmed')}</th>
                <th scope="col">{t('editor.figures.unit')}</th>
                <th scope="col">{t('editor.figures.qualifier')}</th>
                <th scope="col">{t('editor.figures.asOf')}</th>
                <th scope="col">{t('editor.figures.source')}</th>
                <th scope="col">{t('editor.figures.usedOn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('editor.figures.history')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((f) => (
                <FigureRow
                  key={f.key}
                  api={api}
                  store={store}
                  figure={f}
                  used={usage.get(f.key) ?? []}
                  slideIndex={slideIndex}
                  focus={focusKey === f.key}
                  onJump={onJump}
                  chosen={chosen.has(f.key)}
                  onChoose={(on) => choose(f.key, on)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function FigureRow({
  api,
  store,
  figure,
  used,
  slideIndex,
  focus,
  onJump,
  chosen,
  onChoose,
}: {
  api: DeckApi;
  store: EditorStore;
  figure: Figure;
  used: readonly string[];
  slideIndex: ReadonlyMap<string, number>;
  focus: boolean;
  onJump(slideId: string): void;
  /** Ticked for a chart (生成图表). */
  chosen: boolean;
  onChoose(on: boolean): void;
}) {
  const t = useT();
  const [lang] = useLang();
  const stored = figureValueText(figure);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [labelDraft, setLabelDraft] = useState<string | null>(null);
  const [labelError, setLabelError] = useState<string | null>(null);
  const [history, setHistory] = useState<FigureChange[] | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const errorId = `fig-error-${figure.key}`;
  const labelErrorId = `fig-label-error-${figure.key}`;

  useEffect(() => {
    if (focus) {
      input.current?.scrollIntoView({ block: 'center' });
      input.current?.focus();
    }
  }, [focus]);

  useEffect(() => {
    if (!showHistory) return;
    let live = true;
    api
      .figureHistory({ deckId: store.deck.id, key: figure.key })
      .then((r) => live && setHistory([...r.changes].reverse()))
      .catch((err: unknown) => live && setError(errorMessage(err, lang)));
    return () => {
      live = false;
    };
    // The history grows when the figure changes: refetch on each new value.
  }, [showHistory, figure.updatedAt, api, store, figure.key, lang]);

  const commit = () => {
    if (draft === null) return;
    if (draft.trim() === stored) {
      setDraft(null);
      setError(null);
      return;
    }
    const err = store.setFigure(figure.key, draft);
    if (err) setError(lang === 'zh' ? err.zh : err.en);
    else {
      setDraft(null);
      setError(null);
    }
  };

  const commitLabel = () => {
    if (labelDraft === null) return;
    const err = labelDraft.trim() === figure.label ? null : store.setFigureLabel(figure.key, labelDraft);
    if (err) setLabelError(lang === 'zh' ? err.zh : err.en);
    else {
      setLabelDraft(null);
      setLabelError(null);
    }
  };

  // Enter keeps what was typed, Escape puts back what is stored: the same in both fields.
  const keys = (keep: () => void, putBack: () => void) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      keep();
    } else if (e.key === 'Escape') putBack();
  };
  const onKeyDown = keys(commit, () => {
    setDraft(null);
    setError(null);
  });
  const onLabelKeyDown = keys(commitLabel, () => {
    setLabelDraft(null);
    setLabelError(null);
  });

  const now = new Date();
  return (
    <>
      <tr className={`figure-row${error || labelError ? ' has-error' : ''}${focus ? ' is-focus' : ''}`}>
        <td className="figure-choose">
          <input type="checkbox" checked={chosen} onChange={(e) => onChoose(e.target.checked)} aria-label={t('editor.figures.chooseOf', { label: figure.label || figure.key })} />
        </td>
        <th scope="row" className="figure-label">
          <textarea
            className="input small figure-label-input"
            rows={2}
            aria-label={t('editor.figures.labelOf', { label: figure.label || figure.key })}
            aria-invalid={labelError ? true : undefined}
            aria-describedby={labelError ? labelErrorId : undefined}
            title={labelDraft === null ? `${figure.label}\n${t('editor.figures.labelHint')}` : t('editor.figures.labelHint')}
            data-app-undo={labelDraft === null ? '' : undefined}
            maxLength={LIMITS.labelChars}
            value={labelDraft ?? figure.label}
            onChange={(e) => {
              // A label is one line: a pasted line break is a space.
              setLabelDraft(e.target.value.replace(/\s*\n\s*/g, ' '));
              if (labelError) setLabelError(null);
            }}
            onKeyDown={onLabelKeyDown}
            onBlur={commitLabel}
          />
        </th>
        <td className="figure-value">
          <input
            ref={input}
            className="input small figure-input"
            inputMode="decimal"
            aria-label={t('editor.figures.valueOf', { label: figure.label || figure.key })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            data-app-undo={draft === null ? '' : undefined}
            value={draft ?? stored}
            onChange={(e) => {
              setDraft(e.target.value);
              if (error) setError(null);
            }}
            onKeyDown={onKeyDown}
            onBlur={commit}
          />
          <span className="figure-display" title={t('editor.figures.shownAs')}>
            {figure.display}
          </span>
        </td>
        <td className="figure-confirm">
          {figure.confirmedAt ? (
            <span className="figure-confirmed" title={relativeTime(figure.confirmedAt, now, lang, t('time.justNow'))}>
              {t('editor.figures.confirmedAt')}
            </span>
          ) : (
            <button
              type="button"
              className="button small"
              aria-label={t('editor.figures.confirmOf', { label: figure.label || figure.key })}
              onClick={() => void store.confirmFigures([figure.key])}
            >
              {t('editor.figures.confirm')}
            </button>
          )}
        </td>
        <td>{figure.unit}</td>
        <td>{figure.qualifier}</td>
        <td>{figure.asOf ?? ''}</td>
        <td className="figure-source" lang="zh-CN">
          {figure.source ? (
            <span className="figure-source-text" title={figure.source.sentence}>
              <SourceSentence sentence={figure.source.sentence} figure={figure} />
            </span>
          ) : (
            <span className="muted">—</span>
          )}
        </td>
        <td className="figure-used">
          {used.length === 0 ? (
            <span className="muted">{t('editor.figures.unusedShort')}</span>
          ) : (
            used.map((id) => (
              <button key={id} type="button" className="chip-button" onClick={() => onJump(id)}>
                {t('editor.figures.slideN', { n: (slideIndex.get(id) ?? 0) + 1 })}
              </button>
            ))
          )}
        </td>
        <td>
          <button type="button" className="button small quiet" aria-expanded={showHistory} onClick={() => setShowHistory(!showHistory)}>
            {t('editor.figures.history')}
          </button>
        </td>
      </tr>
      {(error || labelError) && (
        <tr className="figure-error-row">
          <td colSpan={9}>
            {labelError && (
              <p id={labelErrorId} className="field-error" role="alert">
                {labelError}
              </p>
            )}
            {error && (
              <p id={errorId} className="field-error" role="alert">
                {error}
              </p>
            )}
          </td>
        </tr>
      )}
      {showHistory && (
        <tr className="figure-history-row">
          <td colSpan={9}>
            {history === null ? (
              <span className="muted">{t('common.loading')}</span>
            ) : history.length === 0 ? (
              <span className="muted">{t('editor.figures.noHistory')}</span>
            ) : (
              <ol className="figure-history" aria-label={t('editor.figures.historyOf', { label: figure.label })}>
                {history.map((c, i) => (
                  <li key={i}>
                    <span className="history-values">
                      {c.oldValue} → <strong>{c.newValue}</strong>
                    </span>{' '}
                    <span className="muted">{relativeTime(c.changedAt, now, lang, t('time.justNow'))}</span>
                  </li>
                ))}
              </ol>
            )}
          </td>
        </tr>
      )}
    </>
  );
}

/** The source sentence with the figure's original words marked (as found in the report). */
function SourceSentence({ sentence, figure }: { sentence: string; figure: Figure }) {
  const value = String(figure.value);
  const at = sentence.indexOf(value);
  if (at < 0) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at)}
      <mark>{value}</mark>
      {sentence.slice(at + value.length)}
    </>
  );
}
