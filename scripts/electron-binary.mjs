/**
 * Where is the Electron executable, if any? Answers WITHOUT requiring the 'electron' package:
 * `require('electron')` tries to download the binary when it is missing (Electron ≥ 42 fetches it at
 * first run), which hangs or fails on a machine without internet.
 *
 *   findElectronBinary() → { path } | { missing: '<one-line reason>' }
 *
 * Mirrors node_modules/electron/index.js: the binary is node_modules/electron/dist/<path.txt>, or
 * $ELECTRON_OVERRIDE_DIST_PATH/<path.txt or "electron"> when that variable is set.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The folder of the installed 'electron' package, found by walking up node_modules (no require). */
function electronPackageDir(from) {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'node_modules', 'electron');
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

const isFile = (path) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * @param {{ root?: string, env?: NodeJS.ProcessEnv }} [options] where to look (tests pass a fake tree)
 * @returns {{ path: string } | { missing: string }}
 */
export function findElectronBinary({ root = repoRoot, env = process.env } = {}) {
  const packageDir = electronPackageDir(root);
  const pathFile = packageDir ? join(packageDir, 'path.txt') : null;
  const relativePath = pathFile && existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relativePath || 'electron');
    return isFile(binary)
      ? { path: binary }
      : { missing: `ELECTRON_OVERRIDE_DIST_PATH is set but ${binary} does not exist` };
  }
  if (!packageDir) return { missing: 'the electron package is not installed (run npm install)' };
  if (!relativePath)
    return {
      missing:
        'the Electron binary was never downloaded (node_modules/electron/path.txt is missing; Electron fetches it on first run, which needs internet access to its download host)',
    };
  const binary = join(packageDir, 'dist', relativePath);
  return isFile(binary)
    ? { path: binary }
    : { missing: `the Electron binary is missing: ${binary} does not exist (run "npx install-electron" with internet access)` };
}

// `node scripts/electron-binary.mjs` prints the answer (handy in CI logs); `--json` prints it as JSON
// for callers that cannot import an ES module (Playwright's loader compiles test imports to CommonJS).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const found = findElectronBinary();
  if (process.argv.includes('--json')) console.log(JSON.stringify(found));
  else {
    console.log('path' in found ? found.path : `Electron not available: ${found.missing}`);
    process.exitCode = 'path' in found ? 0 : 1;
  }
}
