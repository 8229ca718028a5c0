// 用新版报告更新: the review of a revised report, a panel in place of the canvas while it is open (the sorter stays, so
// “show slide” points at a thumbnail), side by side: the earlier report on the left, the revised one on the right,
// grouped by kind of change. Staff tick what to take; applying is one undoable step (EditorStore.applyRefresh).
import { useMemo, useState, type ReactNode } from 'react';
import type { DiffPart, RefreshItem, RefreshReview as Review } from '../../../decks/common/api.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/zh.ts';
import './trust.css';

const GROUPS: readonly RefreshItem['kind'][] = [
  'figure-changed',
  'figure-added',
  'figure-gone',
  'paragraph-changed',
  'paragraph-added',
  'paragraph-removed',
  'section-added',
  'section-removed',
  'caption-added',
  'caption-removed',
];

/** A sentence with the figure's digits marked (the first place they occur). */
function Sentence({ text, mark }: { text: string; mark: string }) {
  const at = mark ? text.indexOf(mark) : -1;
  if (at < 0) return <span>{text}</span>;
  return (
    <span>
      {text.slice(0, at)}
      <mark>{mark}</mark>
      {text.slice(at + mark.length)}
    </span>
  );
}

/** One side of a paragraph's diff: the shared text, and what only this side has marked. */
function DiffSide({ diff, side }: { diff: readonly DiffPart[]; side: 'removed' | 'added' }) {
  return (
    <span>
      {diff.map((d, i) =>
        d.op === 'same' ? <span key={i}>{d.text}</span> : d.op === side ? (side === 'removed' ? <del key={i}>{d.text}</del> : <ins key={i}>{d.text}</ins>) : null,
      )}
    </span>
  );
}

function Sides({ item }: { item: RefreshItem }): { left: ReactNode; right: ReactNode } {
  const t = useT();
  const none = <span className="muted">{t('refresh.absent')}</span>;
  switch (item.kind) {
    case 'figure-changed':
      return {
        left: (
          <>
            <strong className="refresh-value">{item.imported.display}</strong>
            {item.conflict && (
              <span className="refresh-conflict" role="note">
                {t('refresh.conflict')}: {t('refresh.imported')} {item.imported.display} · {t('refresh.handSet')} {item.current.display} · {t('refresh.revised')} {item.revised.display}
              </span>
            )}
            <Sentence text={item.imported.sentence} mark={item.imported.display} />
          </>
        ),
        right: (
          <>
            <strong className="refresh-value">{item.revised.display}</strong>
            <Sentence text={item.revised.sentence} mark={item.revised.display} />
          </>
        ),
      };
    case 'figure-added':
      return { left: none, right: <><strong className="refresh-value">{item.revised.display}</strong><Sentence text={item.revised.sentence} mark={item.revised.display} /></> };
    case 'figure-gone':
      return { left: <><strong className="refresh-value">{item.imported.display}</strong><Sentence text={item.imported.sentence} mark={item.imported.display} /></>, right: none };
    case 'paragraph-changed':
      return { left: <DiffSide diff={item.diff} side="removed" />, right: <DiffSide diff={item.diff} side="added" /> };
    case 'paragraph-added':
    case 'caption-added':
      return { left: none, right: <span>{item.text}</span> };
    case 'paragraph-removed':
    case 'caption-removed':
      return { left: <span>{item.text}</span>, right: none };
    case 'section-added':
      return { left: none, right: <strong>{item.title}</strong> };
    case 'section-removed':
      return { left: <strong>{item.title}</strong>, right: none };
  }
}

function ItemRow({ item, checked, onToggle, onJump }: { item: RefreshItem; checked: boolean; onToggle(): void; onJump(slideId: string): void }) {
  const t = useT();
  const { left, right } = Sides({ item });
  const title = 'label' in item ? item.label : 'section' in item ? item.section : '';
  return (
    <li className={`refresh-item${'conflict' in item && item.conflict ? ' is-conflict' : ''}`} data-kind={item.kind}>
      <div className="refresh-item-head">
        {item.applicable ? (
          <label className="refresh-check">
            <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`${t('refresh.selected')}：${title || item.id}`} />
            <span>{title}</span>
          </label>
        ) : (
          <span className="refresh-check">
            <span>{title}</span> <span className="badge">{t('refresh.byHand')}</span>
          </span>
        )}
        {item.slideId && (
          <button type="button" className="link-button" onClick={() => onJump(item.slideId!)}>
            {t('refresh.jump')}
          </button>
        )}
      </div>
      <div className="refresh-sides">
        <div className="refresh-side refresh-old">{left}</div>
        <div className="refresh-side refresh-new">{right}</div>
      </div>
    </li>
  );
}

export function RefreshReview({ review, busy, onApply, onClose, onJump }: { review: Review; busy: boolean; onApply(accept: string[]): void; onClose(): void; onJump(slideId: string): void }) {
  const t = useT();
  const applicable = useMemo(() => review.items.filter((i) => i.applicable).map((i) => i.id), [review]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(applicable));
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section className="refresh-pane" aria-labelledby="refresh-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id="refresh-title" className="refresh-title">
        {t('refresh.title')}
      </h2>
      {review.items.length === 0 ? (
        <p>{t('refresh.none', { file: review.fileName })}</p>
      ) : (
        <>
          <p className="refresh-intro">{t('refresh.intro', { file: review.fileName })}</p>
          <div className="refresh-columns" aria-hidden="true">
            <span>{t('refresh.old')}</span>
            <span>{t('refresh.new')}</span>
          </div>
          <div className="refresh-list">
            {GROUPS.map((kind) => {
              const items = review.items.filter((i) => i.kind === kind);
              if (items.length === 0) return null;
              return (
                <section key={kind} className="refresh-group" aria-label={t(`refresh.group.${kind}` as MessageKey)}>
                  <h3>
                    {t(`refresh.group.${kind}` as MessageKey)} <span className="muted">{items.length}</span>
                  </h3>
                  <ul>
                    {items.map((item) => (
                      <ItemRow key={item.id} item={item} checked={chosen.has(item.id)} onToggle={() => toggle(item.id)} onJump={onJump} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        </>
      )}
      <div className="dialog-actions">
        {applicable.length > 0 && (
          <>
            <button type="button" className="button" onClick={() => setChosen(new Set(applicable))}>
              {t('refresh.selectAll')}
            </button>
            <button type="button" className="button" onClick={() => setChosen(new Set())}>
              {t('refresh.selectNone')}
            </button>
          </>
        )}
        <span className="tool-spacer" />
        <button type="button" className="button" onClick={onClose}>
          {t('refresh.cancel')}
        </button>
        {applicable.length > 0 && (
          <button type="button" className="button primary" data-autofocus disabled={busy || chosen.size === 0} onClick={() => onApply(applicable.filter((id) => chosen.has(id)))}>
            {t('refresh.apply', { n: chosen.size })}
          </button>
        )}
      </div>
    </section>
  );
}
