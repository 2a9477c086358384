/**
 * The plain model every official document is built from, loaded from the database in one place
 * (inside the command's transaction, so a document reflects one consistent state). The builders
 * (recap, score sheets, Berita Acara, decree, certificates, setup sheet) are pure functions of it.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Actor } from '@shared/domain/actor';
import type { ConflictView } from '@shared/domain/setup';
import type { Criterion, Entry, Juror, Results } from '@shared/domain/schemas';
import type { Locale } from '@shared/i18n';
import { loadStageScope } from '../services/eligibility';
import { activeStage, assertCompetition, loadCompetitionDetail } from '../services/load';
import { computeResults } from '../services/results';
import { loadSheets } from '../services/sheets';
import { finalSnapshot } from '../services/snapshots';
import { stageOutcome, type StageResults } from '../services/stage-outcome';
import { readableImage } from './images';
import type { Letterhead } from './parts';
import { fitText } from './text-fit';
import { stageSignatureImages } from '../services/drawn-signatures';

export interface SheetMarks {
  jurorId: number;
  entryId: number;
  submitted: boolean;
  /** criterion id → milli-points */
  marks: ReadonlyMap<number, number>;
  comment: string;
}

/** The chair's order for entries the tie-break rules left equal. */
export interface TieDecisionLine {
  category: string;
  /** "E01 Poltabes", best first. */
  entries: string[];
  reason: string;
}

/** The chair's manual award ('' = no award) for an entry. */
export interface AwardOverrideLine {
  entry: string;
  label: string;
  reason: string;
}

export interface Reopening {
  version: number;
  reopenedAt: string;
  reason: string;
}

export interface DocumentModel {
  locale: Locale;
  letterhead: Letterhead;
  competition: { id: number; name: string; place: string; startDate: string | null; endDate: string | null };
  stage: { id: number; name: string };
  results: Results;
  /** The stage's criteria in order, with their aspect's name ('' when none). */
  criteria: (Criterion & { aspect: string })[];
  criterionNames: ReadonlyMap<number, string>;
  /** Every juror of the competition, secretaries included, in competition order. */
  jurors: Juror[];
  /** The stage's entries (any status) with their category's name. */
  entries: (Entry & { categoryName: string })[];
  /** Submitted sheets that count, and drafts (not counted), of the stage. */
  sheets: SheetMarks[];
  /** Which (juror, entry) pairs the judging rules let score: `${jurorId}:${entryId}`. */
  applicable: ReadonlySet<string>;
  conflicts: ConflictView[];
  /** Award (or, without one, grade) per entry id, as the results page shows them (see outcomeAwards). */
  awards: ReadonlyMap<number, string>;
  tieDecisions: TieDecisionLine[];
  overrides: AwardOverrideLine[];
  reopenings: Reopening[];
  /** The finalised snapshot the result stands on, null while provisional. */
  snapshot: { version: number; hash: string; finalisedAt: string } | null;
  /** SHA-256 of the canonical setup (criteria, weights, scales, method, jurors, conflicts). */
  setupHash: string;
  /** Drawn signatures of the stage that decode, juror id → PNG data URL (migration 013). */
  signatureImages: ReadonlyMap<number, string>;
  /** The competition's logo could not be decoded, so the letterhead prints without it. */
  logoUnreadable: boolean;
}

/** JSON with object keys sorted, so the same setup always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/**
 * Juror comments per sheet, keyed `${jurorId}:${entryId}` (migration 008): the sheet's comment, then
 * each criterion's comment as "Criterion: comment".
 */
export function loadSheetComments(db: Database, stageId: number, criterionNames: ReadonlyMap<number, string>): Map<string, string> {
  const sheets = db.prepare('SELECT entry_id, juror_id, comment FROM sheets WHERE stage_id = ? AND comment IS NOT NULL AND comment != ?').all(stageId, '') as {
    entry_id: number;
    juror_id: number;
    comment: string;
  }[];
  const marks = db
    .prepare('SELECT entry_id, juror_id, criterion_id, comment FROM mark_comments WHERE stage_id = ? AND comment != ? ORDER BY criterion_id')
    .all(stageId, '') as { entry_id: number; juror_id: number; criterion_id: number; comment: string }[];
  const comments = new Map<string, string[]>();
  const add = (key: string, text: string) => comments.set(key, [...(comments.get(key) ?? []), text]);
  for (const row of sheets) add(`${row.juror_id}:${row.entry_id}`, row.comment);
  for (const row of marks) add(`${row.juror_id}:${row.entry_id}`, `${criterionNames.get(row.criterion_id) ?? ''}: ${row.comment}`);
  return new Map([...comments].map(([key, texts]) => [key, texts.join('\n')]));
}

/** The award that stands for each entry (the chair's override, else the stage's award scale), else its grade. */
export function outcomeAwards(view: StageResults): Map<number, string> {
  const awards = new Map<number, string>();
  for (const category of view.categories)
    for (const row of category.rows) {
      const label = row.award ?? row.grade;
      if (label) awards.set(row.entryId, label);
    }
  return awards;
}

/**
 * The ranks the documents print are the stage outcome's (after the chair's tie decisions); the
 * totals and juror totals come from computeResults, the same engine, with the jurors' columns.
 */
