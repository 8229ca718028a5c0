// prepareExport on a service given a host's kept printer (the loopback host, the app): a PDF gets the printer ready,
// the other formats have nothing to prepare; the export that follows prints with the browser started ahead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { keptChromiumPrinter, type PrintBrowser } from '../../../decks/node/export/pdf.ts';
import { createService } from '../../../decks/node/service.ts';

const dir = mkdtempSync(join(tmpdir(), 'huibao-prepare-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('starts the kept printer for a PDF only, once, and tells the caller whether it did', async () => {
  let launches = 0;
  const printer = keptChromiumPrinter({
    launch: async () => {
      launches++;
      return { isConnected: () => true, close: async () => undefined, newContext: async () => ({}) } as unknown as PrintBrowser;
    },
  });
  const service = createService({ dbPath: join(dir, 'huibao.db'), pdfPrinter: printer.print, pdfPrepare: printer.prepare });
  try {
    for (const format of ['pptx', 'html', 'huibao'] as const) expect(await service.prepareExport({ format })).toEqual({ prepared: false });
    expect(launches).toBe(0);
    expect(await service.prepareExport({ format: 'pdf' })).toEqual({ prepared: true });
    expect(await service.prepareExport({ format: 'pdf' })).toEqual({ prepared: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(launches).toBe(1);
  } finally {
    await printer.close();
    service.close();
  }
});
