// The editor's list of missing photos: every picture placeholder of the deck, by slide, with what happens to it in the
// show and the exports (the placeholder is left out; a slide of nothing but placeholders is left out altogether) and a
// button to add the photo.
import { missingPictures } from '../../../decks/common/audience.ts';
import type { Slide } from '../../../decks/common/model.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { EditorIcon } from './EditorIcon.tsx';

interface MissingPhotosProps {
  slides: readonly Slide[];
  onJump(slideId: string): void;
  /** Opens the file chooser for the first placeholder of the slide. */
  onAdd(slideId: string, index: number): void;
}

export function MissingPhotos({ slides, onJump, onAdd }: MissingPhotosProps) {
  const t = useT();
  const missing = missingPictures(slides);
  if (missing.length === 0) return null;
  const index = new Map(slides.map((s, i) => [s.id, i]));
  return (
    <section className="panel missing-photos" aria-labelledby="missing-photos-title">
      <div className="panel-head">
        <h2 className="panel-title" id="missing-photos-title">
          <EditorIcon name="image" size={16} /> {t('picture.missingTitle', { n: missing.length })}
        </h2>
      </div>
      <p className="panel-note">{t('picture.missingNote')}</p>
      <ul className="missing-list">
        {missing.map(({ slide, count, leftOut }) => {
          const at = slide.blocks.findIndex((b) => b.kind === 'image' && b.assetId === null);
          const block = slide.blocks[at];
          const caption = block?.kind === 'image' ? block.caption : '';
          return (
            <li key={slide.id} className="missing-item">
              <button type="button" className="link-button missing-jump" onClick={() => onJump(slide.id)}>
                {t('editor.warnings.jump', { n: (index.get(slide.id) ?? 0) + 1 })}
              </button>
              <span className="missing-caption" lang="zh-CN">
                {caption || slide.title || t('picture.untitled')}
                {count > 1 && <span className="muted"> ×{count}</span>}
              </span>
              <span className="missing-effect">{t(leftOut ? 'picture.leftOutSlide' : 'picture.leftOutPicture')}</span>
              <button type="button" className="button small" onClick={() => onAdd(slide.id, at)}>
                {t('picture.add')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
