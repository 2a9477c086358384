import type { CompetitionDetail } from '@shared/domain/schemas';
import { unitKey, type ConflictView } from '@shared/domain/setup';

/** One juror who does not score an entry because of a conflict of interest. */
export interface EntryConflict {
  jurorId: number;
  jurorName: string;
  reason: string;
}

/**
 * Each entry's conflicts, as the core applies them: a conflict with the entry, or with its unit
 * (trimmed, case-insensitive). One per juror (the entry conflict first), in the jury's order.
 */
export function conflictsByEntry(competition: CompetitionDetail | null): Map<number, EntryConflict[]> {
  const result = new Map<number, EntryConflict[]>();
  if (!competition?.conflicts.length) return result;
  const jurorOrder = new Map(competition.jurors.map((j, index) => [j.id, index]));
  const jurorName = new Map(competition.jurors.map((j) => [j.id, j.name]));
  const byEntry = new Map<number, ConflictView[]>();
  const byUnit = new Map<string, ConflictView[]>();
  for (const c of competition.conflicts) {
    if (c.entryId !== null) byEntry.set(c.entryId, [...(byEntry.get(c.entryId) ?? []), c]);
    else if (c.unit !== null) byUnit.set(unitKey(c.unit), [...(byUnit.get(unitKey(c.unit)) ?? []), c]);
  }
  for (const entry of competition.entries) {
    const matching = [...(byEntry.get(entry.id) ?? []), ...(entry.unit.trim() === '' ? [] : (byUnit.get(unitKey(entry.unit)) ?? []))];
    if (!matching.length) continue;
    const seen = new Set<number>();
    const list = matching
      .filter((c) => !seen.has(c.jurorId) && seen.add(c.jurorId))
      .map((c) => ({ jurorId: c.jurorId, jurorName: jurorName.get(c.jurorId) ?? '?', reason: c.reason }))
      .sort((a, b) => (jurorOrder.get(a.jurorId) ?? 0) - (jurorOrder.get(b.jurorId) ?? 0));
    result.set(entry.id, list);
  }
  return result;
}
