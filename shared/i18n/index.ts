/** Catalogs shared by the renderer (vue-i18n) and the core (error messages, documents). */
import en from './en';
import id from './id';

import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

export { DEFAULT_LOCALE, LOCALES, type Locale };
export type Catalog = typeof id;
export const catalogs: Record<Locale, Catalog> = { id, en };

const lookup = (catalog: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog);

/** Plain `{name}` interpolation, the same placeholder syntax vue-i18n uses, so one catalog serves both. */
export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const found = lookup(catalogs[locale], key) ?? lookup(catalogs[DEFAULT_LOCALE], key);
  if (typeof found !== 'string') return key;
  return found.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
