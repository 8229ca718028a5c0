// The inspector beside the canvas: the slide's layout, its pictures (fit, fill, focal point), its speaker notes
// (editable, with figure chips), and the figures the slide shows.
import { memo } from 'react';
import { LAYOUTS, type Layout, type Slide } from '../../../decks/common/model.ts';
import { figuresOfSlide, updateSlide } from '../../../decks/common/deckOps.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { FigureMap } from '../slides/SlideView.tsx';
import { typeInto } from './Canvas.tsx';
import { EditableField } from './EditableField.tsx';
import type { PictureTarget } from './editorCommands.ts';
import type { EditorStore } from './editorStore.ts';
import { fieldKey } from './fields.ts';
import { ChartInspector } from './ChartInspector.tsx';
import { PictureInspector } from './PictureInspector.tsx';

interface InspectorProps {
  store: EditorStore;
  /** The Hide command's state and action: on every selected slide, as the toolbar's. */
  hidden: boolean;
  onToggleHidden(): void;
  /** Opens the file chooser for picture `index` of the slide. */
  onChoosePicture(target: PictureTarget): void;
  slide: Slide;
  figures: FigureMap;
  onShowFigure(key: string): void;
}

export const Inspector = memo(function Inspector({ store, hidden, onToggleHidden, onChoosePicture, slide, figures, onShowFigure }: InspectorProps) {
  const t = useT();
  const keys = figuresOfSlide(slide);
  const setLayout = (layout: Layout) =>
    store.edit((m) => ({ ...m, slides: updateSlide(m.slides, slide.id, { layout }) }), { label: 'layout', immediate: true, focus: slide.id });
  const addBullet = () =>
    store.edit((m) => ({ ...m, slides: updateSlide(m.slides, slide.id, { blocks: [...slide.blocks, { kind: 'bullet', text: '', level: 0 }] }) }), {
      label: 'newBullet',
      immediate: true,
      focus: slide.id,
    });
  const notesRef = { slideId: slide.id, part: 'notes' } as const;
  return (
    <div className="inspector">
      <section className="inspector-section" aria-labelledby="insp-layout">
        <h3 id="insp-layout" className="inspector-heading">
          {t('editor.layout')}
        </h3>
        <div className="layout-grid" role="radiogroup" aria-labelledby="insp-layout">
          {LAYOUTS.map((layout) => (
            <button
              key={layout}
              type="button"
              role="radio"
              aria-checked={slide.layout === layout}
              className={`layout-choice${slide.layout === layout ? ' is-on' : ''}`}
              onClick={() => setLayout(layout)}
            >
              <span className={`layout-icon layout-icon-${layout}`} aria-hidden="true" />
              <span>{t(`editor.layoutName.${layout}`)}</span>
            </button>
          ))}
        </div>
        <div className="inspector-row">
          <button type="button" className="button small" onClick={addBullet}>
            {t('editor.addBullet')}
          </button>
          <label className="check">
            <input type="checkbox" checked={hidden} onChange={onToggleHidden} />
            {t('editor.hideSlide')}
          </label>
        </div>
      </section>
      <PictureInspector store={store} slide={slide} onChoose={(index) => onChoosePicture({ slideId: slide.id, index })} />
      <ChartInspector store={store} slide={slide} figures={figures} theme={store.getState().model.theme} />
      <section className="inspector-section inspector-notes" aria-labelledby="insp-notes">
        <h3 id="insp-notes" className="inspector-heading">
          {t('editor.notes')}
        </h3>
        <EditableField
          key={fieldKey(notesRef)}
          fieldKey={fieldKey(notesRef)}
          as="div"
          className="notes-editor"
          text={slide.notes}
          figures={figures}
          label={t('editor.notes')}
          placeholder={t('editor.placeholder.notes')}
          multiline
          onText={(text) => typeInto(store, notesRef, slide.notes, text)}
        />
      </section>
      <section className="inspector-section" aria-labelledby="insp-figs">
        <h3 id="insp-figs" className="inspector-heading">
          {t('editor.slideFigures')}
        </h3>
        {keys.length === 0 ? (
          <p className="muted small">{t('editor.noSlideFigures')}</p>
        ) : (
          <ul className="slide-figures">
            {keys.map((key) => {
              const f = figures.get(key);
              return (
                <li key={key}>
                  <button type="button" className="slide-figure" onClick={() => onShowFigure(key)} title={t('editor.editInPanel')}>
                    <span className="slide-figure-label">{f?.label ?? key}</span>
                    <span className="slide-figure-value">{f?.display ?? '[?]'}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
});
