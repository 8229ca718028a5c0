// The .huibao bundle: a full round trip through the service, and hostile files refused with the database left
// byte-for-byte as it was.
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../decks/common/api.ts';
import { BUNDLE_FORMAT_VERSION, readBundle } from '../../../decks/node/export/bundle.ts';
import { createService, type DeckService } from '../../../decks/node/service.ts';
import { declareSize, makeBundleZip, makePng, replaceBytes, sha256, utf8 } from './testFiles.ts';
import { slideEdits } from '../../fixtures/slideEdits.ts';

const SAMPLE = new URL('../../../decks/samples/shangyu-youth-city.txt', import.meta.url);

let dir: string;
let dbPath: string;
let service: DeckService;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-bundle-'));
  dbPath = join(dir, 'huibao.db');
  service = createService({ dbPath });
});
afterEach(() => {
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

async function importSample(): Promise<string> {
  const r = await service.importReport({ fileName: 'shangyu-youth-city.txt', dataBase64: readFileSync(SAMPLE).toString('base64') });
  return r.deckId;
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

async function exportBundle(deckId: string): Promise<Uint8Array> {
  const r = await service.exportDeck({ deckId, format: 'huibao' });
  return new Uint8Array(Buffer.from(r.dataBase64, 'base64'));
}

/** A sample deck with edits a bundle must carry: an image, a changed figure (history), notes, a hidden and a moved slide. */
async function editedSample(): Promise<{ deckId: string; png: Uint8Array }> {
  const deckId = await importSample();
  const deck = await service.getDeck({ deckId });
  const png = makePng(40, 30, [200, 30, 30]);
  const asset = await service.addAsset({ deckId, dataBase64: b64(png), mime: 'image/png', caption: '城市夜景', credit: '摄影：王某' });
  const target = deck.slides.find((s) => s.layout === 'points')!;
  await slideEdits(service).updateSlide({
    deckId,
    slideId: target.id,
    patch: { blocks: [...target.blocks, { kind: 'image', assetId: asset.id, caption: '城市夜景', credit: '摄影：王某' }], notes: '第一行备注\n第二行 {fig:' + deck.figures[0]!.key + '}' },
  });
  await service.updateFigure({ deckId, key: deck.figures[0]!.key, value: '9.9' });
  await service.updateFigure({ deckId, key: deck.figures[0]!.key, value: '10.25' });
  await slideEdits(service).updateSlide({ deckId, slideId: deck.slides[2]!.id, patch: { hidden: true } });
  await slideEdits(service).moveSlides({ deckId, slideIds: [deck.slides[1]!.id], afterSlideId: deck.slides[4]!.id });
  await service.setTheme({ deckId, theme: 'contrast' });
  return { deckId, png };
}

describe('bundle round trip', () => {
  it('opens an exported deck as a new, equal deck: slides, order, figures with history, notes, assets', async () => {
    const { deckId, png } = await editedSample();
    const original = await service.getDeck({ deckId });
    const started = performance.now();
    const exported = await service.exportDeck({ deckId, format: 'huibao' });
    const exportMs = performance.now() - started;
    expect(exported.fileName).toBe(`${original.title}.huibao`);

    const opened = await service.openBundle({ fileName: exported.fileName, dataBase64: exported.dataBase64 });
    expect(opened.deckId).not.toBe(deckId);
    expect(opened.slides).toBe(original.slides.length);
    expect(opened.figures).toBe(original.figures.length);

    const copy = await service.getDeck({ deckId: opened.deckId });
    // The deck it came from is still in this library: the copy says so in its name.
    expect(copy.title).toBe(`${original.title}（副本）`);
    expect(copy.subtitle).toBe(original.subtitle);
    expect(copy.theme).toBe('contrast');
    expect(copy.slides).toEqual(original.slides);
    expect(copy.sections).toEqual(original.sections);
    expect(copy.figures).toEqual(original.figures);
    expect(copy.assets).toEqual(original.assets);
    expect(copy.slides.some((s) => s.hidden)).toBe(true);
    const key = original.figures[0]!.key;
    const history = (await service.figureHistory({ deckId: opened.deckId, key })).changes;
    expect(history).toEqual((await service.figureHistory({ deckId, key })).changes);
    expect(history.map((c) => c.newValue)).toEqual([9.9, 10.25]);
    const image = await service.getAsset({ deckId: opened.deckId, assetId: original.assets[0]!.id });
    expect(Buffer.from(image.dataBase64, 'base64').equals(Buffer.from(png))).toBe(true);

    // Opening it again makes a third deck: nothing is ever overwritten, and no two decks share a name.
    const again = await service.openBundle({ fileName: exported.fileName, dataBase64: exported.dataBase64 });
    expect(new Set([deckId, opened.deckId, again.deckId]).size).toBe(3);
    expect((await service.getDeck({ deckId: again.deckId })).title).toBe(`${original.title}（副本 2）`);
    expect((await service.listDecks({})).decks).toHaveLength(3);
    expect((await service.getDeck({ deckId })).slides).toEqual(original.slides);
    console.log(`[measure] bundle export of the sample deck (${original.slides.length} slides): ${exportMs.toFixed(1)} ms`);
  });

  it('carries a table slide from a report, its cells and their figure references as they are', async () => {
    const report = ['# 主要指标报告', '## 一、主要指标', '全区经济运行总体平稳。', '| 指标 | 2023年 |\n| --- | --- |\n| 地区生产总值 | 1286.5亿元 |\n| 一般公共预算收入 | 98.7亿元 |', '## 二、城市建设', '新建城市道路12公里。'].join('\n\n');
    const { deckId } = await service.importReport({ fileName: 'table.md', dataBase64: Buffer.from(report).toString('base64') });
    const original = await service.getDeck({ deckId });
    const table = original.slides.find((s) => s.blocks.some((b) => b.kind === 'table'))!;
    expect(table.blocks[0]).toMatchObject({ kind: 'table', header: ['指标', '2023年'] });
    const opened = await service.openBundle({ fileName: 'table.huibao', dataBase64: b64(await exportBundle(deckId)) });
    const copy = await service.getDeck({ deckId: opened.deckId });
    expect(copy.slides).toEqual(original.slides);
    expect(copy.figures).toEqual(original.figures);
  });

  it('writes the documented layout: manifest with format, version, app version, checksums; deck.json; assets by sha256', async () => {
    const { deckId, png } = await editedSample();
    const files = unzipSync(await exportBundle(deckId));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({ format: 'huibao-bundle', formatVersion: BUNDLE_FORMAT_VERSION, appVersion: JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version });
    expect(Number.isNaN(Date.parse(manifest.createdAt))).toBe(false);
    const names = Object.keys(files).filter((n) => n !== 'manifest.json').sort();
    expect(names).toEqual(['assets/' + sha256(png) + '.png', 'deck.json']);
    for (const e of manifest.entries) {
      expect(e.size).toBe(files[e.path]!.length);
      expect(e.sha256).toBe(sha256(files[e.path]!));
    }
    const deck = JSON.parse(strFromU8(files['deck.json']!));
    expect(deck.figureHistory).toHaveLength(2);
    expect(deck.slides[0]).not.toHaveProperty('section');
  });

  it('writes format 1 while a deck has neither a chart nor a sign-off (so the Huibao before them opens it), 2 once it has', async () => {
    const version = async (deckId: string) => JSON.parse(strFromU8(unzipSync(await exportBundle(deckId))['manifest.json']!)).formatVersion;
    const plain = (await service.createDeck({ title: '无图表' })).id;
    expect(await version(plain)).toBe(1);
    await service.approveDeck({ deckId: plain, approver: '王主任' });
    expect(await version(plain)).toBe(2);
    // The sample gets a proposed chart slide (hidden) at import.
    const { deckId } = await service.importReport({ fileName: 'sample.txt', dataBase64: b64(readFileSync(SAMPLE)) });
    expect(await version(deckId)).toBe(2);
    // Both open here.
    for (const id of [plain, deckId]) {
      const r = await service.exportDeck({ deckId: id, format: 'huibao' });
      expect((await service.openBundle({ fileName: r.fileName, dataBase64: r.dataBase64 })).slides).toBe((await service.getDeck({ deckId: id })).slides.length);
    }
  });

  it('carries a large picture whole with its display copy, and opens with the link kept', async () => {
    const deckId = (await service.createDeck({ title: '大图' })).id;
    const whole = makePng(3000, 200, [20, 90, 160]);
    const copy = makePng(2560, 171, [20, 90, 160]);
    const asset = await service.addAsset({ deckId, dataBase64: b64(whole), mime: 'image/png', display: { dataBase64: b64(copy), mime: 'image/png' } });
    await slideEdits(service).addSlide({ deckId, layout: 'image', title: '全景', blocks: [{ kind: 'image', assetId: asset.id, caption: '', credit: '', fit: 'fill', focus: { x: 0.25, y: 0.75 } }] });
    const bytes = await exportBundle(deckId);
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual(['assets/' + sha256(copy) + '.png', 'assets/' + sha256(whole) + '.png', 'deck.json', 'manifest.json'].sort());
    const opened = await service.getDeck({ deckId: (await service.openBundle({ fileName: 'x.huibao', dataBase64: b64(bytes) })).deckId });
    expect(opened.assets.find((a) => a.id === asset.id)?.displayId).toBe(sha256(copy));
    expect(opened.slides[1]!.blocks[0]).toEqual({ kind: 'image', assetId: asset.id, caption: '', credit: '', fit: 'fill', focus: { x: 0.25, y: 0.75 } });
    const got = await service.getAsset({ deckId: opened.id, assetId: asset.id });
    expect(Buffer.from(got.dataBase64, 'base64').equals(Buffer.from(whole))).toBe(true);
  });

  it('stores nothing when the write fails halfway (one transaction)', async () => {
    const { deckId } = await editedSample();
    const bundle = await exportBundle(deckId);
    const db = new Database(dbPath);
    db.exec(`CREATE TRIGGER fail_history BEFORE INSERT ON figure_history BEGIN SELECT RAISE(ABORT, 'forced failure'); END;`);
    db.close();
    await expect(service.openBundle({ fileName: 'x.huibao', dataBase64: b64(bundle) })).rejects.toThrow('forced failure');
    expect((await service.listDecks({})).decks.map((d) => d.id)).toEqual([deckId]);
  });
});

describe('hostile bundles', () => {
  let deckJson: string;
  let png: Uint8Array;
  let pngPath: string;

  beforeEach(async () => {
    const edited = await editedSample();
    png = edited.png;
    pngPath = `assets/${sha256(png)}.png`;
    deckJson = strFromU8(unzipSync(await exportBundle(edited.deckId))['deck.json']!);
  });

  /** The database file's hash with the connection closed (so the WAL is folded in). */
  function dbHash(): string {
    service.close();
    const hash = sha256(readFileSync(dbPath));
    service = createService({ dbPath });
    return hash;
  }

  async function expectRefused(bytes: Uint8Array, words: RegExp): Promise<ApiError> {
    const before = dbHash();
    const decks = (await service.listDecks({})).decks.length;
    const err = await service.openBundle({ fileName: 'hostile.huibao', dataBase64: b64(bytes) }).then(
      () => new Error('the bundle was accepted'),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    const apiErr = err as ApiError;
    expect(apiErr.code).toBe('BUNDLE_INVALID');
    expect(apiErr.en).toMatch(words);
    expect(apiErr.zh).toMatch(/无法打开|更新版本/);
    expect((await service.listDecks({})).decks.length).toBe(decks);
    expect(dbHash()).toBe(before);
    return apiErr;
  }

  it('accepts the well-formed bundle these tests start from (so each refusal is due to its one defect)', async () => {
    const content = readBundle(makeBundleZip({ 'deck.json': deckJson, [pngPath]: png }));
    expect(content.deck.slides.length).toBeGreaterThan(5);
    expect(content.assets).toHaveLength(1);
  });

  it.each(['../evil', '/abs', 'C:\\x', 'a\\..\\b', 'assets/../../x', 'assets//x', 'C:/x', './deck.json'])('refuses the zip-slip path %j', async (name) => {
    await expectRefused(makeBundleZip({ 'deck.json': deckJson, [pngPath]: png, [name]: 'owned' }), /unsafe path/);
  });

  it('refuses a path with a NUL byte and an entry name it does not know', async () => {
    await expectRefused(makeBundleZip({ 'deck.json': deckJson, 'deck.json\u0000.txt': 'x' }), /unsafe path/);
    await expectRefused(makeBundleZip({ 'deck.json': deckJson, 'notes.txt': 'x' }), /unknown entry/);
  });

  it('refuses two entries with the same name', async () => {
    const zip = makeBundleZip({ 'deck.json': deckJson, 'deck.jsoX': deckJson });
    await expectRefused(replaceBytes(zip, 'deck.jsoX', 'deck.json'), /more than once/);
  });

  it('refuses a zip bomb from its declared sizes, before inflating', async () => {
    const bomb = new Uint8Array(8 * 1024 * 1024); // 8 MB of zeros packs into a few kB
    const started = performance.now();
    await expectRefused(makeBundleZip({ 'deck.json': deckJson, [pngPath]: bomb }, { level: 1 }), /compression ratio|too large/);
    await expectRefused(makeBundleZip({ 'deck.json': bomb }, { level: 1 }), /compression ratio/);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('refuses an entry that inflates to more than it declares (a lying central directory)', async () => {
    const big = utf8(' '.repeat(900_000) + deckJson); // highly compressible, under the ratio floor once it lies
    const zip = makeBundleZip({ 'deck.json': big }, { manifest: { format: 'huibao-bundle', formatVersion: 1, appVersion: '0', createdAt: '', entries: [{ path: 'deck.json', sha256: sha256(big), size: 1000 }] } });
    await expectRefused(declareSize(zip, 'deck.json', 1000), /does not have the size it declares/);
  });

  it('refuses too many entries and too much data in total', async () => {
    const many: Record<string, string> = { 'deck.json': deckJson };
    for (let i = 0; i < 2001; i++) many[`assets/${sha256(String(i))}.png`] = 'x';
    await expectRefused(makeBundleZip(many, { level: 0 }), /too many entries/);
  });

  it('refuses a display copy that is missing, or is not a smaller copy of its picture', async () => {
    const deck = JSON.parse(deckJson);
    const other = makePng(80, 60, [5, 5, 5]);
    const otherPath = `assets/${sha256(other)}.png`;
    deck.assets[0].displayId = sha256(other);
    await expectRefused(makeBundleZip({ 'deck.json': JSON.stringify(deck), [pngPath]: png }), /display copy .* is not in the file/);
    // Listed and present, but larger than the picture it would stand for.
    deck.assets.push({ id: sha256(other), mime: 'image/png', caption: '', credit: '', bytes: other.length, displayId: null });
    await expectRefused(makeBundleZip({ 'deck.json': JSON.stringify(deck), [pngPath]: png, [otherPath]: other }), /not a smaller copy/);
  });

  it('refuses a wrong checksum', async () => {
    const zip = makeBundleZip(
      { 'deck.json': deckJson },
      { manifest: { format: 'huibao-bundle', formatVersion: 1, appVersion: '0.1.0', createdAt: '', entries: [{ path: 'deck.json', sha256: sha256('something else'), size: utf8(deckJson).length }] } },
    );
    await expectRefused(zip, /checksum of entry deck\.json is wrong/);
    // An image whose bytes are not what its name (its sha256) says.
    await expectRefused(makeBundleZip({ 'deck.json': deckJson, [pngPath]: makePng(40, 30, [1, 2, 3]) }), /does not match its name/);
  });

  it('refuses a bundle made by a newer Huibao with a message that says so', async () => {
    const err = await expectRefused(
      makeBundleZip({ 'deck.json': deckJson, [pngPath]: png }, { manifest: { format: 'huibao-bundle', formatVersion: BUNDLE_FORMAT_VERSION + 1, anything: 'new' } }),
      /made by a newer Huibao/,
    );
    expect(err.zh).toContain('此文件由更新版本的汇报创建');
  });

  it('refuses a manifest that is not a Huibao manifest, and a missing manifest', async () => {
    await expectRefused(makeBundleZip({ 'deck.json': deckJson }, { manifest: { format: 'something-else', formatVersion: 1 } }), /not a Huibao bundle/);
    await expectRefused(makeBundleZip({ 'deck.json': deckJson, [pngPath]: png }, { withoutManifest: true }), /no manifest\.json/);
  });

  it('refuses malformed JSON, JSON of the wrong shape, and deeply nested JSON', async () => {
    await expectRefused(makeBundleZip({ 'deck.json': '{"title": ' }), /deck\.json is not valid JSON/);
    await expectRefused(makeBundleZip({ 'deck.json': JSON.stringify({ ...JSON.parse(deckJson), slides: 'none' }) }), /does not match the format \(slides/);
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    await expectRefused(makeBundleZip({ 'deck.json': deep }), /nested too deeply/);
    await expectRefused(makeBundleZip({ 'deck.json': deckJson }, { manifest: '{'.repeat(5000) }), /not a Huibao bundle|nested too deeply/);
  });

  it('refuses a table block of the wrong shape: no header, cells that are not text, too many columns', async () => {
    const withBlock = (block: unknown) => {
      const deck = JSON.parse(deckJson) as { slides: { blocks: unknown[] }[] };
      deck.slides[1]!.blocks = [block];
      return makeBundleZip({ 'deck.json': JSON.stringify(deck), [pngPath]: png });
    };
    await expectRefused(withBlock({ kind: 'table', header: [], rows: [] }), /does not match the format/);
    await expectRefused(withBlock({ kind: 'table', header: ['a'], rows: [[1]] }), /does not match the format/);
    await expectRefused(withBlock({ kind: 'table', header: Array.from({ length: 40 }, (_, i) => `列${i}`), rows: [] }), /does not match the format/);
  });

  it('refuses an image a slide shows but the bundle lacks, and files that are not zips', async () => {
    await expectRefused(makeBundleZip({ 'deck.json': deckJson }), /image .* is missing|shows an image/);
    await expectRefused(utf8('this is just text, not a zip file at all'), /not a zip file/);
    await expectRefused(new Uint8Array(0), /not a zip file/);
  });

  it('refuses an image that is not the type its name says (e.g. SVG renamed to .png)', async () => {
    const svg = utf8('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expectRefused(makeBundleZip({ 'deck.json': deckJson, [`assets/${sha256(svg)}.png`]: svg }), /not the format its extension says/);
  });
});
