import { useEffect } from 'react';
import type { CommandId } from '../../../decks/common/commands.ts';
import { listenToNativeMenu } from '../commands/useCommands.ts';
import { DeckView } from '../editor/DeckView.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { LibraryPage } from '../library/LibraryPage.tsx';
import { ConsolePage } from '../presenter/ConsolePage.tsx';
import { PresentPage } from '../presenter/PresentPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { deckIdOfRoute, parseRoute } from '../../../decks/common/routes.ts';
import { navigate, useRoute } from './useRoute.ts';

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
      return <NotFoundPage />;
  }
}

const TEXT_ACTIONS: Partial<Record<CommandId, string>> = { undo: 'undo', redo: 'redo', delete: 'delete', 'select-all': 'selectAll' };

/** Menu commands no page took (the editor takes most): going home, the text meaning of Edit's items, a show's deck. */
function onOtherCommand(id: CommandId): boolean {
  const route = parseRoute(window.location.hash);
  const deckId = deckIdOfRoute(route);
  if (id === 'library') navigate({ name: 'library' });
  else if (TEXT_ACTIONS[id]) document.execCommand(TEXT_ACTIONS[id]);
  else if (deckId && (id === 'present-start' || id === 'present-current')) navigate({ name: 'present', deckId, slideIndex: id === 'present-current' && route.name === 'present' ? route.slideIndex : 0 });
  else if (deckId && id === 'present-console') navigate({ name: 'console', deckId });
  else return false;
  return true;
}

export function App() {
  useEffect(() => listenToNativeMenu(onOtherCommand), []);
  return (
    <I18nProvider>
      <Routed />
    </I18nProvider>
  );
}
