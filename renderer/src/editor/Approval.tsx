// 定稿 in the editor: the dialog that signs the deck off, and the badge that says whether the deck is still as
// approved (the library's card shows the same badge). The dialog says plainly what the record is and is not.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../decks/common/api.ts';
import type { Approval } from '../../../decks/common/model.ts';
import { Dialog } from '../app/Dialog.tsx';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { langTag } from '../i18n/messages.ts';
import './trust.css';

/** The last approver's name, offered again (the same person usually signs off every deck of an office). */
const APPROVER_KEY = 'huibao.approver';

function lastApprover(): string {
  try {
    return localStorage.getItem(APPROVER_KEY) ?? '';
  } catch {
    return '';
  }
}

export function ApproveDialog({ onApprove, onClose }: { onApprove(name: string): Promise<void>; onClose(): void }) {
  const t = useT();
  const [lang] = useLang();
  const [name, setName] = useState(lastApprover);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      try {
        localStorage.setItem(APPROVER_KEY, name.trim());
      } catch {
        // Remembering the name is a convenience only.
      }
      await onApprove(name.trim());
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('approve.title')} onClose={onClose}>
      <form onSubmit={submit} className="dialog-form" noValidate>
        <label className="field">
          <span className="field-label">{t('approve.name')}</span>
          <input type="text" value={name} maxLength={100} placeholder={t('approve.namePlaceholder')} onChange={(e) => setName(e.target.value)} data-autofocus />
        </label>
        <p className="approve-honest">{t('approve.honest')}</p>
        {error !== null && (
          <p className="field-error" role="alert">
            {t('approve.failed', { message: errorMessage(error, lang) })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button primary" disabled={busy || !name.trim()}>
            {t('approve.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** 已定稿 or 已修改，需重新定稿, with who and when in its tooltip; nothing for a deck never signed off. */
export function ApprovalBadge({ approval, changed }: { approval: Approval | null | undefined; changed: boolean }) {
  const t = useT();
  const [lang] = useLang();
  if (!approval) return null;
  const when = new Date(approval.approvedAt).toLocaleString(langTag(lang), { dateStyle: 'medium', timeStyle: 'short' });
  const params = { name: approval.approver, when, hash: approval.sha256.slice(0, 12) };
  return changed ? (
    <span className="badge badge-warn approval-badge is-changed" role="status" title={t('approve.changedTitle', params)}>
      {t('approve.changed')}
    </span>
  ) : (
    <span className="badge approval-badge is-approved" role="status" title={t('approve.badgeTitle', params)}>
      ✓ {t('approve.badge')} · {approval.approver}
    </span>
  );
}
