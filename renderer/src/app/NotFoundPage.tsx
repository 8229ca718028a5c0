// A route the app does not know (a mistyped or outdated link): say so and offer the library.
import { useT } from '../i18n/I18nProvider.tsx';
import { AppHeader } from './AppHeader.tsx';

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page">
      <AppHeader />
      <main className="placeholder-page">
        <p>{t('route.notFound')}</p>
        <a className="button" href="#/">
          {t('route.home')}
        </a>
      </main>
    </div>
  );
}
