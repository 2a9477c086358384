/**
 * The paper fallback with two-person confirmation (issue 5): the secretariat types a juror's paper
 * sheet (typing 1), a different person types it again (typing 2); only when both match mark for
 * mark is the sheet written, as submitted, through writeSheet. Either typing may be corrected
 * (logged) until they match. Not bound to the scoring window: it happens afterwards.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/api/errors';
import { normalizeTypist } from '@shared/api/fallback-commands';
import { milliToText, parseMilli } from '@shared/domain/decimal';
import type { CommandOutput } from '@shared/api/contract';
import type { HandlerContext, HandlerMap } from '../registry';
import { loadStageScope, pairRefusal, type Refusal } from './eligibility';
import { activeStage, assertCompetition, loadCriteria, loadCriteriaRows, loadJurors, requireEntry, stageCriterionIds } from './load';
import { checkScale, writeSheet } from './sheet-write';
import { loadSheets } from './sheets';
import { assertStageNotFinal } from './snapshots';

type PaperPair = CommandOutput<'paper.get'>;
interface Pair {
  competitionId: number;
  stageId: number;
  jurorId: number;
  entryId: number;
}
interface StoredTyping {
  slot: 1 | 2;
  typist: string;
  /** criterionId → milli-points */
  marks: Map<number, number>;
  typedAt: string;
}

function loadTypings(ctx: HandlerContext, pair: Pair): StoredTyping[] {
  const rows = ctx.db
    .prepare('SELECT slot, typist, marks_json, typed_at FROM paper_typings WHERE stage_id = ? AND entry_id = ? AND juror_id = ? ORDER BY slot')
    .all(pair.stageId, pair.entryId, pair.jurorId) as { slot: 1 | 2; typist: string; marks_json: string; typed_at: string }[];
  return rows.map((row) => ({ slot: row.slot, typist: row.typist, marks: new Map(JSON.parse(row.marks_json) as [number, number][]), typedAt: row.typed_at }));
}


/** Criteria (in sheet order) whose marks differ between the two typings; empty until both exist. */
function differences(criteria: readonly number[], typings: StoredTyping[]): number[] {
  if (typings.length < 2) return [];
  const [first, second] = typings;
  return criteria.filter((id) => first.marks.get(id) !== second.marks.get(id));
}
const bothMatch = (criteria: readonly number[], typings: StoredTyping[]): boolean => typings.length === 2 && differences(criteria, typings).length === 0;

/** The judging rules' refusals (eligibility.ts), worded for the secretariat rather than the juror. */
const PAPER_REFUSALS: Record<Refusal, string> = {
  secretaryDoesNotScore: 'paperSecretary',
  entryNotInStage: 'paperEntryNotInStage',
  entryNotActive: 'paperEntryNotActive',
  notInPanel: 'paperNotInPanel',
  conflicted: 'paperConflicted',
};

/** Why this juror's paper sheet for this entry cannot be typed now (an errors.* key), or null. */
function refusalOf(ctx: HandlerContext, pair: Pair, typings: StoredTyping[]): string | null {
  const scoped = pairRefusal(ctx.db, pair.competitionId, pair.stageId, pair.jurorId, pair.entryId);
  if (scoped) return PAPER_REFUSALS[scoped];
  const [sheet] = loadSheets(ctx.db, pair.stageId, { jurorId: pair.jurorId, entryId: pair.entryId });
  if (sheet?.status !== 'submitted') return null;
  return bothMatch(stageCriterionIds(ctx.db, pair.stageId), typings) ? 'paperConfirmed' : 'paperSubmittedDigitally';
}

function view(ctx: HandlerContext, pair: Pair): PaperPair {
  const typings = loadTypings(ctx, pair);
  const refusal = refusalOf(ctx, pair, typings);
  return {
    stageId: pair.stageId,
    jurorId: pair.jurorId,
    entryId: pair.entryId,
    typings: typings.map((t) => ({
      slot: t.slot,
      typist: t.typist,
      marks: [...t.marks].map(([criterionId, milli]) => ({ criterionId, value: milliToText(milli) })),
      typedAt: t.typedAt,
    })),
    differences: differences(stageCriterionIds(ctx.db, pair.stageId), typings),
    confirmed: refusal === 'paperConfirmed',
    refusal,
  };
}

function resolvePair(ctx: HandlerContext, input: { competitionId: number; jurorId: number; entryId: number }): Pair {
  assertCompetition(ctx.db, ctx.actor, input.competitionId);
  requireEntry(ctx.db, input.competitionId, input.entryId);
  if (!loadJurors(ctx.db, input.competitionId).some((j) => j.id === input.jurorId)) throw new AppError('NOT_FOUND', 'jurorNotFound');
  return { ...input, stageId: activeStage(ctx.db, input.competitionId).id };
}

