// The editor's state per deck, kept across routes: leaving for a show (or the library) and coming back finds the
// same slide selected and the same undo history. The few most recent decks are kept; a deck changed elsewhere in
// the meantime (another window, the library, the `huibao` command) gets a fresh session.
import type { DeckApi } from '../../../decks/common/api.ts';
import type { Deck } from '../../../decks/common/model.ts';
import { takeShowEnd } from '../presenter/showEnd.ts';
import { EditorStore } from './editorStore.ts';
import { single } from './selection.ts';

/** How many decks keep their editor state (each holds its deck and undo history in memory). */
export const KEPT_SESSIONS = 4;

const sessions = new Map<string, EditorStore>();

function keep(deckId: string, store: EditorStore): EditorStore {
  sessions.delete(deckId);
  sessions.set(deckId, store);
  for (const [id, old] of sessions) {
    if (sessions.size <= KEPT_SESSIONS) break;
    sessions.delete(id);
    old.dispose();
  }
  return store;
}

/** The session kept for a deck, if any (shown at once while it is checked against the store). */
export function keptSession(deckId: string): EditorStore | null {
  return sessions.get(deckId) ?? null;
}

/**
 * The session for a deck as stored now: the kept one when the deck has not changed since it last saw it, else a
 * new one (on the slide the kept one showed, when that slide is still there).
 */
export async function openSession(api: DeckApi, deckId: string): Promise<EditorStore> {
  const kept = sessions.get(deckId);
  if (kept) await kept.flush();
  const deck: Deck = await api.getDeck({ deckId });
  // A show of the deck that ended since: the editor opens on the slide where it ended.
  const ended = takeShowEnd(deckId);
  const onDeck = (id: string | null | undefined): id is string => !!id && deck.slides.some((s) => s.id === id);
  if (kept && sessions.get(deckId) === kept && kept.knownUpdatedAt() === deck.updatedAt && !kept.getState().error) {
    if (onDeck(ended)) kept.select(single(ended));
    return keep(deckId, kept);
  }
  const made = new EditorStore(api, deck, deck);
  const was = ended ?? kept?.getState().selection.current;
  if (onDeck(was)) made.select(single(was));
  kept?.dispose();
  return keep(deckId, made);
}

/** Saves what a kept session has not saved yet (an export from the library must show the deck as last edited). */
export function flushSession(deckId: string): Promise<void> {
  return sessions.get(deckId)?.flush() ?? Promise.resolve();
}
