// One deck in the library: a miniature of its first slide, its title, slide count and when it was last changed; its
// actions (present, console, export, theme with live thumbnails of its first slide, rename, duplicate, delete).
import { useEffect, useMemo, useState } from 'react';
import type { Deck, DeckSummary, Theme } from '../../../decks/common/model.ts';
import { getApi } from '../api/getApi.ts';
import { ExportMenu } from '../app/ExportMenu.tsx';
import { flushSession } from '../editor/editorSessions.ts';
import { Icon } from '../app/Icon.tsx';
import { routeHash } from '../../../decks/common/routes.ts';
import { navigate } from '../app/useRoute.ts';
import { useLang, useT } from '../i18n/I18nProvider.tsx';
import { relativeTime } from '../i18n/relativeTime.ts';
import { EditorIcon } from '../editor/EditorIcon.tsx';
import { ApprovalBadge } from '../editor/Approval.tsx';
import { usePictureUrls } from '../slides/pictureUrls.ts';
import { SlideFrame } from '../slides/SlideFrame.tsx';
import { figureMap, SlideAssetsContext, SlideView } from '../slides/SlideView.tsx';
import { ThemePicker, ThemePopover } from '../slides/ThemePicker.tsx';

const NO_ASSETS: Deck['assets'] = [];
const NO_SLIDES: Deck['slides'] = [];

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

/** The slide a card shows: the first the audience would see. */
function firstSlide(deck: Deck | null) {
  return deck?.slides.find((s) => !s.hidden) ?? deck?.slides[0];
}

function Miniature({ summary, deck }: { summary: DeckSummary; deck: Deck | null }) {
  const first = firstSlide(deck);
  return (
    <SlideFrame className="deck-miniature" decorative>
      {deck && first ? <SlideView slide={first} figures={figureMap(deck.figures)} theme={summary.theme} deckTitle={deck.title} /> : <div className={`hb-slide theme-${summary.theme} hb-blank`} />}
    </SlideFrame>
  );
}

/** The card's Theme button: the deck's first slide in each theme; choosing one changes the deck's theme. */
function CardThemes({ summary, deck, onChoose }: { summary: DeckSummary; deck: Deck | null; onChoose(theme: Theme): void }) {
  const t = useT();
  const first = firstSlide(deck);
  const figures = useMemo(() => figureMap(deck?.figures ?? []), [deck]);
  return (
    <ThemePopover
      title={t('library.themeNamed', { title: summary.title })}
      button={({ open, toggle }) => (
        <button type="button" className="icon-button" aria-haspopup="dialog" aria-expanded={open} onClick={toggle} aria-label={t('library.themeNamed', { title: summary.title })} title={t('library.theme')}>
          <EditorIcon name="palette" size={20} />
        </button>
      )}
    >
      {first ? <ThemePicker value={summary.theme} onChoose={onChoose} preview={{ slide: first, figures, deckTitle: summary.title }} label={t('library.themeNamed', { title: summary.title })} compact /> : <p className="muted">{t('common.loading')}</p>}
    </ThemePopover>
  );
}

export interface DeckCardActions {
  rename(deck: DeckSummary): void;
  duplicate(deck: DeckSummary): void;
  setTheme(deck: DeckSummary, theme: Theme): void;
  remove(deck: DeckSummary): void;
  restore(deck: DeckSummary): void;
  purge(deck: DeckSummary): void;
}

export function DeckCard({ deck, inTrash, actions, now }: { deck: DeckSummary; inTrash: boolean; actions: DeckCardActions; now: Date }) {
  const t = useT();
  const [lang] = useLang();
  const when = relativeTime(inTrash && deck.deletedAt ? deck.deletedAt : deck.updatedAt, now, lang, t('time.justNow'));
  const open = () => navigate({ name: 'edit', deckId: deck.id });
  const preview = useDeckPreview(deck);
  const pictures = usePictureUrls(getApi(), deck.id, preview?.assets ?? NO_ASSETS, preview ? [firstSlide(preview)!].filter(Boolean) : NO_SLIDES);
  return (
    <li className={inTrash ? 'deck-card in-trash' : 'deck-card'} data-deck-id={deck.id}>
      {/* The miniature opens the deck on click; keyboard users open it through the title link (one tab stop). */}
      <div className="deck-thumb" aria-hidden="true" onClick={inTrash ? undefined : open}>
        <SlideAssetsContext.Provider value={pictures}>
          <Miniature summary={deck} deck={preview} />
        </SlideAssetsContext.Provider>
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
        {deck.approval && (
          <p className="deck-approval">
            <ApprovalBadge approval={deck.approval} changed={!deck.approval.current} />
          </p>
        )}
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
            <SlideAssetsContext.Provider value={pictures}>
              <CardThemes summary={deck} deck={preview} onChoose={(theme) => actions.setTheme(deck, theme)} />
            </SlideAssetsContext.Provider>
            <button type="button" className="icon-button" onClick={() => actions.rename(deck)} aria-label={t('library.renameNamed', { title: deck.title })} title={t('library.rename')}>
              <Icon name="pencil" />
            </button>
            <button type="button" className="icon-button" onClick={() => actions.duplicate(deck)} aria-label={t('library.duplicateNamed', { title: deck.title })} title={t('library.duplicate')}>
              <EditorIcon name="copy" size={20} />
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
