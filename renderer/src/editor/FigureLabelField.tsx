// A figure's label, edited where staff see it: on a figure card on the canvas. The label belongs to the figure, so
// the change shows on every slide and in the 数据 panel; it is committed as one undo step when the field is left
// (Enter or a click elsewhere), Escape puts the label back. A blank label is refused and the label put back.
import { useRef } from 'react';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import type { FigureLabelProps } from '../slides/SlideView.tsx';
import { EditableField } from './EditableField.tsx';
import type { EditorStore } from './editorStore.ts';

const NO_FIGURES = new Map();

export function FigureLabelField({ store, figureKey, label, className }: FigureLabelProps & { store: EditorStore }) {
  const t = useT();
  const [lang] = useLang();
  const draft = useRef<string | null>(null);
  const commit = (el: HTMLElement) => {
    const text = draft.current;
    draft.current = null;
    if (text === null || text.trim() === label) return;
    const err = store.setFigureLabel(figureKey, text);
    if (err) {
      // Nothing is lost: the stored label comes back, and the field says why.
      el.textContent = label;
      el.title = lang === 'zh' ? err.zh : err.en;
    } else el.title = '';
  };
  return (
    <EditableField
      fieldKey={`figure:${figureKey}:label`}
      as="span"
      className={`${className} figure-label-field`}
      text={label}
      figures={NO_FIGURES}
      label={t('editor.figures.cardLabelOf', { label })}
      placeholder={t('editor.figures.label')}
      onText={(text) => {
        draft.current = text;
      }}
      onKey={(e, _caret, el) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          el.blur();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          draft.current = null;
          el.textContent = label;
          el.blur();
        }
      }}
      onBlur={(e) => commit(e.currentTarget)}
    />
  );
}
