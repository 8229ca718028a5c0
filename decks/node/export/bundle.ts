// The .huibao bundle: a zip carrying one deck from one Huibao to another (a USB stick, an e-mail).
//   manifest.json               format, format version, app version, and the sha256 and size of every other entry
//   deck.json                   the deck: its fields, slides in order, figures and the history of their values
//   assets/<sha256>.<ext>       its images
// Reading trusts nothing: the zip's central directory is parsed here (sizes, names, count) before a byte is inflated,
// inflation is capped at each entry's declared size, every checksum is verified and the JSON is checked against the
// model's schemas. Any failure is one BUNDLE_INVALID error; the caller stores nothing unless readBundle returns.
import { createHash } from 'node:crypto';
import { Inflate, zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { ApiError, FILE_LIMITS, wellFormedText } from '../../common/api.ts';
import { holdsCharts } from '../../common/charts.ts';
import { Asset, Deck, Figure, FigureChange, LIMITS } from '../../common/model.ts';
import { IMAGE_EXTENSIONS, isDisplayCopy, sniffImageMime } from '../../common/imageFormat.ts';
import { SlideContent, StoredFigure } from '../store/index.ts';

export const BUNDLE_FORMAT = 'huibao-bundle';
/**
 * The newest format this version reads and writes. 2 added a sign-off in the manifest and chart slides in deck.json,
 * which a reader of format 1 cannot describe; a bundle that holds neither is still written as 1, so the Huibao
 * installed before them opens it.
 */
export const BUNDLE_FORMAT_VERSION = 2;
export const BUNDLE_MIME = 'application/vnd.huibao.bundle+zip';
export const BUNDLE_EXTENSION = '.huibao';

export const BUNDLE_LIMITS = {
  entries: 2000,
  totalBytes: 200 * 1024 * 1024,
  manifestBytes: 1024 * 1024,
  deckBytes: 64 * 1024 * 1024,
  assetBytes: FILE_LIMITS.assetBytes,
  /** Unpacked / packed size of one entry; only checked above `ratioFloorBytes` (small entries cannot bomb). */
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
  /** Nesting of JSON objects and arrays (deck.json needs 5). */
  jsonDepth: 32,
  historyChanges: 100_000,
} as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const Manifest = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.union([z.literal(1), z.literal(BUNDLE_FORMAT_VERSION)]),
    appVersion: z.string().max(40),
    createdAt: z.string().max(40),
    /** The deck's sign-off (定稿) when it was exported unchanged since: who, when, and the content's SHA-256 then. */
    approval: z.object({ approver: z.string().max(100), approvedAt: z.string().max(40), sha256: Sha256 }).strict().optional(),
    entries: z.array(z.object({ path: z.string().max(200), sha256: Sha256, size: z.number().int().min(0) }).strict()).max(BUNDLE_LIMITS.entries),
  })
  .strict();
type Manifest = z.infer<typeof Manifest>;

/** The deck as deck.json holds it: what a new deck is made from (ids of slides are kept; the deck gets a new id). */
export const BundleDeck = z
  .object({
    title: Deck.shape.title,
    subtitle: Deck.shape.subtitle,
    theme: Deck.shape.theme,
    createdAt: z.string().max(40),
    updatedAt: z.string().max(40),
    slides: z.array(SlideContent).max(LIMITS.slidesPerDeck),
    figures: z.array(StoredFigure).max(LIMITS.figuresPerDeck),
    /** Every change of a figure's value, oldest first; kept by key (a key may no longer have a figure). */
    figureHistory: z
      .array(FigureChange.extend({ key: Figure.shape.key, oldValue: z.number().finite(), newValue: z.number().finite(), changedAt: z.string().max(40) }))
      .max(BUNDLE_LIMITS.historyChanges),
    assets: z.array(Asset).max(BUNDLE_LIMITS.entries),
  })
  .strict();
export type BundleDeck = z.infer<typeof BundleDeck>;

export interface BundleContent {
  deck: BundleDeck;
  assets: { asset: Asset; bytes: Uint8Array }[];
  /** The sign-off the manifest carries, if any (whether it still matches is for the reader to work out). */
  approval?: BundleApproval;
}
export type BundleApproval = NonNullable<Manifest['approval']>;

