import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../../decks/common/api.ts';
import { isAppFrame, registerIpcHost, type FrameLike, type IpcEventLike, type IpcMainLike } from '../../../electron/main/ipcHost.ts';
import { fakeDeckApi } from '../http/fakeDeckApi.ts';

type Listener = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain(): IpcMainLike & { handlers: Map<string, Listener>; invoke(channel: string, frame: FrameLike | null, args: unknown): Promise<unknown> } {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
    // Like Electron: invoking a channel nobody handles is an error in the renderer.
    async invoke(channel, frame, args) {
      const h = handlers.get(channel);
      if (!h) throw new Error(`No handler registered for '${channel}'`);
      return h({ senderFrame: frame }, args);
    },
  };
}

const appFrame: FrameLike = { url: 'app://huibao/index.html#/edit/x', parent: null };

describe('IPC host', () => {
  it('registers exactly one huibao:<method> channel per DeckApi method, and removes them', () => {
    const ipc = fakeIpcMain();
    const off = registerIpcHost(ipc, fakeDeckApi().api, isAppFrame);
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `huibao:${m}`).sort());
    off();
    expect(ipc.handlers.size).toBe(0);
  });

  it('passes the envelope through for the app page, errors included', async () => {
    const ipc = fakeIpcMain();
    const { api, calls } = fakeDeckApi();
    registerIpcHost(ipc, api, isAppFrame);
    expect(await ipc.invoke('huibao:listDecks', appFrame, {})).toMatchObject({ ok: true, result: { decks: [{ id: 'deck1' }] } });
    expect(await ipc.invoke('huibao:getDeck', appFrame, { deckId: 'z' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ipc.invoke('huibao:getDeck', appFrame, { deckId: 1 })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(calls.map((c) => c.name)).toEqual(['listDecks', 'getDeck']);
  });

  it('refuses a sender that is not the app page, without calling the API', async () => {
    const ipc = fakeIpcMain();
    const { api, calls } = fakeDeckApi();
    registerIpcHost(ipc, api, isAppFrame);
    const strangers: (FrameLike | null)[] = [
      null,
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/x.html', parent: null },
      { url: 'app://other/index.html', parent: null },
      { url: 'http://127.0.0.1:5173/', parent: null },
      { url: 'app://huibao/index.html', parent: appFrame },
      { url: 'not a url', parent: null },
    ];
    for (const frame of strangers) {
      expect(await ipc.invoke('huibao:listDecks', frame, {}), JSON.stringify(frame?.url)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(calls).toHaveLength(0);
  });

  it('has no channel for an unknown method', async () => {
    const ipc = fakeIpcMain();
    registerIpcHost(ipc, fakeDeckApi().api, isAppFrame);
    await expect(ipc.invoke('huibao:evalAnything', appFrame, {})).rejects.toThrow(/No handler/);
    await expect(ipc.invoke('huibao:constructor', appFrame, {})).rejects.toThrow(/No handler/);
  });
});
