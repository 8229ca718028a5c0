// A picture's frame on the canvas: clicking it (or Enter) opens the file chooser, a file dropped on it goes in, and so
// does a picture pasted while it has the focus — into a placeholder, or replacing the picture shown. An empty frame
// says what is missing: it is left out of the show and every export until it gets its photo.
import { useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { ImageBlock } from '../../../decks/common/model.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { EditorIcon } from './EditorIcon.tsx';
import { pictureFileOf } from './pictureFiles.ts';
import './pictures.css';

export interface PictureFrameProps {
  index: number;
  block: ImageBlock;
  /** The slide's own frame (SlideView's), shown inside. */
  frame: ReactNode;
  /** A file for this picture; null asks for the file chooser. */
  onPicture(index: number, file: File | null): void;
}

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

export function PictureFrame({ index, block, frame, onPicture }: PictureFrameProps) {
  const t = useT();
  const [over, setOver] = useState(false);
  const empty = block.assetId === null;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onPicture(index, null);
    }
  };
  return (
    <div
      className={`picture-drop${empty ? ' is-empty' : ''}${over ? ' is-over' : ''}`}
      role="button"
      tabIndex={0}
      data-picture={index}
      aria-label={empty ? t('picture.missingLabel') : t('picture.replaceLabel', { caption: block.caption || t('picture.untitled') })}
      title={empty ? t('picture.placeholderHint') : t('picture.replaceHint')}
      onClick={() => onPicture(index, null)}
      onKeyDown={onKey}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        // The drop is this frame's: the editor page must not take it as a file to import.
        e.stopPropagation();
        setOver(false);
        const file = pictureFileOf(e.dataTransfer);
        if (file) onPicture(index, file);
      }}
    >
      {frame}
      {empty ? (
        <span className="picture-drop-empty" aria-hidden="true">
          <span className="picture-drop-glyph">
            <EditorIcon name="image" size={96} />
          </span>
          <span className="picture-drop-badge">
            <EditorIcon name="alert" size={22} /> {t('picture.missing')}
          </span>
          <span className="picture-drop-hint">{t('picture.placeholderHint')}</span>
        </span>
      ) : (
        <span className="picture-drop-replace" aria-hidden="true">
          <EditorIcon name="image" size={22} /> {t('picture.replace')}
        </span>
      )}
      {over && (
        <span className="picture-drop-over" aria-hidden="true">
          {t('picture.dropHere')}
        </span>
      )}
    </div>
  );
}
