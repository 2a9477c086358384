import { basisPointsToText } from '@shared/domain/decimal';
import { decimalInputText, formatDecimal } from '@shared/format';
import type { Locale } from '@shared/i18n';

/** Basis points as a percentage the user types back ("12,5" in Indonesian). */
export const bpInputText = (bp: number, locale: Locale): string => decimalInputText(basisPointsToText(bp), locale);

/** Canonical decimal text ("4.5") in a form field ("4,5"). */
export const decimalField = (text: string | null | undefined, locale: Locale): string => (text == null ? '' : decimalInputText(text, locale));

/** Parameters of a translated message: canonical decimals ("95.5") shown in the user's format ("95,5"). */
export function localeParams(params: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'string' && /^-?\d+\.\d+$/.test(value) ? formatDecimal(value, locale) : value]),
  );
}
