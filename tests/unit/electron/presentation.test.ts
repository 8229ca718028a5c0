// The display choice of a presentation (audience on the projector, console on the laptop) and the window requests
// the console makes, tested with fake displays. Electron's binary cannot run here: its module is stood in for,
// and only the pure functions are exercised.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

const presentation = await import('../../../electron/main/presentation.ts');
const { chooseDisplays, readPresentRequest, runsOnWayland, Presentation } = presentation;
const { createFakeElectron } = await import('./fakeElectron.ts');
const rendererNames = await import('../../../renderer/src/presenter/presentWindows.ts');

type D = import('../../../electron/main/presentation.ts').DisplayLike;
const display = (id: number, width: number, height: number, internal?: boolean, x = 0): D => ({
  id,
  bounds: { x, y: 0, width, height },
  workArea: { x, y: 0, width, height: height - 40 },
  ...(internal === undefined ? {} : { internal }),
});
const screenOf = (all: D[], primaryId: number) => ({ getAllDisplays: () => all, getPrimaryDisplay: () => all.find((d) => d.id === primaryId)! });

describe('chooseDisplays', () => {
  const laptop = display(1, 1920, 1080, true);
  const projector = display(2, 1024, 768, false, 1920);
  const monitor = display(3, 2560, 1440, false, 2944);

  it('puts the audience on the external display and the console on the built-in one', () => {
    expect(chooseDisplays(screenOf([laptop, projector], 1))).toEqual({ mode: 'dual', console: laptop, audience: projector });
    // Even when the projector was made the primary display, the console stays on the laptop.
    expect(chooseDisplays(screenOf([projector, laptop], 2))).toEqual({ mode: 'dual', console: laptop, audience: projector });
  });

  it('without a built-in display, keeps the console on the primary display', () => {
    const a = display(10, 1920, 1080);
    const b = display(11, 1280, 720, undefined, 1920);
    expect(chooseDisplays(screenOf([a, b], 11))).toEqual({ mode: 'dual', console: b, audience: a });
  });

  it('with several external displays, chooses the largest for the audience', () => {
    expect(chooseDisplays(screenOf([laptop, projector, monitor], 1)).audience).toBe(monitor);
  });

  it('swaps the two in one step', () => {
    expect(chooseDisplays(screenOf([laptop, projector], 1), { swapped: true })).toEqual({ mode: 'dual', console: projector, audience: laptop });
  });

  it('shows the console alone on one display, or in rehearsal mode', () => {
    expect(chooseDisplays(screenOf([laptop], 1))).toEqual({ mode: 'rehearsal', console: laptop, audience: null });
    expect(chooseDisplays(screenOf([laptop, projector], 1), { rehearsal: true })).toEqual({ mode: 'rehearsal', console: laptop, audience: null });
  });
});

describe('window requests from the console', () => {
  it('recognises the audience, swap and rehearsal requests by window name', () => {
    const url = 'app://huibao/index.html#/present/d1/3';
    expect(readPresentRequest(url, 'huibao-audience-d1')).toEqual({ kind: 'audience', deckId: 'd1', slideIndex: 3 });
    expect(readPresentRequest(url, 'huibao-present-swap')).toEqual({ kind: 'swap', deckId: 'd1', slideIndex: 3 });
    expect(readPresentRequest(url, 'huibao-present-rehearsal')).toEqual({ kind: 'rehearsal', deckId: 'd1', slideIndex: 3 });
    // The console asks for the audience window at the show's own page (presentWindows.audienceUrl).
    expect(readPresentRequest(`app://huibao/${rendererNames.audienceUrl('d1', 3)}`, 'huibao-present-swap')).toEqual({ kind: 'swap', deckId: 'd1', slideIndex: 3 });
    expect(readPresentRequest(url, 'huibao-audience-other')).toBeNull();
    expect(readPresentRequest(url, '_blank')).toBeNull();
    expect(readPresentRequest('https://example.com/#/present/d1', 'huibao-audience-d1')).toBeNull();
    expect(readPresentRequest('app://huibao/index.html#/edit/d1', 'huibao-audience-d1')).toBeNull();
  });

  it('uses the same window names as the renderer', () => {
    expect(rendererNames.SWAP_DISPLAYS_WINDOW).toBe(presentation.SWAP_DISPLAYS_WINDOW);
    expect(rendererNames.REHEARSAL_WINDOW).toBe(presentation.REHEARSAL_WINDOW);
    expect(rendererNames.audienceWindowName('d1')).toBe(`${presentation.AUDIENCE_WINDOW_PREFIX}d1`);
  });
});

describe('the audience window', () => {
  const laptop = display(1, 1920, 1080, true);
  const projector = display(2, 1024, 768, false, 1920);

  function show(manualPlacement: boolean) {
    const fake = createFakeElectron({ displays: [laptop, projector] });
    const made: { options: Record<string, unknown>; win: InstanceType<typeof fake.electron.BrowserWindow> }[] = [];
    const controller = new Presentation({
      screen: fake.electron.screen,
      createWindow: (options) => {
        const win = new fake.electron.BrowserWindow(options as Record<string, unknown>);
        made.push({ options: options as Record<string, unknown>, win });
        return win as unknown as import('electron').BrowserWindow;
      },
      manualPlacement,
    });
    const main = new fake.electron.BrowserWindow({ show: false });
    controller.attach(main as unknown as import('electron').BrowserWindow);
    void main.loadURL('app://huibao/index.html#/edit/d1');
    main.webContents.navigateInPage('app://huibao/index.html#/present/d1/2');
    return { main, made };
  }

  it('goes full screen on the projector, the main window becoming the console', () => {
    const { main, made } = show(false);
    expect(made).toHaveLength(1);
    const audience = made[0]!.win;
    expect(audience.webContents.getURL()).toBe('app://huibao/present.html#/present/d1/2');
    expect(audience.log).toContain(`setBounds ${JSON.stringify(projector.bounds)}`);
    expect(audience.isFullScreen()).toBe(true);
    expect(main.webContents.getURL()).toBe('app://huibao/index.html#/console/d1');
  });

  it('under Wayland, opens as a window with a title bar that asks to be moved to the projector', () => {
    const { main, made } = show(true);
    expect(made).toHaveLength(1);
    const audience = made[0]!;
    expect(audience.options.frame).toBe(true);
    expect(audience.win.webContents.getURL()).toBe('app://huibao/present.html?place=manual#/present/d1/2');
    expect(audience.win.log.filter((l) => l.startsWith('setBounds') || l.startsWith('setFullScreen'))).toEqual([]);
    expect(audience.win.visible).toBe(true);
    expect(main.log.filter((l) => l.startsWith('setBounds'))).toEqual([]);
    expect(main.webContents.getURL()).toBe('app://huibao/index.html#/console/d1');
  });

  it('knows when Electron runs as a Wayland client, and that --ozone-platform=x11 places windows again', () => {
    expect(runsOnWayland('linux', { XDG_SESSION_TYPE: 'wayland' }, '')).toBe(true);
    expect(runsOnWayland('linux', { XDG_SESSION_TYPE: 'wayland' }, 'x11')).toBe(false);
    expect(runsOnWayland('linux', { XDG_SESSION_TYPE: 'x11' }, '')).toBe(false);
    expect(runsOnWayland('linux', {}, 'wayland')).toBe(true);
    expect(runsOnWayland('win32', { XDG_SESSION_TYPE: 'wayland' }, '')).toBe(false);
  });
});
