// Import warnings: what the report reader repaired or doubted, each jumping to the slide concerned, each dismissible.
import { useState } from 'react';
import type { ImportWarning, Slide } from '../../../decks/common/model.ts';
import { Icon } from '../app/Icon.tsx';
import { useLang, useT } from '../i18n/I18nProvider.tsx';

interface WarningsPanelProps {
  warnings: readonly ImportWarning[];
  slides: readonly Slide[];
  onJump(slideId: string): void;
  onDismiss(id: string): void;
}

export function WarningsPanel({ warnings, slides, onJump, onDismiss }: WarningsPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const [showDismissed, setShowDismissed] = useState(false);
  const index = new Map(slides.map((s, i) => [s.id, i]));
  const open = warnings.filter((w) => !w.dismissed);
  const shown = showDismissed ? warnings : open;
  return (
    <div className="panel warnings-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t('editor.warnings.title')}</h2>
        <label className="check small">
          <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} />
          {t('editor.warnings.showDismissed')}
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="panel-empty">{t('editor.warnings.none')}</p>
      ) : (
        <ul className="warnings-list">
          {shown.map((w) => {
            const at = w.slideId !== null ? index.get(w.slideId) : undefined;
            return (
              <li key={w.id} className={`warning-item${w.dismissed ? ' is-dismissed' : ''}`}>
                <div className="warning-item-head">
                  <span className="warning-kind">{t(`warning.${w.kind}`)}</span>
                  {at !== undefined && (
                    <button type="button" className="link-button" onClick={() => onJump(w.slideId!)}>
                      {t('editor.warnings.jump', { n: at + 1 })}
                    </button>
                  )}
                  {!w.dismissed && (
                    <button type="button" className="icon-button small" aria-label={t('editor.warnings.dismiss')} title={t('editor.warnings.dismiss')} onClick={() => onDismiss(w.id)}>
                      <Icon name="check" />
                    </button>
                  )}
                </div>
                <p className="warning-message">{lang === 'zh' ? w.message.zh : w.message.en}</p>
                {w.excerpt && (
                  <p className="warning-excerpt" lang="zh-CN">
                    {w.excerpt}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
