/**
 * The `ruang-juri` command line: the same core, headless. `serve` runs the app for browsers.
 * Exit codes: 0 ok, 1 failure, 2 bad usage.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ORGANISER } from '@shared/domain/actor';
import { createCore } from '../index';
import { startLanServer } from '../lan/server';
import type { NetworkStatus } from '../pairing';
import { defaultDataDir } from '../paths';
import { report } from './report';
import { score } from './score';
import { verifyAuditFile, verifyDocumentFile } from './verify';

export const USAGE = `Usage: ruang-juri <command> [options]

Commands:
  serve   [--data DIR] [--port N] [--host ADDR]   run the app headless for browsers (server mode)
  sample  [--data DIR]                            load the sample competition (first stage already scored)
  verify  --audit [--data DIR]                    check the hash chain of the audit log
  verify  FILE.pdf [--data DIR]                   check a document's signature and its match with a finalised result
                                                  (exit 0 only for a validly signed, unmodified document)
  report  --kind KIND --out FILE.pdf [--data DIR] [--competition ID] [--stage ID] [--juror ID] [--participants] [--sign]
                                                  render an official document; KIND: recap|score-sheets|berita-acara|decree|certificates|setup
                                                  (defaults: the only competition, its active stage). Signing: with the
                                                  certificate's passphrase in RUANG_JURI_PASSPHRASE a final document is
                                                  signed; --sign also signs a provisional one (and fails without it)
  score   [--check] [--no-quality] FILE           recompute a ruang-juri/scoring@1 file, print ruang-juri/result@1
                                                  (--check: compare with the file's "results"; exit 1 if they differ)
  help                                            show this text

Options:
  --data DIR    data folder (default: ${defaultDataDir()})
  --port N      TCP port, 0 for any free one (default: 5190)
  --host ADDR   address to bind (default: 127.0.0.1; 0.0.0.0 lets juror devices on the Wi-Fi connect)
`;

export class UsageError extends Error {}

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}
const consoleIO: CliIO = { out: (l) => console.log(l), err: (l) => console.error(l) };

/** Repository (or installed package) root: two levels above electron/core/cli. */
export const appRoot = resolve(__dirname, '..', '..', '..');

function parse(args: string[], options: ParseArgsConfig['options']) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 5190;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`--port must be a number from 0 to 65535, not "${text}"`);
  return port;
}

/** Builds the renderer once when a fresh clone has never been built, so `serve` just works. */
function ensureRendererBuilt(io: CliIO): string {
  // A packaged app or a test may point at its own built interface.
  if (process.env.RUANG_JURI_RENDERER_DIR) return resolve(process.env.RUANG_JURI_RENDERER_DIR);
  const rendererDir = join(appRoot, 'out', 'renderer');
  if (existsSync(join(rendererDir, 'index.html'))) return rendererDir;
  io.out('Building the interface (first run only)…');
  const build = spawnSync(process.execPath, [join(appRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: appRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('building the interface failed (npm run build shows why)');
  return rendererDir;
}

/** What `serve` prints about the juror address, at start in network mode and after every switch. */
export function networkModeLines(status: NetworkStatus): string[] {
  if (status.mode === 'local') return [`Network mode is off: only this computer can connect (${status.url ?? ''}).`];
  if (status.lanUrls.length === 0) return ['Network mode is on, but this computer has no Wi-Fi or LAN address yet.'];
  const [first, ...others] = status.lanUrls;
  return [
    'Network mode is on: juror devices on the same Wi-Fi can connect.',
    `Juror address: ${first}/#/pair`,
    ...others.map((url) => `Also reachable at: ${url}/#/pair`),
  ];
}

async function serve(args: string[], io: CliIO): Promise<number> {
  const flags = parse(args, { data: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } });
  const port = parsePort(flags.port as string | undefined);
  const dataDir = resolve((flags.data as string | undefined) ?? defaultDataDir());
  const rendererDir = ensureRendererBuilt(io);
  const core = createCore({ dataDir });
  const server = await startLanServer(core, { host: (flags.host as string | undefined) ?? '127.0.0.1', port, rendererDir });
  io.out(`Ruang Juri is running in server mode.`);
  io.out(`Data folder: ${dataDir}`);
  io.out(`Address: ${server.url}`);
  io.out(`Organiser link: ${server.url}/#/pair?t=${core.issueOrganiserToken()}`);
  io.out('The organiser link works once; run serve again for a new one. Press Ctrl+C to stop.');
  if (server.status().mode === 'network') networkModeLines(server.status()).forEach((line) => io.out(line));
  // The organiser switches network mode in the app: the address jurors need changes with it.
  const stopWatching = server.onModeChange((status) => networkModeLines(status).forEach((line) => io.out(line)));
  await new Promise<void>((done) => {
    const stop = () => {
      stopWatching();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(() => {
        core.close();
        done();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

async function sample(args: string[], io: CliIO): Promise<number> {
  const flags = parse(args, { data: { type: 'string' } });
  const dataDir = resolve((flags.data as string | undefined) ?? defaultDataDir());
  const core = createCore({ dataDir });
  try {
    const loaded = await core.call(ORGANISER, 'sample.load', {});
    io.out(`Loaded "${loaded.name}" (${loaded.entryCount} entries) into ${dataDir}.`);
    io.out(`Explore it with: ruang-juri serve --data ${dataDir}`);
    return 0;
  } finally {
    core.close();
  }
}

function verify(args: string[], io: CliIO): number {
  let parsed: { values: { audit?: boolean; data?: string }; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { audit: { type: 'boolean' }, data: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values: flags, positionals } = parsed;
  const dataDir = resolve(flags.data ?? defaultDataDir());
  if (flags.audit && positionals.length === 0) return verifyAuditFile(dataDir, io);
  if (flags.audit || positionals.length !== 1) throw new UsageError('verify needs either --audit or one PDF file');
  return verifyDocumentFile(resolve(positionals[0]), dataDir, io);
}

export async function main(argv: string[], io: CliIO = consoleIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve(rest, io);
      case 'sample':
        return await sample(rest, io);
      case 'verify':
        return verify(rest, io);
      case 'score':
        return score(rest, io);
      case 'report':
        return await report(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`ruang-juri: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`ruang-juri: ${(error as Error).message}`);
    return 1;
  }
}
