/** Criteria through the core: weights, scales, aspects, rubrics, delete and move (issue 3). */
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import { ORGANISER } from '@shared/domain/actor';
import { competition, failure, scoreOneSheet } from './setup-fixtures';

const MARKS = { Kebaruan: '80', Kemanfaatan: '90', Keberlanjutan: '70' };

async function withStage() {
  const setup = await competition();
  return { ...setup, stageId: setup.detail.stages[0].id };
}
const criterion = (stageId: number, extra: Partial<CommandInput<'criterion.save'>> = {}): CommandInput<'criterion.save'> => ({
  stageId,
  name: 'Signifikansi',
  weight: '30',
  ...extra,
});

describe('criterion.save', () => {
  it('stores weight, scale, description, aspect and rubric bands in the given order', async () => {
    const { core, stageId } = await withStage();
    const detail = await core.call(
      ORGANISER,
      'criterion.save',
      criterion(stageId, {
        weight: '12,5',
        min: '1',
        max: '5',
        step: '0,5',
        description: 'Dampak nyata bagi masyarakat',
        aspect: 'Substansi',
        rubric: [
          { min: '4', max: '5', label: 'Tinggi', descriptor: 'dampak luas' },
          { min: '1', max: '3.5', label: 'Rendah', descriptor: '' },
        ],
      }),
    );
    const saved = detail.criteria.find((c) => c.name === 'Signifikansi')!;
    expect(saved).toMatchObject({ weightBp: 1250, min: '1', max: '5', step: '0.5', description: 'Dampak nyata bagi masyarakat', position: 3 });
    expect(saved.rubric.map((b) => [b.min, b.max, b.label])).toEqual([
      ['4', '5', 'Tinggi'],
      ['1', '3.5', 'Rendah'],
    ]);
    expect(detail.aspects).toEqual([{ id: saved.aspectId, stageId, name: 'Substansi' }]);
  });

  it('reuses an aspect by name, and removes an aspect no criterion uses any more', async () => {
    const { core, stageId, detail } = await withStage();
    const [kebaruan, kemanfaatan] = detail.criteria;
    const edit = (c: typeof kebaruan, aspect: string | null) =>
      core.call(ORGANISER, 'criterion.save', { stageId, id: c.id, name: c.name, weight: '40', aspect });
    await edit(kebaruan, 'Substansi');
    const both = await edit(kemanfaatan, 'substansi');
    expect(both.aspects.map((a) => a.name)).toEqual(['Substansi']);
    expect(both.criteria[0].aspectId).toBe(both.criteria[1].aspectId);
    await edit(kebaruan, 'Inovasi');
    const none = await edit(kemanfaatan, null);
    expect(none.aspects.map((a) => a.name)).toEqual(['Inovasi']);
    const gone = await edit(kebaruan, '');
    expect(gone.aspects).toEqual([]);
  });

  it('refuses a scale whose maximum is not above its minimum', async () => {
    const { core, stageId } = await withStage();
    const error = await failure(() => core.call(ORGANISER, 'criterion.save', criterion(stageId, { min: '10', max: '5' })));
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: 'max', message: 'validation.maxBelowMin' }]);
  });

  it('refuses a step that does not divide the range', async () => {
    const { core, stageId } = await withStage();
    const error = await failure(() => core.call(ORGANISER, 'criterion.save', criterion(stageId, { min: '0', max: '100', step: '3' })));
    expect(error.issues).toEqual([{ path: 'step', message: 'validation.stepDivides' }]);
  });

  it('refuses a rubric band outside the scale and overlapping bands', async () => {
    const { core, stageId } = await withStage();
    const outside = await failure(() =>
      core.call(ORGANISER, 'criterion.save', criterion(stageId, { rubric: [{ min: '81', max: '101', label: 'Sangat baik' }] })),
    );
    expect(outside.issues).toEqual([{ path: 'rubric.0.min', message: 'validation.bandOutsideScale' }]);
    const overlap = await failure(() =>
      core.call(
        ORGANISER,
        'criterion.save',
        criterion(stageId, {
          rubric: [
            { min: '0', max: '60', label: 'Cukup' },
            { min: '60', max: '100', label: 'Baik' },
          ],
        }),
      ),
    );
    expect(overlap.issues).toEqual([{ path: 'rubric.1.min', message: 'validation.bandsOverlap' }]);
  });

  it('refuses a weight of 0 and a name the stage already has; the same name in another stage is fine', async () => {
    const { core, stageId, competitionId } = await withStage();
    expect((await failure(() => core.call(ORGANISER, 'criterion.save', criterion(stageId, { weight: '0' })))).issues).toEqual([
      { path: 'weight', message: 'validation.weight' },
    ]);
    const dup = await failure(() => core.call(ORGANISER, 'criterion.save', criterion(stageId, { name: 'kebaruan' })));
    expect([dup.code, dup.key, dup.params]).toEqual(['CONFLICT', 'duplicateName', { name: 'kebaruan' }]);
    const two = await core.call(ORGANISER, 'stage.save', { competitionId, name: 'Presentasi', weight: '0' });
    const other = await core.call(ORGANISER, 'criterion.save', criterion(two.stages[1].id, { name: 'Kebaruan' }));
    expect(other.criteria.filter((c) => c.name === 'Kebaruan')).toHaveLength(2);
  });

  it('refuses a new scale that leaves marks already given outside it, and accepts one that keeps them', async () => {
    const { core, detail, stageId } = await withStage();
    await scoreOneSheet(core, detail, MARKS);
    const kebaruan = detail.criteria.find((c) => c.name === 'Kebaruan')!; // marked 80
    const save = (max: string, step = '1') =>
      core.call(ORGANISER, 'criterion.save', { stageId, id: kebaruan.id, name: 'Kebaruan', weight: '40', max, step }, 'en');
    const below = await failure(() => save('75'));
    expect([below.code, below.key, below.params]).toEqual(['VALIDATION', 'marksOutsideScale', { count: 1, name: 'Kebaruan', min: '0', max: '75', step: '1' }]);
    const offStep = await failure(() => save('100', '25'));
    expect(offStep.key).toBe('marksOutsideScale');
    const ok = await save('80', '20');
    expect(ok.criteria.find((c) => c.id === kebaruan.id)).toMatchObject({ max: '80', step: '20' });
    // Only weight or wording changes are fine on a scored criterion, but a new criterion is not.
    const added = await failure(() => core.call(ORGANISER, 'criterion.save', criterion(stageId)));
    expect([added.code, added.key]).toEqual(['CONFLICT', 'stageHasMarks']);
  });
});

