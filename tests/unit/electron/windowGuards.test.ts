import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { allowsPermission, hardenWebContents } from '../../../electron/main/windowGuards.ts';

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
}

function event(url?: string) {
  return { url, prevented: false, preventDefault() { this.prevented = true; } };
}

describe('web contents guards', () => {
  const contents = new FakeContents();
  hardenWebContents(contents as unknown as WebContents);

  it('denies every new window', () => {
    expect(contents.openHandler?.({ url: 'app://huibao/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('blocks navigation and redirects away from app://huibao, allows in-app navigation', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)']) {
        // Electron passes the target as event.url and, deprecated, as the second argument too.
        const e = event(url);
        contents.emit(name, e, url);
        expect(e.prevented, `${name} ${url}`).toBe(true);
      }
      const ok = event('app://huibao/index.html#/present/x');
      contents.emit(name, ok, 'app://huibao/index.html#/present/x');
      expect(ok.prevented).toBe(false);
    }
    const frame = event('https://evil.example/');
    contents.emit('will-frame-navigate', frame);
    expect(frame.prevented).toBe(true);
  });

  it('reads the target from the event itself, not from the deprecated second argument', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = event('https://evil.example/');
      contents.emit(name, away, 'app://huibao/index.html');
      expect(away.prevented, name).toBe(true);
      const home = event('app://huibao/index.html#/');
      contents.emit(name, home, undefined);
      expect(home.prevented, name).toBe(false);
    }
  });

  it('refuses to attach a webview', () => {
    const e = event();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.prevented).toBe(true);
  });
});

describe('permissions', () => {
  it('grants full screen to the app’s own top-level page and nothing else', () => {
    const top = { isMainFrame: true, requestingUrl: 'app://huibao/index.html#/present/d1' };
    expect(allowsPermission('fullscreen', top)).toBe(true);
    expect(allowsPermission('fullscreen', { ...top, isMainFrame: false })).toBe(false);
    expect(allowsPermission('fullscreen', { isMainFrame: true, requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(allowsPermission('fullscreen', { isMainFrame: true })).toBe(false);
    for (const p of ['media', 'openExternal', 'notifications', 'pointerLock', 'automatic-fullscreen']) expect(allowsPermission(p, top), p).toBe(false);
  });
});
