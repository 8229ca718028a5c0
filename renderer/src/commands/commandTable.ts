// The renderer's command objects: the catalogue's id, labels and shortcuts (decks/common/commands.ts) with what the
// command does and when it can. The toolbar, the sorter, its context menu, the canvas, the keyboard and the native
// menu all run commands through these objects, so each command is written once. Pure (no React, no DOM globals),
// tested in Node.
import { COMMANDS, matchesShortcut, parseShortcut, shortcutLabel, type CommandId, type CommandInfo, type KeyLike } from '../../../decks/common/commands.ts';

/**
 * Where the focus may be for a command's key to run it. Inside a text field the text meaning of a key wins
 * (Delete deletes a character, Ctrl+C copies text), so slide commands answer their keys only outside one.
 * - `outsideText`: not in any text field (the default);
 * - `exceptFormFields`: also in the slide texts (undo: the editor's history holds the typing too), not in a form field;
 * - `slideText`: only in a slide text (emphasis);
 * - `anywhere`: keys without a text meaning (F5, Ctrl+S, Ctrl+M).
 */
export type KeyScope = 'outsideText' | 'exceptFormFields' | 'slideText' | 'anywhere';

/** What has the focus: nothing that takes text, a slide text (`data-field`), or another text field. */
export type FocusKind = 'none' | 'slideText' | 'formField';

/** What a command gets besides its context when it was asked through a clipboard event. */
export interface CommandInput {
  clipboard?: DataTransfer | null;
}

export interface Command<C> {
  id: CommandId | (string & {});
  label: { zh: string; en: string };
  keys: readonly string[];
  clipboard?: CommandInfo['clipboard'];
  keyScope?: KeyScope;
  /**
   * The command's meaning in a text field (`document.execCommand` name): a menu asking for the command while a
   * text field has the focus does this instead — Edit › Delete deletes the selected text there, slides elsewhere.
   */
  textAction?: 'undo' | 'redo' | 'delete' | 'selectAll';
  enabled(ctx: C): boolean;
  /** For toggles (Hide): whether it is on now. */
  checked?(ctx: C): boolean;
  run(ctx: C, input?: CommandInput): void | Promise<unknown>;
}

/** A command of the catalogue, with its behaviour. */
export function command<C>(id: CommandId, impl: Omit<Command<C>, 'id' | 'label' | 'keys' | 'clipboard'>): Command<C> {
  const info = COMMANDS[id];
  return { id, label: info.label, keys: info.keys, ...(info.clipboard ? { clipboard: info.clipboard } : {}), ...impl };
}

/** Whether each command can run now, and whether each toggle is on, by id: what buttons and menus draw. */
export type CommandStates = Readonly<Record<string, { enabled: boolean; checked?: boolean }>>;

export function commandStates<C>(commands: readonly Command<C>[], ctx: C): CommandStates {
  return Object.fromEntries(commands.map((c) => [c.id, { enabled: c.enabled(ctx), ...(c.checked ? { checked: c.checked(ctx) } : {}) }]));
}

export interface FocusTarget {
  tagName: string;
  isContentEditable?: boolean;
  type?: string;
  dataset?: Record<string, string | undefined>;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'number', 'password', 'tel', 'url', '']);

export function focusKind(el: FocusTarget | null | undefined): FocusKind {
  if (!el) return 'none';
  // Slide texts, and the fields whose typing the editor's undo history records.
  if (el.dataset?.field !== undefined || el.dataset?.appUndo !== undefined) return 'slideText';
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return 'formField';
  if (el.tagName === 'INPUT') return TEXT_INPUTS.has((el.type ?? '').toLowerCase()) ? 'formField' : 'none';
  return 'none';
}

export function keyRuns(scope: KeyScope, focus: FocusKind): boolean {
  switch (scope) {
    case 'anywhere':
      return true;
    case 'outsideText':
      return focus === 'none';
    case 'exceptFormFields':
      return focus !== 'formField';
    case 'slideText':
      return focus === 'slideText';
  }
}

/** The command a key press asks for where the focus is, or null. Clipboard keys come as clipboard events instead. */
export function commandForKey<C>(commands: readonly Command<C>[], e: KeyLike, focus: FocusKind, mac: boolean): Command<C> | null {
  for (const cmd of commands) {
    if (cmd.clipboard || !keyRuns(cmd.keyScope ?? 'outsideText', focus)) continue;
    if (cmd.keys.some((k) => matchesShortcut(e, parseShortcut(k), mac))) return cmd;
  }
  return null;
}

/** The shortcut shown for a command (its first), or null. */
export function shortcutOf(cmd: Pick<Command<unknown>, 'keys'>, mac: boolean): string | null {
  return cmd.keys[0] ? shortcutLabel(cmd.keys[0], mac) : null;
}

/** A tooltip: the label, then the shortcut in brackets (“复制幻灯片 (Ctrl+D)”). */
export function tooltipOf(label: string, cmd: Pick<Command<unknown>, 'keys'>, mac: boolean): string {
  const shortcut = shortcutOf(cmd, mac);
  return shortcut ? `${label} (${shortcut})` : label;
}

export function isMacPlatform(platform: string): boolean {
  return /Mac|iPhone|iPad/.test(platform);
}
