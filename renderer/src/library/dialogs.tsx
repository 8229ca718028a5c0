// The library's dialogs: a title (new deck with its theme, rename), confirming a permanent delete, and the outcome of an
// import.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { errorMessage, type Result } from '../../../decks/common/api.ts';
import { blankSlide } from '../../../decks/common/deckOps.ts';
import type { Theme } from '../../../decks/common/model.ts';
import { Dialog } from '../app/Dialog.tsx';
import { Icon } from '../app/Icon.tsx';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import type { FigureMap } from '../slides/SlideView.tsx';
import { ThemePicker } from '../slides/ThemePicker.tsx';

const NO_FIGURES: FigureMap = new Map();

export function TitleDialog({ mode, initial, onSubmit, onClose }: { mode: 'new' | 'rename'; initial: string; onSubmit(title: string, theme: Theme): Promise<void>; onClose(): void }) {
  const t = useT();
  const [lang] = useLang();
  const [title, setTitle] = useState(initial);
  const [theme, setTheme] = useState<Theme>('official');
  const input = useRef<HTMLInputElement>(null);
  // Renaming starts with the old name selected, so typing replaces it (as renaming a file does).
  useEffect(() => {
    if (mode === 'rename') input.current?.select();
  }, [mode]);
  // The new deck's cover, as it will look: the title typed so far, in each theme.
  const cover = useMemo(() => ({ ...blankSlide('new-deck-cover', 'title'), title: title.trim() || t('dialog.newPlaceholder'), blocks: [] }), [title, t]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [emptyTried, setEmptyTried] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setEmptyTried(true);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(title.trim(), theme);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const message = emptyTried && !title.trim() ? t('dialog.titleRequired') : error ? errorMessage(error, lang) : '';
  return (
    <Dialog title={t(mode === 'new' ? 'dialog.newTitle' : 'dialog.renameTitle')} onClose={onClose} className={mode === 'new' ? 'dialog-wide' : undefined}>
      <form onSubmit={submit} className="dialog-form" noValidate>
        <label className="field">
          <span className="field-label">{t(mode === 'new' ? 'dialog.newField' : 'dialog.renameField')}</span>
          <input
            ref={input}
            type="text"
            value={title}
            maxLength={500}
            placeholder={mode === 'new' ? t('dialog.newPlaceholder') : undefined}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={message ? true : undefined}
            data-autofocus
          />
        </label>
        {message && (
          <p className="field-error" role="alert">
            {message}
          </p>
        )}
        {mode === 'new' && (
          <div className="field">
            <span className="field-label" id="new-deck-theme">
              {t('dialog.themeField')}
            </span>
            <ThemePicker value={theme} onChoose={setTheme} preview={{ slide: cover, figures: NO_FIGURES, deckTitle: title }} label={t('dialog.themeField')} />
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t(mode === 'new' ? 'dialog.create' : 'common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function PurgeDialog({ title, onConfirm, onClose }: { title: string; onConfirm(): void; onClose(): void }) {
  const t = useT();
  return (
    <Dialog title={t('dialog.purgeTitle')} onClose={onClose} role="alertdialog">
      <p className="dialog-text">{t('dialog.purgeBody', { title })}</p>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </button>
        <button type="button" className="button danger-solid" onClick={onConfirm}>
          {t('dialog.purgeConfirm')}
        </button>
      </div>
    </Dialog>
  );
}

export function ImportedDialog({ result, onOpen, onClose }: { result: Result<'importReport'>; onOpen(): void; onClose(): void }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <Dialog title={t('import.doneTitle')} onClose={onClose} className="dialog-wide import-result">
      <p className="dialog-text">
        <Icon name="check" /> {t('import.summary', { slides: result.slides, figures: result.figures })}
      </p>
      {result.consistency.length > 0 && (
        <>
          <p className="dialog-text">{t('import.consistencyIntro')}</p>
          <ul className="warning-list">
            {result.consistency.map((c) => (
              <li key={c.id} className="warning kind-consistency">
                <span className="warning-kind">{t('preflight.kind.consistency')}</span>
                <span className="warning-message">{lang === 'zh' ? c.message.zh : c.message.en}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.warnings.length === 0 ? (
        <p className="dialog-text muted">{t('import.noWarnings')}</p>
      ) : (
        <>
          <p className="dialog-text">{t('import.warningsIntro')}</p>
          <ul className="warning-list">
            {result.warnings.map((w) => (
              <li key={w.id} className={`warning kind-${w.kind}`}>
                <span className="warning-kind">{t(`warning.${w.kind}`)}</span>
                <span className="warning-message">{lang === 'zh' ? w.message.zh : w.message.en}</span>
                {w.excerpt && (
                  <span className="warning-excerpt" lang="zh-CN">
                    <span className="visually-hidden">{t('import.excerpt')}: </span>
                    {w.excerpt}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
        <button type="button" className="button primary" onClick={onOpen} data-autofocus>
          {t('import.open')}
        </button>
      </div>
    </Dialog>
  );
}

/** A file that could not be taken in: a report (the default title) or a .huibao bundle (`title` says so). */
export function ImportErrorDialog({ error, fileName, onClose, title }: { error: unknown; fileName: string; onClose(): void; title?: string }) {
  const t = useT();
  const [lang] = useLang();
  return (
    <Dialog title={title ?? t('import.failedTitle')} onClose={onClose} role="alertdialog" className="import-error">
      <p className="dialog-text error-text">
        <Icon name="alert" /> <span className="import-error-message">{errorMessage(error, lang)}</span>
      </p>
      <p className="dialog-text muted">
        <Icon name="file" /> {fileName}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose} data-autofocus>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
