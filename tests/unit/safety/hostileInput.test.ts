// Hostile text everywhere text enters: slide titles and text, notes, image captions, figure labels, deck titles,
// bundle contents, report files and raw API arguments, through the service itself and through both hosts
// (loopback HTTP, and the Electron IPC host + preload bridge with fakes). Each string is stored exactly as given,
// never touches another deck, and comes out of every export as inert text.
import { DOMParser } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient, type DeckApi, type Envelope, type MethodName } from '../../../decks/common/api.ts';
import { splitFigureRefs } from '../../../decks/common/figures.ts';
import { createHttpTransport } from '../../../decks/common/httpTransport.ts';
import { LIMITS, type Block, type Deck } from '../../../decks/common/model.ts';
import { startHttpHost, type HttpHost } from '../../../decks/node/http/server.ts';
import { createService, type DeckService } from '../../../decks/node/service.ts';
import { isAppFrame, registerIpcHost, type IpcEventLike, type IpcMainLike } from '../../../electron/main/ipcHost.ts';
import { exposeBridge, type HuibaoBridge } from '../../../electron/preload/bridge.ts';
import { deeplyNestedArray, deeplyNestedJson, figureDenseLine, HOSTILE_STRINGS, LONE_SURROGATES, MEGABYTE_LINE } from '../../fixtures/hostileStrings.ts';
import { rawRequest } from '../http/rawRequest.ts';
import { slideEdits } from '../../fixtures/slideEdits.ts';

let dir: string;
let service: DeckService;
let http: HttpHost;
let viaHttp: DeckApi;
let viaIpc: DeckApi;
const ipcHandlers = new Map<string, (e: IpcEventLike, ...a: unknown[]) => Promise<unknown>>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-hostile-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Huibao</title>');
  service = createService({ dbPath: join(dir, 'huibao.db') });
  http = await startHttpHost({ api: service, staticDir });
  viaHttp = createClient(createHttpTransport({ baseUrl: http.url, token: http.token, fetch: (url, init) => fetch(url, init) }));

  // The Electron path with fakes: preload bridge → (structured clone, as Electron's IPC does) → IPC host → service.
  const handlers = ipcHandlers;
  const ipcMain: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
  registerIpcHost(ipcMain, service, isAppFrame);
  const exposed = new Map<string, unknown>();
  exposeBridge(
    { exposeInMainWorld: (k, v) => void exposed.set(k, v) },
    { on: () => undefined, removeListener: () => undefined, invoke: async (channel, ...args) => structuredClone(await handlers.get(channel)!({ senderFrame: { url: 'app://huibao/index.html', parent: null } }, ...structuredClone(args))) },
  );
  viaIpc = createClient((exposed.get('huibao') as HuibaoBridge).call);
});

afterAll(async () => {
  await http.close();
  service.close();
  rmSync(dir, { recursive: true, force: true });
});

const transports: [string, () => DeckApi][] = [
  ['the service', () => service],
  ['the loopback HTTP host', () => viaHttp],
  ['the Electron IPC host', () => viaIpc],
];

/** Every text field of a slide, holding `s`. */
function hostileBlocks(s: string): Block[] {
  return [
    { kind: 'bullet', text: s, level: 0 },
    { kind: 'text', text: s, role: 'body' },
    { kind: 'image', assetId: null, caption: s, credit: s },
  ];
}

/** A deck the hostile calls must never change. */
async function bystander(api: DeckApi): Promise<{ id: string; snapshot: () => Promise<Deck> }> {
  const deck = await api.createDeck({ title: '旁观的演示稿' });
  await slideEdits(api).addSlide({ deckId: deck.id, layout: 'points', title: '不应改变', blocks: [{ kind: 'bullet', text: '原样', level: 0 }], notes: '原样' });
  return { id: deck.id, snapshot: () => api.getDeck({ deckId: deck.id }) };
}

