import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { accelerator, COMMAND_IDS, COMMANDS, type CommandId } from '../../../decks/common/commands.ts';
import { buildMenuTemplate, type MenuOptions } from '../../../electron/main/menu.ts';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

function build(over: Partial<MenuOptions> = {}) {
  const commands: CommandId[] = [];
  const template = buildMenuTemplate({ language: 'zh-CN', platform: 'win32', appName: '汇报', onCommand: (c) => commands.push(c), ...over });
  return { template, items: flatten(template), commands };
}

const roles = (items: MenuItemConstructorOptions[]) => new Set(items.map((i) => i.role).filter(Boolean));
const byRole = (items: MenuItemConstructorOptions[], role: string) => items.find((i) => i.role === role);
const byId = (items: MenuItemConstructorOptions[], id: string) => items.find((i) => i.id === id);

describe('menu template', () => {
  for (const platform of ['win32', 'linux', 'darwin'] as const) {
    it(`has the usual clipboard, view and window roles on ${platform}`, () => {
      const { items } = build({ platform });
      for (const r of ['cut', 'copy', 'paste', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'close', 'quit', 'about']) {
        expect(roles(items), r).toContain(r);
      }
      expect(roles(items).has('toggleDevTools')).toBe(false);
      expect(roles(items).has('reload')).toBe(false);
      // Undo, Delete and Select All are Huibao's commands (slides, or the text where the focus is), not roles.
      for (const r of ['undo', 'redo', 'delete', 'selectAll'] as const) expect(roles(items).has(r), r).toBe(false);
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
    expect(byId(zh, 'delete')!.label).toBe('删除');
    expect(byId(zh, 'import-report')!.label).toBe('导入报告…');
    expect(byId(en, 'import-report')!.label).toBe('Import Report…');
    // every item other than separators has a label in both languages
    for (const items of [zh, en]) for (const i of items) if (i.type !== 'separator') expect(i.label, JSON.stringify(i.role ?? i.id)).toBeTruthy();
    // macOS shows no Windows-style mnemonics
    expect(build({ platform: 'darwin' }).template.map((m) => m.label)).toEqual(['汇报', '文件', '编辑', '视图', '放映', '窗口', '帮助']);
  });

  it('takes every label and shortcut from the command table', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const { items } = build({ language });
      for (const id of COMMAND_IDS) {
        const item = byId(items, id)!;
        expect(item.label, id).toBe(COMMANDS[id].label[language === 'en' ? 'en' : 'zh']);
        const first = COMMANDS[id].keys[0];
        expect(item.accelerator, id).toBe(first ? accelerator(first) : undefined);
      }
    }
    const { items } = build();
    expect(byId(items, 'import-report')!.accelerator).toBe('CmdOrCtrl+O');
    expect(byId(items, 'redo')!.accelerator).toBe('CmdOrCtrl+Y');
    expect(byId(items, 'move-down')!.accelerator).toBe('Alt+Down');
    const accelerators = items.map((i) => i.accelerator).filter(Boolean);
    expect(new Set(accelerators).size).toBe(accelerators.length); // no shortcut used twice
  });

  it('leaves the renderer its keys: shortcuts are shown, registered only for main-process commands and clipboard roles', () => {
    const { items } = build();
    for (const id of COMMAND_IDS) {
      const item = byId(items, id)!;
      if (!item.accelerator) continue;
      if (COMMANDS[id].runsIn === 'main' || COMMANDS[id].clipboard) expect(item.registerAccelerator, id).toBeUndefined();
      else expect(item.registerAccelerator, id).toBe(false);
    }
    expect(byId(items, 'present-start')).toMatchObject({ accelerator: 'F5', registerAccelerator: false });
    expect(byId(items, 'present-current')).toMatchObject({ accelerator: 'Shift+F5', registerAccelerator: false });
    expect(byId(items, 'delete')).toMatchObject({ accelerator: 'Delete', registerAccelerator: false });
    // macOS delivers text editing keys only through the menu: those are registered there.
    const mac = build({ platform: 'darwin' }).items;
    expect(byId(mac, 'undo')!.registerAccelerator).toBeUndefined();
    expect(byId(mac, 'delete')!.registerAccelerator).toBe(false);
  });

  it('calls back with the command id of every Huibao item, and offers each command once', () => {
    const { items, commands } = build();
    const ids = items.map((i) => i.id).filter(Boolean);
    // The menu offers every command of the catalogue, each once.
    expect([...ids].sort()).toEqual([...COMMAND_IDS].sort());
    const clicked = COMMAND_IDS.filter((id) => !COMMANDS[id].clipboard);
    for (const id of clicked) {
      const click = byId(items, id)!.click as unknown as () => void;
      click();
    }
    expect(commands).toEqual(clicked);
    // Cut, copy and paste are the platform's clipboard roles (the page's clipboard events run the commands).
    for (const id of ['cut', 'copy', 'paste'] as const) expect(byId(items, id)).toMatchObject({ role: id, label: COMMANDS[id].label.zh });
  });

  it('puts the slide commands in Edit, the theme in View and the shows in Slide Show', () => {
    const { template } = build({ language: 'en' });
    const edit = flatten(template.find((m) => m.label === '&Edit')!.submenu as MenuItemConstructorOptions[]).map((i) => i.id).filter(Boolean);
    expect(edit).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'select-all', 'new-slide', 'duplicate', 'hide', 'move-up', 'move-down', 'emphasis', 'insert-picture']);
    const view = flatten(template.find((m) => m.label === '&View')!.submenu as MenuItemConstructorOptions[]).map((i) => i.id).filter(Boolean);
    expect(view[0]).toBe('theme');
    const show = flatten(template.find((m) => m.label === '&Slide Show')!.submenu as MenuItemConstructorOptions[]).map((i) => i.id).filter(Boolean);
    expect(show).toEqual(['present-start', 'present-current', 'present-console']);
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