const MANIFEST = 'manifest.json';
const DECK = 'deck.json';
const ASSET_PATH = /^assets\/([0-9a-f]{64})\.(png|jpg|webp|gif)$/;

function bundleInvalid(zh: string, en: string): ApiError {
  return new ApiError('BUNDLE_INVALID', `无法打开此汇报文件：${zh}。未导入任何内容。`, `This .huibao file cannot be opened: ${en}. Nothing was imported.`);
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function assetPath(asset: Pick<Asset, 'id' | 'mime'>): string {
  return `assets/${asset.id}.${IMAGE_EXTENSIONS[asset.mime]}`;
}

// ---- Writing ----

export function writeBundle(content: BundleContent, meta: { appVersion: string; createdAt: string; approval?: BundleApproval }): Uint8Array {
  const deckJson = new TextEncoder().encode(JSON.stringify(BundleDeck.parse(content.deck)));
  const files: { path: string; data: Uint8Array; level: 0 | 6 }[] = [{ path: DECK, data: deckJson, level: 6 }];
  const seen = new Set<string>();
  for (const { asset, bytes } of content.assets) {
    if (seen.has(asset.id)) continue;
    seen.add(asset.id);
    // Images are compressed already: stored as they are.
    files.push({ path: assetPath(asset), data: bytes, level: 0 });
  }
  const needsTwo = meta.approval !== undefined || holdsCharts(content.deck.slides);
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: needsTwo ? BUNDLE_FORMAT_VERSION : 1,
    appVersion: meta.appVersion,
    createdAt: meta.createdAt,
    ...(meta.approval ? { approval: meta.approval } : {}),
    entries: files.map((f) => ({ path: f.path, sha256: sha256(f.data), size: f.data.length })),
  };
  const zippable: Zippable = { [MANIFEST]: [new TextEncoder().encode(JSON.stringify(manifest, null, 2)), { level: 6 }] };
  for (const f of files) zippable[f.path] = [f.data, { level: f.level }];
  return zipSync(zippable);
}

// ---- Reading: the zip structure ----

interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  size: number;
  dataStart: number;
}

