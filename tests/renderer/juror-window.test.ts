// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandOutput } from '@shared/api/contract';
import type { Sheet } from '@shared/domain/schemas';
import type { EntryWindow } from '@shared/window';
import { createFakeApi } from './fake-api';
import { assignment } from './fixtures';
import { flushPromises, mountApp } from './helpers';

const NOW = Date.now();

function windowState(entries: EntryWindow[]): CommandOutput<'window.state'> {
  return { rule: { openPhaseIndex: 1, graceSeconds: 0, openPhaseName: 'Tanya jawab' }, serverNow: Date.now(), entries };
}

/** The juror page with entry 21 in the given window; saveSheet answers like the core would. */
function jurorApi(window: EntryWindow, sheets: Sheet[] = []) {
  return createFakeApi({
    'scoring.myAssignment': () => assignment({ sheets }),
    'window.state': () => windowState([window]),
    'scoring.saveSheet': (input: CommandInput<'scoring.saveSheet'>) => {
      const late = window.kind === 'closed' && input.submit;
      return {
        entryId: input.entryId,
        jurorId: 5,
        status: late ? 'empty' : input.submit ? 'submitted' : 'draft',
        marks: input.marks.map((m) => ({ criterionId: m.criterionId, value: String(m.value).replace(',', '.') })),
        updatedAt: '2025-05-20T03:00:00Z',
        comments: (input.comments ?? []).filter((c) => c.text),
        comment: input.comment || null,
        late: late ? { id: 7, status: 'pending' as const, submittedAt: '2025-05-20T03:00:00Z', reason: null } : null,
      };
    },
  });
}

afterEach(() => {
  document.body.innerHTML = '';
  localStorage.clear();
});

async function openEntry(api: ReturnType<typeof jurorApi>) {
  const mounted = await mountApp(api, '/juror');
  await mounted.wrapper.get('[data-testid="juror-entry-21"]').trigger('click');
  await flushPromises();
  return mounted;
}

