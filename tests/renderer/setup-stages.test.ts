// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CompetitionDetail } from '@shared/domain/schemas';
import { apiError } from './fake-api';
import { flushPromises, mountApp } from './helpers';
import { criterion, detail, setupApi } from './setup-fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

const value = (wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper'], testid: string) => (wrapper.get(`[data-testid="${testid}"]`).element as HTMLInputElement).value;

describe('stages and criteria', () => {
  it('lists stages in order with their weights and their sum, and the criteria of the chosen stage', async () => {
    const api = setupApi(detail());
    const { wrapper, router } = await mountApp(api, '/competitions/7/setup/stages');
    expect(value(wrapper, 'stage-name-0')).toBe('Penilaian proposal');
    expect(value(wrapper, 'stage-weight-1')).toBe('30');
    expect(wrapper.get('[data-testid="stage-weight-total"]').text()).toContain('Jumlah bobot tahap: 100%');
    expect(wrapper.get('[data-testid="criteria-card"]').text()).toContain('Kriteria tahap "Penilaian proposal"');
    expect(value(wrapper, 'criterion-name-1')).toBe('Signifikansi');
    expect(wrapper.get('[data-testid="criterion-effective-0"]').text()).toContain('60%');

    await wrapper.get('[data-testid="stage-criteria-1"]').trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.query.stage).toBe('2');
    expect(value(wrapper, 'criterion-name-0')).toBe('Penguasaan materi');
    expect(wrapper.find('[data-testid="criterion-name-1"]').exists()).toBe(false);
  });

  it('saves an edited criterion with its rubric as typed (decimal comma kept for the core)', async () => {
    const api = setupApi(detail(), { 'criterion.save': () => detail() });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/stages');
    await wrapper.get('[data-testid="criterion-weight-0"]').setValue('62,5');
    await wrapper.get('[data-testid="criterion-aspect-0"]').setValue('Substansi');
    await wrapper.get('[data-testid="criterion-details-0"]').trigger('click');
    await wrapper.get('[data-testid="criterion-description-0"]').setValue('Hal baru');
    await wrapper.get('[data-testid="rubric-add-0"]').trigger('click');
    await wrapper.get('[data-testid="rubric-label-0-0"]').setValue('Kurang');
    await wrapper.get('[data-testid="rubric-min-0-0"]').setValue('0');
    await wrapper.get('[data-testid="rubric-max-0-0"]').setValue('50,5');
    await wrapper.get('[data-testid="criterion-save-0"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('criterion.save')).toEqual([
      {
        stageId: 1,
        id: 11,
        name: 'Kebaruan',
        description: 'Hal baru',
        weight: '62,5',
        min: '0',
        max: '100',
        step: '1',
        aspect: 'Substansi',
        rubric: [{ label: 'Kurang', descriptor: '', min: '0', max: '50,5' }],
      },
    ]);
  });

  it('shows a validation error from criterion.save next to the field it is about', async () => {
    const rubric = [
      { min: '0', max: '50', label: 'Kurang', descriptor: '' },
      { min: '50', max: '100', label: 'Baik', descriptor: '' },
    ];
    const competition = detail();
    competition.criteria[1] = { ...competition.criteria[1], rubric };
    const api = setupApi(competition, {
      'criterion.save': () => {
        throw apiError({
          code: 'VALIDATION',
          details: {
            key: 'invalidInput',
            issues: [
              { path: 'weight', message: 'validation.weight' },
              { path: 'rubric.1.min', message: 'validation.bandsOverlap' },
            ],
          },
        });
      },
    });
    const { wrapper, i18n } = await mountApp(api, '/competitions/7/setup/stages');
    await wrapper.get('[data-testid="criterion-weight-1"]').setValue('0');
    await wrapper.get('[data-testid="criterion-save-1"]').trigger('click');
    await flushPromises();

    const weight = wrapper.get('[data-testid="criterion-weight-1"]');
    expect(weight.attributes('aria-invalid')).toBe('true');
    expect(weight.attributes('aria-describedby')).toBe('criterion-weight-1-problem');
    expect(wrapper.get('#criterion-weight-1-problem').text()).toBe('Bobot (%): bobot harus lebih dari 0 dan paling banyak 100 %');
    // the rubric problem opens the rubric and sits under its band
    expect(wrapper.get('[data-testid="rubric-min-1-1"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="rubric-min-1-1-problem"]').text()).toContain('rentang rubrik saling tumpang tindih');
    expect(wrapper.get('[data-testid="rubric-min-1-0"]').attributes('aria-invalid')).toBe('false');
    // the other rows are untouched, and the notice does not repeat the field problems
    expect(wrapper.get('[data-testid="criterion-weight-0"]').attributes('aria-invalid')).toBe('false');
    expect(wrapper.get('[data-testid="criterion-error-1"]').text()).toContain('Ada isian yang perlu diperbaiki');
    expect(wrapper.get('[data-testid="criterion-error-1"]').findAll('li')).toHaveLength(0);

    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(wrapper.get('#criterion-weight-1-problem').text()).toBe('Weight (%): weight must be above 0 and at most 100 %');
  });

  it('adds a criterion in a new row and saves it without an id', async () => {
    const withThird = detail({ criteria: [...detail().criteria, criterion({ id: 13, stageId: 1, name: 'Dampak', weightBp: 1000, position: 2 })] });
    const api = setupApi(detail(), { 'criterion.save': () => withThird });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/stages');
    await wrapper.get('[data-testid="criterion-add"]').trigger('click');
    await wrapper.get('[data-testid="criterion-name-2"]').setValue('Dampak');
    await wrapper.get('[data-testid="criterion-weight-2"]').setValue('10');
    await wrapper.get('[data-testid="criterion-name-2"]').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(api.callsOf('criterion.save')[0]).toMatchObject({ stageId: 1, name: 'Dampak', weight: '10', min: '0', max: '100', step: '1', aspect: null, rubric: [] });
    expect(api.callsOf('criterion.save')[0]).not.toHaveProperty('id');
    expect(wrapper.findAll('[data-testid^="criterion-row-"]')).toHaveLength(3);
    expect(wrapper.find('[data-testid="criterion-save-2"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="criteria-weight-total"]').text()).toContain('110%');
  });

  it('asks before replacing criteria with a preset, and appends without asking', async () => {
    const api = setupApi(detail(), { 'preset.applyCriteria': () => detail() });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/stages');
    await wrapper.get('[data-testid="criteria-preset-open"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="criteria-preset"]').setValue('criteria.iga2023');
    await wrapper.get('[data-testid="criteria-preset-apply"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="confirm-message"]').text()).toBe('2 kriteria tahap "Penilaian proposal" akan diganti dengan preset "IGA 2023 — Presentasi".');
    await wrapper.get('[data-testid="confirm-no"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('preset.applyCriteria')).toEqual([]);

    await wrapper.get('[data-testid="criteria-preset-apply"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('preset.applyCriteria')).toEqual([{ stageId: 1, presetId: 'criteria.iga2023', mode: 'replace' }]);

    await wrapper.get('[data-testid="criteria-preset-open"]').trigger('click');
    await wrapper.get('[data-testid="criteria-preset-mode-append"]').setValue(true);
    await wrapper.get('[data-testid="criteria-preset-apply"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="confirm-dialog"]').exists()).toBe(false);
    expect(api.callsOf('preset.applyCriteria')[1]).toEqual({ stageId: 1, presetId: 'criteria.iga2023', mode: 'append' });
  });

  it('saves a stage with its advancement rule and shows the rule problem next to N', async () => {
    let attempt = 0;
    const api = setupApi(detail(), {
      'stage.save': () => {
        attempt += 1;
        if (attempt === 1) throw apiError({ code: 'VALIDATION', details: { key: 'invalidInput', issues: [{ path: 'advancement.n', message: 'validation.tooSmall' }] } });
        return detail();
      },
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/stages');
    await wrapper.get('[data-testid="stage-advancement-0"]').setValue('topN');
    await wrapper.get('[data-testid="stage-advancement-n-0"]').setValue('0');
    await wrapper.get('[data-testid="stage-save-0"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="stage-advancement-n-0"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="stage-advancement-n-0-problem"]').text()).toContain('terlalu kecil');

    await wrapper.get('[data-testid="stage-advancement-n-0"]').setValue('10');
    await wrapper.get('[data-testid="stage-weight-0"]').setValue('70,5');
    await wrapper.get('[data-testid="stage-save-0"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('stage.save')[1]).toEqual({ competitionId: 7, id: 1, name: 'Penilaian proposal', weight: '70,5', advancement: { kind: 'topN', n: 10 } });
  });

  it('deletes a stage only after confirming, and moves stages', async () => {
    const oneStage: CompetitionDetail = detail({ stages: [detail().stages[0]], criteria: detail().criteria.filter((c) => c.stageId === 1) });
    const api = setupApi(detail(), { 'stage.delete': () => oneStage, 'stage.move': () => detail() });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/stages');
    expect(wrapper.get('[data-testid="stage-up-0"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="stage-down-0"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('stage.move')).toEqual([{ stageId: 1, position: 1 }]);

    await wrapper.get('[data-testid="stage-delete-1"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="confirm-message"]').text()).toContain('Presentasi dan wawancara');
    expect(wrapper.get('[data-testid="confirm-message"]').text()).toContain('1 kriteria');
    expect(api.callsOf('stage.delete')).toEqual([]);
    await wrapper.get('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('stage.delete')).toEqual([{ stageId: 2 }]);
    expect(wrapper.find('[data-testid="stage-name-1"]').exists()).toBe(false);
  });

  it('applies a grade-scale preset and saves edited bands', async () => {
    const scale = {
      id: 4,
      name: 'Predikat PEKPPP',
      kind: 'grade' as const,
      bands: [
        { label: 'A', description: 'Pelayanan Prima', lower: '4.5', lowerInclusive: false, upper: '5', upperInclusive: true, fromRank: null, toRank: null },
        { label: 'F', description: 'Gagal', lower: '0', lowerInclusive: true, upper: '4.5', upperInclusive: true, fromRank: null, toRank: null },
      ],
    };
    const api = setupApi(detail(), { 'preset.applyGradeScale': () => detail({ gradeScales: [scale] }), 'gradeScale.save': () => detail({ gradeScales: [scale] }) });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/stages');
    await wrapper.get('[data-testid="grade-preset-apply"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('preset.applyGradeScale')).toEqual([{ competitionId: 7, presetId: 'grade.pekppp' }]);
    expect(value(wrapper, 'grade-band-lower-0-0')).toBe('4,5');

    await wrapper.get('[data-testid="grade-band-lower-0-0"]').setValue('4,51');
    await wrapper.get('[data-testid="grade-band-lower-inclusive-0-0"]').setValue('true');
    await wrapper.get('[data-testid="grade-scale-save-0"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('gradeScale.save')[0]).toEqual({
      competitionId: 7,
      id: 4,
      name: 'Predikat PEKPPP',
      kind: 'grade',
      bands: [
        { label: 'A', description: 'Pelayanan Prima', lower: '4,51', lowerInclusive: true, upper: '5', upperInclusive: true },
        { label: 'F', description: 'Gagal', lower: '0', lowerInclusive: true, upper: '4,5', upperInclusive: true },
      ],
    });
  });
});
