// The native menu, in Chinese or English. A pure function returns the template (Electron's
// MenuItemConstructorOptions, imported as a type only) so it is tested without the Electron binary;
// the main process passes it to Menu.buildFromTemplate. Standard items use Electron roles, which
// bring the platform's own behaviour and shortcuts; Huibao's own items call back with a command id.
import type { MenuItemConstructorOptions } from 'electron';
import { deckIdOfRoute, type Route } from '../../decks/common/routes.ts';
import type { Language } from '../../decks/common/settings.ts';
import { appRouteOf } from './appRoutes.ts';

export const MENU_COMMANDS = [
  'import-report',
  'open-bundle',
  'library',
  'export-pdf',
  'export-pptx',
  'export-html',
  'export-bundle',
  'present-start',
  'present-current',
  'present-console',
  'language-zh-CN',
  'language-en',
  'open-data-folder',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export interface MenuOptions {
  language: Language;
  platform: NodeJS.Platform;
  /** The product name shown in the macOS application menu. */
  appName: string;
  /** Adds reload and developer tools (never in a packaged app). */
  dev?: boolean;
  onCommand(command: MenuCommand): void;
}

type Label = { zh: string; en: string };
const L = {
  file: { zh: '文件(&F)', en: '&File' },
  edit: { zh: '编辑(&E)', en: '&Edit' },
  view: { zh: '视图(&V)', en: '&View' },
  present: { zh: '放映(&S)', en: '&Slide Show' },
  window: { zh: '窗口(&W)', en: '&Window' },
  help: { zh: '帮助(&H)', en: '&Help' },
  'import-report': { zh: '导入报告…', en: 'Import Report…' },
  'open-bundle': { zh: '打开 .huibao 文件…', en: 'Open .huibao File…' },
  library: { zh: '演示文稿库', en: 'Deck Library' },
  export: { zh: '导出', en: 'Export' },
  'export-pdf': { zh: 'PDF…', en: 'PDF…' },
  'export-pptx': { zh: 'PowerPoint (.pptx)…', en: 'PowerPoint (.pptx)…' },
  'export-html': { zh: '网页 (.html)…', en: 'Web Page (.html)…' },
  'export-bundle': { zh: '汇报文件 (.huibao)…', en: 'Huibao Bundle (.huibao)…' },
  'present-start': { zh: '从头开始放映', en: 'Play from Start' },
  'present-current': { zh: '从当前幻灯片放映', en: 'Play from Current Slide' },
  'present-console': { zh: '演讲者视图', en: 'Presenter View' },
  language: { zh: '语言 / Language', en: 'Language / 语言' },
  'language-zh-CN': { zh: '中文', en: '中文' },
  'language-en': { zh: 'English', en: 'English' },
  'open-data-folder': { zh: '打开数据文件夹', en: 'Open Data Folder' },
  undo: { zh: '撤销', en: 'Undo' },
  redo: { zh: '重做', en: 'Redo' },
  cut: { zh: '剪切', en: 'Cut' },
  copy: { zh: '复制', en: 'Copy' },
  paste: { zh: '粘贴', en: 'Paste' },
  pasteAndMatchStyle: { zh: '粘贴并匹配样式', en: 'Paste and Match Style' },
  delete: { zh: '删除', en: 'Delete' },
  selectAll: { zh: '全选', en: 'Select All' },
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

/**
 * Shortcuts of Huibao's own commands. The slide-show keys are the ones PowerPoint and WPS use, and are
 * shown but not registered: the renderer handles F5 itself (it must in the browser host too), and a
 * registered menu accelerator would swallow the key before the page sees it.
 */
export const COMMAND_ACCELERATORS: Partial<Record<MenuCommand, string>> = {
  'import-report': 'CmdOrCtrl+O',
  'open-bundle': 'CmdOrCtrl+Shift+O',
  library: 'CmdOrCtrl+Shift+L',
  'export-pdf': 'CmdOrCtrl+P',
  'present-start': 'F5',
  'present-current': 'Shift+F5',
  'present-console': 'Alt+F5',
};
const SHOWN_NOT_REGISTERED = new Set<MenuCommand>(['present-start', 'present-current', 'present-console']);

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const mac = opts.platform === 'darwin';
  const lang = opts.language === 'en' ? 'en' : 'zh';
  const t = (key: keyof typeof L) => (mac ? stripMnemonic(L[key][lang]) : L[key][lang]);
  const role = (r: NonNullable<MenuItemConstructorOptions['role']> & keyof typeof L, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => ({
    role: r,
    label: t(r),
    ...extra,
  });
  const command = (id: MenuCommand, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => {
    const accelerator = COMMAND_ACCELERATORS[id];
    return {
      id,
      label: t(id as keyof typeof L),
      ...(accelerator ? { accelerator } : {}),
      ...(SHOWN_NOT_REGISTERED.has(id) ? { registerAccelerator: false } : {}),
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
      { label: t('export'), submenu: [command('export-pdf'), command('export-pptx'), command('export-html'), command('export-bundle')] },
      sep,
      role('close'),
      ...(mac ? [] : [sep, role('quit')]),
    ],
  });
  template.push({
    label: t('edit'),
    submenu: [
      role('undo'),
      role('redo'),
      sep,
      role('cut'),
      role('copy'),
      role('paste'),
      ...(mac ? [role('pasteAndMatchStyle')] : []),
      role('delete'),
      sep,
      role('selectAll'),
    ],
  });
  template.push({
    label: t('view'),
    submenu: [
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

/**
 * The route a slide-show command leads to from the window's current address, or null when no deck is open there.
 * The editor route carries no slide index, so "from current slide" can only keep an index already in a show
 * route; the renderer's own F5/Shift+F5 handling knows better.
 */
export function routeForPresentCommand(command: MenuCommand, currentUrl: string): Route | null {
  const current = appRouteOf(currentUrl);
  const deckId = current ? deckIdOfRoute(current) : null;
  if (deckId === null) return null;
  switch (command) {
    case 'present-start':
      return { name: 'present', deckId, slideIndex: 0 };
    case 'present-current':
      return { name: 'present', deckId, slideIndex: current?.name === 'present' ? current.slideIndex : 0 };
    case 'present-console':
      return { name: 'console', deckId };
    default:
      return null;
  }
}
