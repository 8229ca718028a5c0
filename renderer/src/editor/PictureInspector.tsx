// The inspector's picture section, one per picture of the slide: fit (the whole picture) or fill (covering its frame),
// the focal point kept in view when filled (click the preview, or move it with the arrow keys), replace, remove.
import { useContext, type KeyboardEvent, type PointerEvent } from 'react';
import { updatePicture } from '../../../decks/common/deckOps.ts';
import type { ImageBlock, ImageFit, Slide } from '../../../decks/common/model.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { SlideAssetsContext } from '../slides/SlideView.tsx';
import { EditorIcon } from './EditorIcon.tsx';
import type { EditorStore } from './editorStore.ts';

interface PictureInspectorProps {
  store: EditorStore;
  slide: Slide;
  /** Opens the file chooser for picture block `index`. */
  onChoose(index: number): void;
}

const CENTRE = { x: 0.5, y: 0.5 };
const clamp = (n: number) => Math.min(1, Math.max(0, Math.round(n * 100) / 100));

export function PictureInspector({ store, slide, onChoose }: PictureInspectorProps) {
  const t = useT();
  const pictures = slide.blocks.flatMap((b, index) => (b.kind === 'image' ? [{ block: b, index }] : []));
  if (pictures.length === 0) return null;
  return (
    <section className="inspector-section picture-inspector" aria-labelledby="insp-pictures">
      <h3 id="insp-pictures" className="inspector-heading">
        {t('picture.section')}
      </h3>
      {pictures.map(({ block, index }) => (
        <PictureSettings key={index} store={store} slideId={slide.id} index={index} block={block} onChoose={onChoose} />
      ))}
    </section>
  );
}

function PictureSettings({ store, slideId, index, block, onChoose }: { store: EditorStore; slideId: string; index: number; block: ImageBlock; onChoose(index: number): void }) {
  const t = useT();
  const urls = useContext(SlideAssetsContext);
  const url = block.assetId ? urls?.get(block.assetId) : undefined;
  const fit: ImageFit = block.fit ?? 'fit';
  const focus = block.focus ?? CENTRE;
  const set = (patch: Partial<ImageBlock>, label: string, group?: string) =>
    store.edit((m) => ({ ...m, slides: updatePicture(m.slides, slideId, index, patch) }), { label, immediate: true, focus: slideId, ...(group ? { group } : {}) });
  const setFocus = (x: number, y: number) => set({ focus: { x: clamp(x), y: clamp(y) } }, 'pictureFocus', `focus:${slideId}:${index}`);

  if (!block.assetId) {
    return (
      <div className="picture-settings is-empty">
        <p className="picture-missing">
          <EditorIcon name="alert" size={16} /> {t('picture.missingNoteShort')}
        </p>
        <button type="button" className="button small primary" onClick={() => onChoose(index)}>
          <EditorIcon name="image" size={16} /> {t('picture.add')}
        </button>
      </div>
    );
  }

  const onPointer = (e: PointerEvent<HTMLDivElement>) => {
    if (fit !== 'fill' || (e.type === 'pointermove' && e.buttons !== 1)) return;
    const r = e.currentTarget.getBoundingClientRect();
    setFocus((e.clientX - r.left) / r.width, (e.clientY - r.top) / r.height);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[e.key];
    if (!move || fit !== 'fill') return;
    e.preventDefault();
    e.stopPropagation();
    setFocus(focus.x + move[0], focus.y + move[1]);
  };

  return (
    <div className="picture-settings">
      <div className="picture-fit" role="radiogroup" aria-label={t('picture.fitLabel')}>
        {(['fit', 'fill'] as const).map((choice) => (
          <button
            key={choice}
            type="button"
            role="radio"
            aria-checked={fit === choice}
            className={`layout-choice picture-fit-choice${fit === choice ? ' is-on' : ''}`}
            onClick={() => set({ fit: choice }, 'pictureFit')}
            title={t(choice === 'fit' ? 'picture.fitHint' : 'picture.fillHint')}
          >
            <EditorIcon name={choice} size={18} />
            <span>{t(choice === 'fit' ? 'picture.fit' : 'picture.fill')}</span>
          </button>
        ))}
      </div>
      {url && (
        <div className="picture-preview">
          <div
            className={`picture-focus${fit === 'fill' ? ' is-active' : ''}`}
            role={fit === 'fill' ? 'slider' : undefined}
            tabIndex={fit === 'fill' ? 0 : -1}
            aria-label={t('picture.focusLabel')}
            aria-valuetext={t('picture.focusValue', { x: Math.round(focus.x * 100), y: Math.round(focus.y * 100) })}
            onPointerDown={onPointer}
            onPointerMove={onPointer}
            onKeyDown={onKey}
          >
            <img src={url} alt="" draggable={false} />
            {fit === 'fill' && <span className="picture-focus-mark" aria-hidden="true" style={{ left: `${focus.x * 100}%`, top: `${focus.y * 100}%` }} />}
          </div>
          <p className="muted small">{t(fit === 'fill' ? 'picture.focusHint' : 'picture.fitNote')}</p>
        </div>
      )}
      <div className="inspector-row">
        <button type="button" className="button small" onClick={() => onChoose(index)}>
          <EditorIcon name="image" size={16} /> {t('picture.replace')}
        </button>
        <button type="button" className="button small quiet" onClick={() => set({ assetId: null }, 'pictureRemove')}>
          {t('picture.remove')}
        </button>
      </div>
    </div>
  );
}