/** The entries listed in the zip's central directory, with their declared sizes, after checking all of them. */
function readCentralDirectory(b: Uint8Array): ZipEntry[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const truncated = () => bundleInvalid('文件不完整或已损坏（zip 结构无法读取）', 'the file is truncated or damaged (its zip structure cannot be read)');
  const u16 = (at: number) => {
    if (at < 0 || at + 2 > b.length) throw truncated();
    return view.getUint16(at, true);
  };
  const u32 = (at: number) => {
    if (at < 0 || at + 4 > b.length) throw truncated();
    return view.getUint32(at, true);
  };

  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw bundleInvalid('这不是一个 zip 文件', 'it is not a zip file');
  const count = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== count) throw bundleInvalid('不支持分卷 zip 文件', 'split zip archives are not supported');
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw bundleInvalid('不支持 zip64 格式', 'zip64 archives are not supported');
  if (count > BUNDLE_LIMITS.entries) throw bundleInvalid(`条目过多（${count} 个，最多 ${BUNDLE_LIMITS.entries} 个）`, `it has too many entries (${count}; at most ${BUNDLE_LIMITS.entries})`);
  if (cdOffset + cdSize > eocd) throw truncated();

  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== 0x02014b50) throw truncated();
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const packed = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const localOffset = u32(at + 42);
    if (at + 46 + nameLength > b.length) throw truncated();
    const nameBytes = b.subarray(at + 46, at + 46 + nameLength);
    let name: string;
    try {
      // Bit 11: the name is UTF-8; otherwise CP437, whose ASCII part is all a valid bundle uses.
      name = flags & 0x800 ? new TextDecoder('utf-8', { fatal: true }).decode(nameBytes) : String.fromCharCode(...nameBytes);
    } catch {
      throw bundleInvalid('条目名称的编码无效', 'an entry name is not valid UTF-8');
    }
    checkEntryName(name);
    if (flags & 0x1) throw bundleInvalid(`条目 ${name} 已加密`, `entry ${name} is encrypted`);
    if (method !== 0 && method !== 8) throw bundleInvalid(`条目 ${name} 使用了不支持的压缩方式`, `entry ${name} uses an unsupported compression method`);
    if (method === 0 && packed !== size) throw bundleInvalid(`条目 ${name} 的大小不一致`, `the sizes of entry ${name} disagree`);
    // The local header repeats the name; the data follows it (its own name and extra lengths may differ).
    if (u32(localOffset) !== 0x04034b50) throw truncated();
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    if (dataStart + packed > cdOffset) throw truncated();
    entries.push({ name, method, packed, size, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  checkSizes(entries);
  return entries;
}

/** Refuses any name that could land outside a folder it were unpacked into, or that a valid bundle never has. */
function checkEntryName(name: string): void {
  const shown = JSON.stringify(name.slice(0, 80));
  const unsafe = () => bundleInvalid(`包含不安全的路径 ${shown}`, `it contains an unsafe path ${shown}`);
  if (name.length === 0 || name.length > 200) throw unsafe();
  if (/[\u0000-\u001f\\]/.test(name)) throw unsafe();
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw unsafe();
  const parts = name.split('/');
  if (parts.some((p, i) => p === '..' || p === '.' || (p === '' && i !== parts.length - 1))) throw unsafe();
  if (name !== MANIFEST && name !== DECK && name !== 'assets/' && !ASSET_PATH.test(name)) {
    throw bundleInvalid(`包含未知的条目 ${shown}`, `it contains an unknown entry ${shown}`);
  }
}

function checkSizes(entries: ZipEntry[]): void {
  const names = new Set<string>();
  let total = 0;
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (names.has(key)) throw bundleInvalid(`条目 ${e.name} 出现了不止一次`, `entry ${e.name} appears more than once`);
    names.add(key);
    const limit = e.name === MANIFEST ? BUNDLE_LIMITS.manifestBytes : e.name === DECK ? BUNDLE_LIMITS.deckBytes : BUNDLE_LIMITS.assetBytes;
    if (e.size > limit) throw bundleInvalid(`条目 ${e.name} 过大（${mb(e.size)}，最多 ${mb(limit)}）`, `entry ${e.name} is too large (${mb(e.size)}; at most ${mb(limit)})`);
    if (e.size > BUNDLE_LIMITS.ratioFloorBytes && e.size / Math.max(1, e.packed) > BUNDLE_LIMITS.ratio) {
      throw bundleInvalid(`条目 ${e.name} 的压缩比异常（可能是“压缩炸弹”）`, `entry ${e.name} has an abnormal compression ratio (a possible zip bomb)`);
    }
    total += e.size;
  }
  if (total > BUNDLE_LIMITS.totalBytes) {
    throw bundleInvalid(`解压后总大小过大（${mb(total)}，最多 ${mb(BUNDLE_LIMITS.totalBytes)}）`, `it would unpack to too much data (${mb(total)}; at most ${mb(BUNDLE_LIMITS.totalBytes)})`);
  }
}

/** Inflates one entry, never producing more than its declared size (whatever the compressed stream says). */
function entryBytes(b: Uint8Array, e: ZipEntry): Uint8Array {
  const packed = b.subarray(e.dataStart, e.dataStart + e.packed);
  if (e.method === 0) return packed;
  const out = new Uint8Array(e.size);
  let length = 0;
  const wrongSize = () => bundleInvalid(`条目 ${e.name} 的实际大小与声明不符`, `entry ${e.name} does not have the size it declares`);
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > e.size) throw wrongSize();
    out.set(chunk, length);
    length += chunk.length;
  });
  // Small steps bound how much one push may produce before the check above runs.
  const step = 16 * 1024;
  try {
    if (packed.length === 0) inflater.push(packed, true);
    for (let at = 0; at < packed.length; at += step) inflater.push(packed.subarray(at, at + step), at + step >= packed.length);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw bundleInvalid(`条目 ${e.name} 的压缩数据已损坏`, `the compressed data of entry ${e.name} is damaged`);
  }
  if (length !== e.size) throw wrongSize();
  return out;
}

// ---- Reading: JSON ----

