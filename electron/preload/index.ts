// The sandboxed preload: bundled by build.mjs into dist/electron/preload.cjs (it may only require electron).
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './bridge.ts';

exposeBridge(contextBridge, ipcRenderer);
