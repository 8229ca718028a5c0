// A deck made from a Word report is compared with that report as stored (its text): the same document again finds
// nothing, and a revision with one figure changed gives exactly that change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService, type DeckService } from '../../../decks/node/service.ts';
import { blocks, docxBytes, FILE_NAME } from '../../fixtures/reports/05-linhai-science-bureau.docx.ts';
import { wordDocument, type WordBlock } from '../../fixtures/reports/wordDocument.ts';

let dir: string;
let service: DeckService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-docx-refresh-'));
  service = createService({ dbPath: join(dir, 'huibao.db') });
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('refreshing a deck made from a Word report', () => {
  it('finds nothing in the same document, and the one figure changed in a revised one', async () => {
    const { deckId } = await service.importReport({ fileName: FILE_NAME, dataBase64: b64(docxBytes()) });
    expect((await service.refreshPreview({ deckId, fileName: FILE_NAME, dataBase64: b64(docxBytes()) })).items).toEqual([]);

    const deck = await service.getDeck({ deckId });
    // A percentage written once in the document, one point higher in the revision.
    const json = JSON.stringify(blocks);
    const figure = deck.figures.find((f) => f.unit === '%' && f.display === `${f.value}%` && json.split(f.display).length === 2)!;
    const revisedBlocks = JSON.parse(json.replace(figure.display, `${figure.value + 1}%`)) as WordBlock[];
    const review = await service.refreshPreview({ deckId, fileName: 'revised.docx', dataBase64: b64(wordDocument(revisedBlocks)) });
    expect(review.items.map((i) => [i.kind, 'key' in i ? i.key : ''])).toEqual([['figure-changed', figure.key]]);
  });
});
