// The one DeckApi of the renderer: Electron's preload transport when present, else the loopback host over HTTP.
// Results are checked against the contract's schemas here too (createClient), as well as by the host.
import { createClient, type DeckApi } from '../../../decks/common/api.ts';
import { hostTransport } from './hostTransport.ts';

export { adoptTokenFromUrl } from './hostTransport.ts';

let api: DeckApi | null = null;

export function getApi(): DeckApi {
  api ??= createClient(hostTransport());
  return api;
}