/** The deepest nesting of objects and arrays, stopping as soon as it passes `limit` (hostile input can nest millions deep). */
function nestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function parseJson(bytes: Uint8Array, name: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bundleInvalid(`${name} 不是有效的 UTF-8 文本`, `${name} is not valid UTF-8 text`);
  }
  if (nestingExceeds(text, BUNDLE_LIMITS.jsonDepth)) throw bundleInvalid(`${name} 的嵌套层级过深`, `${name} is nested too deeply`);
  try {
    return JSON.parse(text);
  } catch {
    throw bundleInvalid(`${name} 不是有效的 JSON`, `${name} is not valid JSON`);
  }
}

function schemaProblem(name: string, error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const where = `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`.slice(0, 200);
  return bundleInvalid(`${name} 的内容不符合格式（${where}）`, `${name} does not match the format (${where})`);
}

function readManifest(bytes: Uint8Array): Manifest {
  const raw = parseJson(bytes, MANIFEST);
  // Format and version first: a newer bundle may have a manifest this version cannot describe.
  const head = z.object({ format: z.unknown(), formatVersion: z.unknown() }).safeParse(raw);
  if (!head.success || head.data.format !== BUNDLE_FORMAT) throw bundleInvalid('这不是汇报文件（清单中缺少格式标记）', 'it is not a Huibao bundle (the manifest has no Huibao format mark)');
  const version = head.data.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw bundleInvalid('格式版本无效', 'its format version is invalid');
  if (version > BUNDLE_FORMAT_VERSION) {
    throw new ApiError(
      'BUNDLE_INVALID',
      `此文件由更新版本的汇报创建（文件格式版本 ${version}，本程序支持到 ${BUNDLE_FORMAT_VERSION}）。请升级汇报后再打开。未导入任何内容。`,
      `This file was made by a newer Huibao (bundle format ${version}; this version reads up to ${BUNDLE_FORMAT_VERSION}). Update Huibao to open it. Nothing was imported.`,
    );
  }
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) throw schemaProblem(MANIFEST, parsed.error);
  return parsed.data;
}

// ---- Reading: the whole bundle ----

