// IPC channel names shared by the preload and the main process: one channel per DeckApi method, and one on which
// the main process tells the renderer which menu command was chosen.
import type { MethodName } from '../../decks/common/api.ts';

export const IPC_PREFIX = 'huibao:';

export function ipcChannel(method: MethodName): string {
  return `${IPC_PREFIX}${method}`;
}

/** Main → renderer: the id of a command chosen in the native menu (decks/common/commands.ts). */
export const COMMAND_CHANNEL = 'huibao-menu:command';
