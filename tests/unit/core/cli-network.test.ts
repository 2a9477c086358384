/** `ruang-juri serve` prints the juror address again whenever the organiser switches network mode. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { networkModeLines } from '../../../electron/core/cli/main';
import { tempDir } from '../helpers';

describe('serve and network mode', () => {
  it('words the juror address for network mode, with every LAN address, and says when there is none', () => {
    expect(networkModeLines({ mode: 'network', url: 'http://192.168.1.5:5190', lanUrls: ['http://192.168.1.5:5190', 'http://10.0.0.2:5190'] })).toEqual([
      'Network mode is on: juror devices on the same Wi-Fi can connect.',
      'Juror address: http://192.168.1.5:5190/#/pair',
      'Also reachable at: http://10.0.0.2:5190/#/pair',
    ]);
    expect(networkModeLines({ mode: 'network', url: 'http://127.0.0.1:5190', lanUrls: [] })).toEqual([
      'Network mode is on, but this computer has no Wi-Fi or LAN address yet.',
    ]);
    expect(networkModeLines({ mode: 'local', url: 'http://127.0.0.1:5190', lanUrls: ['http://192.168.1.5:5190'] })).toEqual([
      'Network mode is off: only this computer can connect (http://127.0.0.1:5190).',
    ]);
  });

  it('reprints the address after the organiser turns network mode on and off in the app', async () => {
    const dataDir = tempDir();
    const rendererDir = tempDir();
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ruang Juri</title>');
    const child = spawn(process.execPath, [join(__dirname, '..', '..', '..', 'bin', 'ruang-juri.cjs'), 'serve', '--data', dataDir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RUANG_JURI_RENDERER_DIR: rendererDir },
    });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => (output += chunk));
    const waitFor = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve, reject) => {
        const deadline = Date.now() + 60_000;
        const poll = () => {
          const match = pattern.exec(output);
          if (match) return resolve(match);
          if (Date.now() > deadline || child.exitCode !== null) return reject(new Error(`no ${pattern} in: ${output}`));
          setTimeout(poll, 50);
        };
        poll();
      });
    try {
      const link = (await waitFor(/Organiser link: (\S+)/))[1]!;
      expect(output).not.toContain('Network mode is');
      const { origin, hash } = new URL(link);
      const call = async (command: string, input: unknown, token?: string) =>
        (
          await fetch(`${origin}/api/${command}`, {
            method: 'POST',
            headers: token ? { Authorization: `Bearer ${token}` } : {},
            body: JSON.stringify({ id: '1', command, input }),
          })
        ).json();
      const { output: paired } = await call('auth.pair', { token: new URLSearchParams(hash.split('?')[1]).get('t') });
      const on = await call('network.setMode', { mode: 'network' }, paired.deviceToken);
      expect(on.ok).toBe(true);
      await waitFor(/Network mode is on/);
      // The printed lines are the ones for the status the app itself reports.
      for (const line of networkModeLines(on.output)) expect(output).toContain(line);

      const off = await call('network.setMode', { mode: 'local' }, paired.deviceToken);
      await waitFor(/Network mode is off/);
      expect(output).toContain(`Network mode is off: only this computer can connect (${off.output.url}).`);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});
