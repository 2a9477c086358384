#!/usr/bin/env node
/**
 * `npm start` (and `npm run dev` = `--dev`): the desktop app when the Electron binary is installed,
 * otherwise server mode in the default browser, so the app always starts.
 *
 *   with Electron:    electron-vite preview -- <args>   (builds, then runs out/main/index.js)
 *                     electron-vite dev -- <args>       (with --dev: dev server and hot reload)
 *   without Electron: electron-vite build, then node bin/ruang-juri.cjs serve <args>, and the printed
 *                     organiser link is opened in the default browser.
 *
 * Extra arguments (--data DIR, --port N, …) are passed through to the app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

const argv = process.argv.slice(2);
const dev = argv.includes('--dev');
const appArgs = argv.filter((arg) => arg !== '--dev');

/** Runs a child with the terminal attached; Ctrl+C reaches it, its exit code becomes ours. */
function runAttached(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  forwardSignals(child);
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function forwardSignals(child) {
  for (const signal of process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
}

/** Best effort: the URL is printed anyway, so any failure here stays silent. */
function openInBrowser(url) {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', `"${url}"`]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: process.platform === 'win32' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser opener on this machine.
  }
}

function serverMode(reason) {
  console.log(`The Electron binary is not available here: ${reason}. Starting server mode instead.`);
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) process.exit(build.status ?? 1);
    console.log('The build failed; serving the previous build of the interface.');
  }
  const child = spawn(process.execPath, [join(root, 'bin', 'ruang-juri.cjs'), 'serve', ...appArgs], {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  forwardSignals(child);
  let opened = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    console.log(line);
    const link = /Organiser link:\s*(\S+)/.exec(line)?.[1];
    if (link && !opened) {
      opened = true;
      openInBrowser(link);
    }
  });
  child.on('error', (error) => {
    console.error(`Could not start server mode: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const found = findElectronBinary();
if ('path' in found) {
  runAttached(process.execPath, [electronVite, dev ? 'dev' : 'preview', ...(appArgs.length ? ['--', ...appArgs] : [])]);
} else {
  serverMode(found.missing);
}
