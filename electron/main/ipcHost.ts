// The IPC host: one `huibao:<method>` channel per DeckApi method. Each call is accepted only from a trusted frame
// (the app's own app:// page) and runs through dispatch(), which checks arguments and results.
import { ApiError, dispatch, METHOD_NAMES, type DeckApi, type Envelope } from '../../decks/common/api.ts';
import { ipcChannel } from '../preload/channels.ts';

export interface FrameLike {
  url: string;
  parent?: unknown;
}
export interface IpcEventLike {
  senderFrame: FrameLike | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export const APP_SCHEME = 'app';
export const APP_HOST = 'huibao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True for the app's own top-level page (app://huibao/…), the only frame that may call the API. */
export function isAppFrame(frame: FrameLike | null | undefined): boolean {
  if (!frame || (frame.parent !== undefined && frame.parent !== null)) return false;
  return isAppUrl(frame.url);
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpcHost(ipcMain: IpcMainLike, api: DeckApi, isTrustedSender: (frame: FrameLike | null) => boolean): () => void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, args): Promise<Envelope> => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: new ApiError('UNAUTHORIZED', '拒绝来自未知页面的调用', 'Calls from an unknown page are refused').toJSON() };
      }
      return dispatch(api, name, args);
    });
  }
  return () => {
    for (const name of METHOD_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}