describe('juror page: scoring window and comments', () => {
  it('shows until when scoring is open, with a countdown', async () => {
    const { wrapper } = await openEntry(jurorApi({ entryId: 21, kind: 'open', closesAt: NOW + 125_000 }));
    const status = wrapper.get('[data-testid="window-status"]');
    expect(status.attributes('data-kind')).toBe('open');
    expect(status.text()).toContain('Penilaian dibuka hingga pukul');
    // 2:05 left, give or take the second the test takes.
    expect(wrapper.get('[data-testid="window-countdown"]').text()).toMatch(/^sisa 2:0[45]$/);
    expect(wrapper.get('[data-testid="submit-sheet"]').text()).toBe('Kirim');
  });

  it('says when scoring opens before the phase begins', async () => {
    const { wrapper } = await openEntry(jurorApi({ entryId: 21, kind: 'notYet', closesAt: null }));
    expect(wrapper.get('[data-testid="window-status"]').text()).toBe('Penilaian dibuka saat fase "Tanya jawab" dimulai.');
    // Marks can be typed already, but nothing goes to the core before the window opens.
    await wrapper.get('[data-testid="mark-11"]').setValue('80');
    await wrapper.get('[data-testid="mark-12"]').setValue('80');
    expect(wrapper.get('[data-testid="draft-local"]').text()).toBe('Penilaian belum dibuka: draf hanya disimpan di perangkat ini.');
    expect(wrapper.get('[data-testid="submit-sheet"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="submit-sheet"]').text()).toBe('Kirim');
  });

  it('after close keeps the draft on the device and sends only a submission, which then waits for the chair', async () => {
    const api = jurorApi({ entryId: 21, kind: 'closed', closesAt: NOW - 1000 });
    const { wrapper } = await openEntry(api);
    expect(wrapper.get('[data-testid="window-status"]').attributes('data-kind')).toBe('closed');
    await wrapper.get('[data-testid="mark-11"]').setValue('85,5');
    await wrapper.get('[data-testid="mark-12"]').setValue('80');
    await wrapper.get('[data-testid="comment-11"]').setValue('Ide baru');
    expect(wrapper.get('[data-testid="save-draft"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="draft-local"]').text()).toBe('Penilaian ditutup: draf hanya disimpan di perangkat ini.');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // past the autosave pause
    expect(api.callsOf('scoring.saveSheet')).toHaveLength(0);

    const submit = wrapper.get('[data-testid="submit-sheet"]');
    expect(submit.text()).toBe('Kirim untuk persetujuan ketua');
    await submit.trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="confirm-submit"]').trigger('click');
    await flushPromises();
    const [sent] = api.callsOf('scoring.saveSheet');
    expect(sent).toMatchObject({ submit: true, comments: [{ criterionId: 11, text: 'Ide baru' }] });
    expect(wrapper.get('[data-testid="sheet-late-waiting"]').text()).toBe('Terkirim setelah penilaian ditutup — menunggu persetujuan ketua.');
    expect(wrapper.get<HTMLInputElement>('[data-testid="mark-11"]').element.disabled).toBe(true);
    expect(wrapper.get<HTMLInputElement>('[data-testid="mark-11"]').element.value).toBe('85,5');
    expect(wrapper.find('[data-testid="submit-sheet"]').exists()).toBe(false);
  });

  it('tells the juror the chair declined, with the reason, and lets them edit again', async () => {
    const declined: Sheet = {
      entryId: 21,
      jurorId: 5,
      status: 'draft',
      marks: [{ criterionId: 11, value: '70' }],
      updatedAt: '2025-05-20T03:00:00Z',
      late: { id: 7, status: 'declined', submittedAt: '2025-05-20T03:00:00Z', reason: 'Terlambat 20 menit' },
    };
    const { wrapper } = await openEntry(jurorApi({ entryId: 21, kind: 'closed', closesAt: NOW - 1000 }, [declined]));
    expect(wrapper.get('[data-testid="sheet-late-declined"]').text()).toBe('Ketua tidak menyetujui kiriman terlambat Anda. Alasan: Terlambat 20 menit');
    expect(wrapper.get<HTMLInputElement>('[data-testid="mark-11"]').element.disabled).toBe(false);
  });

  it('lets a sheet the chair reopened be saved after close, as the core allows', async () => {
    const reopened: Sheet = { entryId: 21, jurorId: 5, status: 'draft', marks: [{ criterionId: 11, value: '70' }], updatedAt: '2025-05-20T03:00:00Z', reopened: true };
    const api = jurorApi({ entryId: 21, kind: 'closed', closesAt: NOW - 1000 }, [reopened]);
    const { wrapper } = await openEntry(api);
    expect(wrapper.find('[data-testid="window-status"]').exists()).toBe(false);
    await wrapper.get('[data-testid="mark-12"]').setValue('75');
    expect(wrapper.get('[data-testid="submit-sheet"]').text()).toBe('Kirim');
    await wrapper.get('[data-testid="save-draft"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('scoring.saveSheet')).toMatchObject([{ submit: false, marks: [{ criterionId: 11, value: '70' }, { criterionId: 12, value: '75' }] }]);
  });

  it('sends comments with the marks, shows them in the review and refuses an overlong one', async () => {
    const api = jurorApi({ entryId: 21, kind: 'unscheduled', closesAt: null });
    const { wrapper } = await openEntry(api);
    expect(wrapper.get('[data-testid="window-status"]').text()).toBe('Tanpa jadwal: penilaian dibuka selama sesi berlangsung.');
    await wrapper.get('[data-testid="mark-11"]').setValue('90');
    await wrapper.get('[data-testid="mark-12"]').setValue('75');
    await wrapper.get('[data-testid="comment-12"]').setValue('x'.repeat(1001));
    expect(wrapper.get('[data-testid="comment-12-problem"]').text()).toBe('Catatan terlalu panjang: 1001 dari paling banyak 1000 karakter.');
    expect(wrapper.get('[data-testid="submit-sheet"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="comment-12"]').setValue('Manfaat terukur');
    await wrapper.get('[data-testid="comment-overall"]').setValue('Perlu data pengguna');
    await wrapper.get('[data-testid="submit-sheet"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="review-comment-12"]').text()).toBe('Catatan: Manfaat terukur');
    expect(wrapper.get('[data-testid="review-overall"]').text()).toBe('Catatan umum: Perlu data pengguna');
    await wrapper.get('[data-testid="confirm-submit"]').trigger('click');
    await flushPromises();
    const submitted = api.callsOf('scoring.saveSheet').at(-1)!;
    expect(submitted).toMatchObject({ submit: true, comment: 'Perlu data pengguna' });
    expect(submitted.comments).toContainEqual({ criterionId: 12, text: 'Manfaat terukur' });
  });
});
