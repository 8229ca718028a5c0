// Reading a .huibao file from disk for `openBundle` (the `huibao open-bundle` command, the Electron host's Open
// menu, double-click and second launch): the size is checked before reading, and every failure is a BUNDLE_INVALID.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiError, FILE_LIMITS, type Args } from '../../common/api.ts';

export function readBundleFile(path: string): Args<'openBundle'> {
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new ApiError('BUNDLE_INVALID', `${path} 不是文件`, `${path} is not a file`);
    if (st.size > FILE_LIMITS.bundleBytes) {
      const max = FILE_LIMITS.bundleBytes / 1024 / 1024;
      throw new ApiError('BUNDLE_INVALID', `文件过大（最多 ${max} MB）：${path}`, `The file is too large (at most ${max} MB): ${path}`);
    }
    return { fileName: basename(path).slice(0, 255) || 'bundle.huibao', dataBase64: readFileSync(path).toString('base64') };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const why = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new ApiError('BUNDLE_INVALID', `无法读取文件 ${path}（${why}）`, `Cannot read the file ${path} (${why})`);
  }
}
