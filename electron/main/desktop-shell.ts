/**
 * The Electron side of save and print (logic: deliver.ts). Printing a PDF: Chromium's own PDF viewer
 * shows the file in a small window of the app and webContents.print() opens the system print dialog
 * for it (Electron fixed blank pages when printing a PDF document in 30.4/31.4/32, PR #43309; this
 * app uses 45). The window stays visible so the viewer's own print button is still there if the
 * dialog is cancelled or misbehaves; if the viewer cannot load the file at all, the system's PDF
 * application opens it (shell.openPath) to print from there.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import { translate, type Locale } from '@shared/i18n';
import type { DesktopShell, ShellFile } from '../core/services/shell';
import { createDesktopShell, LastFolder, sanitizeFileName, type ShellSystem } from './deliver';
import { WINDOW_TITLE } from './window';

async function printPdf(file: ShellFile, locale: Locale): Promise<boolean> {
  const folder = join(tmpdir(), 'ruang-juri-print');
  await mkdir(folder, { recursive: true });
  const path = join(folder, `${randomBytes(6).toString('hex')}-${sanitizeFileName(file.filename, file.mimeType)}`);
  await writeFile(path, file.bytes);
  const viewer = new BrowserWindow({
    title: `${WINDOW_TITLE} — ${translate(locale, 'shell.print')}`,
    width: 900,
    height: 1000,
    autoHideMenuBar: true,
    // No preload, no Node, its own session (the app's CSP is not for the PDF viewer); plugins: the PDF viewer.
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, partition: 'ruang-juri-print' },
  });
  viewer.on('closed', () => void rm(path, { force: true }));
  try {
    await viewer.loadFile(path);
  } catch {
    viewer.destroy();
    const failure = await shell.openPath(path);
    if (failure) throw new Error(failure);
    return true;
  }
  // The viewer's plugin frame finishes a moment after the page.
  await new Promise((done) => setTimeout(done, 400));
  return new Promise<boolean>((resolve, reject) => {
    viewer.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success) {
        viewer.close();
        resolve(true);
      } else if (failureReason === 'Print job canceled' || failureReason === 'cancelled') resolve(false);
      else reject(new Error(failureReason));
    });
  });
}

/** The shell registered with the core: dialogs are modal to the app's window when there is one. */
export function electronDesktopShell(getWindow: () => BrowserWindow | null): DesktopShell {
  const parent = () => {
    const window = getWindow();
    return window && !window.isDestroyed() ? window : null;
  };
  const system: ShellSystem = {
    async showChoice(options) {
      const window = parent();
      return (await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options))).response;
    },
    showSaveDialog(options) {
      const window = parent();
      return window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options);
    },
    writeFile: (path, bytes) => writeFile(path, bytes),
    printPdf,
  };
  return createDesktopShell(system, new LastFolder(join(app.getPath('userData'), 'save-folder.json'), () => app.getPath('documents')));
}
