/**
 * One stage's result as it would be frozen: the `ruang-juri/scoring@1` document of the counted sheets
 * (with the chair's tie decisions) scored by the engine, the awards and grades from the stage's scheme,
 * the ties left open and what still stands in the way of finalising. Finalising hashes `body`; the
 * results page, the exports and the audit bundle all read this one computation.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '@shared/api/errors';
import type { finalRow, stageResults, tieDecision } from '@shared/api/finalise-commands';
import type { Actor } from '@shared/domain/actor';
import type { CompetitionDetail, Entry } from '@shared/domain/schemas';
import type { StageMethod } from '@shared/domain/method';
import { stageInputFromCore } from '@shared/scoring/adapter';
import { awardFor, gradeFor } from '@shared/scoring/grades';
import { rational } from '@shared/scoring/rational';
import { documentFromStage, scoreDocument, stringifyExact, type ResultFile, type ScoringDocument, type StageInput } from '@shared/scoring';
import { loadStageScope } from './eligibility';
import { assertCompetition, loadCompetitionDetail, loadCriteriaRows } from './load';
import { loadSheets } from './sheets';
import { latestSnapshot, type ResultSnapshot } from './snapshots';

export type FinalRow = z.output<typeof finalRow>;
export type StageResults = z.output<typeof stageResults>;
export type TieDecision = z.output<typeof tieDecision>;

/** What the engine says about one entry (from `ruang-juri/result@1`). */
interface EntryResult {
  entry: string;
  status: 'ranked' | 'incomplete';
  rank: number | null;
  total: string | null;
  tie: boolean;
  jurorTotals?: Record<string, string>;
}

