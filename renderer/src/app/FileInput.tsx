// The hidden file input behind a button that opens the system's file chooser (the library's import, the editor's
// pictures): one file at a time, handed on and forgotten, so choosing the same file again still counts.
import type { RefObject } from 'react';

export function FileInput({ inputRef, accept, testId, onFile }: { inputRef: RefObject<HTMLInputElement | null>; accept: string; testId: string; onFile(file: File): void }) {
  return (
    <input
      ref={inputRef}
      className="visually-hidden"
      type="file"
      accept={accept}
      tabIndex={-1}
      aria-hidden="true"
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        e.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
