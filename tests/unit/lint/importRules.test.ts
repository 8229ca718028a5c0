// The import rules of docs/architecture.md are enforced by ESLint; these cases prove a wrong import is caught.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('import rules', () => {
  it.each([
    ['decks/common/x.ts', "import { readFileSync } from 'node:fs';"],
    ['decks/common/x.ts', "import Database from 'better-sqlite3';"],
    ['decks/common/x.ts', "import { createService } from '../node/service.ts';"],
    ['decks/node/x.ts', "import { app } from 'electron';"],
    ['decks/node/x.ts', "import { App } from '../../renderer/src/app/App.tsx';"],
    ['renderer/src/x.ts', "import { createService } from '../../decks/node/service.ts';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['electron/preload/x.ts', "import { createService } from '../../decks/node/service.ts';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await errorsFor(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['decks/node/x.ts', "import { methods } from '../common/api.ts';\nimport { readFileSync } from 'node:fs';"],
    ['renderer/src/x.ts', "import { methods } from '../../decks/common/api.ts';"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { createService } from '../../decks/node/service.ts';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nimport { METHOD_NAMES } from '../../decks/common/api.ts';"],
  ])('%s may: %s', async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([]);
  });

  it('the renderer may not render raw HTML', async () => {
    expect(await errorsFor('renderer/src/x.tsx', 'export const A = () => <div dangerouslySetInnerHTML={{ __html: "x" }} />;')).toContain('no-restricted-syntax');
    expect(await errorsFor('renderer/src/x.ts', 'document.body.innerHTML = "x";')).toContain('no-restricted-properties');
  });
});
