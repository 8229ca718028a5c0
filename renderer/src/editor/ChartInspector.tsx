// The inspector's part for the charts of a slide: the kind (a pie only while the values are shares of a whole), the
// figures shown and their order, values typed by hand, the first colour from the theme's, the legend. Each change is
// one undo step (chartEdits.ts editChart).
import { useState } from 'react';
import { addFigureToChart, chartFigureKeys, chartKindsFor, moveCategory, removeCategory, seriesColors } from '../../../decks/common/charts.ts';
import { parseValueInput } from '../../../decks/common/figures.ts';
import { CHART_KINDS, LIMITS, type ChartBlock, type Slide, type Theme } from '../../../decks/common/model.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { FigureMap } from '../slides/SlideView.tsx';
import { editChart } from './chartEdits.ts';
import type { EditorStore } from './editorStore.ts';

export function ChartInspector({ store, slide, figures, theme }: { store: EditorStore; slide: Slide; figures: FigureMap; theme: Theme }) {
  const charts = slide.blocks.flatMap((b, index) => (b.kind === 'chart' ? [{ block: b, index }] : []));
  if (charts.length === 0) return null;
  return (
    <>
      {charts.map(({ block, index }) => (
        <OneChart key={index} store={store} slide={slide} index={index} block={block} figures={figures} theme={theme} />
      ))}
    </>
  );
}

function OneChart({ store, slide, index, block, figures, theme }: { store: EditorStore; slide: Slide; index: number; block: ChartBlock; figures: FigureMap; theme: Theme }) {
  const t = useT();
  const [manualName, setManualName] = useState('');
  const [manualValue, setManualValue] = useState('');
  const [manualError, setManualError] = useState<string | null>(null);
  const set = (next: ChartBlock, label: string) => editChart(store, slide, index, next, label);
  const kinds = chartKindsFor(block, figures);
  const used = new Set(chartFigureKeys(block));
  const unit = [...used].map((k) => figures.get(k)?.unit).find((u) => u !== undefined);
  // Figures that may join: the chart's unit (any unit while it has none).
  const addable = [...figures.values()].filter((f) => !used.has(f.key) && (unit === undefined || f.unit === unit));
  const colors = seriesColors(theme, 0);
  const headingId = `insp-chart-${index}`;
  const full = block.categories.length >= LIMITS.chartCategories;

  const addManual = () => {
    const parsed = parseValueInput(manualValue);
    if (!manualName.trim() || !parsed) {
      setManualError(t('editor.chart.manualInvalid'));
      return;
    }
    set(
      {
        ...block,
        categories: [...block.categories, manualName.trim().slice(0, LIMITS.labelChars)],
        series: block.series.map((s, i) => ({ ...s, points: [...block.categories.map((_, j) => s.points[j] ?? null), i === 0 ? { value: parsed.value } : null] })),
      },
      'chartManual',
    );
    setManualName('');
    setManualValue('');
    setManualError(null);
  };

  return (
    <section className="inspector-section chart-inspector" aria-labelledby={headingId}>
      <h3 id={headingId} className="inspector-heading">
        {t('editor.chart.title')}
      </h3>
      <div className="chart-kinds" role="radiogroup" aria-label={t('editor.chart.kind')}>
        {CHART_KINDS.map((kind) => {
          const allowed = kinds.includes(kind);
          return (
            <button
              key={kind}
              type="button"
              role="radio"
              aria-checked={block.chart === kind}
              disabled={!allowed}
              title={allowed ? undefined : t('editor.chart.pieOnlyShares')}
              className={`button small${block.chart === kind ? ' is-on' : ''}`}
              onClick={() => block.chart !== kind && set({ ...block, chart: kind }, 'chartKind')}
            >
              {t(`editor.chart.kind.${kind}`)}
            </button>
          );
        })}
      </div>
      <ol className="chart-points" aria-label={t('editor.chart.points')}>
        {block.categories.map((name, i) => {
          const point = block.series[0]?.points[i] ?? null;
          const figure = point && 'fig' in point ? figures.get(point.fig) : undefined;
          const shown = point === null ? '—' : 'fig' in point ? (figure?.display ?? '[?]') : `${point.value}*`;
          return (
            <li key={i} className="chart-point">
              <span className="chart-point-name" title={name}>
                {name}
              </span>
              <span className={point && 'value' in point ? 'chart-point-value is-manual' : 'chart-point-value'} title={point && 'value' in point ? t('editor.chart.manual') : undefined}>
                {shown}
              </span>
              <span className="chart-point-actions">
                <button type="button" className="button small quiet" disabled={i === 0} aria-label={t('editor.chart.up', { name })} onClick={() => set(moveCategory(block, i, i - 1), 'chartOrder')}>
                  ↑
                </button>
                <button
                  type="button"
                  className="button small quiet"
                  disabled={i === block.categories.length - 1}
                  aria-label={t('editor.chart.down', { name })}
                  onClick={() => set(moveCategory(block, i, i + 1), 'chartOrder')}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button small quiet"
                  disabled={block.categories.length <= 1}
                  aria-label={t('editor.chart.remove', { name })}
                  onClick={() => set(removeCategory(block, i), 'chartRemove')}
                >
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <label className="field-label small">
        {t('editor.chart.add')}
        <select
          className="input small"
          value=""
          disabled={full || addable.length === 0}
          onChange={(e) => {
            const f = figures.get(e.target.value);
            if (f) set(addFigureToChart(block, f), 'chartAdd');
          }}
        >
          <option value="">{addable.length === 0 ? t('editor.chart.noneToAdd') : t('editor.chart.choose')}</option>
          {addable.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label || f.key} {f.display}
            </option>
          ))}
        </select>
      </label>
      <div className="chart-manual" role="group" aria-label={t('editor.chart.manualGroup')}>
        <input className="input small" placeholder={t('editor.chart.manualName')} aria-label={t('editor.chart.manualName')} value={manualName} maxLength={LIMITS.labelChars} onChange={(e) => setManualName(e.target.value)} />
        <input
          className="input small"
          inputMode="decimal"
          placeholder={t('editor.chart.manualValue')}
          aria-label={t('editor.chart.manualValue')}
          aria-invalid={manualError ? true : undefined}
          value={manualValue}
          onChange={(e) => setManualValue(e.target.value)}
        />
        <button type="button" className="button small" disabled={full} onClick={addManual}>
          {t('editor.chart.manualAdd')}
        </button>
      </div>
      {manualError && (
        <p className="field-error" role="alert">
          {manualError}
        </p>
      )}
      <div className="chart-colors" role="radiogroup" aria-label={t('editor.chart.colors')}>
        {colors.map((c, i) => (
          <button
            key={i}
            type="button"
            role="radio"
            aria-checked={block.color === i}
            aria-label={t('editor.chart.colorN', { n: i + 1 })}
            className={`chart-swatch${block.color === i ? ' is-on' : ''}`}
            style={{ background: `#${c}` }}
            onClick={() => block.color !== i && set({ ...block, color: i }, 'chartColor')}
          />
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={block.legend} onChange={(e) => set({ ...block, legend: e.target.checked }, 'chartLegend')} />
        {t('editor.chart.legend')}
      </label>
    </section>
  );
}
