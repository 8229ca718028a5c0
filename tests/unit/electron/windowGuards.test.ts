import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenWebContents } from '../../../electron/main/windowGuards.ts';

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
        const e = event();
        contents.emit(name, e, url);
        expect(e.prevented, `${name} ${url}`).toBe(true);
      }
      const ok = event();
      contents.emit(name, ok, 'app://huibao/index.html#/present/x');
      expect(ok.prevented).toBe(false);
    }
    const frame = event('https://evil.example/');
    contents.emit('will-frame-navigate', frame);
    expect(frame.prevented).toBe(true);
  });

  it('refuses to attach a webview', () => {
    const e = event();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.prevented).toBe(true);
  });
});
