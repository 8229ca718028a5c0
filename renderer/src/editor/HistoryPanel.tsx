// Versions: save a named version (before a meeting), see the automatic ones, restore any (undoable; the current state
// is kept as a version first).
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorMessage, type DeckApi } from '../../../decks/common/api.ts';
import type { Revision } from '../../../decks/common/model.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { relativeTime } from '../i18n/relativeTime.ts';
import type { EditorStore } from './editorStore.ts';

export function HistoryPanel({ api, store, onRestored }: { api: DeckApi; store: EditorStore; onRestored(label: string): void }) {
  const t = useT();
  const [lang] = useLang();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .listRevisions({ deckId: store.deck.id })
      .then((r) => setRevisions([...r.revisions].sort((a, b) => b.createdAt.localeCompare(a.createdAt))))
      .catch((err: unknown) => setError(errorMessage(err, lang)));
  }, [api, store, lang]);

  useEffect(() => {
    load();
    store.onRevisions = load;
    return () => {
      if (store.onRevisions === load) store.onRevisions = null;
    };
  }, [load, store]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await store.saveVersion(name.trim() || t('editor.history.defaultName'), false);
      setName('');
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (r: Revision) => {
    setBusy(true);
    setError(null);
    try {
      await store.restore(r.id);
      setConfirm(null);
      onRestored(r.label || t('editor.history.auto'));
    } catch (err) {
      setError(errorMessage(err, lang));
    } finally {
      setBusy(false);
    }
  };

  const now = new Date();
  return (
    <div className="panel history-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t('editor.history.title')}</h2>
      </div>
      <form className="history-save" onSubmit={save}>
        <label className="visually-hidden" htmlFor="version-name">
          {t('editor.history.nameLabel')}
        </label>
        <input id="version-name" className="input" value={name} maxLength={200} placeholder={t('editor.history.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button primary small" disabled={busy}>
          {t('editor.history.save')}
        </button>
      </form>
      <p className="panel-hint">{t('editor.history.hint')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {revisions === null ? (
        <p className="panel-empty">{t('common.loading')}</p>
      ) : revisions.length === 0 ? (
        <p className="panel-empty">{t('editor.history.none')}</p>
      ) : (
        <ul className="history-list">
          {revisions.map((r) => (
            <li key={r.id} className="history-item">
              <div className="history-item-main">
                <span className="history-label">{r.label || t('editor.history.auto')}</span>
                <span className="history-meta">
                  {r.auto && <span className="badge small">{t('editor.history.autoBadge')}</span>} {relativeTime(r.createdAt, now, lang, t('time.justNow'))} ·{' '}
                  {t('library.slides', { n: r.slides })}
                </span>
              </div>
              {confirm === r.id ? (
                <span className="history-confirm">
                  <button type="button" className="button small primary" disabled={busy} onClick={() => void restore(r)}>
                    {t('editor.history.confirmRestore')}
                  </button>
                  <button type="button" className="button small quiet" onClick={() => setConfirm(null)}>
                    {t('common.cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" className="button small" onClick={() => setConfirm(r.id)}>
                  {t('editor.history.restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
