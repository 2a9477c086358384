import type { Locale } from '@shared/i18n';
import { describeError } from './errors';
import { pathSegments } from './draft';

/** An issue path in dot form whatever notation the core used ("rubric[1].min" → "rubric.1.min"). */
export const normalizePath = (path: string): string => pathSegments(path).join('.');

/** Path → the first translated message for it, so each field can show its own problem. */
export function issuesByPath(error: unknown, locale: Locale): Map<string, string> {
  const map = new Map<string, string>();
  if (!error) return map;
  for (const issue of describeError(error, locale).issues) {
    const path = normalizePath(issue.path);
    if (!map.has(path)) map.set(path, issue.message);
  }
  return map;
}