function withOutcomeRanks(results: Results, view: StageResults): Results {
  const outcome = new Map(view.categories.flatMap((c) => c.rows.map((r) => [r.entryId, r])));
  const rank = (row: Results['categories'][number]['rows'][number]) => {
    const o = outcome.get(row.entryId);
    return o && o.status === 'ranked' ? { ...row, rank: o.rank, tied: o.tied } : row;
  };
  return { ...results, categories: results.categories.map((c) => ({ ...c, rows: c.rows.map(rank) })) };
}

/** Entry titles and units as the documents print them (see text-fit.ts). */
const withPrintableTexts = (results: Results): Results => ({
  ...results,
  categories: results.categories.map((c) => ({ ...c, rows: c.rows.map((row) => ({ ...row, title: fitText(row.title), unit: fitText(row.unit) })) })),
});

function loadReopenings(db: Database, stageId: number): Reopening[] {
  return db
    .prepare(
      `SELECT version, reopened_at AS reopenedAt, COALESCE(reopen_reason, '') AS reason FROM result_snapshots
       WHERE stage_id = ? AND reopened_at IS NOT NULL ORDER BY version`,
    )
    .all(stageId) as Reopening[];
}

export function loadDocumentModel(db: Database, actor: Actor, competitionId: number, stageId?: number): DocumentModel {
  assertCompetition(db, actor, competitionId);
  const wanted = stageId ?? activeStage(db, competitionId).id;
  const view = stageOutcome(db, actor, competitionId, wanted).view;
  const results = withOutcomeRanks(computeResults(db, actor, competitionId, wanted), view);
  const detail = loadCompetitionDetail(db, competitionId);
  const stage = detail.stages.find((s) => s.id === wanted)!;
  const locale = detail.details.documentLocale;
  const scope = loadStageScope(db, competitionId, stage.id);
  const aspectName = new Map(detail.aspects.map((a) => [a.id, a.name]));
  const criteria = detail.criteria.filter((c) => c.stageId === stage.id).map((c) => ({ ...c, aspect: c.aspectId === null ? '' : (aspectName.get(c.aspectId) ?? '') }));
  const categoryName = new Map(detail.categories.map((c) => [c.id, c.name]));
  const comments = loadSheetComments(db, stage.id, new Map(criteria.map((c) => [c.id, c.name])));
  const applicable = new Set<string>();
  for (const juror of scope.scoringJurors) for (const entry of scope.entries) if (scope.applies(juror.id, entry.id)) applicable.add(`${juror.id}:${entry.id}`);
  const sheets = loadSheets(db, stage.id)
    .filter((s) => applicable.has(`${s.jurorId}:${s.entryId}`))
    .map((s) => ({ jurorId: s.jurorId, entryId: s.entryId, submitted: s.status === 'submitted', marks: s.marks, comment: comments.get(`${s.jurorId}:${s.entryId}`) ?? '' }));
  const snapshot = finalSnapshot(db, stage.id);
  const entryLabel = new Map(detail.entries.map((e) => [e.id, `${e.code ? `${e.code} ` : ''}${fitText(e.title)}`]));
  const logo = readableImage(detail.details.logo);
  const signatureImages = new Map([...stageSignatureImages(db, stage.id)].filter(([, image]) => readableImage(image) !== null));
  const setup = {
    competition: detail.name,
    stage: stage.name,
    criteria: criteria.map((c) => ({ name: c.name, aspect: c.aspect, weightBp: c.weightBp, min: c.min, max: c.max, step: c.step })),
    method: stage.method,
    jurors: detail.jurors.map((j) => ({ name: j.name, role: j.role, nip: j.nip })),
    conflicts: detail.conflicts.map((c) => ({ jurorId: c.jurorId, entryId: c.entryId, unit: c.unit })),
  };
  return {
    locale,
    letterhead: { logo, institution: detail.details.institution, unit: detail.details.unit, address: detail.details.address },
    competition: { id: detail.id, name: detail.name, place: detail.details.place, startDate: detail.details.startDate, endDate: detail.details.endDate },
    stage: { id: stage.id, name: stage.name },
    results: withPrintableTexts(results),
    criteria,
    criterionNames: new Map(detail.criteria.map((c) => [c.id, c.name])),
    jurors: detail.jurors,
    entries: scope.entries.map((e) => ({ ...e, title: fitText(e.title), unit: fitText(e.unit), categoryName: categoryName.get(e.categoryId) ?? '' })),
    sheets,
    applicable,
    conflicts: detail.conflicts,
    awards: outcomeAwards(view),
    tieDecisions: view.decisions.map((d) => ({
      category: detail.categories.find((c) => c.id === d.categoryId)?.name ?? '',
      entries: d.order.map((id) => entryLabel.get(id) ?? String(id)),
      reason: d.reason,
    })),
    overrides: view.categories.flatMap((c) =>
      c.rows.filter((r) => r.override).map((r) => ({ entry: entryLabel.get(r.entryId) ?? r.title, label: r.override!.label, reason: r.override!.reason })),
    ),
    reopenings: loadReopenings(db, stage.id),
    snapshot: snapshot && { version: snapshot.version, hash: snapshot.hash, finalisedAt: snapshot.finalisedAt },
    setupHash: createHash('sha256').update(canonicalJson(setup)).digest('hex'),
    signatureImages,
    logoUnreadable: !!detail.details.logo && logo === null,
  };
}
