// Presenting with two screens (docs/architecture.md): the audience window goes full screen on the external display
// (the projector), the console stays on the laptop's own display; one click swaps them; with one screen — or in
// rehearsal mode — only the console shows (its large current slide is the audience's picture). The audience
// window never shows notes (it is the #/present route, which has none).
//
// The display choice is pure (chooseDisplays, against a tiny screen interface) and unit-tested with fakes. The
// renderer asks for windows with plain `window.open` (renderer/src/presenter/presentWindows.ts); the console
// window's open handler here reads the request, acts, and always denies the renderer's own window — so no
// channel is added beyond DeckApi, and every window is still made here with the app's secure preferences.
// Both windows are app:// pages of one session, so they stay in step through the deck's BroadcastChannel.
// Full screen is the show's only from its start to its end: the presenter rewrites the address on every slide
// (history.replaceState), which must not re-enter full screen, and the person's own choice is left alone.
// Under Wayland an app cannot place its windows (Electron ≥ 38 runs natively there): the audience window then
// opens as a normal window that asks to be moved to the projector, where F makes it full screen.
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { appPageUrl, appRouteOf } from './appRoutes.ts';

export interface DisplayLike {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
  /** True for a laptop's built-in panel (Electron sets it where the system says so). */
  internal?: boolean;
}
export interface ScreenLike {
  getAllDisplays(): DisplayLike[];
  getPrimaryDisplay(): DisplayLike;
}

export interface DisplayPlan {
  /** `dual`: audience and console on two displays; `rehearsal`: the console alone. */
  mode: 'dual' | 'rehearsal';
  console: DisplayLike;
  audience: DisplayLike | null;
}

const area = (d: DisplayLike) => d.bounds.width * d.bounds.height;

/**
 * The laptop's own display (built-in, else the primary one) takes the console; the largest other display takes
 * the audience. `swapped` exchanges them; `rehearsal`, or a single display, gives the console alone.
 */
export function chooseDisplays(screen: ScreenLike, opts: { swapped?: boolean; rehearsal?: boolean } = {}): DisplayPlan {
  const all = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const laptop = all.find((d) => d.internal === true) ?? all.find((d) => d.id === primary.id) ?? primary;
  const others = all.filter((d) => d.id !== laptop.id);
  // The largest other display; among equals, the first the system lists (stable from one call to the next).
  const external = others.reduce<DisplayLike | null>((best, d) => (best === null || area(d) > area(best) ? d : best), null);
  if (!external || opts.rehearsal) return { mode: 'rehearsal', console: laptop, audience: null };
  return opts.swapped ? { mode: 'dual', console: external, audience: laptop } : { mode: 'dual', console: laptop, audience: external };
}

// ---- What the renderer asks for (names shared with renderer/src/presenter/presentWindows.ts: keep them equal) ----

export const AUDIENCE_WINDOW_PREFIX = 'huibao-audience-';
export const SWAP_DISPLAYS_WINDOW = 'huibao-present-swap';
export const REHEARSAL_WINDOW = 'huibao-present-rehearsal';

export type PresentRequest =
  | { kind: 'audience'; deckId: string; slideIndex: number }
  | { kind: 'swap'; deckId: string; slideIndex: number }
  | { kind: 'rehearsal'; deckId: string; slideIndex: number };

/** Reads a `window.open(url, frameName)` from the console: only app:// presentation routes with a known name count. */
export function readPresentRequest(url: string, frameName: string): PresentRequest | null {
  const route = appRouteOf(url);
  if (route?.name !== 'present') return null;
  const show = { deckId: route.deckId, slideIndex: route.slideIndex };
  if (frameName === `${AUDIENCE_WINDOW_PREFIX}${route.deckId}`) return { kind: 'audience', ...show };
  if (frameName === SWAP_DISPLAYS_WINDOW) return { kind: 'swap', ...show };
  if (frameName === REHEARSAL_WINDOW) return { kind: 'rehearsal', ...show };
  return null;
}

// ---- The windows ----

/**
 * True when Electron runs as a native Wayland client, where windows cannot be placed by the app. Electron 38 and
 * later do so in a Wayland session (XDG_SESSION_TYPE=wayland) unless started with `--ozone-platform=x11`.
 */
export function runsOnWayland(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, ozonePlatform: string): boolean {
  if (platform !== 'linux' || ozonePlatform === 'x11') return false;
  return ozonePlatform === 'wayland' || env.XDG_SESSION_TYPE === 'wayland';
}

export interface PresentationOptions {
  screen: ScreenLike & { on(event: 'display-added' | 'display-removed', listener: () => void): unknown };
  /** Makes a window with the app's secure preferences and preload (windows.ts). */
  createWindow(options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>): BrowserWindow;
  /** The person places the audience window (Wayland, see runsOnWayland). */
  manualPlacement?: boolean;
}

type MainPage = 'show' | 'console' | 'other';

/**
 * Runs presentations for the main window. `attach(mainWindow)` for every main window: from then on, when the main
 * window goes to a presentation route (Present in the library or the editor) with a second display, the audience
 * window opens full screen there and the main window becomes the console; with one display the main window shows
 * the show full screen until the show ends. Leaving the routes closes the audience window.
 */
