// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandOutput } from '@shared/api/contract';
import { DEFAULT_STAGE_METHOD } from '@shared/domain/method';
import type { CompetitionDetail, Results, Session } from '@shared/domain/schemas';
import { createFakeApi, type FakeApi } from './fake-api';
import { emptySetup, entry, juror, openSession, stage } from './fixtures';
import { flushPromises, mountApp } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
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
  jurors: [
    juror({ id: 5, name: 'Juri A', role: 'chair' }),
    juror({ id: 6, name: 'Juri B', role: 'member' }),
  ],
  entries: [
    entry({ id: 21, code: 'U-01', title: 'Sipantas', unit: 'Dinkes', categoryId: 1 }),
    entry({ id: 22, code: 'U-02', title: 'Lapor', unit: 'Kec', categoryId: 1 }),
  ],
};

function progress(cells: CommandOutput<'progress.get'>['cells']): CommandOutput<'progress.get'> {
  return {
    jurors: competition.jurors,
    entries: competition.entries,
    cells,
    submittedCount: cells.filter((c) => c.status === 'submitted').length,
    expectedCount: 4,
  };
}

const results: Results = {
  competitionId: 1,
  competitionName: competition.name,
  stageName: 'Presentasi',
  method: { ...DEFAULT_STAGE_METHOD, decimals: 2 },
  jurors: competition.jurors,
  categories: [{ categoryId: 1, name: 'Umum', rows: [] }],
};

function organiserApi(): FakeApi & { state: { session: Session | null; cells: CommandOutput<'progress.get'>['cells'] } } {
  const state = { session: null as Session | null, cells: [] as CommandOutput<'progress.get'>['cells'] };
  const api = createFakeApi({
    'auth.whoami': () => ({ actor: { role: 'organiser' } }),
    'competition.get': () => competition,
    'session.current': () => state.session,
    'progress.get': () => progress(state.cells),
    'results.compute': () => results,
    'session.open': () => (state.session = { ...openSession }),
    'session.close': () => (state.session = { ...openSession, status: 'closed', closedAt: '2025-05-20T05:00:00Z' }),
    'session.setCurrentEntry': ({ entryId }) => (state.session = { ...state.session!, currentEntryId: entryId }),
    'device.issueJurorLinks': () => ({
      links: [
        { jurorId: 5, name: 'Juri A', token: 'tokA1234', url: 'http://192.168.1.10:5199/#/pair?t=tokA1234' },
        { jurorId: 6, name: 'Juri B', token: 'tokB5678', url: null },
      ],
    }),
    'device.issueDisplayLink': () => ({ token: 'disp9999', url: null }),
    'documents.recap': () => ({ filename: 'rekap.pdf', mimeType: 'application/pdf', base64: btoa('%PDF-1.7 test') }),
  });
  return Object.assign(api, { state });
}

