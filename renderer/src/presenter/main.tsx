// The show's own page (present.html): a show opened in a window of its own — the audience window of a two-screen
// show, a copied address, Electron's show windows — loads only what presenting needs: React, reveal.js, the slides
// and the show's lean client (api/showApi.ts), not the editor, the library or zod. A show started with F5 in the
// editor's tab runs in the editor's page instead (App.tsx), so its undo history stays; both draw PresentPage.
// earlyDeck first: see there.
import { openedAt as route } from './earlyDeck.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../assets/themes/base.css';
import '../../../assets/themes/official.css';
import '../../../assets/themes/light.css';
import '../../../assets/themes/contrast.css';
import '../styles/app.css';
import { parseRoute } from '../../../decks/common/routes.ts';
import { navigate } from '../app/useRoute.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { PresentPage } from './PresentPage.tsx';

const root = document.getElementById('root');
// Any other route belongs to the app's page (navigate() takes it there); so does a change of fragment to one, and
// another deck's show starts afresh. (The show rewrites its own fragment as it moves, with replaceState: no event.)
window.addEventListener('hashchange', () => {
  const next = parseRoute(window.location.hash);
  if (next.name !== 'present') navigate(next);
  else if (route.name === 'present' && next.deckId !== route.deckId) window.location.reload();
});
if (route.name !== 'present') navigate(route);
else if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <PresentPage key={route.deckId} deckId={route.deckId} slideIndex={route.slideIndex} />
      </I18nProvider>
    </StrictMode>,
  );
}
