// 放映前检查: the pre-flight check's findings for this deck, most serious first, each with a jump to its slide or
// figure and the fix that is obvious (confirm the figure, hide the slide, add the photo); each can be dismissed.
// The core finds them (checkDeck) on the saved deck; this panel saves first and sends the slides the editor measured
// as overflowing, which only a renderer can know. It checks again after every saved edit.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, type DeckApi, type PreflightFinding, type PreflightResult, type Severity } from '../../../decks/common/api.ts';
import { isPicturePlaceholder } from '../../../decks/common/audience.ts';
import { updateSlide } from '../../../decks/common/deckOps.ts';
import type { Slide } from '../../../decks/common/model.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import type { PictureTarget } from './editorCommands.ts';
import type { EditorState, EditorStore } from './editorStore.ts';

interface PreflightPanelProps {
  api: DeckApi;
  store: EditorStore;
  state: EditorState;
  /** The slides the editor measured as overflowing. */
  overflowing: ReadonlySet<string>;
  onJump(slideId: string): void;
  onShowFigure(key: string): void;
  onChoosePicture(target: PictureTarget): void;
}

const SEVERITIES: readonly Severity[] = ['block', 'warn', 'info'];
const WARNING_PREFIX = 'import-warning:';

export function PreflightPanel({ api, store, state, overflowing, onJump, onShowFigure, onChoosePicture }: PreflightPanelProps) {
  const t = useT();
  const [lang] = useLang();
  const [result, setResult] = useState<PreflightResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showDismissed, setShowDismissed] = useState(false);
  const latest = useRef(0);
  const overflowList = useMemo(() => [...overflowing].sort(), [overflowing]);

  const check = useCallback(async () => {
    const run = ++latest.current;
    setBusy(true);
    try {
      // The core checks what is stored: what was just typed is saved first.
      await store.flush();
      const r = await api.checkDeck({ deckId: store.deck.id, overflowing: overflowList });
      if (run === latest.current) {
        setResult(r);
        setError(null);
      }
    } catch (err) {
      if (run === latest.current) setError(errorMessage(err, lang));
    } finally {
      if (run === latest.current) setBusy(false);
    }
  }, [api, store, overflowList, lang]);

  // Again after each edit (once it is saved), a confirmation or a dismissal.
  useEffect(() => {
    const timer = window.setTimeout(() => void check(), 250);
    return () => window.clearTimeout(timer);
  }, [check, state.model, state.warnings]);

  const slides = state.model.slides;
  const index = useMemo(() => new Map(slides.map((s, i) => [s.id, i])), [slides]);
  const findings = result?.findings ?? [];
  const open = findings.filter((f) => !f.dismissed);
  const shown = showDismissed ? findings : open;

  const fix = async (f: PreflightFinding, kind: 'confirm' | 'hide' | 'picture') => {
    if (kind === 'confirm' && f.figureKey) await store.confirmFigures([f.figureKey]);
    else if (kind === 'hide' && f.slideId) {
      const id = f.slideId;
      store.edit((m) => ({ ...m, slides: updateSlide(m.slides, id, { hidden: true }) }), { label: 'hide', immediate: true, focus: id });
    } else if (kind === 'picture' && f.slideId) {
      const slide = slides.find((s) => s.id === f.slideId);
      const pictures = new Set(state.assets.map((a) => a.id));
      const at = slide ? slide.blocks.findIndex((b) => isPicturePlaceholder(b, pictures)) : -1;
      onJump(f.slideId);
      if (at >= 0) onChoosePicture({ slideId: f.slideId, index: at });
    }
  };

  const dismiss = async (f: PreflightFinding, dismissed: boolean) => {
    if (f.id.startsWith(WARNING_PREFIX)) {
      // An import warning's dismissal is the warning's own: the 导入提示 panel shows it too.
      await store.dismissWarning(f.id.slice(WARNING_PREFIX.length));
      return;
    }
    setResult((r) => r && { ...r, findings: r.findings.map((x) => (x.id === f.id ? { ...x, dismissed } : x)) });
    try {
      await api.dismissFinding({ deckId: store.deck.id, findingId: f.id, dismissed });
    } catch (err) {
      setError(errorMessage(err, lang));
    }
    void check();
  };

  const blocking = open.filter((f) => f.severity === 'block').length;
  return (
    <div className="panel preflight-panel" aria-busy={busy}>
      <div className="panel-head">
        <h2 className="panel-title">{t('preflight.title')}</h2>
        <button type="button" className="button small" onClick={() => void check()} disabled={busy}>
          {busy ? t('preflight.checking') : t('preflight.recheck')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {t('preflight.failed', { message: error })}
        </p>
      )}
      {result && (
        <p className={`preflight-summary${blocking > 0 ? ' is-blocking' : open.length === 0 ? ' is-clean' : ''}`} role="status">
          {open.length === 0 ? t('preflight.clean') : t('preflight.summary', { blocking, open: open.length })}
        </p>
      )}
      <div className="preflight-tools">
        <label className="check small">
          <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} />
          {t('preflight.showDismissed')}
        </label>
        <span className="muted preflight-note">{t('preflight.overflowNote')}</span>
      </div>
      {SEVERITIES.map((severity) => {
        const list = shown.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        return (
          <section key={severity} className={`preflight-group is-${severity}`} aria-label={t(`preflight.severity.${severity}`)}>
            <h3 className="preflight-group-title">
              {t(`preflight.severity.${severity}`)} <span className="muted">{list.length}</span>
            </h3>
            <ul className="warnings-list">
              {list.map((f) => (
                <FindingItem
                  key={f.id}
                  finding={f}
                  slides={slides}
                  index={index}
                  lang={lang}
                  onJump={onJump}
                  onShowFigure={onShowFigure}
                  onFix={(kind) => void fix(f, kind)}
                  onDismiss={(on) => void dismiss(f, on)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function FindingItem({
  finding: f,
  slides,
  index,
  lang,
  onJump,
  onShowFigure,
  onFix,
  onDismiss,
}: {
  finding: PreflightFinding;
  slides: readonly Slide[];
  index: ReadonlyMap<string, number>;
  lang: 'zh' | 'en';
  onJump(slideId: string): void;
  onShowFigure(key: string): void;
  onFix(kind: 'confirm' | 'hide' | 'picture'): void;
  onDismiss(dismissed: boolean): void;
}) {
  const t = useT();
  const at = f.slideId !== null ? index.get(f.slideId) : undefined;
  const hidden = f.slideId !== null && slides.find((s) => s.id === f.slideId)?.hidden === true;
  // The report sentences the finding names, each once, with the slide that shows it.
  const bare = (text: string | null) => (text ?? '').replace(/[。；！？\s]+$/, '');
  const sources = f.places.filter((p, i) => p.sentence && f.places.findIndex((q) => bare(q.sentence) === bare(p.sentence)) === i);
  return (
    <li className={`warning-item finding-item is-${f.severity}${f.dismissed ? ' is-dismissed' : ''}`} data-finding={f.kind}>
      <div className="warning-item-head">
        <span className="warning-kind">{t(`preflight.kind.${f.kind}`)}</span>
        {at !== undefined && (
          <button type="button" className="link-button" onClick={() => onJump(f.slideId!)}>
            {t('editor.warnings.jump', { n: at + 1 })}
          </button>
        )}
        {/* A dismissed import warning stays dismissed (as in the 导入提示 panel); any other finding can come back. */}
        {!f.dismissed || f.kind !== 'import-warning' ? (
          <button type="button" className="button small quiet finding-dismiss" onClick={() => onDismiss(!f.dismissed)}>
            {f.dismissed ? t('preflight.undismiss') : t('preflight.dismiss')}
          </button>
        ) : null}
      </div>
      <p className="warning-message">{lang === 'zh' ? f.message.zh : f.message.en}</p>
      {sources.map((p, i) => {
        const n = p.slideId !== null ? index.get(p.slideId) : undefined;
        return (
          <p key={i} className="warning-excerpt finding-source" lang="zh-CN">
            <span className="finding-source-label">{n !== undefined ? `${t('editor.figures.slideN', { n: n + 1 })} · ` : ''}{t('preflight.source')}</span> {p.sentence}
          </p>
        );
      })}
      {!f.dismissed && (f.fixes.length > 0 || f.figureKey) && (
        <div className="finding-actions">
          {f.fixes.includes('picture') && (
            <button type="button" className="button small primary" onClick={() => onFix('picture')}>
              {t('preflight.fix.picture')}
            </button>
          )}
          {f.fixes.includes('confirm') && (
            <button type="button" className="button small primary" onClick={() => onFix('confirm')}>
              {t('preflight.fix.confirm')}
            </button>
          )}
          {f.fixes.includes('hide') && !hidden && (
            <button type="button" className="button small" onClick={() => onFix('hide')}>
              {t('preflight.fix.hide')}
            </button>
          )}
          {f.figureKey && (
            <button type="button" className="button small quiet" onClick={() => onShowFigure(f.figureKey!)}>
              {t('preflight.showFigure')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
