import { describe, expect, it } from 'vitest';
import { catalogs, translate } from '@shared/i18n';

const keys = (node: unknown, prefix = ''): string[] =>
  typeof node === 'object' && node
    ? Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe('i18n catalogs', () => {
  it('Indonesian and English have exactly the same keys', () => {
    expect(keys(catalogs.en).sort()).toEqual(keys(catalogs.id).sort());
  });

  it('no message uses characters vue-i18n would parse as syntax', () => {
    const bad = (['id', 'en'] as const)
      .flatMap((locale) => keys(catalogs[locale]).map((key) => [`${locale}:${key}`, translate(locale, key)] as const))
      .filter(([, text]) => /[@|]/.test(text) || /\{(?!\w+\})/.test(text));
    expect(bad).toEqual([]);
  });

  it('interpolates parameters and falls back to Indonesian, then to the key', () => {
    expect(translate('en', 'errors.unknownCommand', { command: 'x.y' })).toBe('Unknown command "x.y".');
    expect(translate('id', 'errors.unknownCommand', { command: 'x.y' })).toBe('Perintah "x.y" tidak dikenal.');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
