// The thin bar along the bottom of the show that fills as it goes, in the presenter and in the exported player. Drawn
// here rather than by reveal.js: reveal.js holds only a window of the slides, so its own bar would count the window.
import type { MessageKey } from '../i18n/zh.ts';

export function ShowProgress({ position, count, t }: { position: number; count: number; t: (key: MessageKey) => string }) {
  const done = count > 1 ? position / (count - 1) : 1;
  return (
    <div className="present-progress" role="progressbar" aria-label={t('present.progress')} aria-valuemin={1} aria-valuemax={count} aria-valuenow={position + 1}>
      <span style={{ transform: `scaleX(${done})` }} />
    </div>
  );
}
