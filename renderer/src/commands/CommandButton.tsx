// A toolbar button for a command: its label and shortcut come from the command table (the tooltip shows the
// shortcut), it is disabled when the command cannot run, and a click runs it the way a key or menu would.
import { memo, type ReactNode } from 'react';
import { useLang } from '../i18n/I18nProvider.tsx';
import { tooltipOf, type Command } from './commandTable.ts';
import { mac } from './useCommands.ts';

export interface CommandButtonProps<C> {
  command: Command<C>;
  /** Whether it can run now (from the command's `enabled`), and for a toggle whether it is on. */
  state: { enabled: boolean; checked?: boolean };
  run(command: Command<C>): void;
  icon: ReactNode;
  /** Shown instead of the command's own label (a toggle's current meaning, “取消隐藏”). */
  label?: string;
  /** Only the icon shows; the label names the button for assistive tech and in the tooltip. */
  iconOnly?: boolean;
  className?: string;
}

/** The shortcuts for aria-keyshortcuts (`Mod` named as the platform's key). */
export function ariaShortcuts(keys: readonly string[]): string | undefined {
  return keys.length > 0 ? keys.map((k) => k.replace('Mod', mac ? 'Meta' : 'Control')).join(' ') : undefined;
}

function CommandButtonOf<C>({ command, state, run, icon, label, iconOnly, className }: CommandButtonProps<C>) {
  const [lang] = useLang();
  const name = label ?? command.label[lang];
  return (
    <button
      type="button"
      className={['tool-button', iconOnly ? 'icon-only' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-label={iconOnly ? name : undefined}
      aria-keyshortcuts={ariaShortcuts(command.keys)}
      aria-pressed={state.checked}
      title={tooltipOf(name, command, mac)}
      disabled={!state.enabled}
      // Keep the caret where it was in the slide text: a toolbar button must not take focus from it on mouse down.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => run(command)}
    >
      {icon}
      {!iconOnly && <span className="tool-label">{name}</span>}
    </button>
  );
}

export const CommandButton = memo(CommandButtonOf) as typeof CommandButtonOf;
