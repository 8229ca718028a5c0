// A short message at the bottom of the window, with at most one action (e.g. 撤销 / Undo); it goes away by itself.
import { useEffect } from 'react';

export interface ToastMessage {
  id: number;
  text: string;
  action?: { label: string; run(): void };
}

export function Toast({ toast, onDone }: { toast: ToastMessage | null; onDone(): void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(onDone, toast.action ? 10_000 : 5_000);
    return () => window.clearTimeout(timer);
  }, [toast, onDone]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast && (
        <div className="toast" key={toast.id}>
          <span className="toast-text">{toast.text}</span>
          {toast.action && (
            <>
              <span className="toast-sep" aria-hidden="true">
                ·
              </span>
              <button
                type="button"
                className="toast-action"
                onClick={() => {
                  toast.action?.run();
                  onDone();
                }}
              >
                {toast.action.label}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
