import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, MENU_COMMANDS, routeForPresentCommand, type MenuCommand, type MenuOptions } from '../../../electron/main/menu.ts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(over: Partial<MenuOptions> = {}) {
  const commands: MenuCommand[] = [];
  const template = buildMenuTemplate({ language: 'zh-CN', platform: 'win32', appName: '汇报', onCommand: (c) => commands.push(c), ...over });
  return { template, items: flatten(template), commands };
}

const roles = (items: MenuItemConstructorOptions[]) => new Set(items.map((i) => i.role).filter(Boolean));
const byRole = (items: MenuItemConstructorOptions[], role: string) => items.find((i) => i.role === role);
const byId = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id);

describe('menu template', () => {
  for (const platform of ['win32', 'linux', 'darwin'] as const) {
    it(`has the usual edit, view and window roles on ${platform}`, () => {
      const { items } = build({ platform });
      for (const r of ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'close', 'quit', 'about']) {
        expect(roles(items), r).toContain(r);
      }
      expect(roles(items).has('toggleDevTools')).toBe(false);
      expect(roles(items).has('reload')).toBe(false);
    });
  }

  it('puts the app menu first on macOS only, with hide/services and quit there', () => {
    const mac = build({ platform: 'darwin', language: 'en', appName: 'Huibao' }).template;
    expect(mac[0]!.label).toBe('Huibao');
    const appItems = flatten(mac[0]!.submenu as MenuItemConstructorOptions[]);
    expect(roles(appItems)).toEqual(new Set(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']));
    expect(byRole(appItems, 'quit')!.label).toBe('Quit Huibao');
    const win = build({ platform: 'win32', language: 'en' }).template;
    expect(win[0]!.label).toBe('&File');
    expect(byRole(flatten(win), 'services')).toBeUndefined();
  });

  it('labels everything in Chinese or in English', () => {
    const zh = build({ language: 'zh-CN' }).items;
    const en = build({ language: 'en' }).items;
    expect(build({ language: 'zh-CN' }).template.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '放映(&S)', '窗口(&W)', '帮助(&H)']);
    expect(build({ language: 'en' }).template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Slide Show', '&Window', '&Help']);
    expect(byRole(zh, 'copy')!.label).toBe('复制');
    expect(byRole(en, 'copy')!.label).toBe('Copy');
    expect(byId(zh, 'import-report')!.label).toBe('导入报告…');
    expect(byId(en, 'import-report')!.label).toBe('Import Report…');
    // every item other than separators has a label in both languages
    for (const items of [zh, en]) for (const i of items) if (i.type !== 'separator') expect(i.label, JSON.stringify(i.role ?? i.id)).toBeTruthy();
    // macOS shows no Windows-style mnemonics
    expect(build({ platform: 'darwin' }).template.map((m) => m.label)).toEqual(['汇报', '文件', '编辑', '视图', '放映', '窗口', '帮助']);
  });

  it('gives Huibao commands their shortcuts; slide-show keys are shown but left to the page', () => {
    const { items } = build();
    expect(byId(items, 'import-report')!.accelerator).toBe('CmdOrCtrl+O');
    expect(byId(items, 'open-bundle')!.accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(byId(items, 'export-pdf')!.accelerator).toBe('CmdOrCtrl+P');
    expect(byId(items, 'present-start')).toMatchObject({ accelerator: 'F5', registerAccelerator: false });
    expect(byId(items, 'present-current')).toMatchObject({ accelerator: 'Shift+F5', registerAccelerator: false });
    expect(byId(items, 'import-report')!.registerAccelerator).toBeUndefined();
    const accelerators = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length); // no shortcut used twice
  });

  it('calls back with the command id of every Huibao item, and offers each command once', () => {
    const { items, commands } = build();
    const ids = items.map((i) => i.id).filter(Boolean);
    expect([...ids].sort()).toEqual([...MENU_COMMANDS].sort());
    for (const id of MENU_COMMANDS) {
      const click = byId(items, id)!.click as unknown as () => void;
      click();
    }
    expect(commands).toEqual([...MENU_COMMANDS]);
  });

  it('checks the current language', () => {
    expect(byId(build({ language: 'en' }).items, 'language-en')!.checked).toBe(true);
    expect(byId(build({ language: 'en' }).items, 'language-zh-CN')!.checked).toBe(false);
    expect(byId(build({ language: 'zh-CN' }).items, 'language-zh-CN')!.checked).toBe(true);
  });

  it('adds reload and developer tools only in development', () => {
    expect(roles(build({ dev: true }).items)).toContain('toggleDevTools');
    expect(roles(build({ dev: true }).items)).toContain('reload');
  });
});

describe('routeForPresentCommand', () => {
  it('maps slide-show commands to the renderer routes of the open deck', () => {
    const url = 'app://huibao/index.html#/edit/d_123';
    expect(routeForPresentCommand('present-start', url)).toEqual({ name: 'present', deckId: 'd_123', slideIndex: 0 });
    expect(routeForPresentCommand('present-current', url)).toEqual({ name: 'present', deckId: 'd_123', slideIndex: 0 });
    expect(routeForPresentCommand('present-current', 'app://huibao/#/present/d_123/7')).toEqual({ name: 'present', deckId: 'd_123', slideIndex: 7 });
    expect(routeForPresentCommand('present-console', url)).toEqual({ name: 'console', deckId: 'd_123' });
    expect(routeForPresentCommand('present-start', 'app://huibao/index.html#/')).toBeNull();
    expect(routeForPresentCommand('present-start', 'https://evil.example/#/edit/d_123')).toBeNull();
    expect(routeForPresentCommand('library', url)).toBeNull();
  });
});
