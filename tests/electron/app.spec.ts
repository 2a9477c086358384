/**
 * The real desktop shell, driven by Playwright's Electron support. Runs only where the Electron
 * binary is installed; elsewhere the whole file is skipped and the log says why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication } from '@playwright/test';
import type { ElectronBinary } from '../../scripts/electron-binary.mjs';

const root = resolve(__dirname, '..', '..');
const mainEntry = join(root, 'out', 'main', 'index.js');

/**
 * scripts/electron-binary.mjs's findElectronBinary(), asked in a child process: Playwright compiles
 * imported files to CommonJS, which breaks an .mjs module. Never requires 'electron' (no download).
 */
function findElectronBinary(): ElectronBinary {
  const out = spawnSync(process.execPath, [join(root, 'scripts', 'electron-binary.mjs'), '--json'], { encoding: 'utf8' });
  try {
    return JSON.parse(out.stdout) as ElectronBinary;
  } catch {
    return { missing: `scripts/electron-binary.mjs failed: ${(out.stderr || out.error?.message || 'no output').trim().split('\n')[0]}` };
  }
}

const binary = findElectronBinary();
const skipReason = 'missing' in binary ? `Electron suite skipped: ${binary.missing}` : null;
if (skipReason) console.log(skipReason);
test.skip(skipReason !== null, skipReason ?? '');

let app: ElectronApplication | null = null;
let dataDir = '';

test.beforeAll(() => {
  if (!existsSync(mainEntry) || !existsSync(join(root, 'out', 'preload', 'index.js'))) {
    const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
    expect(build.status, 'electron-vite build').toBe(0);
  }
});

test.afterEach(async () => {
  await app?.close();
  app = null;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the desktop window is the sandboxed organiser console', async () => {
  if (!('path' in binary)) return;
  dataDir = mkdtempSync(join(tmpdir(), 'rj-electron-'));
  const env = { ...process.env } as Record<string, string>;
  delete env.ELECTRON_RENDERER_URL; // the built interface, not a dev server
  delete env.ELECTRON_RUN_AS_NODE;
  const noSandbox = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await _electron.launch({
    executablePath: binary.path,
    args: [...noSandbox, mainEntry, '--data', dataDir],
    env,
    timeout: 60_000,
  });

  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');

  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(title).toBe('Ruang Juri');

  // Exactly the two bridge functions, and no Node in the page.
  const bridgeKeys = await page.evaluate(() => Object.keys((window as unknown as { ruangJuri: object }).ruangJuri).sort());
  expect(bridgeKeys).toEqual(['invoke', 'subscribe']);
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

  // The desktop window is the organiser.
  const reply = await page.evaluate(() =>
    (window as unknown as { ruangJuri: { invoke(c: string, i: unknown): Promise<unknown> } }).ruangJuri.invoke('auth.whoami', {}),
  );
  expect(reply).toMatchObject({ ok: true, output: { actor: { role: 'organiser' } } });

  // The database went where --data said.
  expect(existsSync(join(dataDir, 'ruang-juri.sqlite'))).toBe(true);
});
