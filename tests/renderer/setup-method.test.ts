// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import type { CompetitionDetail } from '@shared/domain/schemas';
import { apiError } from './fake-api';
import { flushPromises, mountApp } from './helpers';
import { detail, setupApi } from './setup-fixtures';

afterEach(() => {
  document.body.innerHTML = '';
});

type Wrapper = Awaited<ReturnType<typeof mountApp>>['wrapper'];
const at = (wrapper: Wrapper, testid: string) => wrapper.get(`[data-testid="${testid}"]`);

/** competition.get after a save: stage 1 with the method the core stored. */
const withMethod = (method: CompetitionDetail['stages'][number]['method']): CompetitionDetail => {
  const d = detail();
  return { ...d, stages: d.stages.map((s) => (s.id === 1 ? { ...s, method } : s)) };
};

describe('scoring method editor', () => {
  it('sends the stage as stored plus the edited method: median, trim 1, a criterion then median tie-break', async () => {
    const saved = { ...DEFAULT_STAGE_METHOD, aggregate: 'median' as const, trim: 1, tieBreak: ['criterion:12', 'median'] };
    const api = setupApi(detail(), { 'stage.save': () => withMethod(saved) });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/stages');
    expect(at(wrapper, 'method-summary').text()).toBe('Nilai akhir = rata-rata nilai tertimbang para juri; dibulatkan 2 desimal; peringkat per kategori.');
    expect(at(wrapper, 'method-save').attributes('disabled')).toBeDefined();

    await at(wrapper, 'method-aggregate').setValue('median');
    await at(wrapper, 'method-trim').setValue('1');
    await at(wrapper, 'method-tiebreak-add').setValue('criterion:12');
    await at(wrapper, 'method-tiebreak-add').setValue('chair');
    await at(wrapper, 'method-tiebreak-add').setValue('median');
    expect(at(wrapper, 'method-tiebreak-0').text()).toBe('Kriteria: Signifikansi');
    // remove the chair (second), leaving criterion then median
    await at(wrapper, 'method-tiebreak-remove-1').trigger('click');
    expect(at(wrapper, 'method-tiebreak-1').attributes('data-rule')).toBe('median');
    // the add list no longer offers rules already chosen
    const offered = at(wrapper, 'method-tiebreak-add').findAll('option').map((o) => o.attributes('value'));
    expect(offered).toEqual(['', 'criterion:11', 'headToHead', 'chair']);
    expect(at(wrapper, 'method-summary').text()).toBe(
      'Nilai akhir = median nilai tertimbang para juri setelah membuang 1 nilai tertinggi dan 1 terendah; dibulatkan 2 desimal; seri dipisahkan oleh nilai Signifikansi, lalu median; peringkat per kategori.',
    );

    await at(wrapper, 'method-save').trigger('click');
    await flushPromises();
    expect(api.callsOf('stage.save')).toEqual([
      { competitionId: 7, id: 1, name: 'Penilaian proposal', weight: '70', advancement: { kind: 'none' }, method: saved },
    ]);
  });

  it('moves tie-breaks and keeps only the rounding points of the chosen level', async () => {
    const api = setupApi(detail(), { 'stage.save': () => detail() });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/stages');
    await at(wrapper, 'method-juror-decimals').setValue('1');
    await at(wrapper, 'method-tiebreak-add').setValue('headToHead');
    await at(wrapper, 'method-tiebreak-add').setValue('criterion:11');
    await at(wrapper, 'method-tiebreak-up-1').trigger('click');
    await at(wrapper, 'method-level').setValue('criterion');
    expect(wrapper.find('[data-testid="method-juror-decimals"]').exists()).toBe(false);
    await at(wrapper, 'method-aggregate-decimals').setValue('3');
    await at(wrapper, 'method-weighted-decimals').setValue('4');
    await at(wrapper, 'method-total-decimals').setValue('1');
    await at(wrapper, 'method-min-jurors').setValue('2');
    await at(wrapper, 'method-normalize').setValue(true);
    await at(wrapper, 'method-save').trigger('click');
    await flushPromises();
    expect(api.callsOf('stage.save')[0].method).toEqual({
      level: 'criterion',
      aggregate: 'mean',
      trim: 0,
      normalize: 'z-score',
      minJurors: 2,
      rounding: { aggregate: 3, weighted: 4, juror: null, total: 1 },
      tieBreak: ['criterion:11', 'headToHead'],
    });
  });

  it('shows the issues stage.save returns next to their fields, not again in the notice', async () => {
    const api = setupApi(detail(), {
      'stage.save': () => {
        throw apiError({
          code: 'VALIDATION',
          details: {
            key: 'invalidInput',
            issues: [
              { path: 'method.rounding.juror', message: 'validation.roundingLevel' },
              { path: 'method.tieBreak.0', message: 'validation.unknownTieBreakCriterion' },
            ],
          },
        });
      },
    });
    const { wrapper } = await mountApp(api, '/competitions/7/setup/stages');
    await at(wrapper, 'method-juror-decimals').setValue('2');
    await at(wrapper, 'method-tiebreak-add').setValue('criterion:11');
    await at(wrapper, 'method-save').trigger('click');
    await flushPromises();

    expect(at(wrapper, 'method-advanced').attributes('open')).toBeDefined();
    expect(at(wrapper, 'method-juror-decimals').attributes('aria-invalid')).toBe('true');
    expect(at(wrapper, 'method-juror-decimals-problem').text()).toBe('titik pembulatan ini tidak berlaku pada tingkat agregasi yang dipilih');
    expect(at(wrapper, 'method-tiebreak-problem-0').text()).toBe('kriteria pemecah seri bukan kriteria tahap ini');
    expect(at(wrapper, 'method-weighted-decimals').attributes('aria-invalid')).toBe('false');
    expect(at(wrapper, 'method-error').text()).toContain('Ada isian yang perlu diperbaiki');
    expect(at(wrapper, 'method-error').findAll('li')).toHaveLength(0);
  });
});