export class Presentation {
  private audience: BrowserWindow | null = null;
  private main: BrowserWindow | null = null;
  private mainPage: MainPage = 'other';
  /** The main window is full screen because a one-screen show put it there (not the person). */
  private showFullScreen = false;
  private swapped = false;
  private rehearsal = false;
  private deck: { deckId: string; slideIndex: number } | null = null;

  constructor(private readonly opts: PresentationOptions) {
    const replan = () => this.placeWindows();
    opts.screen.on('display-added', replan);
    opts.screen.on('display-removed', replan);
  }

  attach(main: BrowserWindow): void {
    this.main = main;
    this.mainPage = 'other';
    this.showFullScreen = false;
    // A page loaded anew (loadURL of another page) or one that changed its own fragment.
    main.webContents.on('did-navigate', (_event, url) => this.followMainRoute(main, url));
    main.webContents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      if (isMainFrame) this.followMainRoute(main, url);
    });
    // The person left full screen themselves (Esc, the window's control): it is no longer the show's to undo.
    main.on('leave-full-screen', () => {
      if (this.main === main) this.showFullScreen = false;
    });
    main.webContents.setWindowOpenHandler(({ url, frameName }) => {
      const request = readPresentRequest(url, frameName);
      if (request && this.main === main) this.handle(request);
      return { action: 'deny' };
    });
    main.on('closed', () => {
      if (this.main !== main) return;
      this.main = null;
      this.deck = null;
      this.closeAudience();
    });
  }

  private handle(request: PresentRequest): void {
    this.deck = { deckId: request.deckId, slideIndex: request.slideIndex };
    if (request.kind === 'swap') this.swapped = !this.swapped;
    if (request.kind === 'rehearsal') this.rehearsal = !this.rehearsal;
    if (request.kind === 'audience') this.rehearsal = false;
    this.placeWindows(request.kind === 'audience');
  }

  private followMainRoute(main: BrowserWindow, url: string): void {
    if (this.main !== main) return;
    const route = appRouteOf(url);
    const page: MainPage = route?.name === 'present' ? 'show' : route?.name === 'console' ? 'console' : 'other';
    const before = this.mainPage;
    this.mainPage = page;
    if (route?.name === 'present') {
      this.deck = { deckId: route.deckId, slideIndex: route.slideIndex };
      if (before === 'show') return; // the next slide: the presenter keeps the address in step
      const plan = chooseDisplays(this.opts.screen, { swapped: this.swapped, rehearsal: this.rehearsal });
      if (plan.mode === 'dual') {
        // Two screens: the show goes to the projector, this window becomes the console.
        this.placeWindows();
        void main.loadURL(appPageUrl({ name: 'console', deckId: route.deckId }));
      } else if (!main.isFullScreen()) {
        main.setFullScreen(true);
        this.showFullScreen = true;
      }
      return;
    }
    if (before === 'show' && this.showFullScreen) {
      // The show ended (or became the console): give back the window the person had.
      this.showFullScreen = false;
      if (main.isFullScreen()) main.setFullScreen(false);
    }
    if (page === 'console') return;
    if (before !== 'other') {
      this.deck = null;
      this.closeAudience();
    }
  }

  /** Puts the audience and the console where the plan says (after a request, a swap or a display change). */
  private placeWindows(forceAudience = false): void {
    if (!this.deck || !this.main) return;
    const plan = chooseDisplays(this.opts.screen, { swapped: this.swapped, rehearsal: this.rehearsal });
    if (plan.mode === 'rehearsal' && !forceAudience) {
      this.closeAudience();
      return;
    }
    if (this.opts.manualPlacement) {
      // Wayland ignores placement: the window opens where the system puts it and asks the person to move it.
      (this.audience ?? this.openAudience(this.deck.deckId, this.deck.slideIndex)).show();
      return;
    }
    this.main.setBounds(plan.console.workArea);
    const target = plan.audience ?? plan.console;
    const win = this.audience ?? this.openAudience(this.deck.deckId, this.deck.slideIndex);
    if (win.isFullScreen()) win.setFullScreen(false);
    win.setBounds(target.bounds);
    // Full screen only on a display of its own; on the console's display it stays a window to drag elsewhere.
    if (plan.audience) win.setFullScreen(true);
    win.show();
  }

  private openAudience(deckId: string, slideIndex: number): BrowserWindow {
    const manual = this.opts.manualPlacement === true;
    const win = this.opts.createWindow({
      show: false,
      // A window the person must move needs its title bar to be grabbed by.
      frame: manual,
      width: 1280,
      height: 720,
      backgroundColor: '#000000',
      autoHideMenuBar: true,
      title: '汇报 Huibao',
    });
    this.audience = win;
    win.on('closed', () => {
      if (this.audience === win) this.audience = null;
    });
    // The show's own “exit” leaves the route (to the editor): in this window that means closing it.
    win.webContents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      if (isMainFrame && appRouteOf(url)?.name !== 'present') win.close();
    });
    void win.loadURL(appPageUrl({ name: 'present', deckId, slideIndex }, manual ? { placeManually: true } : {}));
    return win;
  }

  private closeAudience(): void {
    const win = this.audience;
    this.audience = null;
    if (win && !win.isDestroyed()) win.close();
  }
}
