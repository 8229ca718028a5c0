// Renders icon.svg into the PNG, .ico and .icns files the installers use, with Debian's Chromium
// (no extra packages): `node assets/icons/render-icons.mjs`. Needs /usr/bin/chromium and the Noto CJK
// fonts (apt-get install chromium fonts-noto-cjk). The outputs are committed, so builds never run this.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const here = (p) => new URL(p, import.meta.url).pathname;
const svg = readFileSync(here('icon.svg'), 'utf8');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const png = new Map();
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`)}</body></html>`,
    );
    await page.evaluate(() => document.fonts.ready);
    png.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  }
} finally {
  await browser.close();
}

// Linux: a folder of NxN.png (electron-builder's linux.icon); the rest use icon.png (512).
mkdirSync(here('png'), { recursive: true });
for (const size of sizes.filter((s) => s <= 512)) writeFileSync(here(`png/${size}x${size}.png`), png.get(size));
writeFileSync(here('icon.png'), png.get(512));
writeFileSync(here('icon-256.png'), png.get(256));

// Windows .ico: a directory of PNG images (supported since Windows Vista).
{
  const entries = [16, 24, 32, 48, 64, 128, 256];
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach((size, i) => {
    const data = png.get(size);
    const e = 6 + 16 * i;
    header.writeUInt8(size === 256 ? 0 : size, e); // 0 means 256
    header.writeUInt8(size === 256 ? 0 : size, e + 1);
    header.writeUInt16LE(1, e + 4); // colour planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  writeFileSync(here('icon.ico'), Buffer.concat([header, ...entries.map((s) => png.get(s))]));
}

// macOS .icns: typed chunks of PNG data (ic07–ic14 cover 128 to 1024 pixels, 1x and 2x).
{
  const types = [['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024], ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512]];
  const chunks = types.map(([type, size]) => {
    const data = png.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  writeFileSync(here('icon.icns'), Buffer.concat([head, ...chunks]));
}
console.log(`icons written: ${sizes.join(', ')} px, icon.ico, icon.icns`);
