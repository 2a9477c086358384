/** Grade scales (predicates by value) and award scales (by rank) of a competition. */
import type { Database } from 'better-sqlite3';
import { AppError, type ValidationIssue } from '@shared/api/errors';
import { parseMilli } from '@shared/domain/decimal';
import type { GradePreset, AwardPreset } from '@shared/presets';
import { checkAwardBands, checkGradeBands } from '@shared/scoring/grades';
import type { HandlerMap } from '../registry';
import { assertCompetition } from './load';
import { changed, refuseDuplicateName, refuseRepeatedNames } from './setup-util';

export type ScaleFields = Pick<GradePreset, 'name' | 'kind' | 'bands'> | Pick<AwardPreset, 'name' | 'kind' | 'bands'>;

/** Refuses bands that hold no value, overlap, or repeat a label. */
export function checkScaleFields(scale: ScaleFields): void {
  const issues: ValidationIssue[] = [];
  const issue = (path: (string | number)[], message: string) => issues.push({ path: path.join('.'), message });
  if (scale.kind === 'grade') checkGradeBands(scale.bands, issue);
  else checkAwardBands(scale.bands, issue);
  if (issues.length) throw new AppError('VALIDATION', 'invalidInput', {}, issues);
  refuseRepeatedNames(scale.bands.map((b) => b.label));
}

/** Inserts (no id) or rewrites a scale with all its bands; returns its id. */
export function writeScale(db: Database, competitionId: number, scale: ScaleFields, id?: number): number {
  let scaleId = id;
  if (scaleId === undefined) {
    scaleId = Number(db.prepare('INSERT INTO grade_scales (competition_id, name, kind) VALUES (?, ?, ?)').run(competitionId, scale.name, scale.kind).lastInsertRowid);
  } else {
    db.prepare('UPDATE grade_scales SET name = ?, kind = ? WHERE id = ?').run(scale.name, scale.kind, scaleId);
    db.prepare('DELETE FROM grade_bands WHERE scale_id = ?').run(scaleId);
  }
  const insert = db.prepare(
    `INSERT INTO grade_bands (scale_id, label, description, lower_milli, lower_inclusive, upper_milli, upper_inclusive, from_rank, to_rank, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  if (scale.kind === 'grade') {
    scale.bands.forEach((b, position) => {
      const lower = b.lower === null ? null : parseMilli(b.lower)!;
      const upper = b.upper === null ? null : parseMilli(b.upper)!;
      insert.run(scaleId, b.label, b.description, lower, b.lowerInclusive ? 1 : 0, upper, b.upperInclusive ? 1 : 0, null, null, position);
    });
  } else {
    scale.bands.forEach((b, position) => insert.run(scaleId, b.label, b.description, null, 1, null, 1, b.fromRank, b.toRank, position));
  }
  return scaleId;
}

export const scaleNames = (db: Database, competitionId: number): { id: number; name: string }[] =>
  db.prepare('SELECT id, name FROM grade_scales WHERE competition_id = ?').all(competitionId) as { id: number; name: string }[];

export const gradeScaleHandlers: HandlerMap = {
  'gradeScale.save'(ctx, input) {
    const { competitionId, id } = input;
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const existing = scaleNames(ctx.db, competitionId);
    if (id !== undefined && !existing.some((s) => s.id === id)) throw new AppError('NOT_FOUND', 'gradeScaleNotFound');
    refuseDuplicateName(existing, input.name, id);
    checkScaleFields(input);
    const gradeScaleId = writeScale(ctx.db, competitionId, input, id);
    return changed(ctx, competitionId, 'gradeScale.save', { gradeScaleId, name: input.name, kind: input.kind, bands: input.bands, created: id === undefined });
  },

  'gradeScale.delete'(ctx, { gradeScaleId }) {
    const scale = ctx.db.prepare('SELECT id, competition_id, name FROM grade_scales WHERE id = ?').get(gradeScaleId) as
      | { id: number; competition_id: number; name: string }
      | undefined;
    if (!scale) throw new AppError('NOT_FOUND', 'gradeScaleNotFound');
    assertCompetition(ctx.db, ctx.actor, scale.competition_id);
    ctx.db.prepare('DELETE FROM grade_scales WHERE id = ?').run(gradeScaleId);
    return changed(ctx, scale.competition_id, 'gradeScale.delete', { gradeScaleId, name: scale.name });
  },
};
