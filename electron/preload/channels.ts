// IPC channel names shared by the preload and the main process: one channel per DeckApi method.
import type { MethodName } from '../../decks/common/api.ts';

export const IPC_PREFIX = 'huibao:';

export function ipcChannel(method: MethodName): string {
  return `${IPC_PREFIX}${method}`;
}
