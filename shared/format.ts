/** Display formatting at the edge, Indonesian by default ("85,40", "Rabu, 9 November 2022"). */
import type { Locale } from './i18n';

const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };
export const intlLocale = (locale: Locale): string => INTL_LOCALE[locale];

/**
 * Formats canonical decimal text ("1234.5") exactly: the integer part goes through Intl as a BigInt,
 * so no float ever touches a score. `decimals` pads (never rounds: round in the engine first).
 */
const numberFormats = new Map<Locale, { format: Intl.NumberFormat; decimal: string }>();

/** One Intl formatter per locale: building one costs ~0.25 ms, too slow for thousands of figures. */
function numberFormat(locale: Locale): { format: Intl.NumberFormat; decimal: string } {
  let known = numberFormats.get(locale);
  if (!known) {
    const format = new Intl.NumberFormat(INTL_LOCALE[locale]);
    known = { format, decimal: format.formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.' };
    numberFormats.set(locale, known);
  }
  return known;
}

/** Marks a decimal that does not terminate (shared/scoring/text.ts), e.g. "76.216666…". */
const REPEATING = '…';

export function formatDecimal(text: string, locale: Locale, decimals?: number): string {
  const repeating = text.endsWith(REPEATING);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(repeating ? text.slice(0, -REPEATING.length) : text);
  if (!match) return text;
  const [, sign, whole, fraction = ''] = match;
  const { format, decimal } = numberFormat(locale);
  const digits = decimals === undefined || repeating ? fraction : fraction.padEnd(decimals, '0');
  return `${sign}${format.format(BigInt(whole))}${digits ? decimal + digits : ''}${repeating ? REPEATING : ''}`;
}

export function formatDate(date: Date | string, locale: Locale, withWeekday = true): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    weekday: withWeekday ? 'long' : undefined,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(typeof date === 'string' ? new Date(date) : date);
}

export function formatDateTime(date: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(typeof date === 'string' ? new Date(date) : date);
}

/** Decimal separator of a locale ("," for Indonesian, "." for English). */
export function decimalSeparator(locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/**
 * Canonical decimal text ("85.5") as a user would type it back into a field ("85,5" in Indonesian):
 * no grouping, because "1.000" is ambiguous to the parser.
 */
export function decimalInputText(text: string, locale: Locale): string {
  return /^-?\d+\.\d+$/.test(text) ? text.replace('.', decimalSeparator(locale)) : text;
}

/** Basis points (3000) as a percentage ("30%", "12,5%"); `decimals` pads (never rounds). */
export function formatPercentBp(bp: number, locale: Locale, decimals?: number): string {
  const negative = bp < 0;
  const abs = Math.abs(Math.trunc(bp));
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, '0').replace(/0+$/, '');
  const text = `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
  return `${formatDecimal(text, locale, decimals)}%`;
}

/** A scale such as "0–100" or "1–5", each bound formatted in the locale. */
export function formatRange(min: string, max: string, locale: Locale): string {
  return `${formatDecimal(min, locale)}–${formatDecimal(max, locale)}`;
}
