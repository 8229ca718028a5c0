// Saving a file the core made (an export) through the browser's own download: a Blob URL clicked as <a download>.
// Works the same on both hosts (Electron asks where to save; a browser saves to its downloads folder).
import { base64ToBytes } from '../library/base64.ts';

export function downloadFile(file: { fileName: string; mime: string; dataBase64: string }): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.dataBase64)], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is released once it surely has the bytes.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
