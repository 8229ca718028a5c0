// The DeckApi contract over the loopback host: a real startHttpHost on a fresh database, reached with global fetch
// through createClient(createHttpTransport(...)) — exactly what the renderer does in a browser.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../decks/common/api.ts';
import { createHttpTransport } from '../../decks/common/httpTransport.ts';
import { startHttpHost } from '../../decks/node/http/server.ts';
import { createService } from '../../decks/node/service.ts';
import { runDeckApiContract } from './deckApiContract.ts';
import { runTrustContract } from './trustContract.ts';

async function httpApi() {
  const dir = mkdtempSync(join(tmpdir(), 'huibao-contract-http-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  const service = createService({ dbPath: join(dir, 'huibao.db') });
  const host = await startHttpHost({ api: service, staticDir });
  const api = createClient(createHttpTransport({ baseUrl: host.url, token: host.token, fetch }));
  const teardown = async () => {
    await host.close();
    service.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { api, teardown };
}

runDeckApiContract('over the loopback HTTP host', httpApi);
runTrustContract('over the loopback HTTP host', httpApi);
