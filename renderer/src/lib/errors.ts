import { translate, type Locale } from '@shared/i18n';
import { ApiError, type TranslatedIssue } from '../api/client';

export interface DescribedError {
  code: string;
  message: string;
  issues: TranslatedIssue[];
}

/** Any caught error as text in the current language (ApiErrors are re-translated on a language switch). */
export function describeError(error: unknown, locale: Locale): DescribedError {
  if (error instanceof ApiError) {
    const issues = error.translatedIssues(locale);
    // With issues listed one by one, the core's one-line summary (raw paths) would only repeat them.
    const message = issues.length && error.key === 'invalidInput' ? translate(locale, 'common.checkFields') : error.translatedMessage(locale);
    return { code: error.code, message, issues };
  }
  return { code: 'CLIENT', message: translate(locale, 'common.unexpected'), issues: [] };
}
