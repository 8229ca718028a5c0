// What a presentation window shows instead of slides: the deck could not be loaded, or it has nothing to show.
import { errorMessage } from '../../../decks/common/apiError.ts';
import { APP_PAGE, routeHash } from '../../../decks/common/routes.ts';
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
        {/* To the app's page: the show may be on its own (present.html). From the app's page, only the fragment changes. */}
        <a href={APP_PAGE + routeHash(error === undefined ? { name: 'edit', deckId } : { name: 'library' })}>{t(error === undefined ? 'present.backToEditor' : 'present.home')}</a>
      </p>
    </div>
  );
}
