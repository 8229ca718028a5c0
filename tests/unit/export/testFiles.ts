// Files for the export tests, built here so each test shows what it feeds in: real PNGs, and zips with exactly one defect.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of b) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const body = Buffer.concat([head.subarray(4), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([head.subarray(0, 4), body, crc]);
}

/** A real RGB PNG of `width` × `height`, filled with one colour (different colours give different files). */
export function makePng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]),
  );
}

export const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
export const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * A bundle zip from its entries; the manifest lists every entry with its true size and checksum unless
 * `manifest` is given (then it is written as is). `level` compresses every entry.
 */
export function makeBundleZip(
  entries: Record<string, Uint8Array | string>,
  opts: { manifest?: unknown; withoutManifest?: boolean; level?: 0 | 1 | 6 | 9 } = {},
): Uint8Array {
  const files: Zippable = {};
  const listed: { path: string; sha256: string; size: number }[] = [];
  for (const [path, content] of Object.entries(entries)) {
    const data = typeof content === 'string' ? utf8(content) : content;
    files[path] = [data, { level: opts.level ?? 6 }];
    listed.push({ path, sha256: sha256(data), size: data.length });
  }
  const manifest = opts.manifest ?? { format: 'huibao-bundle', formatVersion: 1, appVersion: '0.1.0', createdAt: '2024-01-01T00:00:00.000Z', entries: listed };
  if (!opts.withoutManifest) files['manifest.json'] = utf8(JSON.stringify(manifest));
  return zipSync(files);
}

/** Replaces every occurrence of one byte string by another of the same length (renames an entry in both headers). */
export function replaceBytes(zip: Uint8Array, from: string, to: string): Uint8Array {
  const a = Buffer.from(from, 'latin1');
  const b = Buffer.from(to, 'latin1');
  if (a.length !== b.length) throw new Error('same length only');
  const out = Buffer.from(zip);
  for (let at = out.indexOf(a); at >= 0; at = out.indexOf(a, at + 1)) b.copy(out, at);
  return new Uint8Array(out);
}

/** Sets the uncompressed size an entry declares, in its local header and in the central directory (a lying zip). */
export function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = Buffer.from(zip);
  const nameBytes = Buffer.from(name, 'latin1');
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = out.readUInt32LE(at);
    if (sig === 0x04034b50 && out.subarray(at + 30, at + 30 + nameBytes.length).equals(nameBytes)) out.writeUInt32LE(size, at + 22);
    if (sig === 0x02014b50 && out.subarray(at + 46, at + 46 + nameBytes.length).equals(nameBytes)) out.writeUInt32LE(size, at + 24);
  }
  return new Uint8Array(out);
}
