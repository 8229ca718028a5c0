// The PDF is printed from the print page (renderer/print.html): the slides laid out for paper with neither reveal.js
// nor zod in its script, while the HTML export (which plays the deck and checks its data) carries both. What the
// printer is handed is captured here; that it prints the right pages is pdf.test.ts's part.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createService } from '../../../decks/node/service.ts';

const SAMPLE = new URL('../../../decks/samples/shangyu-youth-city.txt', import.meta.url);
/** Marks in the built code: reveal.js's option name, zod's base type. */
const REVEAL = /slideNumber/;
const ZOD = /\$ZodType/;

it('prints from the print page, without reveal.js or zod; the HTML export keeps both', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'huibao-print-page-'));
  const printed: { html: string; url: string }[] = [];
  const service = createService({
    dbPath: join(dir, 'huibao.db'),
    pdfPrinter: async (htmlPath, layout) => {
      printed.push({ html: readFileSync(htmlPath, 'utf8'), url: layout });
      return new TextEncoder().encode('%PDF-1.7 captured');
    },
  });
  try {
    const { deckId } = await service.importReport({ fileName: 'sample.txt', dataBase64: readFileSync(SAMPLE).toString('base64') });
    await service.exportDeck({ deckId, format: 'pdf' });
    await service.exportDeck({ deckId, format: 'pdf', notes: true });
    const html = Buffer.from((await service.exportDeck({ deckId, format: 'html' })).dataBase64, 'base64').toString('utf8');
    expect(printed.map((p) => p.url)).toEqual(['slides', 'handout']);
    for (const { html: page } of printed) {
      expect(page).toContain('huibao-deck');
      expect(page).not.toMatch(REVEAL);
      expect(page).not.toMatch(ZOD);
      expect(page.length).toBeLessThan(html.length);
    }
    expect(html).toMatch(REVEAL);
    expect(html).toMatch(ZOD);
  } finally {
    service.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
