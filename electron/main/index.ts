/**
 * The Electron main process: app lifecycle only. The core (database, handlers) and the local server
 * are plain Node modules; this file wires them through the IPC bridge to the control window and,
 * when asked, the stage display window (placement: stage-display.ts).
 *
 *   --data DIR   folder of ruang-juri.sqlite (default: the app's userData folder)
 *   --port N     port of the local server (default: any free port), bound to 127.0.0.1
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session } from 'electron';
import { createCore } from '../core';
import { startLanServer } from '../core/lan/server';
import type { Core } from '../core/types';
import type { DesktopController } from '../core/services/shell';
import { parseShellArgs } from './args';
import { electronDesktopShell } from './desktop-shell';
import { registerIpcBridge } from './ipc';
import { applicationMenuTemplate } from './menu';
import { chooseStagePlacement, competitionIdFromAppUrl, samePlacement, stageDisplayUrl, type StagePlacement } from './stage-display';
import {
  applyStagePlacement,
  contentSecurityPolicy,
  createControlWindow,
  createStageWindow,
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
let stage: { window: BrowserWindow; competitionId: number; placement: StagePlacement } | null = null;
let disposeIpc: (() => void) | null = null;

/** Where the stage window belongs now, from the screens connected and the control window's screen. */
function stagePlacement(): StagePlacement {
  const controlScreenId = controlWindow && !controlWindow.isDestroyed() ? screen.getDisplayMatching(controlWindow.getBounds()).id : null;
  return chooseStagePlacement(screen.getAllDisplays(), { primaryId: screen.getPrimaryDisplay().id, controlScreenId });
}

/** Opens (or brings forward) the stage display of a competition; it authenticates as that competition's display. */
function openStageDisplay(competitionId: number): boolean {
  if (stage && !stage.window.isDestroyed() && stage.competitionId === competitionId) {
    stage.window.show();
    return true;
  }
  // Another competition's display: its page holds that competition, so it is replaced.
  if (stage && !stage.window.isDestroyed()) stage.window.destroy();
  const placement = stagePlacement();
  const window = createStageWindow({ BrowserWindow }, { preloadPath, url: stageDisplayUrl(appUrl), appUrl, placement });
  const opened = { window, competitionId, placement };
  stage = opened;
  window.on('closed', () => {
    if (stage === opened) stage = null;
  });
  return true;
}

/** A projector plugged in or out: the stage window follows (full screen there, or back to a window). */
function followScreens(): void {
  if (!stage || stage.window.isDestroyed()) return;
  const placement = stagePlacement();
  if (samePlacement(placement, stage.placement)) return;
  stage.placement = placement;
  applyStagePlacement(stage.window, placement);
}

function openStageDisplayFromMenu(): void {
  const competitionId = controlWindow ? competitionIdFromAppUrl(controlWindow.webContents.getURL()) : null;
  if (competitionId !== null) {
    openStageDisplay(competitionId);
    return;
  }
  const message = { type: 'info' as const, title: 'Ruang Juri', message: 'Buka dulu halaman sebuah kompetisi, lalu pilih lagi "Tampilkan di layar panggung".' };
  void (controlWindow ? dialog.showMessageBox(controlWindow, message) : dialog.showMessageBox(message));
}

async function start(): Promise<void> {
  core = createCore({ dataDir: dataDir() });
  const server = await startLanServer(core, { host: '127.0.0.1', port: args.port ?? 0, rendererDir });
  lan = server;
  core.setPublicUrl(server.url);
  // The desktop shell can also open the stage display window (display.openStageWindow) and save or
  // print files through the system dialogs (shell.deliverFile).
  const controller: DesktopController = { status: server.status, setMode: server.setMode, openStageDisplay, desktopShell: electronDesktopShell(() => controlWindow) };
  core.setNetworkController(controller);

  const lanOrigin = new URL(lan.url);
  const connectSources = [lanOrigin.origin, `ws://${lanOrigin.host}`];
  if (devRendererUrl) connectSources.push(`ws://${new URL(devRendererUrl).host}`);
  installContentSecurityPolicy(session.defaultSession, contentSecurityPolicy({ connectSources }));
  restrictPermissions(session.defaultSession);

  const windowRef = () => controlWindow;
  const stageRef = () => (stage && !stage.window.isDestroyed() ? { window: stage.window, competitionId: stage.competitionId } : null);
  disposeIpc = registerIpcBridge({ ipcMain, core, getWindow: windowRef, getStageWindow: stageRef, isAppUrl: (url) => isAppUrl(url, appUrl) });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(applicationMenuTemplate({ dev: Boolean(devRendererUrl), platform: process.platform, onStageDisplay: openStageDisplayFromMenu })),
  );
  screen.on('display-added', followScreens);
  screen.on('display-removed', followScreens);
  screen.on('display-metrics-changed', followScreens);

  controlWindow = createControlWindow({ BrowserWindow }, { preloadPath, appUrl });
  controlWindow.on('closed', () => {
    controlWindow = null;
    // The stage display does not outlive the app's own window.
    if (stage && !stage.window.isDestroyed()) stage.window.close();
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
