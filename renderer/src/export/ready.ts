// The ready flag the PDF printers wait for: set once fonts have loaded, every image is decoded and the slides
// have been fitted (fitText refits after the fonts, in a microtask) and painted.
import { READY_ATTRIBUTE } from '../../../decks/common/exportPage.ts';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export async function markReady(): Promise<void> {
  await document.fonts.ready;
  await Promise.all(Array.from(document.images, (img) => img.decode().catch(() => undefined)));
  await frame();
  await frame();
  document.documentElement.setAttribute(READY_ATTRIBUTE, 'true');
}
