// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandOutput } from '@shared/api/contract';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import type { CompetitionDetail, Results, Session } from '@shared/domain/schemas';
import { createFakeApi } from './fake-api';
import { emptySetup, entry, juror, openSession, stage } from './fixtures';
import { flushPromises, mountApp } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const competition: CompetitionDetail = {
  id: 1,
  name: 'Kompetisi Inovasi 2025',
  createdAt: '2025-05-01T00:00:00Z',
  categories: [{ id: 1, name: 'Umum' }],
  ...emptySetup,
  stages: [stage({ id: 1, name: 'Presentasi', position: 0 })],
  criteria: [],
  jurors: [juror({ id: 5, name: 'Juri A', role: 'chair' }), juror({ id: 6, name: 'Juri B', role: 'member' }), juror({ id: 7, name: 'Juri C', role: 'member' })],
  entries: [
    entry({ id: 21, code: 'U-01', title: 'Sipantas', unit: 'Dinkes', categoryId: 1 }),
    entry({ id: 22, code: 'U-02', title: 'Lapor', unit: 'RSUD', categoryId: 1 }),
    entry({ id: 23, code: 'U-03', title: 'Mundur', unit: 'Kec', categoryId: 1, status: 'withdrawn' } as never),
  ],
  // Juri C is conflicted with the unit of U-02 (other case and spacing).
  conflicts: [{ id: 1, jurorId: 7, entryId: null, unit: ' rsud', reason: 'Istri bekerja di RSUD', declaredBy: 'organiser', createdAt: '2025-05-20T01:00:00Z' }],
};

const results: Results = {
  competitionId: 1,
  competitionName: competition.name,
  stageName: 'Presentasi',
  method: { ...DEFAULT_STAGE_METHOD, decimals: 2 },
  jurors: competition.jurors,
  categories: [{ categoryId: 1, name: 'Umum', rows: [] }],
};

type Cells = CommandOutput<'progress.get'>['cells'];
const quality: CommandOutput<'quality.live'> = {
  stageName: 'Presentasi',
  severityThreshold: '0.10',
  outlierThreshold: '0.20',
  jurors: [
    { jurorId: 5, entries: 1, shared: 1, severity: '5.80', spread: '0.00', outliers: 0, flag: null },
    { jurorId: 6, entries: 1, shared: 1, severity: '-24.20', spread: '0.00', outliers: 1, flag: 'harsh' },
  ],
  outliers: [{ entryId: 21, jurorId: 6, criterionId: 1, value: '20.000', othersMedian: '80.500', deviation: '-60.500' }],
};

function dashboardApi(role: 'organiser' | 'chair' = 'organiser') {
  const state = {
    session: { ...openSession } as Session,
    cells: [
      { jurorId: 5, entryId: 21, status: 'submitted' },
      { jurorId: 6, entryId: 21, status: 'draft' },
      { jurorId: 7, entryId: 21, status: 'empty' },
      { jurorId: 5, entryId: 22, status: 'submitted' },
      { jurorId: 6, entryId: 22, status: 'submitted' },
    ] as Cells,
    reopenings: [] as CommandOutput<'sheet.reopenings'>,
  };
  const api = createFakeApi({
    'auth.whoami': () => ({ actor: role === 'chair' ? { role: 'chair', competitionId: 1, jurorId: 5, name: 'Juri A' } : { role: 'organiser' } }) as never,
    'competition.get': () => competition,
    'session.current': () => state.session,
    'progress.get': () => ({
      jurors: competition.jurors,
      entries: competition.entries,
      cells: state.cells,
      submittedCount: state.cells.filter((c) => c.status === 'submitted').length,
      expectedCount: state.cells.length,
    }),
    'results.compute': () => results,
    'sheet.reopenings': () => state.reopenings,
    'quality.live': () => quality,
    'session.setCurrentEntry': ({ entryId }) => (state.session = { ...state.session, currentEntryId: entryId }),
    'sheet.reopen': ({ entryId, jurorId, reason }) => {
      state.reopenings = [...state.reopenings, { entryId, jurorId, reason, reopenedBy: 'organiser', reopenedAt: '2025-05-20T02:00:00Z' }];
      state.cells = state.cells.map((c) => (c.entryId === entryId && c.jurorId === jurorId ? { ...c, status: 'draft' } : c));
      return { entryId, jurorId, status: 'draft', marks: [], updatedAt: '2025-05-20T02:00:00Z' };
    },
  });
  return Object.assign(api, { state });
}

