// A right-click menu of commands (the sorter's): each item is a command of the table with its label, its shortcut and
// whether it can run now. Opens at the pointer (or under the current row from the keyboard: Shift+F10, the menu
// key), moves with the arrow keys, closes on Esc, a click elsewhere or after running an item; focus then goes back.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLang } from '../i18n/I18nProvider.tsx';
import { ariaShortcuts } from './CommandButton.tsx';
import { shortcutOf, type Command } from './commandTable.ts';
import { mac } from './useCommands.ts';

export interface ContextMenuProps<C> {
  x: number;
  y: number;
  label: string;
  /** Commands in order; null draws a separator. */
  items: readonly (Command<C> | null)[];
  ctx: C;
  run(command: Command<C>): void;
  onClose(): void;
}

export function ContextMenu<C>({ x, y, label, items, ctx, run, onClose }: ContextMenuProps<C>) {
  const [lang] = useLang();
  const menu = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  // Inside the window: flipped up or left when it would run off the edge.
  useLayoutEffect(() => {
    const el = menu.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    el.style.left = `${Math.max(4, x + box.width > window.innerWidth ? x - box.width : x)}px`;
    el.style.top = `${Math.max(4, y + box.height > window.innerHeight ? y - box.height : y)}px`;
  }, [x, y]);

  useEffect(() => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    menu.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
    const away = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    const blur = () => onClose();
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('blur', blur);
      // Back where it was — unless the command put the focus somewhere on purpose (a new slide's title).
      const now = document.activeElement;
      if (!now || now === document.body || menu.current?.contains(now) || !now.isConnected) returnTo.current?.focus({ preventScroll: true });
    };
  }, [onClose]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const all = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []);
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(all.length - 1);
    else return;
    e.preventDefault();
    // The menu's keys are its own: the editor's shortcuts do not act behind it.
    e.stopPropagation();
  };

  return (
    <div ref={menu} className="context-menu" role="menu" aria-label={label} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {items.map((cmd, i) => {
        if (!cmd) return <div key={`sep-${i}`} role="separator" className="context-menu-separator" />;
        const enabled = cmd.enabled(ctx);
        const checked = cmd.checked?.(ctx);
        const shortcut = shortcutOf(cmd, mac);
        return (
          <button
            key={cmd.id}
            type="button"
            role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
            aria-checked={checked}
            aria-disabled={!enabled || undefined}
            aria-keyshortcuts={ariaShortcuts(cmd.keys)}
            tabIndex={-1}
            className="context-menu-item"
            onClick={() => {
              if (!enabled) return;
              // Run before closing: a clipboard command must run while this click is the user's gesture.
              run(cmd);
              onClose();
            }}
          >
            <span className="context-menu-check" aria-hidden="true">
              {checked ? '✓' : ''}
            </span>
            <span className="context-menu-label">{cmd.label[lang]}</span>
            {shortcut && <span className="context-menu-shortcut">{shortcut}</span>}
          </button>
        );
      })}
    </div>
  );
}
