import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@shared/i18n/en';
import id from '@shared/i18n/id';
import { createAppI18n } from '../../renderer/src/i18n';

const keys = (node: unknown, prefix = ''): string[] =>
  Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
const lookup = (catalog: unknown, key: string) =>
  key.split('.').reduce<unknown>((n, p) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[p] : undefined), catalog);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(vue|ts)$/.test(name) ? [path] : [];
  });
}

describe('renderer catalogs', () => {
  it('have the same keys in Indonesian and English', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it('contain every literal key the renderer uses, as a string', () => {
    const source = files(resolve(__dirname, '../../renderer/src')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const used = new Set([...source.matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z0-9]+)+)'/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => typeof lookup(id, key) !== 'string' || typeof lookup(en, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('have no characters vue-i18n would parse as syntax (only {param} placeholders)', () => {
    for (const catalog of [id, en])
      for (const key of keys(catalog)) {
        const text = String(lookup(catalog, key)).replace(/\{\w+\}/g, '');
        expect(text, key).not.toMatch(/[@|{}]/);
      }
  });

  it('render through vue-i18n exactly as written (no message syntax surprises)', () => {
    for (const locale of ['id', 'en'] as const) {
      const i18n = createAppI18n(locale);
      const catalog = locale === 'id' ? id : en;
      for (const key of keys(catalog)) {
        const raw = String(lookup(catalog, key));
        const params = Object.fromEntries([...raw.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], `<${m[1]}>`]));
        const expected = raw.replace(/\{(\w+)\}/g, (_, name: string) => `<${name}>`);
        expect(i18n.global.t(key, params), `${locale}:${key}`).toBe(expected);
      }
    }
  });
});
