/** Reads shared by several domains; each returns contract-shaped values. */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { actorCompetitionId, type Actor } from '@shared/domain/actor';
import { milliToText } from '@shared/domain/decimal';
import type { CompetitionDetail, Criterion, Entry, Juror, Session } from '@shared/domain/schemas';
import type { StageView } from '@shared/domain/setup';
import { DEFAULT_STAGE_METHOD, stageMethod } from '@shared/domain/method';

export interface CriterionRow {
  id: number;
  stage_id: number;
  name: string;
  description: string;
  aspect_id: number | null;
  weight_bp: number;
  min_milli: number;
  max_milli: number;
  step_milli: number;
  position: number;
}

interface RubricRow {
  criterion_id: number;
  min_milli: number;
  max_milli: number;
  label: string;
  descriptor: string;
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

/**
 * The stage being scored: the stage of the open session, else of the most recent session, else the
 * first stage.
 */
export function activeStage(db: Database, competitionId: number): { id: number; name: string } {
  const session = currentSession(db, competitionId);
  if (session) return db.prepare('SELECT id, name FROM stages WHERE id = ?').get(session.stageId) as { id: number; name: string };
  return db.prepare('SELECT id, name FROM stages WHERE competition_id = ? ORDER BY position LIMIT 1').get(competitionId) as { id: number; name: string };
}

export function loadCriteriaRows(db: Database, stageId: number): CriterionRow[] {
  return db.prepare('SELECT * FROM criteria WHERE stage_id = ? ORDER BY position').all(stageId) as CriterionRow[];
}

/** What checking a mark needs of its criterion. */
export type ScaleRow = Pick<CriterionRow, 'id' | 'name' | 'min_milli' | 'max_milli' | 'step_milli'>;

/**
 * One criterion of the stage by id, or undefined when the stage has no such criterion. A mark save
 * names one or two criteria: looking each up by key costs a tenth of reading the stage's whole list.
 */
export const criterionScale = (db: Database, stageId: number, criterionId: number): ScaleRow | undefined =>
  db.prepare('SELECT id, name, min_milli, max_milli, step_milli FROM criteria WHERE id = ? AND stage_id = ?').get(criterionId, stageId) as ScaleRow | undefined;

/** The stage's criterion ids in sheet order. */
export const stageCriterionIds = (db: Database, stageId: number): number[] =>
  (db.prepare('SELECT id FROM criteria WHERE stage_id = ? ORDER BY position').all(stageId) as { id: number }[]).map((c) => c.id);

export function toCriterion(row: CriterionRow, weightSumBp: number, rubric: RubricRow[] = []): Criterion {
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
    description: row.description,
    aspectId: row.aspect_id,
    rubric: rubric.map((band) => ({ min: milliToText(band.min_milli), max: milliToText(band.max_milli), label: band.label, descriptor: band.descriptor })),
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
  const bands = db
    .prepare(
      `SELECT b.criterion_id, b.min_milli, b.max_milli, b.label, b.descriptor FROM rubric_bands b
       JOIN criteria c ON c.id = b.criterion_id JOIN stages s ON s.id = c.stage_id
       WHERE s.competition_id = ? ORDER BY b.criterion_id, b.position`,
    )
    .all(competitionId) as RubricRow[];
  const bandsOf = new Map<number, RubricRow[]>();
  for (const band of bands) bandsOf.set(band.criterion_id, [...(bandsOf.get(band.criterion_id) ?? []), band]);
  return rows.map((row) => toCriterion(row, sums.get(row.stage_id)!, bandsOf.get(row.id)));
}

const JUROR_COLUMNS = `id, name, role, title, nip, position_title AS position, institution, pin_hash IS NOT NULL AS hasPin`;
type JurorRow = Omit<Juror, 'hasPin'> & { hasPin: number };
const toJuror = (row: JurorRow): Juror => ({ ...row, hasPin: row.hasPin === 1 });

export const loadJurors = (db: Database, competitionId: number): Juror[] =>
  (db.prepare(`SELECT ${JUROR_COLUMNS} FROM jurors WHERE competition_id = ? ORDER BY jurors.position`).all(competitionId) as JurorRow[]).map(toJuror);

export const ENTRY_COLUMNS = `id, code, title, unit, category_id AS categoryId, presenters, contact, notes, status, status_reason AS statusReason`;

export const loadEntries = (db: Database, competitionId: number): Entry[] =>
  db.prepare(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE competition_id = ? ORDER BY position`).all(competitionId) as Entry[];

interface StageRow {
  id: number;
  name: string;
  position: number;
  weight_bp: number;
  advancement_kind: 'none' | 'topN' | 'passingGrade';
  advancement_value: number | null;
  advancement_applied_at: string | null;
  method_json: string | null;
}

function toStage(row: StageRow): StageView {
  const advancement: StageView['advancement'] =
    row.advancement_kind === 'topN'
      ? { kind: 'topN', n: row.advancement_value! }
      : row.advancement_kind === 'passingGrade'
        ? { kind: 'passingGrade', grade: milliToText(row.advancement_value!) }
        : { kind: 'none' };
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    weightBp: row.weight_bp,
    advancement,
    advancementAppliedAt: row.advancement_applied_at,
    method: row.method_json ? stageMethod.parse(JSON.parse(row.method_json)) : DEFAULT_STAGE_METHOD,
  };
}

export const loadStages = (db: Database, competitionId: number): StageView[] =>
  (db.prepare('SELECT * FROM stages WHERE competition_id = ? ORDER BY position').all(competitionId) as StageRow[]).map(toStage);

function loadGradeScales(db: Database, competitionId: number): CompetitionDetail['gradeScales'] {
  const scales = db.prepare('SELECT id, name, kind FROM grade_scales WHERE competition_id = ? ORDER BY id').all(competitionId) as {
    id: number;
    name: string;
    kind: 'grade' | 'award';
  }[];
  const bands = db
    .prepare(
      `SELECT b.* FROM grade_bands b JOIN grade_scales g ON g.id = b.scale_id WHERE g.competition_id = ? ORDER BY b.scale_id, b.position`,
    )
    .all(competitionId) as {
    scale_id: number;
    label: string;
    description: string;
    lower_milli: number | null;
    lower_inclusive: number;
    upper_milli: number | null;
    upper_inclusive: number;
    from_rank: number | null;
    to_rank: number | null;
  }[];
  return scales.map((scale) => ({
    ...scale,
    bands: bands
      .filter((b) => b.scale_id === scale.id)
      .map((b) => ({
        label: b.label,
        description: b.description,
        lower: b.lower_milli === null ? null : milliToText(b.lower_milli),
        lowerInclusive: b.lower_inclusive === 1,
        upper: b.upper_milli === null ? null : milliToText(b.upper_milli),
        upperInclusive: b.upper_inclusive === 1,
        fromRank: b.from_rank,
        toRank: b.to_rank,
      })),
  }));
}

/** The whole setup of one competition in one read: what the setup screens and the engine work from. */
export function loadCompetitionDetail(db: Database, competitionId: number): CompetitionDetail {
  const c = db.prepare('SELECT * FROM competitions WHERE id = ?').get(competitionId) as {
    id: number;
    name: string;
    created_at: string;
    institution: string;
    unit: string;
    address: string;
    place: string;
    start_date: string | null;
    end_date: string | null;
    document_locale: 'id' | 'en';
    logo: string | null;
    weights_must_total_100: number;
  };
  const members = db
    .prepare('SELECT m.panel_id, m.juror_id FROM panel_members m JOIN panels p ON p.id = m.panel_id WHERE p.competition_id = ?')
    .all(competitionId) as { panel_id: number; juror_id: number }[];
  const panels = db.prepare('SELECT id, name FROM panels WHERE competition_id = ? ORDER BY name').all(competitionId) as { id: number; name: string }[];
  return {
    id: c.id,
    name: c.name,
    createdAt: c.created_at,
    details: {
      institution: c.institution,
      unit: c.unit,
      address: c.address,
      place: c.place,
      startDate: c.start_date,
      endDate: c.end_date,
      documentLocale: c.document_locale,
      logo: c.logo,
      weightsMustTotal100: c.weights_must_total_100 === 1,
    },
    categories: db.prepare('SELECT id, name FROM categories WHERE competition_id = ? ORDER BY position').all(competitionId) as {
      id: number;
      name: string;
    }[],
    stages: loadStages(db, competitionId),
    aspects: db
      .prepare('SELECT a.id, a.stage_id AS stageId, a.name FROM aspects a JOIN stages s ON s.id = a.stage_id WHERE s.competition_id = ? ORDER BY a.id')
      .all(competitionId) as CompetitionDetail['aspects'],
    criteria: loadCriteria(db, competitionId),
    jurors: loadJurors(db, competitionId),
    panels: panels.map((p) => ({ ...p, jurorIds: members.filter((m) => m.panel_id === p.id).map((m) => m.juror_id) })),
    entries: loadEntries(db, competitionId),
    stageEntries: db
      .prepare(
        `SELECT se.stage_id AS stageId, se.entry_id AS entryId, se.panel_id AS panelId FROM stage_entries se
         JOIN stages s ON s.id = se.stage_id WHERE s.competition_id = ? ORDER BY s.position, se.entry_id`,
      )
      .all(competitionId) as CompetitionDetail['stageEntries'],
    conflicts: db
      .prepare(
        `SELECT id, juror_id AS jurorId, entry_id AS entryId, unit, reason, declared_by AS declaredBy, created_at AS createdAt
         FROM conflicts WHERE competition_id = ? ORDER BY id`,
      )
      .all(competitionId) as CompetitionDetail['conflicts'],
    gradeScales: loadGradeScales(db, competitionId),
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

/** The open session of the competition (there is at most one), else its most recent one. */
export function currentSession(db: Database, competitionId: number): Session | null {
  const row = db
    .prepare(
      `SELECT se.* FROM sessions se JOIN stages st ON st.id = se.stage_id
       WHERE st.competition_id = ? ORDER BY se.status = 'open' DESC, se.id DESC LIMIT 1`,
    )
    .get(competitionId) as SessionRow | undefined;
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
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM entries WHERE id = ? AND competition_id = ?`)
    .get(entryId, competitionId) as Entry | undefined;
  if (!entry) throw new AppError('NOT_FOUND', 'entryNotFound');
  return entry;
}
