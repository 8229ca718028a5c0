// The loopback host's PDF printer keeps one Chromium for a run of exports: started by the first, reused by the next,
// closed after a minute without one (or when the host stops), started again by the export after that.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keptChromiumPrinter, KEEP_BROWSER_MS, launchChromium, type PrintBrowser } from '../../../decks/node/export/pdf.ts';
import { createService } from '../../../decks/node/service.ts';
import { readPdf } from './pdfText.ts';

const SAMPLE = new URL('../../../decks/samples/shangyu-youth-city.txt', import.meta.url);

/** A stand-in browser: counts contexts, prints a tiny PDF, can be closed or crash. */
function fakeBrowser() {
  const state = { contexts: 0, open: 0, closed: false, connected: true };
  const page = {
    on: () => undefined,
    goto: async () => null,
    waitForFunction: async () => null,
    pdf: async () => Buffer.from('%PDF-1.7 fake'),
  };
  const browser = {
    state,
    isConnected: () => state.connected && !state.closed,
    close: async () => {
      state.closed = true;
    },
    newContext: async () => {
      state.contexts++;
      state.open++;
      return {
        route: async () => undefined,
        newPage: async () => page,
        close: async () => {
          state.open--;
        },
      };
    },
  };
  return browser as unknown as PrintBrowser & { state: typeof state };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('keptChromiumPrinter', () => {
  it('starts one browser for a run of exports, each in its own context, and closes it after a minute idle', async () => {
    vi.useFakeTimers();
    const browsers: ReturnType<typeof fakeBrowser>[] = [];
    const printer = keptChromiumPrinter({ launch: async () => (browsers.push(fakeBrowser()), browsers.at(-1)!) });
    expect(browsers).toHaveLength(0); // nothing started before the first export
    await printer.print('/tmp/a.html', 'slides');
    await Promise.all([printer.print('/tmp/b.html', 'slides'), printer.print('/tmp/c.html', 'handout')]);
    expect(browsers).toHaveLength(1);
    expect(browsers[0]!.state).toMatchObject({ contexts: 3, open: 0, closed: false });

    await vi.advanceTimersByTimeAsync(KEEP_BROWSER_MS - 1_000);
    expect(browsers[0]!.state.closed).toBe(false);
    await printer.print('/tmp/d.html', 'slides'); // an export within the minute keeps it another minute
    await vi.advanceTimersByTimeAsync(KEEP_BROWSER_MS - 1_000);
    expect(browsers[0]!.state.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(browsers[0]!.state.closed).toBe(true);

    await printer.print('/tmp/e.html', 'slides');
    expect(browsers).toHaveLength(2);
    await printer.close();
    expect(browsers[1]!.state.closed).toBe(true);
  });

  it('prepare() starts the browser ahead of an export, which then uses it; unused, it closes after a minute', async () => {
    vi.useFakeTimers();
    const browsers: ReturnType<typeof fakeBrowser>[] = [];
    const printer = keptChromiumPrinter({ launch: async () => (browsers.push(fakeBrowser()), browsers.at(-1)!) });
    printer.prepare();
    printer.prepare(); // the menu opened twice: still one browser
    await vi.advanceTimersByTimeAsync(0);
    expect(browsers).toHaveLength(1);
    await printer.print('/tmp/a.html', 'slides');
    expect(browsers).toHaveLength(1);
    expect(browsers[0]!.state.contexts).toBe(1);

    await vi.advanceTimersByTimeAsync(KEEP_BROWSER_MS + 1_000);
    expect(browsers[0]!.state.closed).toBe(true);
    printer.prepare(); // and no export follows
    await vi.advanceTimersByTimeAsync(0);
    expect(browsers).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(KEEP_BROWSER_MS - 1_000);
    expect(browsers[1]!.state.closed).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(browsers[1]!.state.closed).toBe(true);
  });

  it('starts a new browser when the kept one crashed, and tries again after one failed to start', async () => {
    const browsers: ReturnType<typeof fakeBrowser>[] = [];
    let fail = true;
    const printer = keptChromiumPrinter({
      launch: async () => {
        if (fail) throw new Error('no browser');
        browsers.push(fakeBrowser());
        return browsers.at(-1)!;
      },
    });
    await expect(printer.print('/tmp/a.html', 'slides')).rejects.toThrow('no browser');
    fail = false;
    await printer.print('/tmp/a.html', 'slides');
    browsers[0]!.state.connected = false;
    await printer.print('/tmp/b.html', 'slides');
    expect(browsers).toHaveLength(2);
    await printer.close();
  });
});

describe('the kept Chromium, for real', () => {
  it('prints the same deck twice with one browser, both PDFs whole', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huibao-pdf-kept-'));
    let launches = 0;
    const printer = keptChromiumPrinter({ launch: () => (launches++, launchChromium()) });
    const service = createService({ dbPath: join(dir, 'huibao.db'), pdfPrinter: printer.print });
    try {
      const { deckId } = await service.importReport({ fileName: 'shangyu-youth-city.txt', dataBase64: readFileSync(SAMPLE).toString('base64') });
      const first = await service.exportDeck({ deckId, format: 'pdf' });
      const second = await service.exportDeck({ deckId, format: 'pdf' });
      const a = readPdf(new Uint8Array(Buffer.from(first.dataBase64, 'base64')));
      const b = readPdf(new Uint8Array(Buffer.from(second.dataBase64, 'base64')));
      expect(a.length).toBeGreaterThan(10);
      expect(b.map((p) => p.text)).toEqual(a.map((p) => p.text));
      expect(launches).toBe(1);
    } finally {
      await printer.close();
      service.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
