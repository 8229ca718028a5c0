// The desktop app's PDF printer keeps one hidden window for a run of exports: made by the first, reused by the next
// (one print at a time), destroyed after a minute without one, or at once when the app's window closes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, type FakeWindow } from './fakeElectron.ts';

vi.mock('electron', () => ({ session: { fromPartition: () => ({}) } }));
const { keptWindowPrinter } = await import('../../../electron/main/exportPdf.ts');
const { KEEP_BROWSER_MS } = await import('../../../decks/node/export/pdf.ts');

afterEach(() => {
  vi.useRealTimers();
});

/** `laidOut`: whether each new window's page reports it is laid out (else it never does, until told). */
function setup(laidOut = () => true) {
  const fake = createFakeElectron();
  const made: FakeWindow[] = [];
  const printer = keptWindowPrinter(() => {
    const win = new fake.electron.BrowserWindow({ show: false });
    if (!laidOut()) win.webContents.probeAnswer = null;
    made.push(win);
    return win;
  });
  return { made, printer };
}

const text = (pdf: Uint8Array) => new TextDecoder().decode(pdf);

describe('keptWindowPrinter', () => {
  it('prints a run of exports in one hidden window, one at a time and in order, and destroys it after a minute idle', async () => {
    vi.useFakeTimers();
    const { made, printer } = setup();
    expect(made).toHaveLength(0); // nothing made before the first export
    const [a, b, c] = await Promise.all([printer.print('/tmp/a.html', 'slides'), printer.print('/tmp/b.html', 'handout'), printer.print('/tmp/c.html', 'slides')]);
    expect(made).toHaveLength(1);
    expect(made[0]!.visible).toBe(false);
    expect(text(a)).toBe('%PDF-1.7 file:///tmp/a.html#print');
    expect(text(b)).toBe('%PDF-1.7 file:///tmp/b.html#print-notes');
    expect(text(c)).toBe('%PDF-1.7 file:///tmp/c.html#print');
    expect(made[0]!.webContents.printed).toEqual(['file:///tmp/a.html#print', 'file:///tmp/b.html#print-notes', 'file:///tmp/c.html#print']);

    await vi.advanceTimersByTimeAsync(KEEP_BROWSER_MS - 1_000);
    await printer.print('/tmp/d.html', 'slides'); // within the minute: the same window, kept another minute
    expect(made).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(KEEP_BROWSER_MS - 1_000);
    expect(made[0]!.isDestroyed()).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(made[0]!.isDestroyed()).toBe(true);

    await printer.print('/tmp/e.html', 'slides');
    expect(made).toHaveLength(2);
    printer.close(); // the app's window closed
    expect(made[1]!.isDestroyed()).toBe(true);
  });

  it('prepare() makes the window while the export menu is open; the export prints in it; unused, it goes after a minute', async () => {
    vi.useFakeTimers();
    const { made, printer } = setup();
    printer.prepare();
    printer.prepare();
    expect(made).toHaveLength(1);
    expect(made[0]!.visible).toBe(false);
    await printer.print('/tmp/a.html', 'slides');
    expect(made).toHaveLength(1);
    expect(made[0]!.webContents.printed).toEqual(['file:///tmp/a.html#print']);

    await vi.advanceTimersByTimeAsync(KEEP_BROWSER_MS + 1_000);
    expect(made[0]!.isDestroyed()).toBe(true);
    printer.prepare(); // no export follows
    expect(made).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(KEEP_BROWSER_MS - 1_000);
    expect(made[1]!.isDestroyed()).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(made[1]!.isDestroyed()).toBe(true);
  });

  it('gives a clear EXPORT_FAILED when the window is closed while the page lays out, and makes a new one next time', async () => {
    let first = true;
    const { made, printer } = setup(() => !first);
    const pending = printer.print('/tmp/a.html', 'slides');
    await vi.waitFor(() => expect(made).toHaveLength(1));
    first = false;
    made[0]!.destroy(); // the page never laid out, and the window goes away
    await expect(pending).rejects.toMatchObject({ code: 'EXPORT_FAILED', en: 'Cannot export PDF: the print window was closed' });
    const next = await printer.print('/tmp/b.html', 'slides');
    expect(text(next)).toBe('%PDF-1.7 file:///tmp/b.html#print');
    expect(made).toHaveLength(2);
    printer.close();
  });
});
