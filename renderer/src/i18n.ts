import { computed, type ComputedRef } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import { catalogs, DEFAULT_LOCALE, isLocale, type Locale } from '@shared/i18n';

export const LOCALE_STORAGE_KEY = 'ruang-juri.locale';

export function storedLocale(): Locale {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function createAppI18n(locale: Locale = storedLocale()) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: catalogs,
    // Catalog keys are complete in both languages (a unit test checks); stay quiet about fallbacks.
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** The current UI language as a shared `Locale`, and a setter that persists it. */
export function useLocale(): { locale: ComputedRef<Locale>; setLocale: (next: Locale) => void } {
  const { locale } = useI18n({ useScope: 'global' });
  return {
    locale: computed(() => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE)),
    setLocale(next: Locale) {
      locale.value = next;
      try {
        globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        /* storage disabled: the choice lasts for this page only */
      }
      if (typeof document !== 'undefined') document.documentElement.lang = next;
    },
  };
}
