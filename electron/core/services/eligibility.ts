/**
 * Who scores what in one stage — the judging rules that scoring, progress and results share:
 * - secretaries do not score;
 * - only entries of the stage (stage_entries) are scored, and only while active (not withdrawn or
 *   disqualified);
 * - an entry assigned to a panel is scored by that panel's members only (no panel: every chair and
 *   member);
 * - a juror conflicted with the entry, or with its unit, does not score it.
 */
import type { Database } from 'better-sqlite3';
import type { Entry, Juror } from '@shared/domain/schemas';
import { unitKey } from '@shared/domain/setup';
import { loadEntries, loadJurors } from './load';

/** Why a juror may not score an entry; each is also the error key (errors.<refusal>). */
export type Refusal = 'secretaryDoesNotScore' | 'entryNotInStage' | 'entryNotActive' | 'notInPanel' | 'conflicted';

export interface StageScope {
  stageId: number;
  /** Jurors who score (chairs and members), in competition order. */
  scoringJurors: Juror[];
  /** Entries of the stage whatever their status, in competition order. */
  entries: Entry[];
  refusal(jurorId: number, entryId: number): Refusal | null;
  applies(jurorId: number, entryId: number): boolean;
}

export { unitKey };

export function loadStageScope(db: Database, competitionId: number, stageId: number): StageScope {
  const jurors = loadJurors(db, competitionId);
  const roleOf = new Map(jurors.map((j) => [j.id, j.role]));
  const panelOf = new Map(
    (db.prepare('SELECT entry_id, panel_id FROM stage_entries WHERE stage_id = ?').all(stageId) as { entry_id: number; panel_id: number | null }[]).map(
      (row) => [row.entry_id, row.panel_id],
    ),
  );
  const entries = loadEntries(db, competitionId).filter((e) => panelOf.has(e.id));
  const entryById = new Map(entries.map((e) => [e.id, e]));

  const members = new Set(
    (
      db
        .prepare('SELECT m.panel_id, m.juror_id FROM panel_members m JOIN panels p ON p.id = m.panel_id WHERE p.competition_id = ?')
        .all(competitionId) as { panel_id: number; juror_id: number }[]
    ).map((m) => `${m.panel_id}:${m.juror_id}`),
  );
  const conflicts = db.prepare('SELECT juror_id, entry_id, unit FROM conflicts WHERE competition_id = ?').all(competitionId) as {
    juror_id: number;
    entry_id: number | null;
    unit: string | null;
  }[];
  const entryConflicts = new Set(conflicts.filter((c) => c.entry_id !== null).map((c) => `${c.juror_id}:${c.entry_id}`));
  const unitConflicts = new Set(conflicts.filter((c) => c.unit !== null).map((c) => `${c.juror_id}:${unitKey(c.unit!)}`));

  const refusal = (jurorId: number, entryId: number): Refusal | null => {
    if (roleOf.get(jurorId) === 'secretary') return 'secretaryDoesNotScore';
    const entry = entryById.get(entryId);
    if (!entry) return 'entryNotInStage';
    if (entry.status !== 'active') return 'entryNotActive';
    const panelId = panelOf.get(entryId)!;
    if (panelId !== null && !members.has(`${panelId}:${jurorId}`)) return 'notInPanel';
    if (entryConflicts.has(`${jurorId}:${entryId}`)) return 'conflicted';
    if (entry.unit.trim() !== '' && unitConflicts.has(`${jurorId}:${unitKey(entry.unit)}`)) return 'conflicted';
    return null;
  };
  return {
    stageId,
    scoringJurors: jurors.filter((j) => j.role !== 'secretary'),
    entries,
    refusal,
    applies: (jurorId, entryId) => roleOf.has(jurorId) && refusal(jurorId, entryId) === null,
  };
}
