import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/core/cli/main';
import { defaultDataDir } from '../../../electron/core/paths';
import { tempDir } from '../helpers';

const capture = () => {
  const lines: string[] = [];
  return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) } };
};

describe('ruang-juri command line', () => {
  it.each([[['serve', '--bogus']], [['serve', '--port', 'abc']], [['dance']], [[]], [['serve', 'extra']]])(
    'answers bad usage %j with the usage text and exit code 2',
    async (argv) => {
      const { lines, io } = capture();
      expect(await main(argv, io)).toBe(2);
      expect(lines.join('\n')).toContain('Usage: ruang-juri <command>');
    },
  );

  it('runs from any working folder (the TypeScript paths come from our tsconfig, not the current folder)', () => {
    const dataDir = join(tempDir(), 'data');
    const run = spawnSync(process.execPath, [join(__dirname, '..', '..', '..', 'bin', 'ruang-juri.cjs'), 'sample', '--data', dataDir], {
      cwd: tempDir(),
      encoding: 'utf8',
      env: Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'TSX_TSCONFIG_PATH')),
    });
    expect(run.stderr).not.toMatch(/Cannot find module/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(dataDir);
  });

  it('puts the data in the platform app-data folder unless told otherwise', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Roaming.ruang-juri$/);
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe('/home/a/.config/ruang-juri');
    expect(defaultDataDir({ RUANG_JURI_DATA: '/srv/juri' }, 'linux')).toBe('/srv/juri');
  });

  it('serve prints the address and a one-time organiser link that pairs, then stops on SIGTERM', async () => {
    const dataDir = tempDir();
    const rendererDir = tempDir();
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ruang Juri</title>');
    const child = spawn(process.execPath, [join(__dirname, '..', '..', '..', 'bin', 'ruang-juri.cjs'), 'serve', '--data', dataDir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RUANG_JURI_RENDERER_DIR: rendererDir },
    });
    let output = '';
    const link = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no organiser link in: ${output}`)), 60_000);
      child.stderr.on('data', (chunk) => (output += chunk));
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /Organiser link: (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect(output).toContain(`Data folder: ${dataDir}`);
    const { origin, hash } = new URL(link);
    const token = new URLSearchParams(hash.split('?')[1]).get('t');
    const pair = async () =>
      (await fetch(`${origin}/api/auth.pair`, { method: 'POST', body: JSON.stringify({ id: '1', command: 'auth.pair', input: { token } }) })).json();
    expect(await pair()).toMatchObject({ ok: true, output: { actor: { role: 'organiser' } } });
    expect(await pair()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
