// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import { createFakeApi } from './fake-api';
import { assignment, openSession } from './fixtures';
import { flushPromises, mountApp } from './helpers';

type Overrides = Parameters<typeof assignment>[0];

const rubric = [
  { min: '0', max: '40', label: 'Kurang', descriptor: 'Belum ada kebaruan.' },
  { min: '41', max: '60', label: 'Cukup', descriptor: 'Kebaruan kecil.' },
  { min: '61', max: '80', label: 'Baik', descriptor: 'Kebaruan jelas.' },
  { min: '81', max: '100', label: 'Sangat baik', descriptor: 'Kebaruan menonjol.' },
];

function withRubric(overrides: Overrides = {}) {
  const base = assignment(overrides);
  return { ...base, criteria: base.criteria.map((c) => (c.id === 11 ? { ...c, rubric } : c)) };
}

function jurorApi(overrides: Overrides = {}) {
  return createFakeApi({
    'scoring.myAssignment': () => withRubric(overrides),
    'scoring.saveSheet': (input: CommandInput<'scoring.saveSheet'>) => ({
      entryId: input.entryId,
      jurorId: 5,
      status: input.submit ? 'submitted' : 'draft',
      marks: input.marks.map((m) => ({ criterionId: m.criterionId, value: String(m.value).replace(',', '.') })),
      updatedAt: '2025-05-20T03:00:00Z',
    }),
  });
}

const threeEntries = (): Overrides => {
  const base = assignment();
  return {
    entries: [...base.entries, { ...base.entries[0], id: 23, code: 'U-03', title: 'Salam Rabain' }],
  };
};

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('rubric bands on the scoring sheet', () => {
  it('lists the bands under the criterion and highlights the one holding the typed mark', async () => {
    const { wrapper } = await mountApp(jurorApi(), '/juror');
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');

    const band = (i: number) => wrapper.get(`[data-testid="rubric-band-11-${i}"]`);
    expect(wrapper.findAll('[data-testid^="rubric-band-11-"]')).toHaveLength(4);
    expect(band(3).text()).toContain('81–100');
    expect(band(3).text()).toContain('Sangat baik');
    expect(band(3).text()).toContain('Kebaruan menonjol.');
    expect(wrapper.find('[data-testid^="rubric-band-12-"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="rubric-11"] [aria-current="true"]').exists()).toBe(false);

    await wrapper.get('[data-testid="mark-11"]').setValue('85');
    expect(band(3).attributes('aria-current')).toBe('true');
    expect(band(3).classes()).toContain('is-active');
    expect(wrapper.findAll('[data-testid="rubric-11"] [aria-current="true"]')).toHaveLength(1);

    await wrapper.get('[data-testid="mark-11"]').setValue('60');
    expect(band(1).attributes('aria-current')).toBe('true');
    expect(band(1).text()).toContain('Cukup');
    expect(band(3).attributes('aria-current')).toBeUndefined();

    // Exact comparison: 80,5 lies between the bands, so none is highlighted.
    await wrapper.get('[data-testid="mark-11"]').setValue('80,5');
    expect(wrapper.find('[data-testid="rubric-11"] [aria-current="true"]').exists()).toBe(false);

    await wrapper.get('[data-testid="mark-11"]').setValue('40');
    expect(band(0).attributes('aria-current')).toBe('true');
  });
});

describe('the entry now presenting opens by itself', () => {
  it('selects the new current entry when session.changed moves it', async () => {
    const api = jurorApi(threeEntries());
    const { wrapper } = await mountApp(api, '/juror');
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    expect(wrapper.get('[data-testid="juror-entry-21"]').attributes('aria-current')).toBe('true');

    const session = { ...openSession, currentEntryId: 23 };
    api.handlers['scoring.myAssignment'] = () => withRubric({ ...threeEntries(), session });
    api.emit('session.changed', { competitionId: 1, session });
    await flushPromises();

    expect(wrapper.get('[data-testid="juror-entry-23"]').attributes('aria-current')).toBe('true');
    expect(wrapper.get('[data-testid="juror-entry-21"]').attributes('aria-current')).toBeUndefined();
    expect(wrapper.find('[data-testid="current-entry-notice"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="mark-11"]').attributes('disabled')).toBeUndefined();
  });

  it('does not take the sheet from a juror with unsaved typing: a notice offers to open it', async () => {
    const api = jurorApi(threeEntries());
    const { wrapper } = await mountApp(api, '/juror');
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    await wrapper.get('[data-testid="mark-11"]').setValue('77');

    const session = { ...openSession, currentEntryId: 23 };
    api.handlers['scoring.myAssignment'] = () => withRubric({ ...threeEntries(), session });
    api.emit('session.changed', { competitionId: 1, session });
    await flushPromises();

    expect(wrapper.get('[data-testid="juror-entry-21"]').attributes('aria-current')).toBe('true');
    expect((wrapper.get('[data-testid="mark-11"]').element as HTMLInputElement).value).toBe('77');
    const notice = wrapper.get('[data-testid="current-entry-notice"]');
    expect(notice.text()).toContain('Peserta yang sedang tampil: U-03 · Salam Rabain');

    await wrapper.get('[data-testid="open-current-entry"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="juror-entry-23"]').attributes('aria-current')).toBe('true');
    expect(wrapper.find('[data-testid="current-entry-notice"]').exists()).toBe(false);
  });

  it('does not reopen the same current entry on a later refresh', async () => {
    const session = { ...openSession, currentEntryId: 23 };
    const api = jurorApi({ ...threeEntries(), session });
    const { wrapper } = await mountApp(api, '/juror');
    expect(wrapper.get('[data-testid="juror-entry-23"]').attributes('aria-current')).toBe('true');

    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    api.emit('session.changed', { competitionId: 1, session });
    await flushPromises();
    expect(wrapper.get('[data-testid="juror-entry-21"]').attributes('aria-current')).toBe('true');
    expect(wrapper.find('[data-testid="current-entry-notice"]').exists()).toBe(false);
  });
});