describe('chair dashboard', () => {
  it('names the conflicted jurors when the current entry changes, and who has not submitted', async () => {
    const api = dashboardApi();
    const { wrapper } = await mountApp(api, '/competitions/1');
    expect(wrapper.find('[data-testid="conflict-notice"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="pending-current"]').text()).toBe('Pilih peserta saat ini untuk melihat siapa yang belum mengirim.');

    // U-01: nobody is conflicted; Juri B (draft) and Juri C (not started) have not submitted.
    api.state.session = { ...api.state.session, currentEntryId: 21 };
    api.emit('session.changed', { competitionId: 1, session: api.state.session });
    await flushPromises();
    expect(wrapper.find('[data-testid="conflict-notice"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="pending-current"]').text()).toBe('Belum mengirim: Juri B, Juri C');
    expect(wrapper.get('[data-testid="open-count-6"]').text()).toContain('1 belum dikirim');
    expect(wrapper.find('[data-testid="open-count-5"]').exists()).toBe(false);

    // The organiser moves to U-02 (from this screen): Juri C's unit conflict is announced.
    await wrapper.get('[data-testid="current-entry"]').setValue('22');
    await flushPromises();
    const notice = wrapper.get('[data-testid="conflict-notice"]');
    expect(notice.attributes('role')).toBe('alert');
    expect(notice.text()).toContain('Juri berikut memiliki konflik dengan peserta ini dan dipersilakan meninggalkan ruangan: Juri C');
    expect(notice.text()).toContain('U-02 · Lapor');
    expect(wrapper.get('[data-testid="pending-current"]').text()).toBe('Semua juri sudah mengirim lembar untuk peserta ini.');

    // The matrix tells a conflict, a withdrawn entry and another panel apart.
    expect(wrapper.get('[data-testid="progress-cell-7-22"]').attributes('data-reason')).toBe('conflicted');
    expect(wrapper.get('[data-testid="progress-cell-5-23"]').attributes('data-reason')).toBe('absent');
    expect(wrapper.get('[data-testid="progress-cell-5-21"]').attributes('data-reason')).toBeUndefined();

    // The slot ends: no entry, no notice.
    api.state.session = { ...api.state.session, currentEntryId: null };
    api.emit('session.changed', { competitionId: 1, session: api.state.session });
    await flushPromises();
    expect(wrapper.find('[data-testid="conflict-notice"]').exists()).toBe(false);
  });

  it('reopens a submitted sheet only with a reason, and marks it in the matrix', async () => {
    const api = dashboardApi('chair');
    const { wrapper } = await mountApp(api, '/competitions/1');
    const button = wrapper.get('[data-testid="reopen-button"]');
    await wrapper.get('[data-testid="reopen-sheet"]').setValue('6:22');
    expect(button.attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="reopen-reason"]').setValue('   ');
    expect(button.attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="reopen-reason"]').setValue('Salah ketik');
    expect(button.attributes('disabled')).toBeUndefined();
    await wrapper.get('form.dashboard-reopen').trigger('submit');
    await flushPromises();
    expect(api.callsOf('sheet.reopen')).toEqual([{ competitionId: 1, entryId: 22, jurorId: 6, reason: 'Salah ketik' }]);
    expect(wrapper.get('[data-testid="reopen-done"]').text()).toContain('Juri B');
    expect(wrapper.get('[data-testid="reopenings"]').text()).toContain('Juri B · U-02 · Lapor: Salah ketik');

    api.emit('sheet.changed', { competitionId: 1, entryId: 22, jurorId: 6, status: 'draft' });
    await flushPromises();
    const cell = wrapper.get('[data-testid="progress-cell-6-22"]');
    expect(cell.attributes('data-status')).toBe('draft');
    expect(cell.attributes('data-reopened')).toBe('true');
    expect(cell.attributes('title')).toContain('dibuka kembali: Salah ketik');
  });

  it('names a juror whose late submission waits for the chair as such, in the reminder and the matrix', async () => {
    const api = dashboardApi('chair');
    api.state.cells = api.state.cells.map((c) => (c.jurorId === 7 && c.entryId === 21 ? { ...c, latePending: true } : c));
    api.state.session = { ...api.state.session, currentEntryId: 21 };
    const { wrapper } = await mountApp(api, '/competitions/1');
    expect(wrapper.get('[data-testid="pending-current"]').text()).toBe('Belum mengirim: Juri B, Juri C (terlambat, menunggu persetujuan ketua)');
    const cell = wrapper.get('[data-testid="progress-cell-7-21"]');
    expect(cell.attributes('data-late-pending')).toBe('true');
    expect(cell.attributes('title')).toContain('dikirim terlambat, menunggu persetujuan ketua');
    expect(wrapper.get('[data-testid="progress-cell-6-21"]').attributes('data-late-pending')).toBeUndefined();
  });

  it('shows severity flags and outlier marks, refreshed (debounced) on sheet changes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const api = dashboardApi('chair');
    const { wrapper } = await mountApp(api, '/competitions/1');
    expect(wrapper.get('[data-testid="quality-juror-6"]').attributes('data-flag')).toBe('harsh');
    expect(wrapper.get('[data-testid="quality-juror-6"]').text()).toContain('-24,20');
    expect(wrapper.get('[data-testid="quality-juror-6"]').text()).toContain('lebih ketat');
    expect(wrapper.get('[data-testid="quality-juror-5"]').attributes('data-flag')).toBe('');
    expect(wrapper.get('[data-testid="quality-outliers"]').text()).toContain('Juri B · U-01 · Sipantas · ?: 20 (median juri lain 80,5)');

    const before = api.callsOf('quality.live').length;
    for (let i = 0; i < 5; i++) api.emit('sheet.changed', { competitionId: 1, entryId: 21, jurorId: 7, status: 'draft' });
    await flushPromises();
    expect(api.callsOf('quality.live').length).toBe(before);
    vi.advanceTimersByTime(1000);
    await flushPromises();
    expect(api.callsOf('quality.live').length).toBe(before + 1);
  });
});
