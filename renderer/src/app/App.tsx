import { DeckView } from '../editor/DeckView.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { LibraryPage } from '../library/LibraryPage.tsx';
import { ConsolePage } from '../presenter/ConsolePage.tsx';
import { PresentPage } from '../presenter/PresentPage.tsx';
import { NotYetPage } from './NotYetPage.tsx';
import { useRoute } from './useRoute.ts';

function Routed() {
  const route = useRoute();
  switch (route.name) {
    case 'library':
      return <LibraryPage />;
    case 'edit':
      return <DeckView key={route.deckId} deckId={route.deckId} />;
    case 'present':
      // Keyed by deck only: moving between slides rewrites the fragment without remounting the show.
      return <PresentPage key={route.deckId} deckId={route.deckId} slideIndex={route.slideIndex} />;
    case 'console':
      return <ConsolePage key={route.deckId} deckId={route.deckId} />;
    case 'notFound':
      return <NotYetPage kind="notFound" />;
  }
}

export function App() {
  return (
    <I18nProvider>
      <Routed />
    </I18nProvider>
  );
}
