/**
 * The one place a score sheet is written: checks each mark against its criterion's scale, merges
 * it into the stored sheet, refuses a submitted (locked) sheet, requires every criterion on submit,
 * and records the audit row and the push event. Callers (the juror's own `scoring.saveSheet`, the
 * paper fallback) decide first whether this juror may score this entry now.
 */
import { AppError } from '@shared/api/errors';
import { milliToText, parseMilli } from '@shared/domain/decimal';
import type { Sheet } from '@shared/domain/schemas';
import { formatDecimal } from '@shared/format';
import type { HandlerContext } from '../registry';
import { criterionScale, stageCriterionIds, type ScaleRow } from './load';
import { writeComments, sheetView, withExtras, type SheetComments } from './sheet-extras';
import { loadSheets, toSheet } from './sheets';

export interface SheetWrite {
  competitionId: number;
  stageId: number;
  entryId: number;
  jurorId: number;
  opId: string;
  marks: readonly { criterionId: number; value: string }[];
  submit: boolean;
  /** Who typed it: the juror on their device, or the secretariat from a paper sheet. */
  source: 'juror' | 'paper';
  /** The juror's comments (issue 5); omitted = unchanged. */
  comments?: SheetComments;
  /** Check everything, write nothing: a late submission is checked when made, written when approved. */
  validateOnly?: boolean;
}

export function checkScale(ctx: HandlerContext, criterion: ScaleRow, milli: number, text: string): void {
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

export function writeSheet(ctx: HandlerContext, write: SheetWrite): Sheet {
  const { db } = ctx;
  const { competitionId, stageId, entryId, jurorId, opId, submit, source } = write;
  const [existing] = loadSheets(db, stageId, { jurorId, entryId });
  if (existing?.status === 'submitted') throw new AppError('LOCKED', 'sheetSubmitted');

  const scaleOf = (criterionId: number): ScaleRow => {
    const criterion = criterionScale(db, stageId, criterionId);
    if (!criterion) throw new AppError('NOT_FOUND', 'criterionNotFound');
    return criterion;
  };
  const parsed = write.marks.map(({ criterionId, value }) => {
    const milli = parseMilli(value)!;
    checkScale(ctx, scaleOf(criterionId), milli, value);
    return { criterionId, milli };
  });
  for (const { criterionId } of write.comments?.criteria ?? []) scaleOf(criterionId);
  const merged = new Map(existing?.marks ?? []);
  for (const { criterionId, milli } of parsed) merged.set(criterionId, milli);
  if (submit) {
    const missing = stageCriterionIds(db, stageId).filter((id) => !merged.has(id)).length;
    if (missing) throw new AppError('VALIDATION', 'sheetIncomplete', { missing });
  }
  if (write.validateOnly) return sheetView(db, { stageId, entryId, jurorId });

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
  writeComments(db, { stageId, entryId, jurorId }, write.comments);

  ctx.audit('scoring.saveSheet', { opId, stageId, entryId, jurorId, status, source, marks: parsed, ...(write.comments && { comments: write.comments }) });
  ctx.emit('sheet.changed', { competitionId, entryId, jurorId, status });
  // The sheet as stored now, built from what was read and written instead of reading it again
  // (marks in criterion order, as loadSheets returns them); comments and flags come from withExtras.
  const stored = { entryId, jurorId, status, updatedAt: ctx.now, marks: new Map([...merged].sort(([a], [b]) => a - b)) } as const;
  return withExtras(db, stageId, [toSheet(stored)], { jurorId, entryId })[0];
}
