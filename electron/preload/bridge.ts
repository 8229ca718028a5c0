// What the preload exposes to the renderer: `window.huibao = { call(method, args), onCommand(listener) }` and nothing
// else. Written against small interfaces so it is tested with fakes; index.ts hands it Electron's real objects.
import { ApiError, isMethodName, type Envelope, type MethodName } from '../../decks/common/api.ts';
import { isCommandId, type CommandId } from '../../decks/common/commands.ts';
import { COMMAND_CHANNEL, ipcChannel } from './channels.ts';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}
export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export interface HuibaoBridge {
  call(method: MethodName, args: unknown): Promise<Envelope>;
  /** Hears the native menu's commands (only known command ids pass); returns the function that stops listening. */
  onCommand(listener: (id: CommandId) => void): () => void;
}

export function createBridge(ipcRenderer: IpcRendererLike): HuibaoBridge {
  return {
    // Errors do not keep their code across contextBridge; envelopes do, so failures come back as envelopes.
    async call(method, args) {
      if (typeof method !== 'string' || !isMethodName(method)) {
        const shown = String(method).slice(0, 64);
        return { ok: false, error: new ApiError('UNKNOWN_METHOD', `未知的方法：${shown}`, `Unknown method: ${shown}`).toJSON() };
      }
      try {
        return (await ipcRenderer.invoke(ipcChannel(method), args)) as Envelope;
      } catch (err) {
        const text = err instanceof Error ? err.message : String(err);
        return { ok: false, error: new ApiError('INTERNAL', `调用失败：${text}`, `The call failed: ${text}`).toJSON() };
      }
    },
    onCommand(listener) {
      // The renderer gets the id only, never the IPC event (which would reach into Electron's objects).
      const heard = (_event: unknown, id: unknown) => {
        if (isCommandId(id)) listener(id);
      };
      ipcRenderer.on(COMMAND_CHANNEL, heard);
      return () => void ipcRenderer.removeListener(COMMAND_CHANNEL, heard);
    },
  };
}

export function exposeBridge(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  const bridge = createBridge(ipcRenderer);
  // A fresh wrapper, so the renderer gets a function and cannot reach the bridge object or ipcRenderer.
  contextBridge.exposeInMainWorld('huibao', {
    call: (method: MethodName, args: unknown) => bridge.call(method, args),
    onCommand: (listener: (id: CommandId) => void) => bridge.onCommand(listener),
  });
}
