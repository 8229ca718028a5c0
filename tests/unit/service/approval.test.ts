// 定稿: the content hash changes on every kind of edit and on no read. Each edit is made through the service, as the
// editor or the CLI makes it, on a deck signed off just before; each read is made on a signed-off deck.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Slide } from '../../../decks/common/model.ts';
import { createService, type DeckService } from '../../../decks/node/service.ts';
import { revisedSampleText, SAMPLE_TEXT } from '../../fixtures/revisedSample.ts';
import { makePng } from '../export/testFiles.ts';

const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
let dir: string;
let service: DeckService;
let deckId: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-approval-'));
  service = createService({ dbPath: join(dir, 'huibao.db') });
  ({ deckId } = await service.importReport({ fileName: 'shangyu.txt', dataBase64: b64(SAMPLE_TEXT) }));
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

const content = ({ section: _, ...s }: Slide) => s;
const deck = () => service.getDeck({ deckId });
const slideAt = async (i: number) => (await deck()).slides[i]!;

const EDITS: [string, () => Promise<unknown>][] = [
  ['a word of a slide title', async () => {
    const s = await slideAt(1);
    return service.saveEdits({ deckId, slides: [{ ...content(s), title: `${s.title}改` }] });
  }],
  ['a word of a bullet', async () => {
    const s = (await deck()).slides.find((x) => x.blocks.some((b) => b.kind === 'bullet'))!;
    return service.saveEdits({ deckId, slides: [{ ...content(s), blocks: s.blocks.map((b) => (b.kind === 'bullet' ? { ...b, text: `${b.text}改` } : b)) }] });
  }],
  ['the notes', async () => service.saveEdits({ deckId, slides: [{ ...content(await slideAt(2)), notes: '新的备注' }] })],
  ['hiding a slide', async () => {
    // A shown one (the import proposes a chart slide, hidden).
    const shown = (await deck()).slides.find((s, i) => i > 0 && !s.hidden)!;
    return service.saveEdits({ deckId, slides: [{ ...content(shown), hidden: true }] });
  }],
  ['the order', async () => {
    const ids = (await deck()).slides.map((s) => s.id);
    return service.saveEdits({ deckId, order: [ids[0]!, ids[2]!, ids[1]!, ...ids.slice(3)] });
  }],
  ['removing a slide', async () => service.saveEdits({ deckId, removed: [(await slideAt(3)).id] })],
  ['adding a slide', async () => service.saveEdits({ deckId, slides: [{ id: 'added-slide', layout: 'points', title: '新页', blocks: [], notes: '', hidden: false }] })],
  ['a figure value (editor)', async () => service.saveEdits({ deckId, figures: [{ key: (await deck()).figures[0]!.key, value: '9.9' }] })],
  ['a figure label', async () => service.saveEdits({ deckId, figures: [{ key: (await deck()).figures[0]!.key, label: '新的说明' }] })],
  ['a figure value (updateFigure)', async () => service.updateFigure({ deckId, key: (await deck()).figures[1]!.key, value: '1234' })],
  ['the theme (editor)', async () => service.saveEdits({ deckId, theme: 'contrast' })],
  ['the theme (library)', async () => service.setTheme({ deckId, theme: 'light' })],
  ['renaming the deck (its cover follows)', async () => service.renameDeck({ deckId, title: '新的名字' })],
  ['a picture', async () => service.addAsset({ deckId, dataBase64: b64(makePng(8, 8, [200, 10, 10])), mime: 'image/png' })],
  ['restoring a version', async () => {
    // The version before the last edit: restoring it brings back other content than was signed off.
    const versions = (await service.listRevisions({ deckId })).revisions;
    return service.restoreRevision({ deckId, revisionId: versions.find((v) => v.label === '改标题前')!.id });
  }],
  ['a revised report applied', async () => {
    const report = { fileName: 'v2.txt', dataBase64: b64(revisedSampleText()) };
    const review = await service.refreshPreview({ deckId, ...report });
    return service.refreshApply({ deckId, ...report, accept: [review.items.find((i) => i.applicable)!.id] });
  }],
];

const READS: [string, () => Promise<unknown>][] = [
  ['getDeck', () => deck()],
  ['listDecks', () => service.listDecks({})],
  ['listFigures', () => service.listFigures({ deckId })],
  ['figureHistory', async () => service.figureHistory({ deckId, key: (await deck()).figures[0]!.key })],
  ['listRevisions and a named version', async () => [await service.listRevisions({ deckId }), await service.saveRevision({ deckId, label: '只是存个版本' })]],
  ['exports', async () => [await service.exportDeck({ deckId, format: 'pptx' }), await service.exportDeck({ deckId, format: 'huibao' }), await service.exportDeck({ deckId, format: 'html', notes: true })]],
  ['a refresh review', () => service.refreshPreview({ deckId, fileName: 'v2.txt', dataBase64: b64(revisedSampleText()) })],
  ['dismissing an import warning', async () => {
    const w = (await deck()).warnings[0];
    return w ? service.dismissWarning({ deckId, warningId: w.id }) : null;
  }],
];

describe('the approval hash', () => {
  it.each(EDITS)('changes on an edit: %s', async (name, edit) => {
    if (name === 'restoring a version') {
      await service.saveRevision({ deckId, label: '改标题前' });
      await service.saveEdits({ deckId, slides: [{ ...content(await slideAt(1)), title: '改过' }] });
    }
    const a = await service.approveDeck({ deckId, approver: '王主任' });
    await edit();
    const after = (await deck()).approval!;
    expect(after.sha256).toBe(a.sha256);
    expect(after.current).toBe(false);
    // Signing off again records the new content.
    const again = await service.approveDeck({ deckId, approver: '王主任' });
    expect(again.sha256).not.toBe(a.sha256);
    expect(again.current).toBe(true);
  });

  it.each(READS)('does not change on a read: %s', async (_, read) => {
    const a = await service.approveDeck({ deckId, approver: '王主任' });
    await read();
    expect((await deck()).approval).toEqual(a);
    expect((await service.approveDeck({ deckId, approver: '李科长' })).sha256).toBe(a.sha256);
  });

  it('is the same for the same content, and differs between decks of different content', async () => {
    const a = await service.approveDeck({ deckId, approver: '王主任' });
    const copy = await service.duplicateDeck({ deckId });
    expect((await service.approveDeck({ deckId: copy.id, approver: '王主任' })).sha256).toBe(a.sha256);
    const other = await service.createDeck({ title: '别的' });
    expect((await service.approveDeck({ deckId: other.id, approver: '王主任' })).sha256).not.toBe(a.sha256);
  });
});
