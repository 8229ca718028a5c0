// Writing an exported file so that it is there completely or not at all (the CLI's --out, the desktop app's Save).
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../common/api.ts';

/** Writes beside the target, then renames: a crash or a full disk never leaves half a file under the target's name. */
export function writeFileWhole(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    const why = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err));
    throw new ApiError('EXPORT_FAILED', `无法写入文件 ${path}（${why}）`, `Cannot write the file ${path} (${why})`);
  }
}
