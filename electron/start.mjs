// @ts-check
// `npm start`: the desktop app. Electron's binary is used when present and otherwise downloaded by the electron
// package's own installer (electronBinary.mjs), and the SQLite addon for Electron is built once when missing
// (buildAddon.mjs). Only when one of those fails does it say why, in one line, and open the same app in the browser
// from the loopback host. HUIBAO_NO_ELECTRON=1 goes straight to the browser.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { duration, findElectron } from './electronBinary.mjs';
import { BUILD_ADDON_COMMAND, electronAddonFile, thisMachine } from './nativeAddon.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;
const ADDON_TIMEOUT_MS = 10 * 60_000;
/** @param {string} line */
const say = (line) => void process.stdout.write(`${line}\n`);

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

/**
 * The SQLite addon for this Electron (HUIBAO_ELECTRON_ADDON, or the development build, made now when missing);
 * null with the reason when it cannot be had.
 * @returns {Promise<{ addon: string } | { reason: string }>}
 */
async function electronAddon() {
  if (process.env.HUIBAO_ELECTRON_ADDON) {
    const addon = process.env.HUIBAO_ELECTRON_ADDON;
    return existsSync(addon) ? { addon } : { reason: `HUIBAO_ELECTRON_ADDON names no file (${addon})` };
  }
  const target = thisMachine(root);
  const addon = electronAddonFile(root, target);
  if (existsSync(addon)) return { addon };
  say(`Building the database addon for Electron ${target.electron} (once, at most ${duration(ADDON_TIMEOUT_MS)})… · 正在为 Electron 构建数据库组件（仅此一次）…`);
  const failed = await new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'electron', 'buildAddon.mjs')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (/** @type {Buffer} */ c) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill();
      resolve(`the build did not finish within ${duration(ADDON_TIMEOUT_MS)}`);
    }, ADDON_TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : (stderr.trim().split('\n').at(-1) ?? '').replace(/ · .*$/, '') || `${BUILD_ADDON_COMMAND} failed`);
    });
  });
  return failed ? { reason: `${failed}; try \`${BUILD_ADDON_COMMAND}\`` } : { addon };
}

/** @param {string} binary @param {string} addon */
function startElectron(binary, addon) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, HUIBAO_ELECTRON_ADDON: addon };
  // Set by some terminals (e.g. editors built on Electron); it would make the binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [electronEntry(), ...args], { stdio: 'inherit', env, windowsHide: false });
  child.on('error', (err) => {
    say(`Electron could not start (${err.message}); starting Huibao in your browser instead · Electron 无法启动，改为在浏览器中打开汇报`);
    void startInBrowser();
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
}

async function start() {
  if (process.env.HUIBAO_NO_ELECTRON === '1') {
    say('HUIBAO_NO_ELECTRON=1: starting Huibao in your browser · 按设置在浏览器中打开汇报');
    return startInBrowser();
  }
  const electron = await findElectron({ electronDir: join(root, 'node_modules', 'electron'), timeoutMs: DOWNLOAD_TIMEOUT_MS, say });
  const addon = 'binary' in electron ? await electronAddon() : null;
  if ('binary' in electron && addon && 'addon' in addon) return startElectron(electron.binary, addon.addon);
  const why = 'reason' in electron ? electron.reason : addon && 'reason' in addon ? addon.reason : 'unknown';
  say(`The desktop app cannot start here (${why}); starting Huibao in your browser instead · 桌面版无法启动，改为在浏览器中打开汇报`);
  return startInBrowser();
}

await start();
