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

/** The facts the rules read, looked up either from sets loaded for the whole stage or one pair at a time. */
interface ScopeFacts {
  roleOf(jurorId: number): string | undefined;
  /** The entry's status, unit and panel in this stage; undefined when the entry is not in the stage. */
  stageEntry(entryId: number): { status: string; unit: string; panelId: number | null } | undefined;
  isMember(panelId: number, jurorId: number): boolean;
  hasEntryConflict(jurorId: number, entryId: number): boolean;
  hasUnitConflict(jurorId: number, unit: string): boolean;
}

/** The judging rules, in the order their refusals are reported. */
function judge(facts: ScopeFacts, jurorId: number, entryId: number): Refusal | null {
  if (facts.roleOf(jurorId) === 'secretary') return 'secretaryDoesNotScore';
  const entry = facts.stageEntry(entryId);
  if (!entry) return 'entryNotInStage';
  if (entry.status !== 'active') return 'entryNotActive';
  if (entry.panelId !== null && !facts.isMember(entry.panelId, jurorId)) return 'notInPanel';
  if (facts.hasEntryConflict(jurorId, entryId)) return 'conflicted';
  if (entry.unit.trim() !== '' && facts.hasUnitConflict(jurorId, entry.unit)) return 'conflicted';
  return null;
}

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

  const facts: ScopeFacts = {
    roleOf: (jurorId) => roleOf.get(jurorId),
    stageEntry: (entryId) => {
      const entry = entryById.get(entryId);
      return entry && { status: entry.status, unit: entry.unit, panelId: panelOf.get(entryId)! };
    },
    isMember: (panelId, jurorId) => members.has(`${panelId}:${jurorId}`),
    hasEntryConflict: (jurorId, entryId) => entryConflicts.has(`${jurorId}:${entryId}`),
    hasUnitConflict: (jurorId, unit) => unitConflicts.has(`${jurorId}:${unitKey(unit)}`),
  };
  const refusal = (jurorId: number, entryId: number) => judge(facts, jurorId, entryId);
  return {
    stageId,
    scoringJurors: jurors.filter((j) => j.role !== 'secretary'),
    entries,
    refusal,
    applies: (jurorId, entryId) => roleOf.has(jurorId) && refusal(jurorId, entryId) === null,
  };
}

/**
 * The same rules for one juror and one entry, with a few indexed lookups instead of loading the whole
 * stage: a mark save in a competition of 3,000 entries must not read them all.
 */
export function pairRefusal(db: Database, competitionId: number, stageId: number, jurorId: number, entryId: number, knownRole?: string): Refusal | null {
  const facts: ScopeFacts = {
    // A caller that has just read the juror (scoring's `scorer`) passes the role instead of a second read.
    roleOf: (id) => knownRole ?? (db.prepare('SELECT role FROM jurors WHERE id = ? AND competition_id = ?').get(id, competitionId) as { role: string } | undefined)?.role,
    stageEntry: (id) =>
      db
        .prepare(
          `SELECT e.status, e.unit, se.panel_id AS panelId FROM stage_entries se JOIN entries e ON e.id = se.entry_id
            WHERE se.stage_id = ? AND se.entry_id = ? AND e.competition_id = ?`,
        )
        .get(stageId, id, competitionId) as { status: string; unit: string; panelId: number | null } | undefined,
    isMember: (panelId, id) => db.prepare('SELECT 1 FROM panel_members WHERE panel_id = ? AND juror_id = ?').get(panelId, id) !== undefined,
    hasEntryConflict: (id, entry) => db.prepare('SELECT 1 FROM conflicts WHERE juror_id = ? AND entry_id = ?').get(id, entry) !== undefined,
    hasUnitConflict: (id, unit) =>
      (db.prepare('SELECT unit FROM conflicts WHERE juror_id = ? AND unit IS NOT NULL').all(id) as { unit: string }[]).some((c) => unitKey(c.unit) === unitKey(unit)),
  };
  return judge(facts, jurorId, entryId);
}
