// @ts-check
// Whether the Electron end-to-end suite can run on this machine, and if not, why (one line for tests/run.mjs). It
// needs the Electron binary (downloaded by `npm start`, or ELECTRON_OVERRIDE_DIST_PATH), better-sqlite3 built for
// that Electron (`npm run electron-addon`, or HUIBAO_ELECTRON_ADDON), and on Linux a display. It never downloads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { installedElectron } from '../../electron/electronBinary.mjs';
import { BUILD_ADDON_COMMAND, electronAddonFile, thisMachine } from '../../electron/nativeAddon.mjs';

/**
 * @param {string} root the checkout
 * @returns {{ binary: string; addon: string } | { reason: string }}
 */
export function electronForTests(root) {
  const electron = installedElectron(join(root, 'node_modules', 'electron'));
  if ('reason' in electron) return electron;
  const addon = process.env.HUIBAO_ELECTRON_ADDON || electronAddonFile(root, thisMachine(root));
  if (!existsSync(addon)) return { reason: `better-sqlite3 is not built for Electron (${BUILD_ADDON_COMMAND}, or set HUIBAO_ELECTRON_ADDON)` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'no display to open windows on (run it under xvfb-run)' };
  return { binary: electron.binary, addon };
}
