// A toolbar button for a command: its label and shortcut come from the command table (the tooltip shows the
// shortcut), it is disabled when the command cannot run, and a click runs it the way a key or menu would.
import type { ReactNode } from 'react';
import { useLang } from '../i18n/I18nProvider.tsx';
import { tooltipOf, type Command } from './commandTable.ts';
import { mac } from './useCommands.ts';

export interface CommandButtonProps<C> {
  command: Command<C>;
  ctx: C;
  run(command: Command<C>): void;
  icon: ReactNode;
  /** Shown instead of the command's own label (a toggle's current meaning, “取消隐藏”). */
  label?: string;
  /** Only the icon shows; the label names the button for assistive tech and in the tooltip. */
  iconOnly?: boolean;
  className?: string;
}

export function CommandButton<C>({ command, ctx, run, icon, label, iconOnly, className }: CommandButtonProps<C>) {
  const [lang] = useLang();
  const name = label ?? command.label[lang];
  const checked = command.checked?.(ctx);
  return (
    <button
      type="button"
      className={['tool-button', iconOnly ? 'icon-only' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-label={iconOnly ? name : undefined}
      aria-keyshortcuts={command.keys.length > 0 ? command.keys.map((k) => k.replace('Mod', mac ? 'Meta' : 'Control')).join(' ') : undefined}
      aria-pressed={checked}
      title={tooltipOf(name, command, mac)}
      disabled={!command.enabled(ctx)}
      // Keep the caret where it was in the slide text: a toolbar button must not take focus from it on mouse down.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => run(command)}
    >
      {icon}
      {!iconOnly && <span className="tool-label">{name}</span>}
    </button>
  );
}
