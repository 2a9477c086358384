import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import { ORGANISER } from '@shared/domain/actor';
import { tempCore } from '../helpers';
import { setUp, submitAll } from './thin-flow-fixture';

describe("a stage's scoring method", () => {
  it('defaults to the mean of the jurors totals with 2 decimals', async () => {
    const { core } = tempCore();
    const fixture = await setUp(core);
    expect(fixture.competition.stages[0].method).toEqual(DEFAULT_STAGE_METHOD);
    const results = await core.call(ORGANISER, 'results.compute', { competitionId: fixture.competition.id });
    expect(results.method).toMatchObject({ aggregate: 'mean', level: 'total', decimals: 2 });
  });

  it('decides the results: the median of the jurors totals, printed with 1 decimal', async () => {
    const { core } = tempCore();
    const fixture = await setUp(core);
    await submitAll(core, fixture);
    const stage = fixture.competition.stages[0];
    await core.call(ORGANISER, 'stage.save', {
      competitionId: fixture.competition.id,
      id: stage.id,
      name: stage.name,
      weight: '100',
      method: { ...DEFAULT_STAGE_METHOD, aggregate: 'median', rounding: { ...DEFAULT_STAGE_METHOD.rounding, total: 1 } },
    });
    /*
     * Juror totals (0.40a + 0.35b + 0.25c), worked by hand in thin-flow-fixture.ts; the median of three:
     *   E01 81.00, 82.35, 81.15 → 81.15 → 81.2    E02 85.00, 84.75, 86.30 → 85.00 → 85.0
     *   E03 75.50, 76.40, 76.75 → 76.40 → 76.4    E04 74.25, 72.80, 74.20 → 74.20 → 74.2
     */
    const results = await core.call(ORGANISER, 'results.compute', { competitionId: fixture.competition.id });
    expect(results.method).toMatchObject({ aggregate: 'median', decimals: 1 });
    expect(results.categories[0].rows.map((r) => [r.code, r.total, r.rank])).toEqual([
      ['E02', '85.0', 1],
      ['E01', '81.2', 2],
      ['E03', '76.4', 3],
      ['E04', '74.2', 4],
    ]);
  });

  it('refuses a tie-break on another stage criterion and a rounding point of the other level', async () => {
    const { core } = tempCore();
    const { competition } = await setUp(core);
    const stage = competition.stages[0];
    const base = { competitionId: competition.id, id: stage.id, name: stage.name, weight: '100' };
    const other = await core.call(ORGANISER, 'stage.save', { competitionId: competition.id, name: 'Presentasi', weight: '0' });
    const presentation = other.stages[1];
    const foreign = await core.call(ORGANISER, 'criterion.save', { stageId: presentation.id, name: 'Penyajian', weight: '100' });
    const foreignId = foreign.criteria.find((c) => c.stageId === presentation.id)!.id;
    await expect(
      core.call(ORGANISER, 'stage.save', { ...base, method: { ...DEFAULT_STAGE_METHOD, tieBreak: [`criterion:${foreignId}`] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'method.tieBreak.0', message: 'validation.unknownTieBreakCriterion' }] });
    await expect(
      core.call(ORGANISER, 'stage.save', { ...base, method: { ...DEFAULT_STAGE_METHOD, rounding: { ...DEFAULT_STAGE_METHOD.rounding, aggregate: 2 } } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ path: 'method.rounding.aggregate', message: 'validation.roundingLevel' }] });
    const own = competition.criteria[0].id;
    const saved = await core.call(ORGANISER, 'stage.save', { ...base, method: { ...DEFAULT_STAGE_METHOD, tieBreak: [`criterion:${own}`, 'median'] } });
    expect(saved.stages[0].method.tieBreak).toEqual([`criterion:${own}`, 'median']);
  });
});