describe('session control', () => {
  it('opens and closes the session and reflects the status', async () => {
    const api = organiserApi();
    const { wrapper } = await mountApp(api, '/competitions/1');
    expect(wrapper.get('[data-testid="competition-title"]').text()).toBe('Kompetisi Inovasi 2025');
    expect(wrapper.get('[data-testid="session-status"]').attributes('data-status')).toBe('none');
    expect(wrapper.get('[data-testid="close-session"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="current-entry"]').attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="open-session"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('session.open')).toEqual([{ competitionId: 1 }]);
    expect(wrapper.get('[data-testid="session-status"]').attributes('data-status')).toBe('open');
    expect(wrapper.get('[data-testid="open-session"]').attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="current-entry"]').setValue('22');
    await flushPromises();
    expect(api.callsOf('session.setCurrentEntry')).toEqual([{ competitionId: 1, entryId: 22 }]);
    expect((wrapper.get('[data-testid="current-entry"]').element as HTMLSelectElement).value).toBe('22');
    await wrapper.get('[data-testid="current-entry"]').setValue('');
    await flushPromises();
    expect(api.callsOf('session.setCurrentEntry')[1]).toEqual({ competitionId: 1, entryId: null });

    await wrapper.get('[data-testid="close-session"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="session-status"]').attributes('data-status')).toBe('closed');
  });

  it('shows juror links with full URLs, building one from the token when the core gives none', async () => {
    const api = organiserApi();
    const { wrapper } = await mountApp(api, '/competitions/1');
    await wrapper.get('[data-testid="issue-juror-links"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="juror-link-url-5"]').text()).toBe('http://192.168.1.10:5199/#/pair?t=tokA1234');
    expect(wrapper.get('[data-testid="juror-link-url-6"]').text()).toBe(`${location.origin}${location.pathname}#/pair?t=tokB5678`);

    await wrapper.get('[data-testid="issue-display-link"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="display-link-url"]').text()).toBe(`${location.origin}${location.pathname}#/pair?t=disp9999`);
  });

  it('refreshes the progress matrix on sheet.changed and after a reconnect', async () => {
    const api = organiserApi();
    api.state.cells = [5, 6].flatMap((jurorId) => [21, 22].map((entryId) => ({ jurorId, entryId, status: 'empty' as const })));
    const { wrapper } = await mountApp(api, '/competitions/1');
    expect(wrapper.get('[data-testid="progress-cell-5-21"]').attributes('data-status')).toBe('empty');
    expect(wrapper.get('[data-testid="progress-summary"]').text()).toContain('0 dari 4');

    api.state.cells = api.state.cells.map((c) =>
      c.jurorId === 5 && c.entryId === 21 ? { ...c, status: 'submitted' as const } : c.jurorId === 6 && c.entryId === 22 ? { ...c, status: 'draft' as const } : c,
    );
    api.emit('sheet.changed', { competitionId: 1, entryId: 21, jurorId: 5, status: 'submitted' });
    await flushPromises();
    expect(wrapper.get('[data-testid="progress-cell-5-21"]').attributes('data-status')).toBe('submitted');
    expect(wrapper.get('[data-testid="progress-cell-6-22"]').attributes('data-status')).toBe('draft');
    expect(wrapper.get('[data-testid="progress-summary"]').text()).toContain('1 dari 4');

    // events of another competition are ignored
    const before = api.callsOf('progress.get').length;
    api.emit('sheet.changed', { competitionId: 2, entryId: 1, jurorId: 1, status: 'draft' });
    await flushPromises();
    expect(api.callsOf('progress.get')).toHaveLength(before);

    api.state.cells = api.state.cells.map((c) => (c.jurorId === 6 && c.entryId === 21 ? { ...c, status: 'submitted' as const } : c));
    api.reconnect();
    await flushPromises();
    expect(wrapper.get('[data-testid="progress-cell-6-21"]').attributes('data-status')).toBe('submitted');
    expect(api.callsOf('results.compute').length).toBeGreaterThanOrEqual(3);
  });

  it('downloads the recap as a PDF blob with the given filename', async () => {
    const api = organiserApi();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:fake';
    });
    const clicks: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download });
    });
    const { wrapper } = await mountApp(api, '/competitions/1');
    await wrapper.get('[data-testid="download-recap"]').trigger('click');
    await flushPromises();
    expect(clicks).toEqual([{ href: 'blob:fake', download: 'rekap.pdf' }]);
    expect(created[0].type).toBe('application/pdf');
    expect(await created[0].text()).toBe('%PDF-1.7 test');
  });

  it('hides organiser-only controls from the chair', async () => {
    const api = organiserApi();
    api.handlers['auth.whoami'] = () => ({ actor: { role: 'chair', competitionId: 1, jurorId: 5, name: 'Juri A' } });
    const { wrapper } = await mountApp(api, '/competitions/1');
    expect(wrapper.find('[data-testid="open-session"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="issue-juror-links"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="progress"]').exists()).toBe(true);
  });

  it('shows a conflicted pair as not applicable, counts each juror against their own cells, and notes conflicts in the results', async () => {
    const four = {
      ...competition,
      entries: [
        entry({ id: 21, code: 'U-01', title: 'Sipantas', unit: 'Dinkes', categoryId: 1 }),
        entry({ id: 22, code: 'U-02', title: 'Lapor', unit: 'Kec', categoryId: 1 }),
        entry({ id: 23, code: 'U-03', title: 'Sigap', unit: 'RSUD', categoryId: 1 }),
        entry({ id: 24, code: 'U-04', title: 'Pasti', unit: 'Disdik', categoryId: 1 }),
      ],
    };
    const withConflict: CompetitionDetail = {
      ...four,
      conflicts: [
        { id: 1, jurorId: 6, entryId: null, unit: ' rsud', reason: 'Istri bekerja di RSUD', declaredBy: 'organiser', createdAt: '2025-05-20T01:00:00Z' },
      ],
    };
    const resultRow = (entryId: number, code: string, title: string) => ({
      entryId, code, title, unit: '', rank: null, total: null, tied: false, submittedCount: 0, jurorTotals: [],
    });
    const api = organiserApi();
    let detail: CompetitionDetail = four;
    let conflicted = false;
    api.handlers['competition.get'] = () => detail;
    api.handlers['progress.get'] = () => {
      const cells = [5, 6].flatMap((jurorId) =>
        four.entries
          .filter((e) => !(conflicted && jurorId === 6 && e.id === 23))
          .map((e) => ({ jurorId, entryId: e.id, status: jurorId === 6 ? ('submitted' as const) : ('empty' as const) })),
      );
      return { jurors: four.jurors, entries: four.entries, cells, submittedCount: cells.filter((c) => c.status === 'submitted').length, expectedCount: cells.length };
    };
    api.handlers['results.compute'] = () => ({
      ...results,
      categories: [{ categoryId: 1, name: 'Umum', rows: four.entries.map((e) => resultRow(e.id, e.code, e.title)) }],
    });
    const { wrapper } = await mountApp(api, '/competitions/1');
    expect(wrapper.get('[data-testid="progress-done-6"]').text()).toBe('4/4');
    expect(wrapper.find('[data-testid="result-conflicts"]').exists()).toBe(false);

    // The organiser declares a unit conflict: competition.changed refreshes the setup, progress and results.
    detail = withConflict;
    conflicted = true;
    api.emit('competition.changed', { competitionId: 1 });
    await flushPromises();

    const cell = wrapper.get('[data-testid="progress-cell-6-23"]');
    expect(cell.attributes('data-status')).toBe('none');
    expect(cell.find('[aria-hidden]').text()).toBe('—');
    expect(cell.attributes('title')).toBe('Juri B · Sigap: konflik kepentingan, tidak menilai (Istri bekerja di RSUD)');
    expect(wrapper.get('[data-testid="progress-cell-5-23"]').attributes('data-status')).toBe('empty');
    expect(wrapper.get('[data-testid="progress-done-6"]').text()).toBe('3/3');
    expect(wrapper.get('[data-testid="progress-done-5"]').text()).toBe('0/4');
    expect(wrapper.get('[data-testid="progress-summary"]').text()).toContain('3 dari 7');

    const rows = wrapper.findAll('[data-testid="result-row"]');
    const sigap = rows.find((r) => r.attributes('data-entry-code') === 'U-03')!;
    expect(sigap.get('[data-testid="result-title"]').text()).toBe('Sigap');
    expect(sigap.get('[data-testid="result-conflicts"]').text()).toBe('Konflik: Juri B (Istri bekerja di RSUD)');
    expect(rows.filter((r) => r.find('[data-testid="result-conflicts"]').exists())).toHaveLength(1);
  });
});
