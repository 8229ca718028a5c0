// The native menu, in Chinese or English, built from the command catalogue (decks/common/commands.ts): each
// Huibao item is a command id with the catalogue's label and shortcut, and clicking it only reports the id — the
// renderer runs it (index.ts forwards it), except the few that need the main process (file dialogs, the data
// folder, the menu's language). A pure function returns the template (Electron's MenuItemConstructorOptions,
// imported as a type only) so it is tested without the Electron binary. Menu-level items (Quit, Zoom, Window …)
// use Electron roles, which bring the platform's own behaviour.
import type { MenuItemConstructorOptions } from 'electron';
import { accelerator, COMMANDS, type CommandId } from '../../decks/common/commands.ts';
import type { Language } from '../../decks/common/settings.ts';
import { appRouteOf } from './appRoutes.ts';

export interface MenuOptions {
  language: Language;
  platform: NodeJS.Platform;
  /** The product name shown in the macOS application menu. */
  appName: string;
  /** Adds reload and developer tools (never in a packaged app). */
  dev?: boolean;
  onCommand(command: CommandId): void;
}

type Label = { zh: string; en: string };
const L = {
  file: { zh: '文件(&F)', en: '&File' },
  edit: { zh: '编辑(&E)', en: '&Edit' },
  view: { zh: '视图(&V)', en: '&View' },
  present: { zh: '放映(&S)', en: '&Slide Show' },
  window: { zh: '窗口(&W)', en: '&Window' },
  help: { zh: '帮助(&H)', en: '&Help' },
  export: { zh: '导出', en: 'Export' },
  language: { zh: '语言 / Language', en: 'Language / 语言' },
  pasteAndMatchStyle: { zh: '粘贴并匹配样式', en: 'Paste and Match Style' },
  reload: { zh: '重新加载', en: 'Reload' },
  toggleDevTools: { zh: '开发者工具', en: 'Developer Tools' },
  resetZoom: { zh: '实际大小', en: 'Actual Size' },
  zoomIn: { zh: '放大', en: 'Zoom In' },
  zoomOut: { zh: '缩小', en: 'Zoom Out' },
  togglefullscreen: { zh: '全屏', en: 'Toggle Full Screen' },
  minimize: { zh: '最小化', en: 'Minimize' },
  zoom: { zh: '缩放', en: 'Zoom' },
  front: { zh: '全部置于顶层', en: 'Bring All to Front' },
  close: { zh: '关闭窗口', en: 'Close Window' },
  quit: { zh: '退出', en: 'Quit' },
  about: { zh: '关于', en: 'About' },
  services: { zh: '服务', en: 'Services' },
  hide: { zh: '隐藏', en: 'Hide' },
  hideOthers: { zh: '隐藏其他', en: 'Hide Others' },
  unhide: { zh: '全部显示', en: 'Show All' },
} satisfies Record<string, Label>;

/** The `&` mnemonics mean something only on Windows and Linux; macOS would show them literally. */
const stripMnemonic = (s: string) => s.replace(/\(&\w\)$/, '').replace(/&/g, '');

const MAC_MENU_KEYS = new Set<CommandId>(['undo', 'redo', 'select-all']);

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const lang = opts.language === 'en' ? 'en' : 'zh';
  const text = (label: Label) => (mac ? stripMnemonic(label[lang]) : label[lang]);
  const t = (key: keyof typeof L) => text(L[key]);
  const role = (r: NonNullable<MenuItemConstructorOptions['role']> & keyof typeof L, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => ({
    role: r,
    label: t(r),
    ...extra,
  });
  const command = (id: CommandId, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => {
    const info = COMMANDS[id];
    const shortcut = info.keys[0];
    const item: MenuItemConstructorOptions = { id, label: text(info.label), ...(shortcut ? { accelerator: accelerator(shortcut) } : {}) };
    // Cut, copy and paste go through the platform's clipboard (the role fires the page's clipboard event).
    if (info.clipboard) return { ...item, role: info.clipboard, ...extra };
    return {
      ...item,
      // The renderer reads its own keys (with one key map in both hosts, and text fields keeping theirs): a
      // registered accelerator would take the key before the page sees it. Main-process commands register theirs,
      // and so do the text-editing keys on macOS, which delivers those only through the menu.
      ...(shortcut && info.runsIn !== 'main' && !(mac && MAC_MENU_KEYS.has(id)) ? { registerAccelerator: false } : {}),
      click: () => opts.onCommand(id),
      ...extra,
    };
  };
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: opts.appName,
      submenu: [
        { role: 'about', label: `${t('about')} ${opts.appName}` },
        sep,
        role('services'),
        sep,
        { role: 'hide', label: `${t('hide')} ${opts.appName}` },
        role('hideOthers'),
        role('unhide'),
        sep,
        { role: 'quit', label: `${t('quit')} ${opts.appName}` },
      ],
    });
  }
  template.push({
    label: t('file'),
    submenu: [
      command('import-report'),
      command('open-bundle'),
      command('library'),
      sep,
      command('save-version'),
      command('refresh-report'),
      command('approve'),
      { label: t('export'), submenu: [command('export-pdf'), command('export-pdf-notes'), command('export-pptx'), command('export-html'), command('export-html-notes'), command('export-bundle')] },
      sep,
      role('close'),
      ...(mac ? [] : [sep, role('quit')]),
    ],
  });
  template.push({
    label: t('edit'),
    submenu: [
      command('undo'),
      command('redo'),
      sep,
      command('cut'),
      command('copy'),
      command('paste'),
      ...(mac ? [role('pasteAndMatchStyle')] : []),
      command('delete'),
      command('select-all'),
      sep,
      command('new-slide'),
      command('duplicate'),
      command('hide'),
      command('move-up'),
      command('move-down'),
      sep,
      command('emphasis'),
      sep,
      command('insert-picture'),
    ],
  });
  template.push({
    label: t('view'),
    submenu: [
      command('theme'),
      sep,
      {
        label: t('language'),
        submenu: [
          command('language-zh-CN', { type: 'radio', checked: opts.language === 'zh-CN' }),
          command('language-en', { type: 'radio', checked: opts.language === 'en' }),
        ],
      },
      sep,
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      sep,
      role('togglefullscreen'),
      ...(opts.dev ? [sep, role('reload'), role('toggleDevTools')] : []),
    ],
  });
  template.push({ label: t('present'), submenu: [command('present-start'), command('present-current'), sep, command('present-console')] });
  template.push({
    label: t('window'),
    ...(mac ? { role: 'window' as const } : {}),
    submenu: mac ? [role('minimize'), role('zoom'), sep, role('front')] : [role('minimize'), role('close')],
  });
  template.push({
    label: t('help'),
    ...(mac ? { role: 'help' as const } : {}),
    submenu: [command('open-data-folder'), ...(mac ? [] : [sep, role('about')])],
  });
  return template;
}
