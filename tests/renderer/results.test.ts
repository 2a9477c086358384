// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import type { Results } from '@shared/domain/schemas';
import ResultsTable from '../../renderer/src/components/ResultsTable.vue';
import { createAppI18n } from '../../renderer/src/i18n';
import { juror } from './fixtures';

const row = (code: string, rank: number | null, total: string | null, tied = false, jurorTotals: [number, string | null][] = []) => ({
  entryId: code.charCodeAt(0) * 100 + Number(code.slice(-1)),
  code,
  title: `Judul ${code}`,
  unit: `Unit ${code}`,
  rank,
  total,
  tied,
  submittedCount: total ? 2 : 0,
  jurorTotals: jurorTotals.map(([jurorId, t]) => ({ jurorId, total: t })),
});

const results: Results = {
  competitionId: 1,
  competitionName: 'KIPP',
  stageName: 'Presentasi',
  method: { ...DEFAULT_STAGE_METHOD, decimals: 2 },
  jurors: [
    juror({ id: 1, name: 'Juri Satu', role: 'chair' }),
    juror({ id: 2, name: 'Juri Dua', role: 'member' }),
  ],
  categories: [
    {
      categoryId: 1,
      name: 'Umum',
      rows: [
        row('U-3', null, null),
        row('U-2', 2, '80.1', true, [[1, '80.1'], [2, '80.1']]),
        row('U-1', 1, '85.4', false, [[1, '90.8'], [2, '80']]),
        row('U-4', 2, '80.1', true, [[1, '1234.5'], [2, null]]),
      ],
    },
    { categoryId: 2, name: 'Khusus', rows: [row('K-1', 1, '77', false)] },
  ],
};

function render(locale: 'id' | 'en') {
  return mount(ResultsTable, { props: { results }, global: { plugins: [createAppI18n(locale)] } });
}

describe('results table', () => {
  it('lists rows in rank order per category, unranked last', () => {
    const wrapper = render('id');
    const rows = wrapper.findAll('[data-testid="result-row"]');
    expect(rows.map((r) => r.attributes('data-entry-code'))).toEqual(['U-1', 'U-2', 'U-4', 'U-3', 'K-1']);
    expect(rows.map((r) => r.get('[data-testid="result-rank"]').text())).toEqual(['1', '2', '2', '—', '1']);
    expect(rows[0].get('[data-testid="result-title"]').text()).toBe('Judul U-1');
  });

  it('formats totals Indonesian-style with the method decimals, exactly', () => {
    const wrapper = render('id');
    const rows = wrapper.findAll('[data-testid="result-row"]');
    expect(rows.map((r) => r.get('[data-testid="result-total"]').text())).toEqual(['85,40', '80,10', '80,10', '—', '77,00']);
    // juror totals too, with grouping on big numbers
    expect(rows[2].text()).toContain('1.234,50');
    expect(rows[0].text()).toContain('90,80');
  });

  it('formats totals English-style when the language is English', () => {
    const wrapper = render('en');
    expect(wrapper.findAll('[data-testid="result-total"]')[0].text()).toBe('85.40');
    expect(wrapper.text()).toContain('1,234.50');
  });

  it("states the stage's method under the table, naming a criterion tie-break, in the interface language", () => {
    const method = { ...DEFAULT_STAGE_METHOD, aggregate: 'median' as const, trim: 1, tieBreak: ['criterion:12', 'headToHead'], rounding: { ...DEFAULT_STAGE_METHOD.rounding, total: 1 }, decimals: 1 };
    const mountWith = (locale: 'id' | 'en') =>
      mount(ResultsTable, { props: { results: { ...results, method }, criterionNames: new Map([[12, 'Signifikansi']]) }, global: { plugins: [createAppI18n(locale)] } });
    expect(mountWith('id').get('[data-testid="results-method"]').text()).toBe(
      'Nilai akhir = median nilai tertimbang para juri setelah membuang 1 nilai tertinggi dan 1 terendah; dibulatkan 1 desimal; seri dipisahkan oleh nilai Signifikansi, lalu perbandingan langsung oleh juri yang menilai keduanya; peringkat per kategori.',
    );
    const en = mountWith('en');
    expect(en.get('[data-testid="results-method"]').text()).toBe(
      "Final score = the median of the jurors' weighted totals after dropping the 1 highest and 1 lowest; rounded to 1 decimal; ties are broken by the Signifikansi value, then head-to-head among the jurors who scored both; ranked per category.",
    );
    expect(en.findAll('[data-testid="result-total"]')[0].text()).toBe('85.4');
  });

  it('flags tied ranks', () => {
    const wrapper = render('id');
    const rows = wrapper.findAll('[data-testid="result-row"]');
    expect(rows.map((r) => r.attributes('data-tied'))).toEqual(['false', 'true', 'true', 'false', 'false']);
    expect(rows[1].find('[data-testid="result-tied"]').text()).toBe('seri');
    expect(rows[0].find('[data-testid="result-tied"]').exists()).toBe(false);
  });

  it('notes each entry\'s conflicts of interest under its title', () => {
    const u2 = results.categories[0].rows.find((r) => r.code === 'U-2')!.entryId;
    const conflicts = new Map([
      [u2, [{ jurorId: 2, jurorName: 'Juri Dua', reason: 'Kerabat penyaji' }, { jurorId: 1, jurorName: 'Juri Satu', reason: '' }]],
    ]);
    const wrapper = mount(ResultsTable, { props: { results, conflicts }, global: { plugins: [createAppI18n('id')] } });
    const rows = wrapper.findAll('[data-testid="result-row"]');
    const row = rows.find((r) => r.attributes('data-entry-code') === 'U-2')!;
    expect(row.get('[data-testid="result-title"]').text()).toBe('Judul U-2');
    expect(row.get('[data-testid="result-conflicts"]').text()).toBe('Konflik: Juri Dua (Kerabat penyaji); Juri Satu');
    expect(wrapper.findAll('[data-testid="result-conflicts"]')).toHaveLength(1);
  });
});
