// Photographs for the picture tests, painted in the browser (no image files in the repository, no network): a river
// town at dusk — sky, sun, hills, buildings with lit windows, their reflection — as a JPEG (or PNG) of any size. The
// same seed paints the same picture.
import type { Page } from '@playwright/test';

export interface PhotoOptions {
  width: number;
  height: number;
  seed?: number;
  /** `dusk` (warm) or `day` (blue): two scenes that tell apart in screenshots. */
  scene?: 'dusk' | 'day';
  type?: 'image/jpeg' | 'image/png';
}

export async function paintPhoto(page: Page, opts: PhotoOptions): Promise<Buffer> {
  const base64 = await page.evaluate(async ({ width, height, seed = 7, scene = 'dusk', type = 'image/jpeg' }) => {
    let s = seed;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    const canvas = new OffscreenCanvas(width, height);
    const g = canvas.getContext('2d')!;
    const W = width;
    const H = height;
    const horizon = H * 0.62;
    const sky = g.createLinearGradient(0, 0, 0, horizon);
    if (scene === 'dusk') {
      sky.addColorStop(0, '#1d2b53');
      sky.addColorStop(0.55, '#c2576b');
      sky.addColorStop(1, '#f6b26b');
    } else {
      sky.addColorStop(0, '#3d7fc4');
      sky.addColorStop(1, '#cfe6f7');
    }
    g.fillStyle = sky;
    g.fillRect(0, 0, W, horizon);
    // The sun, with a glow.
    const sun = g.createRadialGradient(W * 0.7, horizon * 0.72, 0, W * 0.7, horizon * 0.72, H * 0.22);
    sun.addColorStop(0, scene === 'dusk' ? 'rgba(255,236,180,1)' : 'rgba(255,255,240,1)');
    sun.addColorStop(0.25, scene === 'dusk' ? 'rgba(255,200,120,0.9)' : 'rgba(255,255,230,0.6)');
    sun.addColorStop(1, 'rgba(255,200,120,0)');
    g.fillStyle = sun;
    g.fillRect(0, 0, W, horizon);
    // Two ranges of hills.
    for (const [color, top, amp] of [
      [scene === 'dusk' ? '#5b4a6b' : '#7fa3b8', 0.42, 0.08],
      [scene === 'dusk' ? '#3b3550' : '#5d8a6e', 0.5, 0.06],
    ] as const) {
      g.fillStyle = color;
      g.beginPath();
      g.moveTo(0, horizon);
      for (let x = 0; x <= W; x += W / 60) g.lineTo(x, H * top + Math.sin(x / (W / 7) + top * 9) * H * amp + rnd() * H * 0.01);
      g.lineTo(W, horizon);
      g.closePath();
      g.fill();
    }
    // Buildings along the water, windows lit.
    let x = 0;
    while (x < W) {
      const bw = W * (0.025 + rnd() * 0.05);
      const bh = H * (0.06 + rnd() * 0.22);
      g.fillStyle = scene === 'dusk' ? `hsl(${230 + rnd() * 20}, 25%, ${14 + rnd() * 10}%)` : `hsl(${200 + rnd() * 30}, 12%, ${55 + rnd() * 20}%)`;
      g.fillRect(x, horizon - bh, bw, bh);
      g.fillStyle = scene === 'dusk' ? 'rgba(255,214,130,0.85)' : 'rgba(40,70,100,0.35)';
      for (let wy = horizon - bh + H * 0.012; wy < horizon - H * 0.015; wy += H * 0.022) {
        for (let wx = x + bw * 0.15; wx < x + bw * 0.85; wx += bw * 0.22) if (rnd() > 0.35) g.fillRect(wx, wy, bw * 0.1, H * 0.01);
      }
      x += bw + W * 0.004;
    }
    // The river: the scene mirrored, darker, with ripples.
    g.save();
    g.translate(0, horizon * 2);
    g.scale(1, -1);
    g.globalAlpha = 0.55;
    g.drawImage(canvas, 0, 0, W, horizon, 0, 0, W, horizon);
    g.restore();
    const water = g.createLinearGradient(0, horizon, 0, H);
    water.addColorStop(0, scene === 'dusk' ? 'rgba(20,24,52,0.35)' : 'rgba(30,80,120,0.25)');
    water.addColorStop(1, scene === 'dusk' ? 'rgba(10,12,30,0.85)' : 'rgba(20,60,90,0.7)');
    g.fillStyle = water;
    g.fillRect(0, horizon, W, H - horizon);
    g.strokeStyle = 'rgba(255,255,255,0.18)';
    g.lineWidth = Math.max(1, H / 500);
    for (let i = 0; i < 140; i++) {
      const ry = horizon + rnd() * (H - horizon);
      const rx = rnd() * W;
      g.beginPath();
      g.moveTo(rx, ry);
      g.lineTo(rx + W * (0.02 + rnd() * 0.06), ry);
      g.stroke();
    }
    const blob = await canvas.convertToBlob(type === 'image/jpeg' ? { type, quality: 0.9 } : { type });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, opts);
  return Buffer.from(base64, 'base64');
}

/**
 * Drops a file on an element, as dragging it from the desktop does (dragenter, dragover, drop with its DataTransfer).
 * `padTo` makes the file that many bytes long (zeros after `bytes`), in the page.
 */
export async function dropFile(page: Page, selector: string, file: { name: string; mime: string; bytes: Buffer; padTo?: number }): Promise<void> {
  const data = await page.evaluateHandle(
    ({ name, mime, base64, padTo }) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(Math.max(binary.length, padTo));
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: mime }));
      return transfer;
    },
    { name: file.name, mime: file.mime, base64: file.bytes.toString('base64'), padTo: file.padTo ?? 0 },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(selector, type, { dataTransfer: data });
}

/** Pastes a file as the clipboard would deliver a copied picture (a `paste` event carrying it) to the focused element. */
export async function pasteFile(page: Page, file: { name: string; mime: string; bytes: Buffer }): Promise<void> {
  await page.evaluate(
    ({ name, mime, base64 }) => {
      const binary = atob(base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: mime }));
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { name: file.name, mime: file.mime, base64: file.bytes.toString('base64') },
  );
}
