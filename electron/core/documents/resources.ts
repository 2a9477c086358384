/**
 * Locates the app's bundled `resources/` folder (fonts, presets) without Electron: the same code runs
 * from TypeScript source (tsx, vitest), from the bundled `out/main/index.js` and from a packaged app.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESOURCES_ENV = 'RUANG_JURI_RESOURCES';

const hasFonts = (dir: string): boolean => existsSync(join(dir, 'fonts'));

/** Walks up from `start` until a folder holding `resources/fonts` is found. */
export function findResourcesDir(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, 'resources');
    if (hasFonts(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

let cached: string | null = null;

/**
 * The resources folder: `$RUANG_JURI_RESOURCES` when set, else the nearest `resources/` with a `fonts/`
 * folder above this module, else Electron's packaged `process.resourcesPath`. Throws with a clear
 * message when none is found, because documents must never fall back to machine fonts.
 */
export function resourcesDir(): string {
  const override = process.env[RESOURCES_ENV];
  if (override) {
    const dir = resolve(override);
    if (!hasFonts(dir)) throw new Error(`${RESOURCES_ENV}=${override} has no fonts/ folder.`);
    return dir;
  }
  if (cached) return cached;
  const here = dirname(fileURLToPath(import.meta.url));
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const found =
    findResourcesDir(here) ??
    (packaged ? [join(packaged, 'resources'), packaged].find(hasFonts) ?? null : null);
  if (!found) throw new Error(`Ruang Juri resources (fonts) not found above ${here}; set ${RESOURCES_ENV}.`);
  cached = found;
  return found;
}

export const fontsDir = (): string => join(resourcesDir(), 'fonts');
