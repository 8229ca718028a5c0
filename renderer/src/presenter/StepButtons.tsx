// Previous · “n / N” · next: the start of the pointer toolbar, in the presenter and in the exported player.
import type { MessageKey } from '../i18n/zh.ts';
import type { PresentAction } from './keys.ts';

export function StepButtons({ position, count, act, t }: { position: number; count: number; act: (a: PresentAction) => void; t: (key: MessageKey) => string }) {
  return (
    <>
      <button type="button" className="present-button" onClick={() => act({ type: 'prev' })} aria-label={t('present.prev')} title={t('present.prev')}>
        ‹
      </button>
      <span className="present-counter">
        {position + 1} / {count}
      </span>
      <button type="button" className="present-button" onClick={() => act({ type: 'next' })} aria-label={t('present.next')} title={t('present.next')}>
        ›
      </button>
    </>
  );
}
