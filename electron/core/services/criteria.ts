/** Criteria of a stage: weight, scale, description, aspect (by name) and rubric bands. */
import type { Database } from 'better-sqlite3';
import { AppError } from '@shared/api/errors';
import { milliToText, parseMilli, parseScaled } from '@shared/domain/decimal';
import type { HandlerContext, HandlerMap } from '../registry';
import { assertCompetition } from './load';
import {
  applyOrder,
  changed,
  count,
  dropUnusedAspects,
  nextPosition,
  orderAfterMove,
  refuseDuplicateName,
  refuseScoredStage,
  renumber,
  requireStage,
} from './setup-util';

const CRITERIA = { table: 'criteria', scope: 'stage_id' } as const;

/** A criterion as text fields, the way both the input schema and the presets give it. */
export interface CriterionFields {
  name: string;
  description: string;
  weight: string;
  min: string;
  max: string;
  step: string;
  aspect: string | null;
  rubric: readonly { min: string; max: string; label: string; descriptor: string }[];
}

/** The aspect row of that name in the stage (matched regardless of case), created when missing. */
function aspectId(db: Database, stageId: number, name: string | null): number | null {
  const trimmed = name?.trim() ?? '';
  if (trimmed === '') return null;
  const aspects = db.prepare('SELECT id, name FROM aspects WHERE stage_id = ?').all(stageId) as { id: number; name: string }[];
  const found = aspects.find((a) => a.name.toLocaleLowerCase('id-ID') === trimmed.toLocaleLowerCase('id-ID'));
  if (found) return found.id;
  return Number(db.prepare('INSERT INTO aspects (stage_id, name) VALUES (?, ?)').run(stageId, trimmed).lastInsertRowid);
}

/**
 * Inserts (no id) or updates a criterion from checked text fields and replaces its rubric bands;
 * returns its id. Callers refuse duplicates and scored stages first.
 */
export function writeCriterion(db: Database, stageId: number, c: CriterionFields, id?: number): number {
  const values = [
    c.name,
    c.description,
    parseScaled(c.weight, 2)!,
    parseMilli(c.min)!,
    parseMilli(c.max)!,
    parseMilli(c.step)!,
    aspectId(db, stageId, c.aspect),
  ] as const;
  let criterionId = id;
  if (criterionId === undefined) {
    const info = db
      .prepare(
        `INSERT INTO criteria (stage_id, name, description, weight_bp, min_milli, max_milli, step_milli, aspect_id, position)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(stageId, ...values, nextPosition(db, CRITERIA, stageId));
    criterionId = Number(info.lastInsertRowid);
  } else {
    db.prepare(
      'UPDATE criteria SET name = ?, description = ?, weight_bp = ?, min_milli = ?, max_milli = ?, step_milli = ?, aspect_id = ? WHERE id = ?',
    ).run(...values, criterionId);
  }
  db.prepare('DELETE FROM rubric_bands WHERE criterion_id = ?').run(criterionId);
  const insertBand = db.prepare(
    'INSERT INTO rubric_bands (criterion_id, min_milli, max_milli, label, descriptor, position) VALUES (?, ?, ?, ?, ?, ?)',
  );
  c.rubric.forEach((band, position) => insertBand.run(criterionId, parseMilli(band.min)!, parseMilli(band.max)!, band.label, band.descriptor, position));
  return criterionId;
}

interface CriterionRef {
  id: number;
  stage_id: number;
  name: string;
  competition_id: number;
}

function requireCriterion(ctx: HandlerContext, criterionId: number): CriterionRef {
  const row = ctx.db
    .prepare('SELECT c.id, c.stage_id, c.name, s.competition_id FROM criteria c JOIN stages s ON s.id = c.stage_id WHERE c.id = ?')
    .get(criterionId) as CriterionRef | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'criterionNotFound');
  assertCompetition(ctx.db, ctx.actor, row.competition_id);
  return row;
}

export const criterionHandlers: HandlerMap = {
  'criterion.save'(ctx, input) {
    const stage = requireStage(ctx, input.stageId);
    const existing = ctx.db.prepare('SELECT id, name FROM criteria WHERE stage_id = ?').all(stage.id) as { id: number; name: string }[];
    if (input.id !== undefined && !existing.some((c) => c.id === input.id)) throw new AppError('NOT_FOUND', 'criterionNotFound');
    refuseDuplicateName(existing, input.name, input.id);
    if (input.id === undefined) {
      // A new criterion would leave every sheet already scored in this stage without a mark for it.
      refuseScoredStage(ctx.db, stage);
    } else {
      const [min, max, step] = [parseMilli(input.min)!, parseMilli(input.max)!, parseMilli(input.step)!];
      const outside = count(
        ctx.db,
        `SELECT COUNT(*) AS n FROM marks WHERE criterion_id = ?
           AND (value_milli < ? OR value_milli > ? OR (value_milli - ?) % ? <> 0)`,
        input.id,
        min,
        max,
        min,
        step,
      );
      if (outside > 0)
        throw new AppError('VALIDATION', 'marksOutsideScale', { count: outside, name: input.name, min: milliToText(min), max: milliToText(max), step: milliToText(step) });
    }
    const criterionId = writeCriterion(ctx.db, stage.id, input, input.id);
    dropUnusedAspects(ctx.db, stage.id);
    const { stageId: _stageId, id: _id, ...fields } = input;
    return changed(ctx, stage.competition_id, 'criterion.save', { stageId: stage.id, criterionId, created: input.id === undefined, ...fields });
  },

  'criterion.delete'(ctx, { criterionId }) {
    const criterion = requireCriterion(ctx, criterionId);
    if (count(ctx.db, 'SELECT COUNT(*) AS n FROM marks WHERE criterion_id = ?', criterionId) > 0)
      throw new AppError('CONFLICT', 'criterionHasMarks', { name: criterion.name });
    ctx.db.prepare('DELETE FROM criteria WHERE id = ?').run(criterionId);
    renumber(ctx.db, CRITERIA, criterion.stage_id);
    dropUnusedAspects(ctx.db, criterion.stage_id);
    return changed(ctx, criterion.competition_id, 'criterion.delete', { stageId: criterion.stage_id, criterionId, name: criterion.name });
  },

  'criterion.move'(ctx, { criterionId, position }) {
    const criterion = requireCriterion(ctx, criterionId);
    const order = orderAfterMove(ctx.db, CRITERIA, criterion.stage_id, criterionId, position);
    applyOrder(ctx.db, CRITERIA, order);
    return changed(ctx, criterion.competition_id, 'criterion.move', { stageId: criterion.stage_id, criterionId, to: order.indexOf(criterionId) });
  },
};
