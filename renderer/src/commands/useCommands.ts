// Runs a page's commands from every way of asking: keys (one listener on the window, after the focused element had
// its say), clipboard events (Ctrl+C/X/V and Edit › Cut/Copy/Paste arrive as these, outside text fields), the native
// menu (command ids from the desktop host) and clicks (toolbar, context menu) through `run`.
import { useCallback, useEffect, useRef } from 'react';
import type { CommandId } from '../../../decks/common/commands.ts';
import { commandForKey, commandStates, focusKind, isMacPlatform, keyRuns, type Command, type CommandInput, type CommandStates } from './commandTable.ts';

export const mac = typeof navigator !== 'undefined' && isMacPlatform(navigator.platform);

// ---- The native menu: one listener for the window, handed to the page that has commands (the latest mounted) ----

type MenuHandler = (id: CommandId) => boolean;
const menuHandlers: MenuHandler[] = [];

/** A page answering menu commands while mounted; returns true for an id it handled. Returns the remover. */
export function onMenuCommand(handler: MenuHandler): () => void {
  menuHandlers.push(handler);
  return () => {
    const at = menuHandlers.lastIndexOf(handler);
    if (at >= 0) menuHandlers.splice(at, 1);
  };
}

/** The desktop host's menu, once for the app: each id goes to the newest page that takes it, else to `fallback`. */
export function listenToNativeMenu(fallback: MenuHandler): () => void {
  const bridge = (window as { huibao?: { onCommand?(listener: (id: CommandId) => void): () => void } }).huibao;
  if (!bridge?.onCommand) return () => undefined;
  return bridge.onCommand((id) => {
    for (let i = menuHandlers.length - 1; i >= 0; i--) if (menuHandlers[i]!(id)) return;
    fallback(id);
  });
}

function activeElement(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement ? document.activeElement : null;
}

/** Whether text the user selected on the page (nothing focused) is what Ctrl+C means. */
function textSelected(): boolean {
  const sel = document.getSelection();
  return activeElement() === document.body && !!sel && !sel.isCollapsed && sel.toString().trim() !== '';
}

/**
 * A command asked for by a menu or a click. In a text field a command with a text meaning does that (Edit › Delete
 * deletes the selected text there); clipboard commands go through the clipboard event the browser fires.
 */
export function runCommand<C>(cmd: Command<C>, ctx: C): void {
  const focus = focusKind(activeElement());
  if (cmd.textAction && !keyRuns(cmd.keyScope ?? 'outsideText', focus)) {
    document.execCommand(cmd.textAction);
    return;
  }
  // The browser fires the clipboard event (and our listener runs the command with the clipboard) when it may; a
  // page may not read the clipboard unasked, so Paste from a context menu falls back to what this window copied.
  if (cmd.clipboard && document.execCommand(cmd.clipboard)) return;
  if (!cmd.enabled(ctx)) return;
  void cmd.run(ctx);
}

/** Installs the keys, clipboard events and menu commands of `commands` while mounted; `context` is read at each use. */
export function useCommands<C>(commands: readonly Command<C>[], context: () => C): (cmd: Command<C>) => void {
  const latest = useRef({ commands, context });
  latest.current = { commands, context };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const cmd = commandForKey(latest.current.commands, e, focusKind(e.target as HTMLElement | null), mac);
      if (!cmd) return;
      // The key is ours even when the command cannot run now (F5 must never reload the page).
      e.preventDefault();
      const ctx = latest.current.context();
      if (cmd.enabled(ctx)) void cmd.run(ctx);
    };
    const onClipboard = (e: ClipboardEvent) => {
      if (focusKind(activeElement()) !== 'none' || textSelected()) return;
      const cmd = latest.current.commands.find((c) => c.clipboard === e.type);
      if (!cmd) return;
      const ctx = latest.current.context();
      e.preventDefault();
      if (cmd.enabled(ctx)) void cmd.run(ctx, { clipboard: e.clipboardData } satisfies CommandInput);
    };
    window.addEventListener('keydown', onKey);
    for (const type of ['copy', 'cut', 'paste'] as const) document.addEventListener(type, onClipboard);
    const stopMenu = onMenuCommand((id) => {
      const cmd = latest.current.commands.find((c) => c.id === id);
      if (!cmd) return false;
      runCommand(cmd, latest.current.context());
      return true;
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      for (const type of ['copy', 'cut', 'paste'] as const) document.removeEventListener(type, onClipboard);
      stopMenu();
    };
  }, []);

  return useCallback((cmd: Command<C>) => runCommand(cmd, latest.current.context()), []);
}

/** The commands' states for drawing, the same object while they stay the same (so memoised toolbars skip renders). */
export function useCommandStates<C>(commands: readonly Command<C>[], ctx: C): CommandStates {
  const states = commandStates(commands, ctx);
  const key = JSON.stringify(states);
  const kept = useRef<{ key: string; states: CommandStates } | null>(null);
  if (kept.current?.key !== key) kept.current = { key, states };
  return kept.current.states;
}
