#!/usr/bin/env node
// The `huibao` command: a shim over the bundle build.mjs makes from decks/node/cli.ts.
import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

// V8's compiled code for the bundle, kept by Node between runs, so a command started again does not compile its
// modules again (about 40 ms of every start). In the user's own cache folder, not the shared temp folder, where
// another account could leave code for us to load.
const userCache =
  process.platform === 'win32' ? (process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'))
  : process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches')
  : (process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'));
enableCompileCache(join(userCache, 'huibao', 'node-compile-cache'));

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('huibao: not built yet; run `npm run build` in the Huibao folder first · 尚未构建，请先运行 npm run build\n');
  process.exit(1);
}
const { runCommandLine } = await import(bundle.href);
await runCommandLine();
