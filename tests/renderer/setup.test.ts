// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import type { CompetitionDetail } from '@shared/domain/schemas';
import { buildDraft, emptyForm, fieldIdForIssue, weightSummary } from '../../renderer/src/lib/draft';
import { apiError, createFakeApi } from './fake-api';
import { flushPromises, mountApp } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

const created = (id: number) => ({ id }) as CompetitionDetail;

describe('competition setup form', () => {
  it('builds the competition.create input from the rows, decimal text unchanged', async () => {
    const api = createFakeApi({ 'competition.create': () => created(7) });
    const { wrapper, router } = await mountApp(api, '/competitions/new');
    const fill = (id: string, value: string) => wrapper.get(`[data-testid="${id}"]`).setValue(value);
    const click = (id: string) => wrapper.get(`[data-testid="${id}"]`).trigger('click');

    await fill('competition-name', 'KIPP Kota 2025');
    await fill('category-name-0', 'Umum');
    await click('add-category');
    await fill('category-name-1', 'Khusus');
    await fill('criterion-name-0', 'Kebaruan');
    await fill('criterion-weight-0', '12,5');
    await click('add-criterion');
    await fill('criterion-name-1', 'Signifikansi');
    await fill('criterion-weight-1', '87,5');
    await fill('criterion-min-1', '1');
    await fill('criterion-max-1', '5');
    await fill('criterion-step-1', '0,5');
    await fill('juror-name-0', 'Ketua Panel');
    await click('add-juror');
    await fill('juror-name-1', 'Anggota Satu');
    await fill('entry-code-0', 'U-01');
    await fill('entry-title-0', 'Sipantas');
    await fill('entry-unit-0', 'Dinkes');
    await click('add-entry');
    await fill('entry-code-1', 'K-01');
    await fill('entry-title-1', 'Sekolah Ramah');
    await fill('entry-unit-1', 'SMPN 17');
    await wrapper.get('[data-testid="entry-category-1"]').setValue('Khusus');

    // weights: sum and effective shares shown as typed locale numbers
    expect(wrapper.get('[data-testid="weight-total"]').text()).toContain('Jumlah bobot: 100%');
    expect(wrapper.get('[data-testid="criterion-effective-0"]').text()).toContain('12,5%');

    await click('save-competition');
    await flushPromises();

    expect(api.callsOf('competition.create')).toEqual([
      {
        name: 'KIPP Kota 2025',
        categories: [{ name: 'Umum' }, { name: 'Khusus' }],
        criteria: [
          { name: 'Kebaruan', weight: '12,5', min: '0', max: '100', step: '1' },
          { name: 'Signifikansi', weight: '87,5', min: '1', max: '5', step: '0,5' },
        ],
        jurors: [
          { name: 'Ketua Panel', role: 'chair' },
          { name: 'Anggota Satu', role: 'member' },
        ],
        entries: [
          { code: 'U-01', title: 'Sipantas', unit: 'Dinkes', category: 'Umum' },
          { code: 'K-01', title: 'Sekolah Ramah', unit: 'SMPN 17', category: 'Khusus' },
        ],
      } satisfies CommandInput<'competition.create'>,
    ]);
    // the quick form goes on to the setup screens
    expect(router.currentRoute.value.fullPath).toBe('/competitions/7/setup/details');
  });

  it('carries entries along when their category is renamed, and removes rows', async () => {
    const api = createFakeApi({ 'competition.create': () => created(1) });
    const { wrapper } = await mountApp(api, '/competitions/new');
    await wrapper.get('[data-testid="category-name-0"]').setValue('Umum');
    await wrapper.get('[data-testid="add-entry"]').trigger('click');
    await wrapper.get('[data-testid="category-name-0"]').setValue('Kelompok Umum');
    const options = wrapper.get('[data-testid="entry-category-1"]').findAll('option').map((o) => o.attributes('value'));
    expect(options).toEqual(['Kelompok Umum']);
    expect((wrapper.get('[data-testid="entry-category-1"]').element as HTMLSelectElement).value).toBe('Kelompok Umum');

    await wrapper.get('[data-testid="entry-title-1"]').setValue('second');
    await wrapper.get('[data-testid="remove-entry-0"]').trigger('click');
    expect((wrapper.get('[data-testid="entry-title-0"]').element as HTMLInputElement).value).toBe('second');
    expect(wrapper.find('[data-testid="entry-title-1"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="remove-entry-0"]').attributes('disabled')).toBeDefined();
  });

  it('shows the translated error and each issue with a readable path, and marks the fields', async () => {
    const api = createFakeApi({
      'competition.create': () => {
        throw apiError({
          code: 'VALIDATION',
          details: {
            key: 'invalidInput',
            params: { summary: 'criteria.0.weight, entries.0.title' },
            issues: [
              { path: 'criteria.0.weight', message: 'validation.weight' },
              { path: 'entries.0.title', message: 'validation.required' },
            ],
          },
        });
      },
    });
    const { wrapper, router, i18n } = await mountApp(api, '/competitions/new');
    await wrapper.get('[data-testid="save-competition"]').trigger('click');
    await flushPromises();

    const error = wrapper.get('[data-testid="form-error"]');
    expect(error.text()).toContain('Ada isian yang perlu diperbaiki');
    expect(error.text()).toContain('Kriteria 1 · bobot: bobot harus lebih dari 0 dan paling banyak 100 %');
    expect(error.text()).toContain('Peserta 1 · judul: wajib diisi');
    expect(wrapper.get('[data-testid="criterion-weight-0"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="entry-title-0"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="competition-name"]').attributes('aria-invalid')).toBe('false');
    expect(router.currentRoute.value.fullPath).toBe('/competitions/new');

    i18n.global.locale.value = 'en';
    await flushPromises();
    expect(wrapper.get('[data-testid="form-error"]').text()).toContain('Entry 1 · title: required');
  });
});

describe('setup helpers', () => {
  it('computes effective weights over a sum that is not 100 %', () => {
    const summary = weightSummary([{ weight: '30' }, { weight: '30' }, { weight: '35' }, { weight: 'x' }]);
    expect(summary.totalBp).toBe(9500);
    expect(summary.allReadable).toBe(false);
    expect(summary.rows.map((r) => r.effectiveBp)).toEqual([3158, 3158, 3684, null]);
  });

  it('maps issue paths in any notation to the field test ids', () => {
    expect(fieldIdForIssue('criteria.2.weight')).toBe('criterion-weight-2');
    expect(fieldIdForIssue('entries[0].category')).toBe('entry-category-0');
    expect(fieldIdForIssue('jurors/1/name')).toBe('juror-name-1');
    expect(fieldIdForIssue('name')).toBe('competition-name');
    expect(fieldIdForIssue('categories')).toBeNull();
  });

  it('starts with one row of each, the first juror chairing', () => {
    const draft = buildDraft(emptyForm());
    expect(draft.categories).toHaveLength(1);
    expect(draft.criteria).toEqual([{ name: '', weight: '', min: '0', max: '100', step: '1' }]);
    expect(draft.jurors).toEqual([{ name: '', role: 'chair' }]);
    expect(draft.entries).toHaveLength(1);
  });
});
