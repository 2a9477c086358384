import type { ResultRow } from '@shared/domain/schemas';

/** Ranked rows first in rank order (ties by code), then the rows nobody has submitted for yet. */
export function byRank(a: ResultRow, b: ResultRow): number {
  if (a.rank === null || b.rank === null) return a.rank === b.rank ? a.code.localeCompare(b.code) : a.rank === null ? 1 : -1;
  return a.rank - b.rank || a.code.localeCompare(b.code);
}
