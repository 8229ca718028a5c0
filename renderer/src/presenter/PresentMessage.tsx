// What a presentation window shows instead of slides: the deck could not be loaded, or it has nothing to show.
import { errorMessage } from '../../../decks/common/api.ts';
import { routeHash } from '../../../decks/common/routes.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import './presenter.css';

export function PresentMessage({ deckId, error, text }: { deckId: string; error?: unknown; text?: string }) {
  const t = useT();
  const [lang] = useLang();
  const message =
    text ?? ((error as { code?: string } | undefined)?.code === 'NOT_FOUND' ? t('present.notFound') : errorMessage(error, lang));
  return (
    <div className="present-message">
      <p role="alert">{message}</p>
      <p>
        <a href={error === undefined ? routeHash({ name: 'edit', deckId }) : '#/'}>{t(error === undefined ? 'present.backToEditor' : 'present.home')}</a>
      </p>
    </div>
  );
}
