import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|vue|mjs|cjs|js)$/.test(name) ? [path] : [];
  });
}
const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
const offenders = (dir: string, forbidden: (spec: string) => boolean) =>
  sources(join(root, dir)).flatMap((file) => importsOf(file).filter(forbidden).map((spec) => `${relative(root, file)} imports ${spec}`));

describe('architecture boundaries', () => {
  it('nothing under electron/core or shared imports electron', () => {
    const isElectron = (spec: string) => spec === 'electron' || spec.startsWith('electron/');
    expect([...offenders('electron/core', isElectron), ...offenders('shared', isElectron)]).toEqual([]);
  });

  it('shared stays pure: no Node built-ins, no core, no renderer', () => {
    const impure = (spec: string) => spec.startsWith('node:') || /^(fs|path|os|crypto|http|child_process)$/.test(spec) || /electron\/|renderer\//.test(spec);
    expect(offenders('shared', impure)).toEqual([]);
  });

  it('the renderer reaches the core only through the api client, never by import', () => {
    const reachesCore = (spec: string) => /electron\/(core|main|preload)/.test(spec) || spec === 'better-sqlite3' || spec.startsWith('node:');
    expect(offenders('renderer', reachesCore)).toEqual([]);
  });
});
