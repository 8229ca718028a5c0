// The first module the show's page evaluates (main.tsx imports it before anything else): it asks for the deck before
// React DOM, reveal.js and the slides are evaluated, so the request and the host's work overlap the page's start.
import { parseRoute } from '../../../decks/common/routes.ts';
import { adoptTokenFromUrl } from '../api/hostTransport.ts';
import { loadDeckEarly } from './useDeck.ts';

adoptTokenFromUrl();

/** The route the page was opened at. */
export const openedAt = parseRoute(window.location.hash);
if (openedAt.name === 'present') loadDeckEarly(openedAt.deckId);
