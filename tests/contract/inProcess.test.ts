// The contract against the service on a real temporary database: once through `dispatch` (argument and result
// validation, as the hosts do it), once calling the service directly (as the CLI does).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, dispatch } from '../../decks/common/api.ts';
import { createService } from '../../decks/node/service.ts';
import { runDeckApiContract } from './deckApiContract.ts';
import { runTrustContract } from './trustContract.ts';

function freshService() {
  const dir = mkdtempSync(join(tmpdir(), 'huibao-contract-'));
  const service = createService({ dbPath: join(dir, 'huibao.db') });
  const teardown = async () => {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { service, teardown };
}

runDeckApiContract('in-process, through dispatch', async () => {
  const { service, teardown } = freshService();
  return { api: createClient((name, args) => dispatch(service, name, args)), teardown };
});

runTrustContract('in-process, through dispatch', async () => {
  const { service, teardown } = freshService();
  return { api: createClient((name, args) => dispatch(service, name, args)), teardown };
});

runDeckApiContract('in-process, direct calls', async () => {
  const { service, teardown } = freshService();
  return { api: service, teardown };
});
