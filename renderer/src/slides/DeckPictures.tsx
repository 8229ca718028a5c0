// The pictures of a deck for every SlideView inside (the show, the console): their display copies as blob: URLs.
import type { ReactNode } from 'react';
import type { Deck } from '../../../decks/common/model.ts';
import { showApi } from '../api/showApi.ts';
import { usePictureUrls } from './pictureUrls.ts';
import { SlideAssetsContext } from './SlideView.tsx';

export function DeckPictures({ deck, children }: { deck: Pick<Deck, 'id' | 'assets' | 'slides'>; children: ReactNode }) {
  const urls = usePictureUrls(showApi(), deck.id, deck.assets, deck.slides);
  return <SlideAssetsContext.Provider value={urls}>{children}</SlideAssetsContext.Provider>;
}
