// The slide on the canvas: the same SlideView the presenter shows (theme, CSS, 16:9 at 1280×720, scaled), with each
// text editable in place. Enter adds a bullet, Tab/Shift+Tab indents, Backspace at a bullet's start joins it upward.
// A picture's frame takes a picture (click, drop, paste: PictureFrame); its caption and credit are edited in place.
import { memo, useMemo, type KeyboardEvent } from 'react';
import type { Block, Slide, Theme } from '../../../decks/common/model.ts';
import { updateSlide } from '../../../decks/common/deckOps.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { SlideFrame, useSlideFitKey } from '../slides/SlideFrame.tsx';
import { SlideView, type FieldProps, type FigureMap, type SlideEditing } from '../slides/SlideView.tsx';
import { EditableField } from './EditableField.tsx';
import { EditorIcon } from './EditorIcon.tsx';
import type { EditorStore } from './editorStore.ts';
import { PictureFrame } from './PictureFrame.tsx';
import { fieldKey, setFieldText, type FieldRef } from './fields.ts';
import { caretAtStart, placeCaret } from './richText.ts';
import { indentBullet, joinWithPrevious, splitBullet } from './textEdits.ts';
import { endsWord } from './undoStack.ts';

export interface FieldFocus {
  /** Puts the caret at `start` of the field's stored text (or selects up to `end`) once it is drawn. */
  focusField(key: string, start: number, end?: number): void;
}

interface CanvasProps {
  store: EditorStore;
  slide: Slide;
  figures: FigureMap;
  theme: Theme;
  number: number;
  deckTitle: string;
  sectionNumber: number | undefined;
  focus: FieldFocus;
  /** The text does not fit even at the smallest size: the slide is marked, with what to do. */
  overflowing: boolean;
  onOverflow(slide: Slide, overflows: boolean): void;
  /** Escape leaves the text for the sorter. */
  onLeave(): void;
  /** A file for picture block `index` of the slide (null: open the file chooser for it). */
  onPicture(slideId: string, index: number, file: File | null): void;
}

/** Types one text into the model as an undoable, mergeable step. */
export function typeInto(store: EditorStore, ref: FieldRef, before: string, text: string): void {
  store.edit((m) => ({ ...m, slides: setFieldText(m.slides, ref, text) }), {
    label: 'typing',
    group: fieldKey(ref),
    boundary: endsWord(before, text),
    focus: ref.slideId,
  });
}

