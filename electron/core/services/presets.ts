/** Presets from real competitions: listed, and copied into a competition as editable rows. */
import { AppError } from '@shared/api/errors';
import { criterionInput } from '@shared/domain/setup';
import { findPreset, presetSummaries } from '@shared/presets';
import type { HandlerMap } from '../registry';
import { writeCriterion } from './criteria';
import { checkScaleFields, scaleNames, writeScale } from './grade-scales';
import { assertCompetition } from './load';
import { changed, dropUnusedAspects, refuseRepeatedNames, refuseScoredStage, renumber, requireStage } from './setup-util';

/** "Predikat SAKIP (0–100)", or "… (2)" when the competition already has a scale of that name. */
function freeName(taken: readonly string[], name: string): string {
  const lower = new Set(taken.map((t) => t.toLocaleLowerCase('id-ID')));
  let candidate = name;
  for (let n = 2; lower.has(candidate.toLocaleLowerCase('id-ID')); n++) candidate = `${name} (${n})`;
  return candidate;
}

export const presetHandlers: HandlerMap = {
  'preset.list'() {
    return presetSummaries();
  },

  'preset.applyCriteria'(ctx, { stageId, presetId, mode }) {
    const stage = requireStage(ctx, stageId);
    const preset = findPreset(presetId);
    if (preset?.kind !== 'criteria') throw new AppError('NOT_FOUND', 'presetNotFound', { preset: presetId });
    // Replacing would drop scored criteria; appending would leave scored sheets without marks.
    refuseScoredStage(ctx.db, stage);
    // A preset goes through the same checks as a criterion typed by hand (a broken preset is a bug).
    const criteria = preset.criteria.map((c) => criterionInput.parse({ stageId, ...c }));
    const kept = mode === 'append' ? (ctx.db.prepare('SELECT name FROM criteria WHERE stage_id = ?').all(stageId) as { name: string }[]) : [];
    refuseRepeatedNames([...kept.map((c) => c.name), ...criteria.map((c) => c.name)]);
    if (mode === 'replace') ctx.db.prepare('DELETE FROM criteria WHERE stage_id = ?').run(stageId);
    for (const c of criteria) writeCriterion(ctx.db, stageId, c);
    renumber(ctx.db, { table: 'criteria', scope: 'stage_id' }, stageId);
    dropUnusedAspects(ctx.db, stageId);
    return changed(ctx, stage.competition_id, 'preset.applyCriteria', { stageId, presetId, mode });
  },

  'preset.applyGradeScale'(ctx, { competitionId, presetId }) {
    assertCompetition(ctx.db, ctx.actor, competitionId);
    const preset = findPreset(presetId);
    if (!preset || preset.kind === 'criteria') throw new AppError('NOT_FOUND', 'presetNotFound', { preset: presetId });
    const name = freeName(scaleNames(ctx.db, competitionId).map((s) => s.name), preset.name);
    const scale = { ...preset, name };
    checkScaleFields(scale);
    const gradeScaleId = writeScale(ctx.db, competitionId, scale);
    return changed(ctx, competitionId, 'preset.applyGradeScale', { presetId, gradeScaleId, name });
  },
};
