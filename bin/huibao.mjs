#!/usr/bin/env node
// The `huibao` command: a shim over the bundle build.mjs makes from decks/node/cli.ts.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('huibao: not built yet; run `npm run build` in the Huibao folder first · 尚未构建，请先运行 npm run build\n');
  process.exit(1);
}
const { runCommandLine } = await import(bundle.href);
await runCommandLine();