describe('hostile strings are stored exactly, through every way in', () => {
  it.each(transports)('through %s: titles, text, notes, captions, figure labels, deck titles round-trip', async (_, api) => {
    const client = api();
    const decksBefore = (await client.listDecks({})).decks.map((d) => d.id);
    const other = await bystander(client);
    const before = await other.snapshot();
    const { deckId } = await client.importReport({ fileName: 'r.txt', dataBase64: Buffer.from('标题\n\n一、第一部分 小标题\n\n全年增长5.5%，位居第33位。\n').toString('base64') });
    const key = (await client.getDeck({ deckId })).figures[0]!.key;
    for (const s of HOSTILE_STRINGS) {
      const slide = await slideEdits(client).addSlide({ deckId, layout: 'points', title: s, blocks: hostileBlocks(s), notes: s });
      expect(slide.title).toBe(s);
      const stored = (await client.getDeck({ deckId })).slides.find((x) => x.id === slide.id)!;
      expect(stored.title, JSON.stringify(s)).toBe(s);
      expect(stored.notes).toBe(s);
      expect(stored.blocks).toEqual(hostileBlocks(s));
      const updated = await slideEdits(client).updateSlide({ deckId, slideId: slide.id, patch: { title: `${s}${s}`, notes: `${s}\n${s}` } });
      expect(updated.title).toBe(`${s}${s}`);
      expect(updated.notes).toBe(`${s}\n${s}`);

      const figure = await client.updateFigure({ deckId, key, value: '6.5', label: s });
      expect(figure.label).toBe(s);
      // Deck titles are trimmed (a title of only spaces is refused); nothing else about them changes.
      const title = s.trim();
      expect((await client.renameDeck({ deckId, title })).title).toBe(title);
      expect((await client.getDeck({ deckId })).title).toBe(title);
      const created = await client.createDeck({ title });
      expect((await client.getDeck({ deckId: created.id })).title).toBe(title);
      await client.deleteDeck({ deckId: created.id });
      await client.purgeDeck({ deckId: created.id });
    }
    expect(await other.snapshot(), 'the other deck is untouched').toEqual(before);
    // The SQL fragments did nothing: every table is still there and holds what it held.
    expect((await client.listDecks({})).decks.map((d) => d.id).sort()).toEqual([...decksBefore, deckId, other.id].sort());
  });

  it.each(transports)('through %s: text over a limit (a 1 MB line) is refused with INVALID_ARGUMENT and changes nothing', async (_, api) => {
    const client = api();
    const deck = await client.createDeck({ title: '限制' });
    const snapshot = await client.getDeck({ deckId: deck.id });
    const slideId = snapshot.slides[0]!.id;
    // Thunks, not promises: each call starts only when its refusal is awaited (no rejection left unhandled).
    const attempts: (() => Promise<unknown>)[] = [
      () => slideEdits(client).updateSlide({ deckId: deck.id, slideId, patch: { title: MEGABYTE_LINE } }),
      () => slideEdits(client).updateSlide({ deckId: deck.id, slideId, patch: { notes: MEGABYTE_LINE } }),
      () => slideEdits(client).updateSlide({ deckId: deck.id, slideId, patch: { blocks: [{ kind: 'bullet', text: MEGABYTE_LINE, level: 0 }] } }),
      () => slideEdits(client).addSlide({ deckId: deck.id, layout: 'points', title: 'x', blocks: [{ kind: 'text', text: MEGABYTE_LINE, role: 'body' }] }),
      () => client.renameDeck({ deckId: deck.id, title: MEGABYTE_LINE }),
      () => client.createDeck({ title: MEGABYTE_LINE }),
    ];
    for (const attempt of attempts) {
      const err = await attempt().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).code).toBe('INVALID_ARGUMENT');
    }
    expect(await client.getDeck({ deckId: deck.id })).toEqual(snapshot);
    // Exactly at the limit is fine.
    const atLimit = 'x'.repeat(LIMITS.notesChars);
    expect((await slideEdits(client).updateSlide({ deckId: deck.id, slideId, patch: { notes: atLimit } })).notes).toBe(atLimit);
  });

  it.each(transports)('through %s: lone surrogates (not Unicode text) are stored as U+FFFD, the rest of the text exactly', async (_, api) => {
    const client = api();
    const deck = await client.createDeck({ title: '代理项' });
    const slideId = deck.slides[0]!.id;
    for (const s of LONE_SURROGATES) {
      // UTF-8 (SQLite, JSON files, HTTP bodies) cannot hold half a surrogate pair: each becomes one U+FFFD.
      const expected = s.replace(/[\uD800-\uDFFF]/g, '\uFFFD');
      expect(expected).not.toBe(s);
      await slideEdits(client).updateSlide({ deckId: deck.id, slideId, patch: { title: s, notes: s } });
      const stored = (await client.getDeck({ deckId: deck.id })).slides[0]!;
      expect(stored.title).toBe(expected);
      expect(stored.notes).toBe(expected);
    }
  });
});

/** Parses XML strictly: any well-formedness error throws (xmldom reports mismatched tags as warnings). */
function parseXml(xml: string, name: string): Document {
  const fail = (msg: string) => {
    throw new Error(`${name}: ${msg}`);
  };
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml') as unknown as Document;
}

