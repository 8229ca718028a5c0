// What the preload exposes to the renderer: `window.huibao = { call(method, args) }` and nothing else.
// Written against small interfaces so it is tested with fakes; index.ts hands it Electron's real objects.
import { ApiError, isMethodName, type Envelope, type MethodName } from '../../decks/common/api.ts';
import { ipcChannel } from './channels.ts';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}
export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export interface HuibaoBridge {
  call(method: MethodName, args: unknown): Promise<Envelope>;
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
  };
}

export function exposeBridge(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  const bridge = createBridge(ipcRenderer);
  // A fresh wrapper, so the renderer gets a function and cannot reach the bridge object or ipcRenderer.
  contextBridge.exposeInMainWorld('huibao', { call: (method: MethodName, args: unknown) => bridge.call(method, args) });
}
