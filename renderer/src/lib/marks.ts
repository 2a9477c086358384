import type { Criterion } from '@shared/domain/schemas';
import { parseMilli } from '@shared/domain/decimal';

export type MarkProblem = 'decimal' | 'range' | 'step';

/**
 * Client-side check of one typed mark against its criterion's scale, exactly (milli-points, no float).
 * Empty text is not a problem here (a draft may be partial); the caller decides when it must be filled.
 */
export function checkMark(text: string, criterion: Pick<Criterion, 'min' | 'max' | 'step'>): MarkProblem | null {
  const value = text.trim();
  if (value === '') return null;
  const milli = parseMilli(value);
  if (milli === null) return 'decimal';
  const min = parseMilli(criterion.min);
  const max = parseMilli(criterion.max);
  const step = parseMilli(criterion.step);
  if (min === null || max === null) return null; // the core holds a scale it can parse; nothing to add here
  if (milli < min || milli > max) return 'range';
  if (step !== null && step > 0 && (milli - min) % step !== 0) return 'step';
  return null;
}
