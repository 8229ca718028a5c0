// The `huibao` command run in-process through main() on a temp database per test: what the CLI tests share.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { main } from '../../../decks/node/cli.ts';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Registers the hooks; `dir` (removed after each test) and `huibao(...)` are for use inside tests. */
export function useInProcessCli(prefix: string) {
  const ctx = { dir: '', db: '' };
  beforeEach(() => {
    ctx.dir = mkdtempSync(join(tmpdir(), prefix));
    ctx.db = join(ctx.dir, 'huibao.db');
  });
  afterEach(() => rmSync(ctx.dir, { recursive: true, force: true }));
  return {
    get dir() {
      return ctx.dir;
    },
    async huibao(...args: string[]): Promise<CliRun> {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main([...args, '--db', ctx.db], { out: (t) => out.push(t), err: (t) => err.push(t) });
      return { code, out, err };
    },
  };
}

/** The JSON object on the last line of stdout (what --json promises). */
export const lastJson = (lines: string[]) => JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
