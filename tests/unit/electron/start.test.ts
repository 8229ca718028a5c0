// `npm start` (electron/start.mjs): the Electron binary when there is one, otherwise the loopback host.
// The fallback runs dist/cli.mjs, so this needs a build first (npm test builds before testing).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const start = join(root, 'electron', 'start.mjs');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-start-'));
  // A stand-in Electron binary: records how it was called and exits with a code of its own.
  writeFileSync(join(dir, 'electron'), `#!/bin/sh\necho "ELECTRON $@"\nexit 7\n`);
  chmodSync(join(dir, 'electron'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: NodeJS.ProcessEnv, args: string[], until?: RegExp): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [start, ...args], { env: { ...process.env, ...env }, cwd: dir });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (until?.test(stdout) && child.signalCode === null && !child.killed) child.kill('SIGTERM');
    });
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

describe('npm start', () => {
  it('starts the Electron binary on the app when there is one, passing args and its exit code through', async () => {
    const r = await run({ ELECTRON_OVERRIDE_DIST_PATH: dir }, ['--flag']);
    expect(r.stdout).toMatch(/^ELECTRON \S+ --flag\n$/);
    expect(r.stdout).not.toContain('not available');
    expect(r.code).toBe(7);
  });

  it('without Electron, says so in one line and serves in the browser instead', async () => {
    const r = await run(
      { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'missing'), HUIBAO_DB: join(dir, 'start.db'), XDG_CONFIG_HOME: join(dir, 'cfg') },
      ['--port', '0', '--no-open', '--json'],
      /\{"url".*\}\n/,
    );
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Electron is not available on this machine; starting Huibao in your browser instead · 未找到 Electron，改为在浏览器中打开汇报');
    expect(lines[1]).toMatch(/^Huibao: http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}$/);
    expect(JSON.parse(lines[2]!)).toMatchObject({ port: expect.any(Number), token: expect.any(String) });
    expect(r.code).toBe(0);
  });
});
