// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandOutput } from '@shared/api/contract';
import { createFakeApi } from './fake-api';
import { flushPromises, mountApp } from './helpers';

afterEach(() => {
  document.body.innerHTML = '';
});

type View = CommandOutput<'results.stage'>;
type Row = View['categories'][number]['rows'][number];

const row = (entryId: number, code: string, rank: number, total: string, extra: Partial<Row> = {}): Row => ({
  entryId,
  code,
  title: `Inovasi ${code}`,
  unit: 'Dinas',
  status: 'ranked',
  rank,
  total,
  tied: false,
  boundaryTie: false,
  award: null,
  override: null,
  grade: null,
  ...extra,
});

/** E01 and E02 tied at 80,00 across Juara I / Juara II; E03 third. */
function provisional(): View {
  return {
    competitionId: 1,
    competitionName: 'Kompetisi Inovasi 2026',
    stageId: 3,
    stageName: 'Presentasi',
    stages: [{ id: 3, name: 'Presentasi', final: false }],
    scales: [
      { id: 8, name: 'Juara I–III', kind: 'award' },
      { id: 9, name: 'PEKPPP', kind: 'grade' },
    ],
    awardScaleId: 8,
    gradeScaleId: null,
    status: {
      final: false,
      version: null,
      nextVersion: 1,
      hash: null,
      finalisedBy: null,
      finalisedAt: null,
      reopenedBy: null,
      reopenedAt: null,
      reopenReason: null,
      changedSinceFinal: false,
    },
    categories: [
      {
        categoryId: 1,
        name: 'Umum',
        rows: [
          row(21, 'E01', 1, '80.00', { tied: true, boundaryTie: true }),
          row(22, 'E02', 1, '80.00', { tied: true, boundaryTie: true }),
          row(23, 'E03', 3, '70.00', { award: 'Juara III' }),
        ],
      },
    ],
    ties: [{ categoryId: 1, rank: 1, entryIds: [21, 22], atBoundary: true }],
    decisions: [],
    blockers: { sheets: [], boundaryTies: 1 },
  };
}

function resultsApi(role: 'organiser' | 'chair') {
  const state = { view: provisional() };
  const api = createFakeApi({
    'auth.whoami': () => ({ actor: role === 'chair' ? { role: 'chair', competitionId: 1, jurorId: 5, name: 'Ketua' } : { role: 'organiser' } }) as never,
    'results.stage': () => state.view,
    'results.setScheme': ({ awardScaleId, gradeScaleId }) => (state.view = { ...state.view, awardScaleId, gradeScaleId }),
    'results.decideTie': () => {
      const [e01, e02, e03] = state.view.categories[0].rows;
      state.view = {
        ...state.view,
        ties: [],
        blockers: { sheets: [], boundaryTies: 0 },
        categories: [{ ...state.view.categories[0], rows: [{ ...e02, rank: 1, tied: false, boundaryTie: false, award: 'Juara I' }, { ...e01, rank: 2, tied: false, boundaryTie: false, award: 'Juara II' }, e03] }],
      };
      return state.view;
    },
    'finalise.stage': () =>
      (state.view = { ...state.view, status: { ...state.view.status, final: true, version: 1, nextVersion: 2, hash: 'ab'.repeat(32), finalisedBy: 'Ketua', finalisedAt: '2026-11-23T03:00:00Z' } }),
    'finalise.reopen': ({ reason }) =>
      (state.view = { ...state.view, status: { ...state.view.status, final: false, reopenedBy: 'Ketua', reopenedAt: '2026-11-23T04:00:00Z', reopenReason: reason } }),
  });
  return Object.assign(api, { state });
}

const ranks = (wrapper: Awaited<ReturnType<typeof mountApp>>['wrapper']) =>
  wrapper.findAll('[data-testid="final-row"]').map((r) => `${r.attributes('data-entry-code')}:${r.attributes('data-rank')}`);

