/** Reads shared by several domains; each returns contract-shaped values. */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { actorCompetitionId, type Actor } from '@shared/domain/actor';
import { milliToText } from '@shared/domain/decimal';
import type { CompetitionDetail, Criterion, Entry, Juror, Session } from '@shared/domain/schemas';

export interface CriterionRow {
  id: number;
  stage_id: number;
  name: string;
  weight_bp: number;
  min_milli: number;
  max_milli: number;
  step_milli: number;
  position: number;
}

/** Device actors may only reach their own competition; a foreign id reads as "not found". */
export function assertCompetition(db: Database, actor: Actor, competitionId: number): { id: number; name: string; created_at: string } {
  const own = actorCompetitionId(actor);
  const row = db.prepare('SELECT id, name, created_at FROM competitions WHERE id = ?').get(competitionId) as
    | { id: number; name: string; created_at: string }
    | undefined;
  if (!row || (own !== null && own !== competitionId)) throw new AppError('NOT_FOUND', 'competitionNotFound');
  return row;
}

/** The stage being scored. This version runs one stage per competition: the first. */
export function activeStage(db: Database, competitionId: number): { id: number; name: string } {
  return db.prepare('SELECT id, name FROM stages WHERE competition_id = ? ORDER BY position LIMIT 1').get(competitionId) as {
    id: number;
    name: string;
  };
}

export function loadCriteriaRows(db: Database, stageId: number): CriterionRow[] {
  return db.prepare('SELECT * FROM criteria WHERE stage_id = ? ORDER BY position').all(stageId) as CriterionRow[];
}

export function toCriterion(row: CriterionRow, weightSumBp: number): Criterion {
  return {
    id: row.id,
    stageId: row.stage_id,
    name: row.name,
    weightBp: row.weight_bp,
    // Integer half-up share of 10 000: display only, the engine uses the raw weights.
    effectiveWeightBp: Math.floor((row.weight_bp * 20_000 + weightSumBp) / (2 * weightSumBp)),
    min: milliToText(row.min_milli),
    max: milliToText(row.max_milli),
    step: milliToText(row.step_milli),
    position: row.position,
  };
}

export function loadCriteria(db: Database, competitionId: number): Criterion[] {
  const rows = db
    .prepare(
      `SELECT c.* FROM criteria c JOIN stages s ON s.id = c.stage_id
       WHERE s.competition_id = ? ORDER BY s.position, c.position`,
    )
    .all(competitionId) as CriterionRow[];
  const sums = new Map<number, number>();
  for (const row of rows) sums.set(row.stage_id, (sums.get(row.stage_id) ?? 0) + row.weight_bp);
  return rows.map((row) => toCriterion(row, sums.get(row.stage_id)!));
}

export const loadJurors = (db: Database, competitionId: number): Juror[] =>
  db.prepare('SELECT id, name, role FROM jurors WHERE competition_id = ? ORDER BY position').all(competitionId) as Juror[];

export const loadEntries = (db: Database, competitionId: number): Entry[] =>
  db
    .prepare('SELECT id, code, title, unit, category_id AS categoryId FROM entries WHERE competition_id = ? ORDER BY position')
    .all(competitionId) as Entry[];

export function loadCompetitionDetail(db: Database, competitionId: number): CompetitionDetail {
  const competition = db.prepare('SELECT id, name, created_at FROM competitions WHERE id = ?').get(competitionId) as {
    id: number;
    name: string;
    created_at: string;
  };
  return {
    id: competition.id,
    name: competition.name,
    createdAt: competition.created_at,
    categories: db.prepare('SELECT id, name FROM categories WHERE competition_id = ? ORDER BY position').all(competitionId) as {
      id: number;
      name: string;
    }[],
    stages: db
      .prepare('SELECT id, name, position FROM stages WHERE competition_id = ? ORDER BY position')
      .all(competitionId) as CompetitionDetail['stages'],
    criteria: loadCriteria(db, competitionId),
    jurors: loadJurors(db, competitionId),
    entries: loadEntries(db, competitionId),
  };
}

interface SessionRow {
  id: number;
  stage_id: number;
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
  current_entry_id: number | null;
}

/** The open session of the active stage, or else its most recent one. */
export function currentSession(db: Database, competitionId: number): Session | null {
  const stage = activeStage(db, competitionId);
  const row = db
    .prepare(`SELECT * FROM sessions WHERE stage_id = ? ORDER BY status = 'open' DESC, id DESC LIMIT 1`)
    .get(stage.id) as SessionRow | undefined;
  return row
    ? {
        id: row.id,
        competitionId,
        stageId: row.stage_id,
        status: row.status,
        openedAt: row.opened_at,
        closedAt: row.closed_at,
        currentEntryId: row.current_entry_id,
      }
    : null;
}

export function requireOpenSession(db: Database, competitionId: number): Session {
  const session = currentSession(db, competitionId);
  if (!session || session.status !== 'open') throw new AppError('LOCKED', 'sessionNotOpen');
  return session;
}

export function requireEntry(db: Database, competitionId: number, entryId: number): Entry {
  const entry = db
    .prepare('SELECT id, code, title, unit, category_id AS categoryId FROM entries WHERE id = ? AND competition_id = ?')
    .get(entryId, competitionId) as Entry | undefined;
  if (!entry) throw new AppError('NOT_FOUND', 'entryNotFound');
  return entry;
}
