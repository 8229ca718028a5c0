// `npm start`: the desktop app when the Electron binary is on this machine, otherwise the same app in the browser
// through the loopback host. Never calls require('electron'), which would try to download the binary.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);

const DEFAULT_EXECUTABLE = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[process.platform] ?? 'electron';

/** The Electron executable, looked up the way the electron package does, or null when it is not installed. */
function findElectronBinary(env = process.env) {
  const pkgDir = join(root, 'node_modules', 'electron');
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || DEFAULT_EXECUTABLE)
    : relative
      ? join(pkgDir, 'dist', relative)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}

/** What Electron should load: the app folder when package.json's "main" is built, else the main bundle itself. */
function electronEntry() {
  const main = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main;
  return typeof main === 'string' && existsSync(join(root, main)) ? root : join(root, 'dist', 'electron', 'main.mjs');
}

async function startInBrowser() {
  const cli = join(root, 'dist', 'cli.mjs');
  if (!existsSync(cli)) {
    process.stderr.write('huibao: not built yet; run `npm run build` first · 尚未构建，请先运行 npm run build\n');
    process.exitCode = 1;
    return;
  }
  const { main } = await import(new URL('../dist/cli.mjs', import.meta.url).href);
  process.exitCode = await main(['serve', ...args]);
}

function startElectron(binary) {
  const env = { ...process.env };
  // Set by some terminals (e.g. editors built on Electron); it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [electronEntry(), ...args], { stdio: 'inherit', env, windowsHide: false });
  child.on('error', (err) => {
    process.stderr.write(`Electron could not start (${err.message}); starting Huibao in your browser instead · Electron 无法启动，改为在浏览器中打开汇报\n`);
    void startInBrowser();
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const binary = findElectronBinary();
if (binary) {
  startElectron(binary);
} else {
  process.stdout.write('Electron is not available on this machine; starting Huibao in your browser instead · 未找到 Electron，改为在浏览器中打开汇报\n');
  await startInBrowser();
}