/** Reads and checks a bundle completely; returns its content only when every check passed. Throws BUNDLE_INVALID. */
export function readBundle(bytes: Uint8Array): BundleContent {
  if (bytes.length > FILE_LIMITS.bundleBytes) {
    throw bundleInvalid(`文件过大（${mb(bytes.length)}，最多 ${mb(FILE_LIMITS.bundleBytes)}）`, `the file is too large (${mb(bytes.length)}; at most ${mb(FILE_LIMITS.bundleBytes)})`);
  }
  if (bytes.length < 22) throw bundleInvalid('这不是一个 zip 文件', 'it is not a zip file');
  const entries = readCentralDirectory(bytes).filter((e) => !e.name.endsWith('/'));
  const byName = new Map(entries.map((e) => [e.name, e]));

  const manifestEntry = byName.get(MANIFEST);
  if (!manifestEntry) throw bundleInvalid('缺少清单文件 manifest.json', 'it has no manifest.json');
  const manifest = readManifest(entryBytes(bytes, manifestEntry));

  // The manifest lists every other entry exactly once, with its size (checked before inflating) and checksum.
  const listed = new Map(manifest.entries.map((e) => [e.path, e]));
  if (listed.size !== manifest.entries.length) throw bundleInvalid('清单中有重复的条目', 'the manifest lists an entry twice');
  for (const e of entries) {
    if (e.name === MANIFEST) continue;
    const m = listed.get(e.name);
    if (!m) throw bundleInvalid(`条目 ${e.name} 未列在清单中`, `entry ${e.name} is not listed in the manifest`);
    if (m.size !== e.size) throw bundleInvalid(`条目 ${e.name} 的大小与清单不符`, `the size of entry ${e.name} does not match the manifest`);
  }
  for (const path of listed.keys()) {
    if (!byName.has(path)) throw bundleInvalid(`缺少清单中列出的条目 ${path.slice(0, 80)}`, `entry ${path.slice(0, 80)} listed in the manifest is missing`);
  }

  const data = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (e.name === MANIFEST) continue;
    const content = entryBytes(bytes, e);
    if (sha256(content) !== listed.get(e.name)!.sha256) throw bundleInvalid(`条目 ${e.name} 的校验和不正确（文件已损坏或被改动）`, `the checksum of entry ${e.name} is wrong (the file is damaged or was altered)`);
    data.set(e.name, content);
  }

  const deckBytes = data.get(DECK);
  if (!deckBytes) throw bundleInvalid('缺少演示稿内容 deck.json', 'it has no deck.json');
  const parsed = BundleDeck.safeParse(parseJson(deckBytes, DECK));
  if (!parsed.success) throw schemaProblem(DECK, parsed.error);
  // Text as Unicode: deck.json may spell lone surrogates as escapes (\ud800), which UTF-8 storage cannot hold.
  const deck = wellFormedText(parsed.data);
  checkDeck(deck);

  // Each image: its name is its checksum, its bytes are the image type its name says, and deck.json describes it.
  const files = new Map<string, Uint8Array>();
  for (const [path, content] of data) {
    const m = ASSET_PATH.exec(path);
    if (!m) continue;
    if (sha256(content) !== m[1]) throw bundleInvalid(`图片 ${path} 的名称与内容不符`, `image ${path} does not match its name`);
    const mime = sniffImageMime(content);
    if (!mime || IMAGE_EXTENSIONS[mime] !== m[2]) throw bundleInvalid(`图片 ${path} 不是其扩展名所示的格式`, `image ${path} is not the format its extension says`);
    files.set(m[1]!, content);
  }
  const assets = deck.assets.map((asset) => {
    const content = files.get(asset.id);
    if (!content || sniffImageMime(content) !== asset.mime || content.length !== asset.bytes) {
      throw bundleInvalid(`缺少图片 ${asset.id.slice(0, 12)}… 或其描述不符`, `image ${asset.id.slice(0, 12)}… is missing or not as described`);
    }
    return { asset, bytes: content };
  });
  if (new Set(deck.assets.map((a) => a.id)).size !== files.size || assets.length !== files.size) {
    throw bundleInvalid('图片与 deck.json 中的描述不一致', 'the images do not match their descriptions in deck.json');
  }
  const byId = new Map(assets.map((a) => [a.asset.id, a]));
  for (const { asset, bytes } of assets) {
    const copy = asset.displayId == null ? undefined : byId.get(asset.displayId);
    if (copy && !isDisplayCopy({ mime: asset.mime, bytes }, { mime: copy.asset.mime, bytes: copy.bytes })) {
      throw bundleInvalid(`图片 ${asset.id.slice(0, 12)}… 的显示副本不是它的缩小版`, `the display copy of image ${asset.id.slice(0, 12)}… is not a smaller copy of it`);
    }
  }
  return { deck, assets, ...(manifest.approval ? { approval: manifest.approval } : {}) };
}

/** What the schemas cannot say: ids and keys unique, every image a slide shows (and every display copy) present. */
function checkDeck(deck: BundleDeck): void {
  const slideIds = new Set(deck.slides.map((s) => s.id));
  if (slideIds.size !== deck.slides.length) throw bundleInvalid('deck.json 中有重复的幻灯片编号', 'deck.json has two slides with the same id');
  if (new Set(deck.figures.map((f) => f.key)).size !== deck.figures.length) throw bundleInvalid('deck.json 中有重复的数字键', 'deck.json has two figures with the same key');
  const assetIds = new Set(deck.assets.map((a) => a.id));
  for (const s of deck.slides) {
    for (const b of s.blocks) {
      if (b.kind === 'image' && b.assetId !== null && !assetIds.has(b.assetId)) {
        throw bundleInvalid(`幻灯片“${s.title.slice(0, 40)}”引用的图片不在文件中`, `slide “${s.title.slice(0, 40)}” shows an image the file does not contain`);
      }
    }
  }
  for (const a of deck.assets) {
    if (a.displayId != null && (a.displayId === a.id || !assetIds.has(a.displayId))) {
      throw bundleInvalid(`图片 ${a.id.slice(0, 12)}… 的显示副本不在文件中`, `the display copy of image ${a.id.slice(0, 12)}… is not in the file`);
    }
  }
}
