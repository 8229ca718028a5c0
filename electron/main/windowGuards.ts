// Electron's security checklist for every web page the app creates: no new windows, no navigation away from
// app://, no <webview>. Applied from `web-contents-created`, so no window can be made without it.
import type { WebContents } from 'electron';
import { isAppUrl } from './ipcHost.ts';

export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { preventDefault(): void }, url: string): void => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
