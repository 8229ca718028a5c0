// A small drop-down menu for the toolbar: a button, and a list of items reachable with the arrow keys; Esc closes it.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useOutsideClose } from '../app/useOutsideClose.ts';

export interface MenuItem {
  key: string;
  label: ReactNode;
  hint?: ReactNode;
  run(): void;
}

export function Menu({ label, icon, items, className, empty, onOpen }: { label: string; icon: ReactNode; items: MenuItem[]; className?: string; empty?: string; onOpen?: () => void }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);

  useOutsideClose(open, root, useCallback(() => setOpen(false), []));
  useEffect(() => {
    if (open) list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const onKey = (e: React.KeyboardEvent) => {
    const items = Array.from(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      root.current?.querySelector<HTMLElement>('button')?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length];
      next?.focus();
    }
  };

  return (
    <div className={`menu ${className ?? ''}`} ref={root}>
      <button
        type="button"
        // Keep the caret where it was in the slide text: the menu must not take focus from it on mouse down.
        onMouseDown={(e) => e.preventDefault()}
        className="tool-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {icon}
        <span className="tool-label">{label}</span>
      </button>
      {open && (
        <div className="menu-list" role="menu" aria-label={label} ref={list} onKeyDown={onKey}>
          {items.length === 0 && empty && <p className="menu-empty">{empty}</p>}
          {items.map((item) => (
            <button
              key={item.key}
              type="button"
              role="menuitem"
              className="menu-item"
              tabIndex={-1}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setOpen(false);
                item.run();
              }}
            >
              <span className="menu-item-label">{item.label}</span>
              {item.hint !== undefined && <span className="menu-item-hint">{item.hint}</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
