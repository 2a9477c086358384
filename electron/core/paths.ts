/** Where things live on disk, the same for the CLI and the desktop app. */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const APP_FOLDER = 'ruang-juri';

/** Mirrors Electron's app.getPath('userData') for this app, so both modes share one database. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.RUANG_JURI_DATA) return resolve(env.RUANG_JURI_DATA);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}
