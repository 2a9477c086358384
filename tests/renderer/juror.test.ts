// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import { apiError, createFakeApi } from './fake-api';
import { assignment, openSession } from './fixtures';
import { flushPromises, mountApp } from './helpers';

const OP_ID = /^[A-Za-z0-9_-]{8,64}$/;

function jurorApi(overrides: Parameters<typeof assignment>[0] = {}) {
  const api = createFakeApi({
    'scoring.myAssignment': () => assignment(overrides),
    'scoring.saveSheet': (input: CommandInput<'scoring.saveSheet'>) => ({
      entryId: input.entryId,
      jurorId: 5,
      status: input.submit ? 'submitted' : 'draft',
      marks: input.marks.map((m) => ({ criterionId: m.criterionId, value: String(m.value).replace(',', '.') })),
      updatedAt: '2025-05-20T03:00:00Z',
    }),
  });
  return api;
}

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

describe('juror scoring page', () => {
  it('shows the juror, progress and each entry with its sheet status', async () => {
    const { wrapper } = await mountApp(jurorApi(), '/juror');
    expect(wrapper.get('[data-testid="juror-name"]').text()).toBe('Dr. Siti Rahma');
    expect(wrapper.get('[data-testid="juror-progress"]').text()).toBe('1 dari 2 terkirim');
    expect(wrapper.get('[data-testid="juror-entry-21"]').attributes('data-status')).toBe('empty');
    expect(wrapper.get('[data-testid="juror-entry-22"]').attributes('data-status')).toBe('submitted');
    expect(wrapper.find('[data-testid="session-closed"]').exists()).toBe(false);
  });

  it('refuses marks outside the scale or off the step, with a translated hint', async () => {
    const api = jurorApi();
    const { wrapper } = await mountApp(api, '/juror');
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');

    await wrapper.get('[data-testid="mark-11"]').setValue('101');
    expect(wrapper.get('[data-testid="hint-11"]').text()).toBe('Nilai harus antara 0 dan 100.');
    expect(wrapper.get('[data-testid="save-draft"]').attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="mark-11"]').setValue('85,25'); // step is 0.5
    expect(wrapper.get('[data-testid="hint-11"]').text()).toBe('Nilai harus kelipatan 0,5, mulai dari 0.');

    await wrapper.get('[data-testid="mark-11"]').setValue('8x');
    expect(wrapper.get('[data-testid="hint-11"]').text()).toContain('85,5');

    await wrapper.get('[data-testid="save-draft"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('scoring.saveSheet')).toHaveLength(0);

    await wrapper.get('[data-testid="mark-11"]').setValue('85,5');
    expect(wrapper.find('[data-testid="hint-11"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="save-draft"]').attributes('disabled')).toBeUndefined();
  });

  it('saves a draft with the decimal text unchanged and a fresh opId per save', async () => {
    const api = jurorApi();
    const { wrapper } = await mountApp(api, '/juror');
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    await wrapper.get('[data-testid="mark-11"]').setValue('85,5');
    await wrapper.get('[data-testid="save-draft"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="mark-12"]').setValue('70');
    await wrapper.get('[data-testid="save-draft"]').trigger('click');
    await flushPromises();

    const saves = api.callsOf('scoring.saveSheet');
    expect(saves).toHaveLength(2);
    expect(saves[0]).toEqual({ opId: expect.stringMatching(OP_ID), entryId: 21, marks: [{ criterionId: 11, value: '85,5' }], submit: false });
    expect(saves[1].marks).toEqual([
      { criterionId: 11, value: '85,5' },
      { criterionId: 12, value: '70' },
    ]);
    expect(saves[1].opId).toMatch(OP_ID);
    expect(saves[1].opId).not.toBe(saves[0].opId);
    expect(wrapper.get('[data-testid="juror-entry-21"]').attributes('data-status')).toBe('draft');
  });

  it('submits only after the review step, then shows the sheet locked', async () => {
    const api = jurorApi();
    const { wrapper } = await mountApp(api, '/juror');
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    await wrapper.get('[data-testid="mark-11"]').setValue('85,5');
    // one criterion still empty: cannot submit yet
    expect(wrapper.get('[data-testid="submit-sheet"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="mark-12"]').setValue('80');

    await wrapper.get('[data-testid="submit-sheet"]').trigger('click');
    expect(api.callsOf('scoring.saveSheet')).toHaveLength(0);
    const review = wrapper.get('[data-testid="submit-review"]');
    expect(review.get('[data-testid="review-mark-11"]').text()).toBe('85,5');
    // 0.6 × 85.5 + 0.4 × 80 = 83.30
    expect(review.text()).toContain('83,30');

    await wrapper.get('[data-testid="confirm-submit"]').trigger('click');
    await flushPromises();
    const [save] = api.callsOf('scoring.saveSheet');
    expect(save).toMatchObject({ entryId: 21, submit: true, marks: [{ criterionId: 11, value: '85,5' }, { criterionId: 12, value: '80' }] });
    expect(wrapper.find('[data-testid="sheet-locked"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="mark-11"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="juror-progress"]').text()).toBe('2 dari 2 terkirim');
  });

  it('shows a submitted sheet locked with its marks in the local format', async () => {
    const { wrapper } = await mountApp(jurorApi(), '/juror');
    await wrapper.get('[data-testid="juror-entry-22"]').trigger('click');
    expect(wrapper.find('[data-testid="sheet-locked"]').exists()).toBe(true);
    expect((wrapper.get('[data-testid="mark-11"]').element as HTMLInputElement).value).toBe('90,5');
    expect(wrapper.find('[data-testid="save-draft"]').exists()).toBe(false);
  });

  it('disables the inputs when the session is not open, and re-enables them on session.changed', async () => {
    const api = jurorApi({ session: { ...openSession, status: 'closed', closedAt: '2025-05-20T05:00:00Z' } });
    const { wrapper } = await mountApp(api, '/juror');
    expect(wrapper.find('[data-testid="session-closed"]').exists()).toBe(true);
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    expect(wrapper.get('[data-testid="mark-11"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="save-draft"]').attributes('disabled')).toBeDefined();

    api.handlers['scoring.myAssignment'] = () => assignment();
    api.emit('session.changed', { competitionId: 1, session: openSession });
    await flushPromises();
    expect(wrapper.find('[data-testid="session-closed"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="mark-11"]').attributes('disabled')).toBeUndefined();
  });

  it('keeps typed marks through a refetch after a reconnect, and shows a save error translated', async () => {
    const api = jurorApi();
    const { wrapper } = await mountApp(api, '/juror');
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    await wrapper.get('[data-testid="mark-11"]').setValue('77');
    api.reconnect();
    await flushPromises();
    expect(api.callsOf('scoring.myAssignment')).toHaveLength(2);
    expect((wrapper.get('[data-testid="mark-11"]').element as HTMLInputElement).value).toBe('77');

    api.handlers['scoring.saveSheet'] = () => {
      throw apiError({ code: 'CONFLICT', details: { key: 'sessionNotOpen' } });
    };
    await wrapper.get('[data-testid="save-draft"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="save-error"]').text()).toBe('Sesi penilaian belum dibuka atau sudah ditutup.');
  });

  it('declares a conflict of interest with an entry only after the dialog is confirmed, then lists it', async () => {
    const api = jurorApi();
    api.handlers['scoring.declareConflict'] = () => {
      const before = assignment();
      api.handlers['scoring.myAssignment'] = () => ({
        ...before,
        entries: before.entries.filter((e) => e.id !== 21),
        conflicts: [{ entryId: 21, code: 'U-01', title: 'Sipantas', reason: 'Kakak saya penyajinya', declaredBy: 'juror' }],
      });
      return { conflictId: 7 };
    };
    const { wrapper } = await mountApp(api, '/juror');
    expect(wrapper.find('[data-testid="juror-conflicts"]').exists()).toBe(false);
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    expect(wrapper.get('[data-testid="declare-conflict"]').text()).toBe('Nyatakan konflik kepentingan');

    // Cancelling sends nothing.
    await wrapper.get('[data-testid="declare-conflict"]').trigger('click');
    expect(wrapper.get('[data-testid="conflict-dialog"]').text()).toContain('U-01 · Sipantas');
    await wrapper.get('[data-testid="conflict-cancel"]').trigger('click');
    expect(wrapper.find('[data-testid="conflict-dialog"]').exists()).toBe(false);
    expect(api.callsOf('scoring.declareConflict')).toEqual([]);

    await wrapper.get('[data-testid="declare-conflict"]').trigger('click');
    expect(wrapper.get('[data-testid="conflict-confirm"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="conflict-reason"]').setValue('  Kakak saya penyajinya ');
    expect(api.callsOf('scoring.declareConflict')).toEqual([]);
    await wrapper.get('[data-testid="conflict-confirm"]').trigger('click');
    await flushPromises();

    expect(api.callsOf('scoring.declareConflict')).toEqual([{ entryId: 21, reason: 'Kakak saya penyajinya' }]);
    expect(wrapper.find('[data-testid="conflict-dialog"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="juror-entry-21"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="conflict-declared"]').text()).toContain('U-01 · Sipantas');
    const listed = wrapper.findAll('[data-testid="juror-conflict"]');
    expect(listed).toHaveLength(1);
    expect(listed[0].attributes('data-entry-id')).toBe('21');
    expect(listed[0].text()).toContain('Sipantas');
    expect(listed[0].text()).toContain('Kakak saya penyajinya');
    expect(listed[0].text()).toContain('dinyatakan oleh Anda');
    expect(wrapper.get('[data-testid="juror-conflicts"]').text()).toContain('Konflik kepentingan');
    expect(wrapper.get('[data-testid="juror-progress"]').text()).toBe('1 dari 1 terkirim');
  });

  it('keeps the dialog open with the refusal when the core refuses the declaration', async () => {
    const api = jurorApi();
    api.handlers['scoring.declareConflict'] = () => {
      throw apiError({ code: 'CONFLICT', details: { key: 'conflictExists' } });
    };
    const { wrapper } = await mountApp(api, '/juror');
    await wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
    await wrapper.get('[data-testid="declare-conflict"]').trigger('click');
    await wrapper.get('[data-testid="conflict-reason"]').setValue('Kerabat');
    await wrapper.get('[data-testid="conflict-confirm"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="conflict-dialog"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="conflict-error"]').text()).toContain('Konflik kepentingan ini sudah tercatat.');
    expect(wrapper.find('[data-testid="juror-entry-21"]').exists()).toBe(true);
  });
});
