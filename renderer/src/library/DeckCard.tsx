// One deck in the library: a miniature of its first slide, its title, slide count and when it was last changed.
import { useEffect, useState } from 'react';
import type { Deck, DeckSummary } from '../../../decks/common/model.ts';
import { getApi } from '../api/getApi.ts';
import { ExportMenu } from '../app/ExportMenu.tsx';
import { flushSession } from '../editor/editorSessions.ts';
import { Icon } from '../app/Icon.tsx';
import { routeHash } from '../../../decks/common/routes.ts';
import { navigate } from '../app/useRoute.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { relativeTime } from '../i18n/relativeTime.ts';
import { SlideFrame } from '../slides/SlideFrame.tsx';
import { figureMap, SlideView } from '../slides/SlideView.tsx';

// The first slide of each deck, kept while its `updatedAt` stays the same (the library reloads often).
const firstSlides = new Map<string, { updatedAt: string; deck: Deck }>();

function useDeckPreview(summary: DeckSummary): Deck | null {
  const cached = firstSlides.get(summary.id);
  const [deck, setDeck] = useState<Deck | null>(cached?.updatedAt === summary.updatedAt ? cached.deck : null);
  useEffect(() => {
    const hit = firstSlides.get(summary.id);
    if (hit?.updatedAt === summary.updatedAt) {
      setDeck(hit.deck);
      return;
    }
    let live = true;
    getApi()
      .getDeck({ deckId: summary.id })
      .then((d) => {
        firstSlides.set(summary.id, { updatedAt: summary.updatedAt, deck: d });
        if (live) setDeck(d);
      })
      .catch(() => {
        // A miniature is decoration: without it the card shows a blank page.
      });
    return () => {
      live = false;
    };
  }, [summary.id, summary.updatedAt]);
  return deck;
}

function Miniature({ summary }: { summary: DeckSummary }) {
  const deck = useDeckPreview(summary);
  const first = deck?.slides.find((s) => !s.hidden) ?? deck?.slides[0];
  return (
    <SlideFrame className="deck-miniature" decorative>
      {deck && first ? <SlideView slide={first} figures={figureMap(deck.figures)} theme={deck.theme} deckTitle={deck.title} /> : <div className={`hb-slide theme-${summary.theme} hb-blank`} />}
    </SlideFrame>
  );
}

export interface DeckCardActions {
  rename(deck: DeckSummary): void;
  remove(deck: DeckSummary): void;
  restore(deck: DeckSummary): void;
  purge(deck: DeckSummary): void;
}

export function DeckCard({ deck, inTrash, actions, now }: { deck: DeckSummary; inTrash: boolean; actions: DeckCardActions; now: Date }) {
  const t = useT();
  const [lang] = useLang();
  const when = relativeTime(inTrash && deck.deletedAt ? deck.deletedAt : deck.updatedAt, now, lang, t('time.justNow'));
  const open = () => navigate({ name: 'edit', deckId: deck.id });
  return (
    <li className={inTrash ? 'deck-card in-trash' : 'deck-card'} data-deck-id={deck.id}>
      {/* The miniature opens the deck on click; keyboard users open it through the title link (one tab stop). */}
      <div className="deck-thumb" aria-hidden="true" onClick={inTrash ? undefined : open}>
        <Miniature summary={deck} />
      </div>
      <div className="deck-info">
        <h3 className="deck-title">
          {inTrash ? (
            <span>{deck.title}</span>
          ) : (
            <a href={routeHash({ name: 'edit', deckId: deck.id })} aria-label={t('library.open', { title: deck.title })} title={deck.title}>
              {deck.title}
            </a>
          )}
        </h3>
        <p className="deck-meta">
          <span>{t('library.slides', { n: deck.slides })}</span>
          <span aria-hidden="true"> · </span>
          <span>{t(inTrash ? 'library.deletedAt' : 'library.updated', { when })}</span>
        </p>
      </div>
      <div className="deck-actions">
        {inTrash ? (
          <>
            <button type="button" className="button small" onClick={() => actions.restore(deck)} aria-label={t('library.restoreNamed', { title: deck.title })}>
              <Icon name="restore" />
              <span>{t('library.restore')}</span>
            </button>
            <button type="button" className="button small danger" onClick={() => actions.purge(deck)} aria-label={t('library.purgeNamed', { title: deck.title })}>
              <Icon name="trash" />
              <span>{t('library.purge')}</span>
            </button>
          </>
        ) : (
          <>
            <a className="icon-button" href={routeHash({ name: 'present', deckId: deck.id, slideIndex: 0 })} aria-label={t('present.playNamed', { title: deck.title })} title={t('present.play')}>
              <Icon name="play" />
            </a>
            <a className="icon-button" href={routeHash({ name: 'console', deckId: deck.id })} aria-label={t('present.consoleNamed', { title: deck.title })} title={t('present.console')}>
              <Icon name="console" />
            </a>
            <ExportMenu deckId={deck.id} beforeExport={() => flushSession(deck.id)} />
            <button type="button" className="icon-button" onClick={() => actions.rename(deck)} aria-label={t('library.renameNamed', { title: deck.title })} title={t('library.rename')}>
              <Icon name="pencil" />
            </button>
            <button type="button" className="icon-button" onClick={() => actions.remove(deck)} aria-label={t('library.deleteNamed', { title: deck.title })} title={t('library.delete')}>
              <Icon name="trash" />
            </button>
          </>
        )}
      </div>
    </li>
  );
}
