// addAsset / getAsset: images recognised from their bytes, stored once by sha256, anything else refused unchanged; a
// large picture's display copy linked to it in its deck.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, FILE_LIMITS } from '../../../decks/common/api.ts';
import { DISPLAY_EDGE } from '../../../decks/common/imageFormat.ts';
import { createService, type DeckService } from '../../../decks/node/service.ts';
import { makePng, sha256, utf8 } from '../export/testFiles.ts';

let dir: string;
let service: DeckService;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-assets-'));
  service = createService({ dbPath: join(dir, 'huibao.db') });
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const err = await call.then(
    () => new Error('accepted'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('assets', () => {
  it('stores an image by its sha256, returns its bytes, and shares it between decks', async () => {
    const a = await service.createDeck({ title: 'A' });
    const b = await service.createDeck({ title: 'B' });
    const png = makePng(20, 10, [1, 2, 3]);
    const asset = await service.addAsset({ deckId: a.id, dataBase64: b64(png), mime: 'image/png', caption: '图注', credit: '来源' });
    expect(asset).toEqual({ id: sha256(png), mime: 'image/png', caption: '图注', credit: '来源', bytes: png.length, displayId: null });
    const again = await service.addAsset({ deckId: a.id, dataBase64: b64(png), mime: 'image/png' });
    expect(again).toEqual(asset);
    expect((await service.getDeck({ deckId: a.id })).assets).toEqual([asset]);

    const got = await service.getAsset({ deckId: a.id, assetId: asset.id });
    expect(Buffer.from(got.dataBase64, 'base64').equals(Buffer.from(png))).toBe(true);
    // Another deck sees it only once it adds it.
    expect((await refusal(service.getAsset({ deckId: b.id, assetId: asset.id }))).code).toBe('NOT_FOUND');
    await service.addAsset({ deckId: b.id, dataBase64: b64(png), mime: 'image/png' });
    expect((await service.getDeck({ deckId: b.id })).assets.map((x) => x.id)).toEqual([asset.id]);
  });

  it('recognises JPEG, WebP and GIF from their bytes and accepts the common alias image/jpg', async () => {
    const deck = await service.createDeck({ title: 'D' });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...utf8('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
    const gif = utf8('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;');
    const webp = new Uint8Array([...utf8('RIFF'), 12, 0, 0, 0, ...utf8('WEBPVP8L'), 0, 0, 0, 0]);
    expect((await service.addAsset({ deckId: deck.id, dataBase64: b64(jpeg), mime: 'image/jpg' })).mime).toBe('image/jpeg');
    expect((await service.addAsset({ deckId: deck.id, dataBase64: b64(gif), mime: 'image/gif' })).mime).toBe('image/gif');
    expect((await service.addAsset({ deckId: deck.id, dataBase64: b64(webp), mime: 'image/webp' })).mime).toBe('image/webp');
  });

  it('refuses SVG, other files, a type that disagrees with the bytes, empty and oversized files, and changes nothing', async () => {
    const deck = await service.createDeck({ title: 'D' });
    const before = await service.getDeck({ deckId: deck.id });
    const svg = utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const cases: [Uint8Array, string, RegExp][] = [
      [svg, 'image/svg+xml', /SVG/],
      [svg, 'image/png', /SVG/],
      [utf8('%PDF-1.7'), 'application/pdf', /Only PNG, JPEG, WebP or GIF/],
      [makePng(2, 2, [0, 0, 0]), 'image/jpeg', /holds image\/png, not the declared image\/jpeg/],
      [new Uint8Array(0), 'image/png', /empty/],
    ];
    for (const [bytes, mime, words] of cases) {
      const err = await refusal(service.addAsset({ deckId: deck.id, dataBase64: b64(bytes), mime }));
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.en).toMatch(words);
      expect(err.zh.length).toBeGreaterThan(0);
    }
    const big = new Uint8Array(FILE_LIMITS.assetBytes + 1);
    big.set(makePng(1, 1, [0, 0, 0]));
    expect((await refusal(service.addAsset({ deckId: deck.id, dataBase64: b64(big), mime: 'image/png' }))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(service.addAsset({ deckId: 'nope', dataBase64: b64(makePng(1, 1, [0, 0, 0])), mime: 'image/png' }))).code).toBe('NOT_FOUND');
    expect(await service.getDeck({ deckId: deck.id })).toEqual(before);
  });

  it('keeps a large picture whole and links its display copy, in that deck only', async () => {
    const a = await service.createDeck({ title: 'A' });
    const b = await service.createDeck({ title: 'B' });
    const whole = makePng(DISPLAY_EDGE + 400, 300, [200, 40, 40]);
    const copy = makePng(DISPLAY_EDGE, 234, [200, 40, 40]);
    const asset = await service.addAsset({ deckId: a.id, dataBase64: b64(whole), mime: 'image/png', display: { dataBase64: b64(copy), mime: 'image/png' } });
    expect(asset).toMatchObject({ id: sha256(whole), bytes: whole.length, displayId: sha256(copy) });
    // Both are assets of the deck; the picture's bytes are kept as they came.
    expect((await service.getDeck({ deckId: a.id })).assets.map((x) => x.id).sort()).toEqual([sha256(whole), sha256(copy)].sort());
    const got = await service.getAsset({ deckId: a.id, assetId: asset.id });
    expect(Buffer.from(got.dataBase64, 'base64').equals(Buffer.from(whole))).toBe(true);
    // Another deck adding the same picture without a copy shows the picture itself: the link belongs to deck A.
    expect((await service.addAsset({ deckId: b.id, dataBase64: b64(whole), mime: 'image/png' })).displayId).toBeNull();
    // A duplicate of deck A keeps the link.
    const dup = await service.duplicateDeck({ deckId: a.id });
    expect(dup.assets.find((x) => x.id === asset.id)?.displayId).toBe(sha256(copy));
  });

  it('refuses a display copy that is not a smaller copy, and stores neither file', async () => {
    const deck = await service.createDeck({ title: 'D' });
    const before = await service.getDeck({ deckId: deck.id });
    const whole = makePng(DISPLAY_EDGE + 400, 300, [1, 2, 3]);
    const cases: [Uint8Array, Uint8Array, string, RegExp][] = [
      [whole, makePng(DISPLAY_EDGE + 1, 200, [1, 2, 3]), 'image/png', /at most 2560 pixels/],
      [makePng(300, 200, [1, 2, 3]), makePng(300, 200, [9, 9, 9]), 'image/png', /smaller than the picture/],
      [whole, utf8('<svg/>'), 'image/png', /Only PNG, JPEG, WebP or GIF/],
      [whole, makePng(100, 50, [1, 2, 3]), 'image/jpeg', /not the declared image\/jpeg/],
    ];
    for (const [picture, copy, mime, words] of cases) {
      const err = await refusal(service.addAsset({ deckId: deck.id, dataBase64: b64(picture), mime: 'image/png', display: { dataBase64: b64(copy), mime } }));
      expect(err.code).toBe('INVALID_ARGUMENT');
      expect(err.en).toMatch(words);
    }
    expect(await service.getDeck({ deckId: deck.id })).toEqual(before);
  });
});