export const Canvas = memo(function Canvas({ store, slide, figures, theme, number, deckTitle, sectionNumber, focus, overflowing, onOverflow, onLeave, onPicture }: CanvasProps) {
  const t = useT();

  const editing = useMemo<SlideEditing>(() => {
    const setBlocks = (blocks: Block[], label: string) =>
      store.edit((m) => ({ ...m, slides: updateSlide(m.slides, slide.id, { blocks }) }), { label, focus: slide.id, immediate: true });

    const onKey = (ref: FieldRef, e: KeyboardEvent<HTMLElement>, caret: number | null, el: HTMLElement) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        el.blur();
        onLeave();
        return;
      }
      if (e.nativeEvent.isComposing) return;
      if (ref.part === 'caption' || ref.part === 'credit') {
        // One line each: Enter goes from the caption to the credit, and from the credit out of the text.
        if (e.key === 'Enter') {
          e.preventDefault();
          const credit = ref.part === 'caption' ? el.closest('figcaption')?.querySelector<HTMLElement>(`[data-field="${CSS.escape(fieldKey({ ...ref, part: 'credit' }))}"]`) : null;
          if (credit) {
            credit.focus();
            placeCaret(credit, credit.textContent?.length ?? 0);
          } else el.blur();
        }
        return;
      }
      const block = ref.part === 'block' ? slide.blocks[ref.index] : undefined;
      if (e.key === 'Enter') {
        e.preventDefault();
        if (block?.kind === 'bullet' && ref.part === 'block') {
          setBlocks(splitBullet(slide.blocks, ref.index, caret ?? block.text.length), 'newBullet');
          focus.focusField(fieldKey({ slideId: slide.id, part: 'block', index: ref.index + 1 }), 0);
        } else if (ref.part === 'title') {
          const first = slide.blocks.findIndex((b) => b.kind === 'bullet' || b.kind === 'text');
          if (first >= 0) focus.focusField(fieldKey({ slideId: slide.id, part: 'block', index: first }), 0);
        }
        return;
      }
      if (e.key === 'Tab' && block?.kind === 'bullet' && ref.part === 'block') {
        e.preventDefault();
        setBlocks(indentBullet(slide.blocks, ref.index, e.shiftKey ? -1 : 1), 'indent');
        focus.focusField(fieldKey(ref), caret ?? 0);
        return;
      }
      if (e.key === 'Backspace' && block?.kind === 'bullet' && ref.part === 'block' && caretAtStart(el)) {
        const joined = joinWithPrevious(slide.blocks, ref.index);
        if (joined) {
          e.preventDefault();
          setBlocks(joined.blocks, 'joinBullet');
          focus.focusField(fieldKey({ slideId: slide.id, part: 'block', index: joined.into }), joined.caret);
        } else if (block.text === '' && slide.blocks.length > 1) {
          e.preventDefault();
          setBlocks(
            slide.blocks.filter((_, i) => i !== ref.index),
            'deleteBullet',
          );
        }
      }
    };

    return {
      renderPictureFrame: ({ index, block, frame }) => <PictureFrame index={index} block={block} frame={frame} onPicture={(i, file) => onPicture(slide.id, i, file)} />,
      renderField(p: FieldProps) {
        const f = p.field;
        const ref: FieldRef = f.kind === 'title' ? { slideId: slide.id, part: 'title' } : f.part ? { slideId: slide.id, part: f.part, index: f.index } : { slideId: slide.id, part: 'block', index: f.index };
        const key = fieldKey(ref);
        const isTitle = ref.part === 'title';
        const block = ref.part === 'block' ? slide.blocks[ref.index] : undefined;
        const label =
          ref.part === 'caption' || ref.part === 'credit'
            ? t(ref.part === 'caption' ? 'picture.caption' : 'picture.credit')
            : isTitle
              ? t('editor.field.title')
              : block?.kind === 'bullet'
                ? t('editor.field.bullet', { n: ref.part === 'block' ? ref.index + 1 : 0 })
                : t('editor.field.text');
        const placeholder =
          ref.part === 'caption' ? t('picture.captionPlaceholder') : ref.part === 'credit' ? t('picture.creditPlaceholder') : isTitle ? t('editor.placeholder.title') : t('editor.placeholder.text');
        return (
          <EditableField
            key={key}
            fieldKey={key}
            as={p.as}
            className={p.className}
            text={p.text}
            figures={p.figures}
            label={label}
            placeholder={placeholder}
            onText={(text) => typeInto(store, ref, p.text, text)}
            onKey={(e, caret, el) => onKey(ref, e, caret, el)}
          />
        );
      },
    };
  }, [store, slide, t, focus, onLeave, onPicture]);
  // A new key only when what is measured changes: moving slides around (a new number, section) does not refit the canvas.
  const fitKey = useSlideFitKey(slide, figures, theme);

  return (
    // The frame takes the focus when the slide is clicked outside its texts: slide commands (Delete, Ctrl+C …) then
    // act on the slide, as they do from the sorter.
    <div className={`canvas-slide${overflowing ? ' is-overflowing' : ''}`} tabIndex={0} role="group" aria-label={t('editor.canvas')}>
      <SlideFrame className="canvas-frame" onFit={(r) => onOverflow(slide, r.overflow)} fitKey={fitKey}>
        <SlideView slide={slide} figures={figures} theme={theme} number={number} deckTitle={deckTitle} sectionNumber={sectionNumber} editing={editing} />
      </SlideFrame>
      {overflowing && (
        <p className="canvas-overflow" role="note">
          <EditorIcon name="alert" size={16} />
          <span>
            <strong>{t('editor.overflow')}</strong> {t('editor.overflowHint')}
          </span>
        </p>
      )}
    </div>
  );
});