export interface StageOutcome {
  detail: CompetitionDetail;
  stage: CompetitionDetail['stages'][number];
  view: StageResults;
  /** The scored document (results included), before the snapshot header and awards are added. */
  document: ScoringDocument;
  entryResults: Map<number, EntryResult>;
  latest: ResultSnapshot | null;
  /** The canonical body for a given snapshot version (null: provisional, not finalised). */
  bodyFor(version: number | null): string;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
/** Identifies a tie by its entries, whatever order the chair put them in. */
export const tieKey = (entryIds: readonly number[]): string => [...entryIds].sort((a, b) => a - b).join(',');

export function loadDecisions(db: Database, stageId: number): TieDecision[] {
  const rows = db
    .prepare('SELECT category_id, order_json, reason, decided_by, decided_at FROM tie_decisions WHERE stage_id = ? ORDER BY id')
    .all(stageId) as { category_id: number; order_json: string; reason: string; decided_by: string; decided_at: string }[];
  return rows.map((r) => ({ categoryId: r.category_id, order: JSON.parse(r.order_json) as number[], reason: r.reason, decidedBy: r.decided_by, decidedAt: r.decided_at }));
}

export function loadScheme(db: Database, stageId: number): { awardScaleId: number | null; gradeScaleId: number | null } {
  const row = db.prepare('SELECT award_scale_id, grade_scale_id FROM stage_award_schemes WHERE stage_id = ?').get(stageId) as
    | { award_scale_id: number | null; grade_scale_id: number | null }
    | undefined;
  return { awardScaleId: row?.award_scale_id ?? null, gradeScaleId: row?.grade_scale_id ?? null };
}

function loadOverrides(db: Database, stageId: number): Map<number, { label: string; reason: string }> {
  const rows = db.prepare('SELECT entry_id, label, reason FROM award_overrides WHERE stage_id = ?').all(stageId) as { entry_id: number; label: string; reason: string }[];
  return new Map(rows.map((r) => [r.entry_id, { label: r.label, reason: r.reason }]));
}

/** A recorded decision acts as the last tie-break rule even where the stage's rules do not name it. */
export function methodWithDecisions(method: StageMethod, decisions: readonly TieDecision[]): StageMethod {
  return decisions.length && !method.tieBreak.includes('chair') ? { ...method, tieBreak: [...method.tieBreak, 'chair'] } : method;
}

/** The engine input of the stage: active entries, counted (submitted, applicable) sheets, recusals and the chair's decisions. */
function stageDocumentInput(db: Database, detail: CompetitionDetail, stage: CompetitionDetail['stages'][number], decisions: TieDecision[]) {
  const scope = loadStageScope(db, detail.id, stage.id);
  const criteria = loadCriteriaRows(db, stage.id);
  const active = scope.entries.filter((e) => e.status === 'active');
  const sheets = loadSheets(db, stage.id);
  const counted = sheets.filter((s) => s.status === 'submitted' && scope.applies(s.jurorId, s.entryId));
  const conflicts = scope.scoringJurors.flatMap((j) =>
    active.filter((e) => scope.refusal(j.id, e.id) === 'conflicted').map((e) => ({ entryId: e.id, jurorId: j.id })),
  );
  const method = methodWithDecisions(stage.method, decisions);
  const core = stageInputFromCore(
    { criteria: criteria.map((c) => ({ id: c.id, weightBp: c.weight_bp })), jurorIds: scope.scoringJurors.map((j) => j.id), entries: active, sheets: counted, conflicts },
    method,
  );
  const input: StageInput = {
    ...core,
    criteria: core.criteria.map((c, i) => ({ ...c, name: criteria[i].name, min: rational(criteria[i].min_milli, 1000), max: rational(criteria[i].max_milli, 1000) })),
    jurors: scope.scoringJurors.map((j) => ({ id: String(j.id), name: j.name })),
    entries: core.entries.map((e, i) => ({ ...e, name: [active[i].code, active[i].title].filter(Boolean).join(' · ') })),
    decisions: decisions.map((d) => ({ order: d.order.map(String), note: d.reason })),
  };
  const statusOf = new Map(sheets.map((s) => [`${s.jurorId}:${s.entryId}`, s.status]));
  const missing = scope.scoringJurors.flatMap((j) =>
    active
      .filter((e) => scope.applies(j.id, e.id))
      .flatMap((e) => {
        const status = statusOf.get(`${j.id}:${e.id}`) ?? 'empty';
        return status === 'submitted' ? [] : [{ jurorId: j.id, jurorName: j.name, entryId: e.id, code: e.code || e.title, status: status as 'empty' | 'draft' }];
      }),
  );
  return { scope, input, missing };
}

/** A tie occupying places rank … rank + size − 1 sits on a boundary when those places would earn different awards, or straddle the stage's top-N cut. */
function crossesBoundary(rank: number, size: number, award: (place: number) => string | null, topN: number | null): boolean {
  const last = rank + size - 1;
  if (topN !== null && rank <= topN && last > topN) return true;
  for (let place = rank + 1; place <= last; place++) if (award(place) !== award(rank)) return true;
  return false;
}

export function stageOutcome(db: Database, actor: Actor, competitionId: number, stageId: number): StageOutcome {
  assertCompetition(db, actor, competitionId);
  const detail = loadCompetitionDetail(db, competitionId);
  const stage = detail.stages.find((s) => s.id === stageId);
  if (!stage) throw new AppError('NOT_FOUND', 'stageNotFound');
  const decisions = loadDecisions(db, stage.id);
  const { scope, input, missing } = stageDocumentInput(db, detail, stage, decisions);

  const result: ResultFile = scoreDocument(documentFromStage(input), { quality: false });
  const document: ScoringDocument = documentFromStage(input, result);
  const entryResults = new Map((result.entries as unknown as EntryResult[]).map((e) => [Number(e.entry), e]));

  const scheme = loadScheme(db, stage.id);
  const awardScale = detail.gradeScales.find((s) => s.id === scheme.awardScaleId && s.kind === 'award');
  const gradeScale = detail.gradeScales.find((s) => s.id === scheme.gradeScaleId && s.kind === 'grade');
  const awardBands = { bands: (awardScale?.bands ?? []).map((b) => ({ label: b.label, fromRank: b.fromRank ?? 0, toRank: b.toRank ?? -1 })) };
  const awardAt = (place: number): string | null => awardFor(awardBands, place);
  const topN = stage.advancement.kind === 'topN' ? stage.advancement.n : null;
  const overrides = loadOverrides(db, stage.id);

  const ties: StageResults['ties'] = [];
  const rowFor = (entry: Entry, groupSize: (r: EntryResult) => number): FinalRow => {
    const r = entryResults.get(entry.id);
    const base = { entryId: entry.id, code: entry.code, title: entry.title, unit: entry.unit };
    if (!r) return { ...base, status: 'inactive', rank: null, total: null, tied: false, boundaryTie: false, award: null, override: null, grade: null };
    const boundaryTie = r.tie && r.rank !== null && crossesBoundary(r.rank, groupSize(r), awardAt, topN);
    const override = overrides.get(entry.id) ?? null;
    const schemeAward = r.rank !== null && !boundaryTie ? awardAt(r.rank) : null;
    return {
      ...base,
      status: r.status,
      rank: r.rank,
      total: r.total,
      tied: r.tie,
      boundaryTie,
      award: override ? override.label || null : schemeAward,
      override,
      grade: gradeScale && r.total !== null ? gradeFor(gradeScale, r.total) : null,
    };
  };

  const categories = detail.categories.map((category) => {
    const entries = scope.entries.filter((e) => e.categoryId === category.id);
    const tiedAt = (r: EntryResult) => entries.filter((e) => entryResults.get(e.id)?.tie && entryResults.get(e.id)?.rank === r.rank).length;
    const rows = entries.map((e) => rowFor(e, tiedAt));
    const order = (row: FinalRow) => (row.status === 'inactive' ? 2 : row.rank === null ? 1 : 0);
    rows.sort((a, b) => order(a) - order(b) || (a.rank ?? 0) - (b.rank ?? 0) || a.code.localeCompare(b.code, 'id', { numeric: true }) || a.entryId - b.entryId);
    for (const row of rows) {
      if (!row.tied || row.rank === null || ties.some((t) => t.categoryId === category.id && t.rank === row.rank)) continue;
      const group = rows.filter((x) => x.tied && x.rank === row.rank);
      ties.push({ categoryId: category.id, rank: row.rank, entryIds: group.map((x) => x.entryId), atBoundary: row.boundaryTie });
    }
    return { categoryId: category.id, name: category.name, rows };
  });

  const awards = {
    awardScale: awardScale?.name ?? null,
    gradeScale: gradeScale?.name ?? null,
    entries: categories.flatMap((c) =>
      c.rows
        .filter((r) => r.status !== 'inactive')
        .map((r) => ({ entry: String(r.entryId), award: r.award, grade: r.grade, ...(r.boundaryTie ? { boundaryTie: true } : {}), ...(r.override ? { override: r.override } : {}) })),
    ),
  };
  // The snapshot header right after "format", so a reader sees what the file is before its data.
  const { format, ...data } = document;
  const bodyFor = (version: number | null): string => {
    try {
      return stringifyExact({ format, snapshot: { competition: detail.name, stage: stage.name, version }, ...data, awards });
    } catch (error) {
      // A weight share such as 1/3 (three equal weights not totalling 100 %) has no exact decimal to
      // write: the result shows, but it cannot be frozen into a file anyone can recompute.
      if (error instanceof RangeError) throw new AppError('CONFLICT', 'weightsNotExact');
      throw error;
    }
  };

  /** Whether recomputing now would freeze exactly the snapshot's body. */
  const frozenStill = (snapshot: ResultSnapshot): boolean => {
    try {
      return sha256(bodyFor(snapshot.version)) === snapshot.hash;
    } catch {
      return false;
    }
  };
  // Who did it, by name: actor labels ("chair:3") are what the database and the audit log keep.
  const jurorNames = new Map(detail.jurors.map((j) => [`chair:${j.id}`, j.name]));
  const who = (label: string | null) => (label === null ? null : (jurorNames.get(label) ?? label));
  const latest = latestSnapshot(db, stage.id);
  const final = latest !== null && latest.reopenedAt === null;
  const view: StageResults = {
    competitionId,
    competitionName: detail.name,
    stageId: stage.id,
    stageName: stage.name,
    stages: detail.stages.map((s) => {
      const snap = s.id === stage.id ? latest : latestSnapshot(db, s.id);
      return { id: s.id, name: s.name, final: snap !== null && snap.reopenedAt === null };
    }),
    scales: detail.gradeScales.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    awardScaleId: awardScale?.id ?? null,
    gradeScaleId: gradeScale?.id ?? null,
    status: {
      final,
      version: latest?.version ?? null,
      nextVersion: (latest?.version ?? 0) + 1,
      hash: latest?.hash ?? null,
      finalisedBy: who(latest?.finalisedBy ?? null),
      finalisedAt: latest?.finalisedAt ?? null,
      reopenedBy: who(latest?.reopenedBy ?? null),
      reopenedAt: latest?.reopenedAt ?? null,
      reopenReason: latest?.reopenReason ?? null,
      changedSinceFinal: final && !frozenStill(latest),
    },
    categories,
    ties,
    decisions: decisions.map((d) => ({ ...d, decidedBy: who(d.decidedBy)! })),
    blockers: { sheets: missing, boundaryTies: ties.filter((t) => t.atBoundary).length },
  };
  return { detail, stage, view, document, entryResults, latest, bodyFor };
}
