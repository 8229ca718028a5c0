// Routes that exist in DESIGN §6 but are not built yet (presenter, console), and unknown routes.
import { useT } from '../i18n/I18nProvider.tsx';
import { AppHeader } from './AppHeader.tsx';

export function NotYetPage({ kind }: { kind: 'notYet' | 'notFound' }) {
  const t = useT();
  return (
    <div className="page">
      <AppHeader />
      <main className="placeholder-page">
        <p>{t(kind === 'notYet' ? 'route.notYet' : 'route.notFound')}</p>
        <a className="button" href="#/">
          {t('route.home')}
        </a>
      </main>
    </div>
  );
}
