import { describe, expect, it } from 'vitest';
import { createClient, METHOD_NAMES, type MethodName } from '../../../decks/common/api.ts';
import { isAppFrame, registerIpcHost, type IpcEventLike, type IpcMainLike } from '../../../electron/main/ipcHost.ts';
import { exposeBridge, type HuibaoBridge, type IpcRendererLike } from '../../../electron/preload/bridge.ts';
import { COMMAND_CHANNEL } from '../../../electron/preload/channels.ts';
import { fakeDeckApi } from '../http/fakeDeckApi.ts';

function fakeContextBridge() {
  const exposed = new Map<string, unknown>();
  return { exposed, exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) };
}

describe('preload bridge', () => {
  it('exposes only window.huibao = { call, onCommand }', () => {
    const cb = fakeContextBridge();
    exposeBridge(cb, { on: () => undefined, removeListener: () => undefined, invoke: async () => ({ ok: true, result: null }) });
    expect([...cb.exposed.keys()]).toEqual(['huibao']);
    expect(Object.keys(cb.exposed.get('huibao') as object)).toEqual(['call', 'onCommand']);
  });

  it('hands the renderer menu command ids from its channel, and nothing else', () => {
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
    const cb = fakeContextBridge();
    exposeBridge(cb, {
      invoke: async () => ({ ok: true, result: null }),
      on: (channel, listener) => void listeners.set(channel, listener),
      removeListener: (channel, listener) => void (listeners.get(channel) === listener && listeners.delete(channel)),
    });
    const heard: unknown[] = [];
    const stop = (cb.exposed.get('huibao') as HuibaoBridge).onCommand((id) => heard.push(id));
    const send = listeners.get(COMMAND_CHANNEL)!;
    const event = { sender: { secret: true } };
    send(event, 'present-current');
    send(event, 'evalAnything');
    send(event, { id: 'delete' });
    send(event, 'delete');
    expect(heard).toEqual(['present-current', 'delete']);
    stop();
    expect(listeners.has(COMMAND_CHANNEL)).toBe(false);
  });

  it('refuses an unknown method name before it reaches ipcRenderer', async () => {
    const invoked: string[] = [];
    const cb = fakeContextBridge();
    exposeBridge(cb, { on: () => undefined, removeListener: () => undefined, invoke: async (channel) => (invoked.push(channel), { ok: true, result: null }) });
    const bridge = cb.exposed.get('huibao') as HuibaoBridge;
    for (const name of ['evalAnything', 'constructor', '__proto__', '', 'huibao:listDecks']) {
      expect(await bridge.call(name as MethodName, {}), name).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(await bridge.call(42 as unknown as MethodName, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(invoked).toEqual([]);
    await bridge.call('listDecks', {});
    expect(invoked).toEqual(['huibao:listDecks']);
  });

  it('carries envelopes from the IPC host to a typed client, error codes intact', async () => {
    // Wire the real preload bridge to the real IPC host through fake Electron objects.
    const handlers = new Map<string, (e: IpcEventLike, ...a: unknown[]) => Promise<unknown>>();
    const ipcMain: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
    registerIpcHost(ipcMain, fakeDeckApi().api, isAppFrame);
    const ipcRenderer: IpcRendererLike = {
      on: () => undefined,
      removeListener: () => undefined,
      invoke: async (channel, ...args) => {
        const h = handlers.get(channel);
        if (!h) throw new Error(`No handler registered for '${channel}'`);
        return h({ senderFrame: { url: 'app://huibao/index.html', parent: null } }, ...args);
      },
    };
    const cb = fakeContextBridge();
    exposeBridge(cb, ipcRenderer);
    const client = createClient((cb.exposed.get('huibao') as HuibaoBridge).call);
    expect((await client.listDecks({})).decks[0]?.title).toBe('上虞青年城');
    await expect(client.getDeck({ deckId: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND', zh: '找不到演示文稿 "missing"' });
    expect(handlers.size).toBe(METHOD_NAMES.length);
  });

  it('turns a failed invoke into an INTERNAL envelope instead of a rejected promise', async () => {
    const cb = fakeContextBridge();
    exposeBridge(cb, { on: () => undefined, removeListener: () => undefined, invoke: async () => Promise.reject(new Error('No handler registered')) });
    expect(await (cb.exposed.get('huibao') as HuibaoBridge).call('listDecks', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
