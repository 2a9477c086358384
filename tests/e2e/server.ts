/** Starts the real app in server mode (the CLI, a temp data folder, any free port) for one test file. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  origin: string;
  organiserLink: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** The process behind each running server, so restartServer can replace it. */
const processes = new WeakMap<RunningServer, ChildProcess>();

async function launch(dataDir: string, port: number): Promise<{ child: ChildProcess; organiserLink: string }> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'ruang-juri.cjs'), 'serve', '--data', dataDir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const organiserLink = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no organiser link:\n${output}`)), 120_000);
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /Organiser link: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { child, organiserLink };
}

const exitOf = (child: ChildProcess, signal: NodeJS.Signals): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  return exited;
};

export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruang-juri-e2e-'));
  const { child, organiserLink } = await launch(dataDir, 0);
  const server: RunningServer = {
    origin: new URL(organiserLink).origin,
    organiserLink,
    dataDir,
    stop: async () => {
      await exitOf(processes.get(server)!, 'SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  processes.set(server, child);
  return server;
}

/**
 * Kills the server process (SIGKILL: no chance to tidy up, as in a crash or a pulled plug) and
 * starts `serve` again on the same data folder and port, after `downForMs` of outage. The same `server` object stays valid;
 * its organiserLink becomes the new one-time link the restarted process printed.
 */
export async function restartServer(server: RunningServer, options: { downForMs?: number } = {}): Promise<void> {
  await exitOf(processes.get(server)!, 'SIGKILL');
  if (options.downForMs) await new Promise((resolve) => setTimeout(resolve, options.downForMs));
  const { child, organiserLink } = await launch(server.dataDir, Number(new URL(server.origin).port));
  processes.set(server, child);
  server.organiserLink = organiserLink;
}
