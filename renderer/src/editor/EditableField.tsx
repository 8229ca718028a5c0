// One editable text of the slide canvas or the notes: the same element and classes as the slide shows (so the canvas
// is what the room sees), made editable as plain text with figure chips that cannot be broken apart. The DOM is drawn
// from the stored text and read back on every input; React does not own its children.
import { useLayoutEffect, useRef, type ClipboardEvent, type FocusEvent, type KeyboardEvent } from 'react';
import type { FigureMap } from '../slides/SlideView.tsx';
import { caretOffset, chipsCurrent, placeCaret, renderRuns, serialize } from './richText.ts';
import { cleanPaste } from './textEdits.ts';

export interface EditableFieldProps {
  /** `slideId:title`, `slideId:b3`, `slideId:notes`: how the editor finds a field to focus. */
  fieldKey: string;
  as: 'h1' | 'h2' | 'li' | 'p' | 'blockquote' | 'span' | 'div';
  className: string;
  text: string;
  figures: FigureMap;
  label: string;
  placeholder: string;
  multiline?: boolean;
  onText(text: string): void;
  /** Keys the field does not handle itself (Enter, Tab, Backspace at the start …), with the caret offset. */
  onKey?(e: KeyboardEvent<HTMLElement>, caret: number | null, el: HTMLElement): void;
  onFocus?(e: FocusEvent<HTMLElement>): void;
  onBlur?(e: FocusEvent<HTMLElement>): void;
}

export function EditableField(props: EditableFieldProps) {
  const { as: Tag, className, text, figures, multiline = false } = props;
  const ref = useRef<HTMLElement | null>(null);
  const composing = useRef(false);
  const heading = Tag === 'h1' || Tag === 'h2';

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || composing.current) return;
    if (serialize(el) === text && chipsCurrent(el, figures)) return;
    const focused = el.ownerDocument.activeElement === el;
    const caret = focused ? caretOffset(el) : null;
    renderRuns(el, text, figures);
    if (focused) placeCaret(el, Math.min(caret ?? text.length, text.length));
  }, [text, figures]);

  const emit = () => {
    const el = ref.current;
    if (!el || composing.current) return;
    const next = serialize(el);
    if (next !== text) props.onText(next);
  };

  const insertPlain = (value: string) => {
    // execCommand keeps the browser's caret handling; the result is read back as text by the input event.
    ref.current?.ownerDocument.execCommand('insertText', false, value);
  };

  const onPaste = (e: ClipboardEvent<HTMLElement>) => {
    e.preventDefault();
    insertPlain(cleanPaste(e.clipboardData.getData('text/plain'), multiline));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const el = ref.current;
    if (!el) return;
    // No rich formatting from the browser: Ctrl+I/U would wrap text in elements. (Ctrl+B is the Emphasis command,
    // which changes the stored text.)
    if ((e.ctrlKey || e.metaKey) && ['i', 'u'].includes(e.key.toLowerCase())) {
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter' && multiline && !e.nativeEvent.isComposing) {
      e.preventDefault();
      insertPlain('\n');
      return;
    }
    props.onKey?.(e, caretOffset(el), el);
  };

  return (
    <Tag
      ref={(el: HTMLElement | null) => {
        ref.current = el;
      }}
      className={`${className} hb-editable${text === '' ? ' is-empty' : ''}`}
      contentEditable="plaintext-only"
      suppressContentEditableWarning
      // A title stays a heading (named by its text); other texts are text boxes named by what they are.
      role={heading ? undefined : 'textbox'}
      aria-label={heading ? undefined : props.label}
      aria-multiline={heading ? undefined : multiline}
      data-field={props.fieldKey}
      data-placeholder={props.placeholder}
      spellCheck={false}
      onInput={emit}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
        emit();
      }}
      onPaste={onPaste}
      onDrop={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
      onFocus={props.onFocus}
      onBlur={props.onBlur}
    />
  );
}
