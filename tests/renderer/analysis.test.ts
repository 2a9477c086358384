// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandOutput } from '@shared/api/contract';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import { createFakeApi } from './fake-api';
import { flushPromises, mountApp } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

const marks = (values: [string, boolean][]) => values.map(([value, dropped], i) => ({ criterionId: 31 + i, value, dropped }));

/** One category, two criteria, three jurors; entry 21 with a trimmed mean (one mark dropped per criterion). */
const stage: CommandOutput<'analysis.stage'> = {
  competitionId: 1,
  competitionName: 'Kompetisi Inovasi 2026',
  stageId: 4,
  stageName: 'Presentasi',
  stages: [{ id: 4, name: 'Presentasi' }],
  categories: [{ id: 1, name: 'Umum' }],
  method: { ...DEFAULT_STAGE_METHOD, level: 'criterion', trim: 1 },
  methodText: 'Nilai akhir = jumlah bobot × rata-rata terpangkas.',
  advisory: false,
  breakdownIsReading: false,
  criteria: [
    { id: 31, name: 'Kebaruan', weightPercent: '60', min: '0', max: '100' },
    { id: 32, name: 'Kemanfaatan', weightPercent: '40', min: '0', max: '100' },
  ],
  jurors: [
    { id: 5, name: 'Juri Ani' },
    { id: 6, name: 'Juri Budi' },
    { id: 7, name: 'Juri Citra' },
  ],
  entries: [
    {
      entryId: 21,
      code: 'U-01',
      title: 'Sipantas',
      unit: 'Dinkes',
      categoryId: 1,
      status: 'ranked',
      rank: 1,
      tie: false,
      total: '80.40',
      totalExact: '80.4',
      criteria: [
        { criterionId: 31, aggregate: '82', weightPercent: '60', weighted: '49.2' },
        { criterionId: 32, aggregate: '78', weightPercent: '40', weighted: '31.2' },
      ],
      jurors: [
        { jurorId: 5, status: 'counted', reason: null, total: '88.4', marks: marks([['90', true], ['86', true]]) },
        { jurorId: 6, status: 'counted', reason: null, total: '82', marks: marks([['82', false], ['82', false]]) },
        { jurorId: 7, status: 'counted', reason: null, total: '45.6', marks: marks([['40', true], ['78', false]]) },
      ],
      steps: ['Dihitung 3 juri: Juri Ani, Juri Budi, Juri Citra', 'Kebaruan: rata-rata nilai juri (dibuang: Juri Citra 40, Juri Ani 90) = 82', 'Peringkat 1 di Umum.'],
    },
  ],
};

const quality: CommandOutput<'analysis.quality'> = {
  stageId: 4,
  advisory: true,
  outlierThreshold: '0.2',
  top: 3,
  jurors: [
    { jurorId: 5, name: 'Juri Ani', entries: 1, shared: 1, severity: '1.5', severityRounded: '1.50', spread: '0', outliers: 0 },
    { jurorId: 6, name: 'Juri Budi', entries: 1, shared: 1, severity: '0.75', severityRounded: '0.75', spread: '0', outliers: 0 },
    { jurorId: 7, name: 'Juri Citra', entries: 1, shared: 1, severity: '-2.333333…', severityRounded: '-2.33', spread: '0', outliers: 1 },
  ],
  outliers: [{ entryId: 21, jurorId: 7, criterionId: 31, value: '40', othersMedian: '86', deviation: '-46' }],
  kendallW: [{ categoryId: 1, jurors: 3, entries: 1, w: null }],
  krippendorffAlpha: { units: 1, alpha: '0.25' },
  leaveOneOut: [5, 6, 7].map((jurorId) => ({ jurorId, changed: false, categories: [], moves: [] })),
  podium: [{ categoryId: 1, podium: [{ entryId: 21, rank: 1 }] }],
  sensitivity: [],
};

async function openPage() {
  const api = createFakeApi({ 'analysis.stage': () => stage, 'analysis.quality': () => quality });
  const { wrapper } = await mountApp(api, '/competitions/1/analysis');
  return { api, wrapper };
}

