// `npm start` (electron/start.mjs): the Electron binary with its SQLite addon when both are there, otherwise one line
// saying why and the loopback host. The fallback runs dist/cli.mjs, so this needs a build first (npm test builds
// before testing). Finding and downloading the binary is tested in electronBinary.test.ts.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const start = join(root, 'electron', 'start.mjs');
let dir: string;
let addon: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-start-'));
  // A stand-in Electron binary: records how it was called (and which addon it was given) and exits with a code of its own.
  writeFileSync(join(dir, 'electron'), `#!/bin/sh\necho "ELECTRON $@ addon=$HUIBAO_ELECTRON_ADDON"\nexit 7\n`);
  chmodSync(join(dir, 'electron'), 0o755);
  addon = join(dir, 'better_sqlite3.node');
  writeFileSync(addon, '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: NodeJS.ProcessEnv, args: string[], until?: RegExp): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [start, ...args], { env: { ...process.env, HUIBAO_NO_ELECTRON: '', ...env }, cwd: dir });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (until?.test(stdout) && child.signalCode === null && !child.killed) child.kill('SIGTERM');
    });
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

const browserEnv = () => ({ HUIBAO_DB: join(dir, 'start.db'), XDG_CONFIG_HOME: join(dir, 'cfg') });
const served = /\{"url".*\}\n/;

/** The lines after the first: the loopback host's address, then its JSON. */
function expectServed(lines: string[]): void {
  expect(lines[1]).toMatch(/^Huibao: http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
  expect(JSON.parse(lines[2]!)).toMatchObject({ port: expect.any(Number), token: expect.any(String) });
}

describe('npm start', () => {
  it('starts the Electron binary on the app with the addon built for it, passing args and its exit code through', async () => {
    const r = await run({ ELECTRON_OVERRIDE_DIST_PATH: dir, HUIBAO_ELECTRON_ADDON: addon }, ['--flag']);
    expect(r.stdout).toMatch(new RegExp(`^ELECTRON \\S+ --flag addon=${addon.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n$`));
    expect(r.code).toBe(7);
  });

  it('without Electron, says why in one line and serves in the browser instead', async () => {
    const missing = join(dir, 'missing');
    const r = await run({ ELECTRON_OVERRIDE_DIST_PATH: missing, ...browserEnv() }, ['--port', '0', '--no-open', '--json'], served);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `The desktop app cannot start here (ELECTRON_OVERRIDE_DIST_PATH has no Electron at ${join(missing, 'electron')}); starting Huibao in your browser instead · 桌面版无法启动，改为在浏览器中打开汇报`,
    );
    expectServed(lines);
    expect(r.code).toBe(0);
  });

  it('without the SQLite addon for Electron, says so and serves in the browser', async () => {
    const r = await run({ ELECTRON_OVERRIDE_DIST_PATH: dir, HUIBAO_ELECTRON_ADDON: join(dir, 'none.node'), ...browserEnv() }, ['--port', '0', '--no-open', '--json'], served);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toContain(`(HUIBAO_ELECTRON_ADDON names no file (${join(dir, 'none.node')})); starting Huibao in your browser instead`);
    expect(r.stdout).not.toContain('ELECTRON ');
    expectServed(lines);
  });

  it('HUIBAO_NO_ELECTRON=1 goes straight to the browser, even with Electron there', async () => {
    const r = await run({ HUIBAO_NO_ELECTRON: '1', ELECTRON_OVERRIDE_DIST_PATH: dir, HUIBAO_ELECTRON_ADDON: addon, ...browserEnv() }, ['--port', '0', '--no-open', '--json'], served);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('HUIBAO_NO_ELECTRON=1: starting Huibao in your browser · 按设置在浏览器中打开汇报');
    expect(r.stdout).not.toContain('ELECTRON ');
    expectServed(lines);
  });
});