describe('results page', () => {
  it('lets the chair order a tie with a reason, finalise after confirming, and reopen only with a reason', async () => {
    const api = resultsApi('chair');
    const { wrapper } = await mountApp(api, '/competitions/1/results');
    expect(wrapper.get('[data-testid="final-status"]').text()).toBe('SEMENTARA');
    expect(wrapper.findAll('[data-testid="final-boundary-tie"]')).toHaveLength(2);

    await wrapper.get('[data-testid="decide-tie"]').trigger('click');
    const dialog = wrapper.get('[data-testid="tie-dialog"]');
    expect(dialog.get('[data-testid="tie-save"]').attributes('disabled')).toBeDefined();
    await dialog.findAll('[data-testid="tie-down"]')[0].trigger('click');
    expect(dialog.findAll('[data-testid="tie-item"]').map((li) => li.text().slice(0, 3))).toEqual(['E02', 'E01']);
    await dialog.get('[data-testid="tie-reason"]').setValue('  Rapat pleno  ');
    await dialog.get('form').trigger('submit');
    await flushPromises();
    expect(api.callsOf('results.decideTie')).toEqual([{ competitionId: 1, stageId: 3, categoryId: 1, order: [22, 21], reason: 'Rapat pleno' }]);
    expect(wrapper.find('[data-testid="tie-dialog"]').exists()).toBe(false);
    expect(ranks(wrapper)).toEqual(['E02:1', 'E01:2', 'E03:3']);

    // Finalising asks first; cancelling sends nothing.
    await wrapper.get('[data-testid="finalise"]').trigger('click');
    expect(wrapper.get('[data-testid="confirm-message"]').text()).toContain('versi 1');
    await wrapper.get('[data-testid="confirm-no"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('finalise.stage')).toEqual([]);
    await wrapper.get('[data-testid="finalise"]').trigger('click');
    await wrapper.get('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('finalise.stage')).toEqual([{ competitionId: 1, stageId: 3 }]);
    expect(wrapper.get('[data-testid="final-status"]').text()).toBe('FINAL v1');
    expect(wrapper.get('[data-testid="final-hint"]').text()).toContain('abababababab');
    expect(wrapper.find('[data-testid="override-award"]').exists()).toBe(false);

    await wrapper.get('[data-testid="reopen"]').trigger('click');
    const reopen = wrapper.get('[data-testid="reopen-dialog"]');
    expect(reopen.get('[data-testid="reason-confirm"]').attributes('disabled')).toBeDefined();
    await reopen.get('[data-testid="reason-input"]').setValue('Salah ketik');
    await reopen.get('form').trigger('submit');
    await flushPromises();
    expect(api.callsOf('finalise.reopen')).toEqual([{ competitionId: 1, stageId: 3, reason: 'Salah ketik' }]);
    expect(wrapper.get('[data-testid="final-status"]').text()).toBe('SEMENTARA');
    expect(wrapper.get('[data-testid="reopened-hint"]').text()).toContain('Salah ketik');
  });

  it('shows the organiser the result without the chair\'s actions, saves the scheme and follows results.changed', async () => {
    const api = resultsApi('organiser');
    const { wrapper } = await mountApp(api, '/competitions/1/results');
    expect(wrapper.find('[data-testid="finalise"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="decide-tie"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="chair-only"]').exists()).toBe(true);

    await wrapper.get('[data-testid="grade-scale"]').setValue('9');
    await flushPromises();
    expect(api.callsOf('results.setScheme')).toEqual([{ competitionId: 1, stageId: 3, awardScaleId: 8, gradeScaleId: 9 }]);

    const fetches = api.callsOf('results.stage').length;
    api.state.view = { ...api.state.view, status: { ...api.state.view.status, final: true, version: 2, nextVersion: 3, hash: 'cd'.repeat(32) } };
    api.emit('results.changed', { competitionId: 1, stageId: 3 });
    await flushPromises();
    expect(api.callsOf('results.stage').length).toBe(fetches + 1);
    expect(wrapper.get('[data-testid="final-status"]').text()).toBe('FINAL v2');
    expect(wrapper.get('[data-testid="award-scale"]').attributes('disabled')).toBeDefined();
  });
});