describe('the analysis page', () => {
  it('opens an entry to its explanation, with the dropped marks struck through', async () => {
    const { wrapper } = await openPage();
    expect(wrapper.find('[data-testid="explanation-21"]').exists()).toBe(false);
    await wrapper.get('[data-testid="analysis-toggle-21"]').trigger('click');
    const detail = wrapper.get('[data-testid="explanation-21"]');
    expect(detail.findAll('[data-testid="explanation-steps"] li').map((li) => li.text())).toEqual(stage.entries[0].steps);
    // Ani's 90 and 86 and Citra's 40 are struck; Budi's marks are not.
    expect(detail.findAll('[data-testid="marks-5"] s').map((s) => s.text())).toEqual(['90', '86']);
    expect(detail.findAll('[data-testid="marks-6"] s')).toHaveLength(0);
    expect(detail.findAll('[data-testid="marks-7"] s').map((s) => s.text())).toEqual(['40']);
    // Breakdown in Indonesian decimals.
    expect(detail.get('[data-testid="breakdown-31"]').text()).toContain('49,2');
    expect(wrapper.get('[data-testid="analysis-toggle-21"]').attributes('aria-expanded')).toBe('true');
  });

  it('computes the quality figures only when asked', async () => {
    const { api, wrapper } = await openPage();
    expect(api.callsOf('analysis.quality')).toHaveLength(0);
    await wrapper.get('[data-testid="quality-load"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('analysis.quality')).toEqual([{ competitionId: 1, stageId: 4 }]);
    expect(wrapper.get('[data-testid="quality-advisory"]').text()).toContain('saran');
  });

  it('asks again for the explanations when the language changes (the core writes them in the requester\'s language)', async () => {
    const api = createFakeApi({ 'analysis.stage': () => stage });
    const { i18n } = await mountApp(api, '/competitions/1/analysis');
    expect(api.callsOf('analysis.stage')).toHaveLength(1);
    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(api.callsOf('analysis.stage')).toHaveLength(2);
  });
});

describe('the severity plot', () => {
  it('marks the juror with the most negative severity as harshest, and its table shows the same numbers', async () => {
    const { wrapper } = await openPage();
    await wrapper.get('[data-testid="quality-load"]').trigger('click');
    await flushPromises();
    const harshest = wrapper.findAll('[data-harshest]');
    expect(harshest).toHaveLength(1);
    expect(harshest[0].attributes('data-testid')).toBe('severity-bar-7');
    expect(wrapper.get('[data-testid="severity-summary"]').text()).toBe('Paling ketat: Juri Citra (-2,33).');
    // Citra's bar goes left of zero (harsher), Ani's right.
    const barOf = (id: number) => wrapper.get(`[data-testid="severity-bar-${id}"] rect`);
    const zero = Number(wrapper.get('[data-testid="severity-plot"] line').attributes('x1'));
    expect(Number(barOf(7).attributes('x'))).toBeLessThan(zero);
    expect(Number(barOf(5).attributes('x'))).toBe(zero);

    const plotted = Object.fromEntries([5, 6, 7].map((id) => [id, wrapper.get(`[data-testid="severity-bar-${id}"] .value`).text()]));
    await wrapper.get('[data-testid="severity-toggle"]').trigger('click');
    expect(wrapper.find('[data-testid="severity-plot"]').exists()).toBe(false);
    const tabled = Object.fromEntries([5, 6, 7].map((id) => [id, wrapper.get(`[data-testid="severity-row-${id}"] td`).text()]));
    expect(tabled).toEqual(plotted);
    expect(tabled).toEqual({ 5: '1,50', 6: '0,75', 7: '-2,33' });
  });

  it('highlights the outlying mark in the strip plot and its table', async () => {
    const { wrapper } = await openPage();
    await wrapper.get('[data-testid="quality-load"]').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-testid^="strip-outlier-"]').map((d) => d.attributes('data-testid'))).toEqual(['strip-outlier-21-7']);
    await wrapper.get('[data-testid="strip-toggle"]').trigger('click');
    expect(wrapper.get('[data-testid="strip-cell-outlier-21-7"]').text()).toContain('40');
  });
});
