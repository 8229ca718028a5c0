// Electron's security checklist for every web page the app creates: no new windows, no navigation away from
// app://, no <webview> (applied from `web-contents-created`, so no window can be made without it), and no
// permission but one: full screen, for the app's own top-level page (the show's 全屏 button and F key).
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './ipcHost.ts';

export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The navigation's own details (event.url); the listeners' second argument is deprecated in Electron.
  const stayInApp = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Whether a page may have a permission: only `fullscreen` (the Fullscreen API goes through the permission handlers
 * in Electron), and only for the app's own top-level page, never a frame inside it or another origin.
 */
export function allowsPermission(permission: string, details: { isMainFrame: boolean; requestingUrl?: string }): boolean {
  return permission === 'fullscreen' && details.isMainFrame && details.requestingUrl !== undefined && isAppUrl(details.requestingUrl);
}

export function limitPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowsPermission(permission, details)));
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => allowsPermission(permission, details));
}
