// The `huibao` command as scripts use it: spawned from bin/huibao.mjs over the built bundle, on a temp database.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const bin = join(root, 'bin', 'huibao.mjs');
const sample = join(root, 'decks', 'samples', 'shangyu-youth-city.txt');
let dir: string;
let env: NodeJS.ProcessEnv;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function huibao(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, cwd: dir, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function lastJson(out: string): Record<string, unknown> {
  const lines = out.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

function fileHash(path: string): string {
  const h = createHash('sha256');
  for (const p of [path, `${path}-wal`]) if (existsSync(p)) h.update(readFileSync(p));
  return h.digest('hex');
}

beforeAll(() => {
  // `npm test` builds before any suite runs; rebuilding here would swap dist/ under tests running in parallel.
  if (!existsSync(join(root, 'dist/cli.mjs'))) throw new Error('dist/cli.mjs is missing: run `node build.mjs` first');
  dir = mkdtempSync(join(tmpdir(), 'huibao-cli-'));
  // Keep every run away from the real user folder, whatever the machine's environment says.
  env = { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), APPDATA: join(dir, 'config'), HUIBAO_DB: '' };
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('huibao --help', () => {
  it('explains every command', async () => {
    const r = await huibao(['--help']);
    expect(r.code).toBe(0);
    for (const usage of ['huibao import FILE', 'huibao decks', 'huibao show DECK_ID', 'huibao figure set DECK_ID KEY VALUE', 'huibao serve', 'huibao help', '--db PATH', '--json']) {
      expect(r.stdout).toContain(usage);
    }
    const one = await huibao(['help', 'serve']);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('#token=');
    expect((await huibao(['figure', '--help'])).stdout).toContain('VALUE');
  });

  it('exits 2 with one line for a wrong command line', async () => {
    for (const args of [['bogus'], ['show'], ['serve', '--port', 'abc'], ['decks', '--title', 'x'], ['decks', '--nope'], ['figure', 'get', 'a', 'b']]) {
      const r = await huibao(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^huibao: /);
    }
  });
});

describe('huibao on a database', () => {
  let db: string;
  let deckId: string;

  beforeAll(() => {
    db = join(dir, 'data', 'huibao.db');
    mkdirSync(join(dir, 'data'), { recursive: true });
  });

  it('decks --json on a new database prints {"decks":[]}', async () => {
    const r = await huibao(['decks', '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lastJson(r.stdout)).toEqual({ decks: [] });
  });

  it('imports the sample report and lists it', async () => {
    const r = await huibao(['import', sample, '--db', db, '--title', '上虞青年城汇报', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lastJson(r.stdout) as { deckId: string; slides: number; figures: number; warnings: unknown[] };
    expect(Object.keys(out).sort()).toEqual(['consistency', 'deckId', 'figures', 'slides', 'warnings']);
    expect(out.slides).toBeGreaterThan(3);
    expect(out.figures).toBeGreaterThan(3);
    deckId = out.deckId;
    const list = lastJson((await huibao(['decks', '--db', db, '--json'])).stdout) as { decks: Record<string, unknown>[] };
    expect(list.decks).toEqual([{ id: deckId, title: '上虞青年城汇报', slides: out.slides, updated: expect.any(String) }]);
  });

  it('show --json prints the whole deck in the documented shape', async () => {
    const r = await huibao(['show', deckId, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const deck = lastJson(r.stdout) as { id: string; slides: Record<string, unknown>[]; figures: Record<string, unknown>[] };
    expect(Object.keys(deck).sort()).toEqual(['assets', 'figures', 'id', 'sections', 'slides', 'title', 'warnings']);
    expect(deck.id).toBe(deckId);
    expect(Object.keys(deck.slides[0]!).sort()).toEqual(['blocks', 'hidden', 'id', 'layout', 'notes', 'section', 'title']);
    expect(Object.keys(deck.figures[0]!).sort()).toEqual(['display', 'key', 'label', 'source', 'unit', 'value']);
  });

  it('show of a missing deck exits 1 with one line on stderr and no stack unless --debug', async () => {
    const r = await huibao(['show', 'no-such-deck', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^huibao: .*no-such-deck.* · /);
    const debug = await huibao(['show', 'no-such-deck', '--db', db, '--debug']);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
    const json = await huibao(['show', 'no-such-deck', '--db', db, '--json']);
    expect(lastJson(json.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('figure set with a non-number fails and leaves the database unchanged', async () => {
    const shown = lastJson((await huibao(['show', deckId, '--db', db, '--json'])).stdout) as { figures: { key: string; display: string }[] };
    const key = shown.figures[0]!.key;
    const before = fileHash(db);
    for (const value of ['abc', '五点五', '1e400', '']) {
      const r = await huibao(['figure', 'set', deckId, key, value, '--db', db]);
      expect(r.code, value).not.toBe(0);
      expect(r.stderr.trimEnd().split('\n'), value).toHaveLength(1);
    }
    expect(fileHash(db)).toBe(before);
    const missing = await huibao(['figure', 'set', deckId, 'no-such-key', '5', '--db', db]);
    expect(missing.code).toBe(1);
    expect(fileHash(db)).toBe(before);
  });

  it('figure set with a number changes the figure shown by show', async () => {
    const shown = lastJson((await huibao(['show', deckId, '--db', db, '--json'])).stdout) as { figures: { key: string; value: number }[] };
    const key = shown.figures[0]!.key;
    const r = await huibao(['figure', 'set', deckId, key, '1234.5', '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({ deckId, key, value: 1234.5 });
    const after = lastJson((await huibao(['show', deckId, '--db', db, '--json'])).stdout) as { figures: { key: string; value: number }[] };
    expect(after.figures.find((f) => f.key === key)?.value).toBe(1234.5);
  });

  it('import of a missing file exits 1 with one line', async () => {
    const r = await huibao(['import', join(dir, 'missing.txt'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('huibao serve', () => {
  it('prints the URL with the token, answers 401 without it, serves / and stops on SIGTERM', async () => {
    const db = join(dir, 'serve.db');
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--no-open', '--json', '--db', db], { env, cwd: dir });
    try {
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      const info = await new Promise<{ url: string; port: number; token: string }>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 20_000);
        child.stdout.on('data', () => {
          const m = /\{"url".*\}\n/.exec(out);
          if (m) {
            clearTimeout(t);
            resolve(JSON.parse(m[0]) as { url: string; port: number; token: string });
          }
        });
        child.on('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      expect(out).toContain(`Huibao: http://127.0.0.1:${info.port}/#token=${info.token}\n`);
      expect(info.url).toBe(`http://127.0.0.1:${info.port}/#token=${info.token}`);
      const api = `http://127.0.0.1:${info.port}/api/listDecks`;
      const denied = await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(denied.status).toBe(401);
      const ok = await fetch(api, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${info.token}` }, body: '{}' });
      const env_ = (await ok.json()) as { ok: boolean; result: { decks: { title: string }[] } };
      // The first start imports the sample report.
      expect(env_.ok).toBe(true);
      expect(env_.result.decks).toHaveLength(1);
      const page = await fetch(`http://127.0.0.1:${info.port}/`);
      expect(page.status).toBe(existsSync(join(root, 'dist', 'renderer', 'index.html')) ? 200 : 404);
    } finally {
      const exited = child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