/** Every criterion, each on its scale: the same checks and messages as writeSheet, at typing time. */
function checkTypedMarks(ctx: HandlerContext, pair: Pair, marks: readonly { criterionId: number; value: string }[]): Map<number, number> {
  const criteria = new Map(loadCriteriaRows(ctx.db, pair.stageId).map((c) => [c.id, c]));
  const typed = new Map<number, number>();
  for (const { criterionId, value } of marks) {
    const criterion = criteria.get(criterionId);
    if (!criterion) throw new AppError('NOT_FOUND', 'criterionNotFound');
    const milli = parseMilli(value)!;
    checkScale(ctx, criterion, milli, value);
    typed.set(criterionId, milli);
  }
  const missing = [...criteria.keys()].filter((id) => !typed.has(id)).length;
  if (missing) throw new AppError('VALIDATION', 'sheetIncomplete', { missing });
  return typed;
}

export const paperHandlers: HandlerMap = {
  'paper.overview'(ctx, { competitionId }) {
    const { db } = ctx;
    assertCompetition(db, ctx.actor, competitionId);
    const stage = activeStage(db, competitionId);
    const scope = loadStageScope(db, competitionId, stage.id);
    const rows = db
      .prepare('SELECT entry_id, juror_id, COUNT(*) AS typings FROM paper_typings WHERE stage_id = ? GROUP BY entry_id, juror_id ORDER BY MIN(typed_at)')
      .all(stage.id) as { entry_id: number; juror_id: number; typings: number }[];
    const criteria = stageCriterionIds(ctx.db, stage.id);
    const submitted = new Set(loadSheets(db, stage.id).filter((sheet) => sheet.status === 'submitted').map((sheet) => `${sheet.jurorId}:${sheet.entryId}`));
    const pairs = rows.map((row) => {
      const typings = loadTypings(ctx, { competitionId, stageId: stage.id, jurorId: row.juror_id, entryId: row.entry_id });
      const confirmed = bothMatch(criteria, typings) && submitted.has(`${row.juror_id}:${row.entry_id}`);
      const status = confirmed ? 'confirmed' : row.typings === 2 ? 'mismatch' : 'first';
      return { jurorId: row.juror_id, entryId: row.entry_id, status } as const;
    });
    return {
      stage,
      jurors: scope.scoringJurors.map(({ id, name }) => ({ id, name })),
      entries: scope.entries.filter((e) => e.status === 'active').map(({ id, code, title }) => ({ id, code, title })),
      criteria: loadCriteria(db, competitionId).filter((c) => c.stageId === stage.id),
      pairs,
    };
  },

  'paper.get'(ctx, input) {
    return view(ctx, resolvePair(ctx, input));
  },

  'paper.type'(ctx, { slot, typist, marks, ...input }) {
    const pair = resolvePair(ctx, input);
    assertStageNotFinal(ctx.db, pair.stageId);
    const before = loadTypings(ctx, pair);
    const refusal = refusalOf(ctx, pair, before);
    if (refusal) throw new AppError(refusal === 'paperConfirmed' || refusal === 'paperSubmittedDigitally' ? 'CONFLICT' : 'FORBIDDEN', refusal);
    const other = before.find((t) => t.slot !== slot);
    if (slot === 2 && !other) throw new AppError('CONFLICT', 'paperFirstTypingMissing');
    if (other && normalizeTypist(other.typist) === normalizeTypist(typist)) throw new AppError('CONFLICT', 'paperSameTypist', { name: other.typist });
    const typed = checkTypedMarks(ctx, pair, marks);

    const previous = before.find((t) => t.slot === slot);
    ctx.db
      .prepare(
        `INSERT INTO paper_typings (stage_id, entry_id, juror_id, slot, typist, marks_json, typed_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (stage_id, entry_id, juror_id, slot) DO UPDATE SET typist = excluded.typist, marks_json = excluded.marks_json, typed_at = excluded.typed_at`,
      )
      .run(pair.stageId, pair.entryId, pair.jurorId, slot, typist, JSON.stringify([...typed]), ctx.now);
    const logged = { competitionId: pair.competitionId, stageId: pair.stageId, entryId: pair.entryId, jurorId: pair.jurorId, slot, typist, marks: [...typed] };
    ctx.audit(previous ? 'paper.correct' : 'paper.type', previous ? { ...logged, before: { typist: previous.typist, marks: [...previous.marks] } } : logged);

    const after = loadTypings(ctx, pair);
    if (bothMatch(stageCriterionIds(ctx.db, pair.stageId), after)) {
      const opId = `paper-${randomBytes(9).toString('base64url')}`;
      const sheetMarks = [...typed].map(([criterionId, milli]) => ({ criterionId, value: milliToText(milli) }));
      writeSheet(ctx, { ...pair, opId, marks: sheetMarks, submit: true, source: 'paper' });
      ctx.audit('paper.confirm', { ...pair, opId, typists: after.map((t) => t.typist) });
    }
    ctx.emit('paper.changed', { competitionId: pair.competitionId, jurorId: pair.jurorId, entryId: pair.entryId });
    return view(ctx, pair);
  },
};
