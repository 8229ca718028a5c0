// Loads a deck once for a presentation (the audience view and the console each hold their own copy), through the
// show's lean client: checked by the host on its way out, not again here.
import { useEffect, useState } from 'react';
import type { Deck } from '../../../decks/common/model.ts';
import { showApi } from '../api/showApi.ts';

let early: { deckId: string; deck: Promise<Deck> } | null = null;

/** The show's page asks for its deck before React starts, so the request overlaps React's first render. */
export function loadDeckEarly(deckId: string): void {
  const deck = showApi().getDeck({ deckId });
  deck.catch(() => undefined); // read by useDeck, which shows the error
  early = { deckId, deck };
}

export function useDeck(deckId: string): { deck: Deck | null; error: unknown } {
  const [deck, setDeck] = useState<Deck | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    (early?.deckId === deckId ? early.deck : showApi().getDeck({ deckId }))
      .then((d) => live && setDeck(d))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [deckId]);
  return { deck, error };
}
