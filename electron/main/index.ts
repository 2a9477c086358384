/**
 * The Electron main process: app lifecycle only. The core (database, handlers) and the local server
 * are plain Node modules; this file wires them to one window through the IPC bridge.
 *
 *   --data DIR   folder of ruang-juri.sqlite (default: the app's userData folder)
 *   --port N     port of the local server (default: any free port), bound to 127.0.0.1
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import { createCore } from '../core';
import { startLanServer } from '../core/lan/server';
import type { Core } from '../core/types';
import { parseShellArgs } from './args';
import { registerIpcBridge } from './ipc';
import { applicationMenuTemplate } from './menu';
import {
  contentSecurityPolicy,
  createControlWindow,
  installContentSecurityPolicy,
  isAppUrl,
  lockDownWebContents,
  restrictPermissions,
} from './window';

const args = parseShellArgs(process.argv.slice(1));
const devRendererUrl = process.env.ELECTRON_RENDERER_URL;
const preloadPath = join(__dirname, '../preload/index.js');
const rendererDir = join(__dirname, '../renderer');
const appUrl = devRendererUrl ?? pathToFileURL(join(rendererDir, 'index.html')).href;

// With --data, Electron's own browser data lives beside the database, so separate data folders are
// separate instances (the single-instance lock is per userData folder) and tests leave no trace.
if (args.dataDir) app.setPath('userData', join(resolve(args.dataDir), 'electron'));
const dataDir = () => (args.dataDir ? resolve(args.dataDir) : app.getPath('userData'));

let core: Core | null = null;
let lan: { url: string; close(): Promise<void> } | null = null;
let controlWindow: BrowserWindow | null = null;
let disposeIpc: (() => void) | null = null;

async function start(): Promise<void> {
  core = createCore({ dataDir: dataDir() });
  lan = await startLanServer(core, { host: '127.0.0.1', port: args.port ?? 0, rendererDir });
  core.setPublicUrl(lan.url);

  const lanOrigin = new URL(lan.url);
  const connectSources = [lanOrigin.origin, `ws://${lanOrigin.host}`];
  if (devRendererUrl) connectSources.push(`ws://${new URL(devRendererUrl).host}`);
  installContentSecurityPolicy(session.defaultSession, contentSecurityPolicy({ connectSources }));
  restrictPermissions(session.defaultSession);

  const windowRef = () => controlWindow;
  disposeIpc = registerIpcBridge({ ipcMain, core, getWindow: windowRef, isAppUrl: (url) => isAppUrl(url, appUrl) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ dev: Boolean(devRendererUrl), platform: process.platform })));

  controlWindow = createControlWindow({ BrowserWindow }, { preloadPath, appUrl });
  controlWindow.on('closed', () => {
    controlWindow = null;
  });
}

let shutDown = false;
async function shutdown(): Promise<void> {
  disposeIpc?.();
  disposeIpc = null;
  const server = lan;
  lan = null;
  // A client that never hangs up must not keep the app from quitting.
  if (server) await Promise.race([server.close(), new Promise((done) => setTimeout(done, 3000))]).catch(() => {});
  core?.close();
  core = null;
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('[ruang-juri] could not start:', error);
  dialog.showErrorBox('Ruang Juri tidak dapat dimulai', message);
  shutDown = true;
  void shutdown().finally(() => app.exit(1));
}

if (!app.requestSingleInstanceLock()) {
  // Another window already runs on this data folder: it is brought to the front (second-instance).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!controlWindow) return;
    if (controlWindow.isMinimized()) controlWindow.restore();
    controlWindow.focus();
  });

  // Every web contents, including any the app did not create itself, gets the same locks.
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, appUrl));

  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    shutDown = true;
    void shutdown().finally(() => app.quit());
  });

  app.whenReady().then(start).catch(fail);
}