describe('criterion.delete and criterion.move', () => {
  it('refuses to delete a scored criterion and changes nothing', async () => {
    const { core, detail, competitionId } = await withStage();
    await scoreOneSheet(core, detail, MARKS);
    const before = await core.call(ORGANISER, 'competition.get', { competitionId });
    const error = await failure(() => core.call(ORGANISER, 'criterion.delete', { criterionId: detail.criteria[1].id }, 'en'));
    expect([error.code, error.key, error.params]).toEqual(['CONFLICT', 'criterionHasMarks', { name: 'Kemanfaatan' }]);
    expect(await core.call(ORGANISER, 'competition.get', { competitionId })).toEqual(before);
  });

  it('deletes and moves criteria keeping positions 0..n-1', async () => {
    const { core, detail } = await withStage();
    const [a, b, c] = detail.criteria;
    const deleted = await core.call(ORGANISER, 'criterion.delete', { criterionId: b.id });
    expect(deleted.criteria.map((x) => [x.name, x.position])).toEqual([
      [a.name, 0],
      [c.name, 1],
    ]);
    const moved = await core.call(ORGANISER, 'criterion.move', { criterionId: c.id, position: 0 });
    expect(moved.criteria.map((x) => [x.name, x.position])).toEqual([
      [c.name, 0],
      [a.name, 1],
    ]);
    const end = await core.call(ORGANISER, 'criterion.move', { criterionId: c.id, position: 50 });
    expect(end.criteria.map((x) => x.name)).toEqual([a.name, c.name]);
  });
});
