// What the show lays over the slides, in the presenter and in the exported player: the black or white screen, and the
// slide number being typed for a jump.
import type { MessageKey } from '../i18n/zh.ts';
import type { BlankMode } from './keys.ts';

export function ShowStatus({ blank, digits, t }: { blank: BlankMode; digits: string; t: (key: MessageKey, params?: Record<string, string | number>) => string }) {
  return (
    <>
      {blank !== 'none' && <div className={`present-blank present-blank-${blank}`} role="status" aria-label={t(blank === 'black' ? 'present.blackedOut' : 'present.whitedOut')} />}
      {digits !== '' && (
        <div className="present-jump" role="status">
          {t('present.jumpTo', { n: digits })}
        </div>
      )}
    </>
  );
}
