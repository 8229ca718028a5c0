// The catalogue of Huibao's commands: ids, labels in both languages and shortcuts. Pure data, shared by the desktop
// host (the native menu is built from it and sends only command ids) and the renderer (which attaches to each id
// what it does and when it can, in renderer/src/commands/). Adding a command is adding one entry here and one
// object there.
//
// Shortcuts are written once, in a platform-neutral form: `Mod` is Ctrl (⌘ on macOS), keys are KeyboardEvent.key
// names (`ArrowDown`, `Delete`, `F5`, a letter). The first shortcut of a command is the one menus and tooltips show.

export const COMMAND_IDS = [
  // File
  'import-report',
  'open-bundle',
  'library',
  'save-version',
  'refresh-report',
  'approve',
  'export-pdf',
  'export-pdf-notes',
  'export-pptx',
  'export-html',
  'export-html-notes',
  'export-bundle',
  // Edit
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'delete',
  'select-all',
  'new-slide',
  'duplicate',
  'hide',
  'move-up',
  'move-down',
  'emphasis',
  // Insert, Design
  'insert-picture',
  'theme',
  // Slide show
  'present-start',
  'present-current',
  'present-console',
  // View, Help
  'language-zh-CN',
  'language-en',
  'open-data-folder',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export interface CommandInfo {
  id: CommandId;
  label: { zh: string; en: string };
  /** Shortcuts, in the form described above; the first is shown. */
  keys: readonly string[];
  /**
   * `main`: runs in the desktop host's main process (its file dialogs, the data folder, the menu's language); the
   * browser host has no such command. Every other command runs in the renderer, whichever way it was asked for.
   */
  runsIn?: 'main';
  /**
   * Delivered through the platform's clipboard: the native menu uses Electron's role (which fires the page's
   * cut/copy/paste event), and the page answers that event — the only way a page may read the clipboard unasked.
   */
  clipboard?: 'cut' | 'copy' | 'paste';
}

const c = (id: CommandId, zh: string, en: string, keys: readonly string[] = [], more: Partial<CommandInfo> = {}): CommandInfo => ({
  id,
  label: { zh, en },
  keys,
  ...more,
});

/** Every command, in the order of COMMAND_IDS. */
export const COMMANDS: Readonly<Record<CommandId, CommandInfo>> = Object.fromEntries(
  [
    c('import-report', '导入报告…', 'Import Report…', ['Mod+O'], { runsIn: 'main' }),
    c('open-bundle', '打开 .huibao 文件…', 'Open .huibao File…', ['Mod+Shift+O'], { runsIn: 'main' }),
    c('library', '演示文稿库', 'Deck Library', ['Mod+Shift+L']),
    c('save-version', '保存版本', 'Save Version', ['Mod+S']),
    c('refresh-report', '用新版报告更新…', 'Update from a Revised Report…'),
    c('approve', '定稿…', 'Sign Off…'),
    c('export-pdf', 'PDF…', 'PDF…', ['Mod+P']),
    c('export-pdf-notes', 'PDF 讲义（含备注）…', 'PDF Handout with Notes…'),
    c('export-pptx', 'PowerPoint (.pptx)…', 'PowerPoint (.pptx)…'),
    c('export-html', '网页（用于发送，不含备注）…', 'Web Page to Send, without Notes…'),
    c('export-html-notes', '网页（含演讲备注）…', 'Web Page with Speaker Notes…'),
    c('export-bundle', '汇报文件 (.huibao)…', 'Huibao Bundle (.huibao)…'),
    c('undo', '撤销', 'Undo', ['Mod+Z']),
    c('redo', '重做', 'Redo', ['Mod+Y', 'Mod+Shift+Z']),
    c('cut', '剪切', 'Cut', ['Mod+X'], { clipboard: 'cut' }),
    c('copy', '复制', 'Copy', ['Mod+C'], { clipboard: 'copy' }),
    c('paste', '粘贴', 'Paste', ['Mod+V'], { clipboard: 'paste' }),
    c('delete', '删除', 'Delete', ['Delete', 'Backspace']),
    c('select-all', '全选', 'Select All', ['Mod+A']),
    c('new-slide', '新建幻灯片', 'New Slide', ['Mod+M']),
    c('duplicate', '复制幻灯片', 'Duplicate Slide', ['Mod+D']),
    c('hide', '隐藏幻灯片', 'Hide Slide'),
    c('move-up', '上移', 'Move Up', ['Alt+ArrowUp', 'Mod+ArrowUp']),
    c('move-down', '下移', 'Move Down', ['Alt+ArrowDown', 'Mod+ArrowDown']),
    c('emphasis', '强调', 'Emphasis', ['Mod+B']),
    c('insert-picture', '插入图片…', 'Insert Picture…'),
    c('theme', '主题…', 'Theme…'),
    c('present-start', '从头开始放映', 'Play from Start', ['F5']),
    c('present-current', '从当前幻灯片放映', 'Play from Current Slide', ['Shift+F5']),
    c('present-console', '演讲者视图', 'Presenter View', ['Alt+F5']),
    c('language-zh-CN', '中文', '中文', [], { runsIn: 'main' }),
    c('language-en', 'English', 'English', [], { runsIn: 'main' }),
    c('open-data-folder', '打开数据文件夹', 'Open Data Folder', [], { runsIn: 'main' }),
  ].map((info) => [info.id, info]),
) as Record<CommandId, CommandInfo>;

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && (COMMAND_IDS as readonly string[]).includes(value);
}

// ---- Shortcuts ----

export interface Shortcut {
  /** Ctrl on Windows and Linux, ⌘ on macOS. */
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** A KeyboardEvent.key, letters in lower case. */
  key: string;
}

export function parseShortcut(text: string): Shortcut {
  const parts = text.split('+');
  const key = parts.pop()!;
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key: key.length === 1 ? key.toLowerCase() : key };
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a key press is exactly this shortcut (no modifier more or less). */
export function matchesShortcut(e: KeyLike, shortcut: Shortcut, mac: boolean): boolean {
  const mod = mac ? e.metaKey : e.ctrlKey;
  const other = mac ? e.ctrlKey : e.metaKey;
  if (mod !== shortcut.mod || other || e.altKey !== shortcut.alt || e.shiftKey !== shortcut.shift) return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return key === shortcut.key;
}

const ACCELERATOR_KEYS: Record<string, string> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', ' ': 'Space' };

/** Electron's accelerator for a shortcut: `Mod+Shift+Z` → `CmdOrCtrl+Shift+Z`, `Alt+ArrowDown` → `Alt+Down`. */
export function accelerator(text: string): string {
  const s = parseShortcut(text);
  const key = ACCELERATOR_KEYS[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  return [s.mod ? 'CmdOrCtrl' : '', s.alt ? 'Alt' : '', s.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}

const SHOWN_KEYS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Delete: 'Delete', Backspace: 'Backspace', ' ': 'Space' };

/** A shortcut as people read it: `Ctrl+Shift+Z` (⇧⌘Z on macOS), `Alt+↓`, `F5`. */
export function shortcutLabel(text: string, mac: boolean): string {
  const s = parseShortcut(text);
  const key = SHOWN_KEYS[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  if (mac) return `${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${s.mod ? '⌘' : ''}${key}`;
  return [s.mod ? 'Ctrl' : '', s.alt ? 'Alt' : '', s.shift ? 'Shift' : '', key].filter(Boolean).join('+');
}
