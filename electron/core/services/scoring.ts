import { AppError } from '@shared/api/errors';
import { parseMilli, milliToText } from '@shared/domain/decimal';
import { formatDecimal } from '@shared/format';
import type { HandlerContext, HandlerMap } from '../registry';
import { loadStageScope, unitKey } from './eligibility';
import { activeStage, currentSession, loadCriteria, loadCriteriaRows, loadJurors, requireEntry, requireOpenSession, type CriterionRow } from './load';
import { loadSheets, toSheet } from './sheets';

/**
 * Only jurors and chairs reach these handlers (the contract's roles), so the actor has a juror id.
 * A secretary pairs like a juror (for the documents) but does not score.
 */
export function scorer(ctx: HandlerContext): { competitionId: number; jurorId: number } {
  if (ctx.actor.role !== 'juror' && ctx.actor.role !== 'chair') throw new AppError('FORBIDDEN', 'forbidden');
  const { competitionId, jurorId } = ctx.actor;
  const juror = ctx.db.prepare('SELECT role FROM jurors WHERE id = ? AND competition_id = ?').get(jurorId, competitionId) as { role: string } | undefined;
  if (!juror) throw new AppError('NOT_FOUND', 'jurorNotFound');
  if (juror.role === 'secretary') throw new AppError('FORBIDDEN', 'secretaryDoesNotScore');
  return { competitionId, jurorId };
}

function checkScale(ctx: HandlerContext, criterion: CriterionRow, milli: number, text: string): void {
  const { min_milli: min, max_milli: max, step_milli: step } = criterion;
  if (milli < min || milli > max || (milli - min) % step !== 0) {
    const show = (value: number) => formatDecimal(milliToText(value), ctx.locale);
    throw new AppError('VALIDATION', 'markOutOfScale', {
      value: text,
      criterion: criterion.name,
      min: show(min),
      max: show(max),
      step: show(step),
    });
  }
}

export const scoringHandlers: HandlerMap = {
  'scoring.myAssignment'(ctx) {
    const { competitionId, jurorId } = scorer(ctx);
    const { db } = ctx;
    const competition = db.prepare('SELECT id, name FROM competitions WHERE id = ?').get(competitionId) as { id: number; name: string };
    const juror = loadJurors(db, competitionId).find((j) => j.id === jurorId)!;
    const categoryNames = new Map(
      (db.prepare('SELECT id, name FROM categories WHERE competition_id = ?').all(competitionId) as { id: number; name: string }[]).map((c) => [c.id, c.name]),
    );
    const stage = activeStage(db, competitionId);
    // Only what this juror scores in this stage: entries of other panels, withdrawn or disqualified
    // entries and entries they are conflicted with are left out (with their sheets, if any).
    const scope = loadStageScope(db, competitionId, stage.id);
    const entries = scope.entries.filter((e) => scope.applies(jurorId, e.id));
    const listed = new Set(entries.map((e) => e.id));
    // Why the entries this juror is conflicted with are not listed: the entry conflict, else the unit's.
    const declared = db.prepare('SELECT entry_id, unit, reason, declared_by FROM conflicts WHERE juror_id = ? ORDER BY id').all(jurorId) as {
      entry_id: number | null;
      unit: string | null;
      reason: string;
      declared_by: 'organiser' | 'juror';
    }[];
    const conflicts = scope.entries
      .filter((e) => scope.refusal(jurorId, e.id) === 'conflicted')
      .map((e) => {
        const c = declared.find((d) => d.entry_id === e.id) ?? declared.find((d) => d.unit !== null && unitKey(d.unit) === unitKey(e.unit))!;
        return { entryId: e.id, code: e.code, title: e.title, reason: c.reason, declaredBy: c.declared_by };
      });
    return {
      competition,
      juror,
      session: currentSession(db, competitionId),
      criteria: loadCriteria(db, competitionId).filter((c) => c.stageId === stage.id),
      entries: entries.map((e) => ({ ...e, categoryName: categoryNames.get(e.categoryId)! })),
      sheets: loadSheets(db, stage.id, { jurorId })
        .filter((sheet) => listed.has(sheet.entryId))
        .map(toSheet),
      conflicts,
    };
  },

  'scoring.saveSheet'(ctx, { opId, entryId, marks, submit }) {
    const { competitionId, jurorId } = scorer(ctx);
    const { db } = ctx;
    const session = requireOpenSession(db, competitionId);
    requireEntry(db, competitionId, entryId);
    const stageId = session.stageId;
    const refusal = loadStageScope(db, competitionId, stageId).refusal(jurorId, entryId);
    if (refusal) throw new AppError('FORBIDDEN', refusal);
    const [existing] = loadSheets(db, stageId, { jurorId, entryId });
    if (existing?.status === 'submitted') throw new AppError('LOCKED', 'sheetSubmitted');

    const criteria = new Map(loadCriteriaRows(db, stageId).map((c) => [c.id, c]));
    const parsed = marks.map(({ criterionId, value }) => {
      const criterion = criteria.get(criterionId);
      if (!criterion) throw new AppError('NOT_FOUND', 'criterionNotFound');
      const milli = parseMilli(value)!;
      checkScale(ctx, criterion, milli, value);
      return { criterionId, milli };
    });
    const merged = new Map(existing?.marks ?? []);
    for (const { criterionId, milli } of parsed) merged.set(criterionId, milli);
    if (submit) {
      const missing = [...criteria.keys()].filter((id) => !merged.has(id)).length;
      if (missing) throw new AppError('VALIDATION', 'sheetIncomplete', { missing });
    }

    const status = submit ? 'submitted' : 'draft';
    db.prepare(
      `INSERT INTO sheets (stage_id, entry_id, juror_id, status, updated_at, submitted_at) VALUES (@stageId, @entryId, @jurorId, @status, @now, @submittedAt)
       ON CONFLICT (stage_id, entry_id, juror_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, submitted_at = excluded.submitted_at`,
    ).run({ stageId, entryId, jurorId, status, now: ctx.now, submittedAt: submit ? ctx.now : null });
    const upsertMark = db.prepare(
      `INSERT INTO marks (stage_id, entry_id, juror_id, criterion_id, value_milli, op_id) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (stage_id, entry_id, juror_id, criterion_id) DO UPDATE SET value_milli = excluded.value_milli, op_id = excluded.op_id`,
    );
    for (const { criterionId, milli } of parsed) upsertMark.run(stageId, entryId, jurorId, criterionId, milli, opId);

    ctx.audit('scoring.saveSheet', { opId, stageId, entryId, jurorId, status, marks: parsed });
    ctx.emit('sheet.changed', { competitionId, entryId, jurorId, status });
    return toSheet(loadSheets(db, stageId, { jurorId, entryId })[0]);
  },
};