/** The text of every paragraph (<a:p>) of a parsed part: its <a:t> runs joined. */
function paragraphTexts(doc: Document): string[] {
  const out: string[] = [];
  const ps = doc.getElementsByTagName('a:p');
  for (let i = 0; i < ps.length; i++) {
    const ts = ps[i]!.getElementsByTagName('a:t');
    let text = '';
    for (let j = 0; j < ts.length; j++) text += ts[j]!.textContent ?? '';
    out.push(text);
  }
  return out;
}

/** What XML 1.0 can carry of a string: no C0 controls but tab and line ends, no U+FFFE/FFFF; line ends become spaces. */
const inXml = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[\r\n\t]+/g, ' ');
/** Line ends as the XML parser reports them (it reads U+2028 as a line end). */
const lines = (s: string) => s.replace(/[\r\n\u2028]+/g, ' ');

describe('hostile strings leave every export as inert text', () => {
  it('(the XML check is strict: it rejects what a hostile note could have made of a part)', () => {
    expect(() => parseXml('<a:p><a:t>x</a:p>', 'broken')).toThrow();
    expect(() => parseXml('<a:t>$\'</a:t></a:r></a:p></p:txBody><a:t>', 'spliced')).toThrow();
  });

  let deckId: string;
  let deck: Deck;

  beforeAll(async () => {
    const created = await service.createDeck({ title: HOSTILE_STRINGS[0]! });
    deckId = created.id;
    for (const s of HOSTILE_STRINGS) {
      await slideEdits(service).addSlide({ deckId, layout: 'points', title: s, blocks: [{ kind: 'bullet', text: s, level: 0 }, { kind: 'image', assetId: null, caption: s, credit: '来源' }], notes: s });
    }
    deck = await service.getDeck({ deckId });
  });

  it('PPTX: every XML part parses, holds no markup from the text, and each text node equals the string', async () => {
    const r = await service.exportDeck({ deckId, format: 'pptx' });
    const files = unzipSync(new Uint8Array(Buffer.from(r.dataBase64, 'base64')));
    const parts = Object.keys(files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
    const docs = new Map(parts.map((n) => [n, parseXml(strFromU8(files[n]!), n)]));
    for (const [name, doc] of docs) {
      for (const tag of ['script', 'img', 'svg', 'iframe', 'style', 'a', 'x', 'math']) expect(doc.getElementsByTagName(tag).length, `${name} <${tag}>`).toBe(0);
      expect(strFromU8(files[name]!)).not.toMatch(/<!DOCTYPE|<!ENTITY/);
    }
    // Slide k+2 holds string k (slide 1 is the title slide createDeck made); its notes page likewise.
    // Our own figure syntax is the one thing that is read: `{fig:KEY}` with no such figure shows as “[?]”.
    const shown = (s: string) => splitFigureRefs(s).map((r) => (r.kind === 'text' ? r.text : '[?]')).join('');
    HOSTILE_STRINGS.forEach((s, k) => {
      const slide = paragraphTexts(docs.get(`ppt/slides/slide${k + 2}.xml`)!).map(lines);
      expect(slide, JSON.stringify(s)).toContain(lines(inXml(shown(s))));
      const notes = lines(paragraphTexts(docs.get(`ppt/notesSlides/notesSlide${k + 2}.xml`)!).join('\n'));
      for (const line of shown(s).split(/\r\n|\r|\n/).filter((l) => l.trim())) expect(notes, JSON.stringify(s)).toContain(lines(inXml(line)));
    });
  });

  it('the .huibao bundle: deck.json holds every string exactly, and opening it gives the same deck', async () => {
    const r = await service.exportDeck({ deckId, format: 'huibao' });
    const bytes = new Uint8Array(Buffer.from(r.dataBase64, 'base64'));
    const json = JSON.parse(strFromU8(unzipSync(bytes)['deck.json']!)) as { title: string; slides: { title: string; notes: string }[] };
    expect(json.title).toBe(HOSTILE_STRINGS[0]);
    HOSTILE_STRINGS.forEach((s, k) => {
      expect(json.slides[k + 1]!.title).toBe(s);
      expect(json.slides[k + 1]!.notes).toBe(s);
    });
    const opened = await service.openBundle({ fileName: r.fileName, dataBase64: r.dataBase64 });
    const copy = await service.getDeck({ deckId: opened.deckId });
    expect(copy.slides).toEqual(deck.slides);
    expect(copy.title).toBe(`${deck.title}（副本）`);
    // The file name made from a hostile title has no path or reserved characters.
    expect(r.fileName).not.toMatch(/[/\\<>:"|?*\u0000-\u001f]/);
  });

  it('a bundle carrying hostile figure labels, units and patterns opens with them as text, also in PPTX', async () => {
    const r = await service.exportDeck({ deckId, format: 'huibao' });
    const files = unzipSync(new Uint8Array(Buffer.from(r.dataBase64, 'base64')));
    const deckJson = JSON.parse(strFromU8(files['deck.json']!));
    const hostileFigure = {
      key: 'evil', label: '<img src=x onerror=alert(1)>', value: 5.5, unit: '<b>%</b>', pattern: '<script>{v}</script>$&',
      decimals: 1, grouped: false, qualifier: '', direction: '', asOf: null, source: null, updatedAt: '2026-01-01T00:00:00.000Z',
    };
    deckJson.figures = [hostileFigure];
    deckJson.slides[1].blocks = [{ kind: 'figure', key: 'evil', caption: '<svg onload=alert(1)>' }, { kind: 'bullet', text: '增长{fig:evil}', level: 0 }];
    deckJson.figureHistory = [];
    const { makeBundleZip } = await import('../export/testFiles.ts');
    const bundle = makeBundleZip({ 'deck.json': JSON.stringify(deckJson) });
    const opened = await service.openBundle({ fileName: 'evil.huibao', dataBase64: Buffer.from(bundle).toString('base64') });
    const copy = await service.getDeck({ deckId: opened.deckId });
    expect(copy.figures[0]).toMatchObject({ label: hostileFigure.label, unit: hostileFigure.unit, pattern: hostileFigure.pattern, display: '<script>5.5</script>$&' });
    const pptx = unzipSync(new Uint8Array(Buffer.from((await service.exportDeck({ deckId: opened.deckId, format: 'pptx' })).dataBase64, 'base64')));
    const slide = parseXml(strFromU8(pptx['ppt/slides/slide2.xml']!), 'slide2');
    expect(slide.getElementsByTagName('script').length).toBe(0);
    expect(paragraphTexts(slide).join('\n')).toContain('<script>5.5</script>$&');
  });
});

describe('hostile report files', () => {
  it('import as text: markup and template syntax reach the slides as text, nothing else changes', async () => {
    const other = await bystander(service);
    const before = await other.snapshot();
    const markup = HOSTILE_STRINGS.slice(0, 26).filter((s) => !/[\u0000-\u001f\u007f]/.test(s));
    const text = ['<script>alert(1)</script>全区工作报告', '', '某某', '', ...markup.flatMap((s, i) => [`${'一二三四五六七八九十'[i % 10]}、部分${i} ${s}`, '', `全年增长${i}.5%。${s}`, ''])].join('\n');
    const r = await service.importReport({ fileName: '<img src=x onerror=alert(1)>.txt', dataBase64: Buffer.from(text).toString('base64') });
    const deck = await service.getDeck({ deckId: r.deckId });
    const all = JSON.stringify(deck);
    for (const s of markup) expect(all, s).toContain(JSON.stringify(s).slice(1, -1));
    expect(deck.title).toContain('<script>alert(1)</script>');
    expect(await other.snapshot()).toEqual(before);
  });

  it('a report with a 1 MB line, and one with 10 000 figures in one unbroken sentence, import within seconds', { timeout: 60_000 }, async () => {
    for (const [label, line] of [['a 1 MB line', MEGABYTE_LINE], ['10 000 figures in one sentence', figureDenseLine(10_000)]] as const) {
      const text = `标题\n\n一、部分 小标题\n\n${line}\n`;
      const started = performance.now();
      const outcome = await service.importReport({ fileName: 'long.txt', dataBase64: Buffer.from(text).toString('base64') }).then(
        (r) => `a deck of ${r.slides} slides, ${r.figures} figures`,
        (e: unknown) => (e instanceof ApiError ? e.code : `not an ApiError: ${String(e)}`),
      );
      const ms = performance.now() - started;
      console.log(`[measure] a report with ${label}: ${outcome} in ${ms.toFixed(0)} ms`);
      expect(outcome).toMatch(/^a deck of \d+ slides|^REPORT_/);
      // Was hours before the figure search was bounded (quadratic in the length of a sentence).
      expect(ms).toBeLessThan(20_000);
    }
  });
});

describe('hostile API arguments', () => {
  const post = (method: string, body: string) =>
    rawRequest(http.port, { method: 'POST', path: `/api/${method}`, headers: { Authorization: `Bearer ${http.token}`, 'Content-Type': 'application/json' }, body });

  it('JSON nested 10 000 (and 1 000 000) levels deep is refused with INVALID_ARGUMENT, and the host keeps serving', async () => {
    for (const body of [deeplyNestedJson(10_000), deeplyNestedArray(10_000), deeplyNestedJson(1_000_000), `{"deckId":"x","slides":[{"id":"y","blocks":[${deeplyNestedJson(10_000)}]}]}`]) {
      const r = await post('saveEdits', body);
      expect([200, 400]).toContain(r.status);
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    // Through Electron: structured clone gives up on such an object in the renderer, which the bridge turns into an
    // error envelope; and should one reach the main process, dispatch() refuses it.
    const deep = JSON.parse(deeplyNestedJson(10_000));
    await expect(viaIpc.getDeck(deep)).rejects.toBeInstanceOf(ApiError);
    expect(await ipcHandlers.get('huibao:saveEdits')!({ senderFrame: { url: 'app://huibao/index.html', parent: null } }, deep)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect((await viaIpc.listDecks({})).decks.length).toBeGreaterThan(0);
    expect((await post('listDecks', '{}')).status).toBe(200);
  });

  it('__proto__ and constructor keys are refused or ignored, and never pollute objects', async () => {
    const deck = await service.createDeck({ title: '原型' });
    const slideId = deck.slides[0]!.id;
    const bodies: [MethodName, string][] = [
      ['listDecks', '{"__proto__":{"polluted":true}}'],
      ['listDecks', '{"constructor":{"prototype":{"polluted":true}}}'],
      ['saveEdits', `{"deckId":"${deck.id}","slides":[{"id":"${slideId}","layout":"title","title":"x","blocks":[],"notes":"","hidden":false,"__proto__":{"hidden":true,"polluted":true}}]}`],
      ['saveEdits', `{"deckId":"${deck.id}","slides":[{"id":"${slideId}","layout":"title","title":"x","blocks":[],"notes":"","hidden":false,"constructor":{"prototype":{"polluted":true}}}]}`],
      ['saveEdits', `{"deckId":"${deck.id}","__proto__":{"removed":["${slideId}"]}}`],
      ['createDeck', '{"title":"t","__proto__":{"theme":"contrast","polluted":true}}'],
    ];
    for (const [method, body] of bodies) {
      const r = await post(method, body);
      const env = JSON.parse(r.body) as Envelope;
      if (!env.ok) expect(env.error.code, body).toBe('INVALID_ARGUMENT');
      expect(({} as Record<string, unknown>).polluted, body).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).hidden).toBeUndefined();
    }
    const after = await service.getDeck({ deckId: deck.id });
    expect(after.slides.map((s) => s.id)).toEqual([slideId]);
    expect(after.slides[0]!.hidden).toBe(false);
    for (const d of (await service.listDecks({})).decks) expect(d.theme === 'contrast' && d.title === 't').toBe(false);
  });

  it('wrong types, unknown keys and huge ids are INVALID_ARGUMENT through both hosts, never another failure', async () => {
    const cases: [MethodName, unknown][] = [
      ['getDeck', { deckId: 'x'.repeat(100_000) }],
      ['getDeck', { deckId: ["'); DROP TABLE decks;--"] }],
      ['getDeck', null],
      ['getDeck', 'deck'],
      ['getDeck', [1, 2, 3]],
      ['saveEdits', { deckId: 'a', slides: [{ id: 'b', layout: 'points', title: 5, blocks: [], notes: '', hidden: false }] }],
      ['saveEdits', { deckId: 'a', extra: '<script>' }],
      ['updateFigure', { deckId: 'a', key: 'k', value: '<img src=x onerror=alert(1)>' }],
      ['saveEdits', { deckId: 'a', slides: [{ id: 'b', layout: '<script>', title: 'x', blocks: [], notes: '', hidden: false }] }],
      ['importReport', { fileName: '../../etc/passwd', dataBase64: '<script>' }],
      ['openBundle', { fileName: 'a', dataBase64: '!!!!' }],
      ['exportDeck', { deckId: 'a', format: 'html"><script>' }],
    ];
    for (const [method, args] of cases) {
      for (const [name, client] of [['http', viaHttp], ['ipc', viaIpc]] as const) {
        const err = await (client[method] as (a: unknown) => Promise<unknown>)(args).then(() => null, (e: unknown) => e);
        expect(err, `${name} ${method} ${JSON.stringify(args)?.slice(0, 80)}`).toBeInstanceOf(ApiError);
        expect(['INVALID_ARGUMENT', 'NOT_FOUND', 'REPORT_EMPTY', 'BUNDLE_INVALID']).toContain((err as ApiError).code);
      }
    }
  });
});
