// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandOutput } from '@shared/api/contract';
import type { LateSubmission } from '@shared/api/window-commands';
import type { CompetitionDetail } from '@shared/domain/schemas';
import { API_KEY } from '../../renderer/src/api';
import ScoringWindowPanel from '../../renderer/src/components/dashboard/ScoringWindowPanel.vue';
import { createAppI18n } from '../../renderer/src/i18n';
import { useControlStore } from '../../renderer/src/stores/control';
import { createFakeApi } from './fake-api';
import { emptySetup, entry, idleTimer, juror, openSession, stage } from './fixtures';

const competition: CompetitionDetail = {
  id: 1,
  name: 'Kompetisi Inovasi 2025',
  createdAt: '2025-05-01T00:00:00Z',
  categories: [{ id: 1, name: 'Umum' }],
  ...emptySetup,
  stages: [stage({ id: 1, name: 'Presentasi', position: 0 })],
  criteria: [],
  jurors: [juror({ id: 5, name: 'Juri A', role: 'chair' }), juror({ id: 6, name: 'Juri B', role: 'member' })],
  entries: [entry({ id: 21, code: 'U-01', title: 'Sipantas', unit: 'Dinkes', categoryId: 1 })],
  conflicts: [],
};

function panelApi(role: 'organiser' | 'chair') {
  const state = {
    late: [{ id: 9, entryId: 21, jurorId: 6, status: 'pending', submittedAt: '2025-05-20T03:00:00Z', decidedBy: null, decidedAt: null, reason: null }] as LateSubmission[],
    closesAt: Date.now() - 1000,
  };
  const api = createFakeApi({
    'auth.whoami': () => ({ actor: role === 'chair' ? { role: 'chair', competitionId: 1, jurorId: 5, name: 'Juri A' } : { role: 'organiser' } }) as never,
    'window.state': (): CommandOutput<'window.state'> => ({
      rule: { openPhaseIndex: 1, graceSeconds: 0, openPhaseName: 'Tanya jawab' },
      serverNow: Date.now(),
      entries: [{ entryId: 21, kind: state.closesAt > Date.now() ? 'open' : 'closed', closesAt: state.closesAt }],
    }),
    'window.lateList': () => state.late,
    'timer.state': () => idleTimer(1, Date.now()),
    'window.decideLate': ({ lateId, approve, reason }) => {
      const decided = { ...state.late.find((l) => l.id === lateId)!, status: approve ? 'approved' : 'declined', decidedBy: 'chair:5', reason: reason ?? null } as LateSubmission;
      state.late = [decided];
      return decided;
    },
    'window.extend': ({ minutes }) => {
      state.closesAt = Date.now() + minutes * 60_000;
      return api.handlers['window.state']!({ competitionId: 1 }) as CommandOutput<'window.extend'>;
    },
  });
  return Object.assign(api, { state });
}

async function mountPanel(role: 'organiser' | 'chair') {
  const api = panelApi(role);
  const pinia = createPinia();
  setActivePinia(pinia);
  const wrapper = mount(ScoringWindowPanel, {
    props: { competitionId: 1 },
    attachTo: document.body,
    global: { plugins: [pinia, createAppI18n('id')], provide: { [API_KEY as symbol]: api } },
  });
  // The session view loads these into the control store; the panel only reads them.
  const control = useControlStore();
  control.competition = competition;
  control.session = { ...openSession, currentEntryId: 21 };
  await flushPromises();
  return { api, wrapper };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('scoring window on the chair dashboard', () => {
  it('lets the chair approve a late submission, logged as a decision, and lists it as approved', async () => {
    const { api, wrapper } = await mountPanel('chair');
    expect(wrapper.get('[data-testid="late-9"]').text()).toContain('Juri B · U-01 · Sipantas');
    await wrapper.get('[data-testid="late-approve-9"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('window.decideLate')).toEqual([{ lateId: 9, approve: true }]);
    expect(wrapper.find('[data-testid="late-9"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="late-decided"]').text()).toBe('Juri B · U-01 · Sipantas — disetujui');
  });

  it('sends the chair’s reason with a decline', async () => {
    const { api, wrapper } = await mountPanel('chair');
    await wrapper.get('[data-testid="late-reason-9"]').setValue('  Terlambat 20 menit ');
    await wrapper.get('[data-testid="late-decline-9"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('window.decideLate')).toEqual([{ lateId: 9, approve: false, reason: 'Terlambat 20 menit' }]);
    expect(wrapper.get('[data-testid="late-decided"]').text()).toContain('ditolak (Terlambat 20 menit)');
  });

  it('shows the organiser the pending list without the chair’s buttons, and extends the current entry’s window', async () => {
    const { api, wrapper } = await mountPanel('organiser');
    expect(wrapper.text()).toContain('Hanya ketua dewan juri yang dapat menyetujui atau menolak kiriman terlambat.');
    expect(wrapper.find('[data-testid="late-approve-9"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="window-status"]').attributes('data-kind')).toBe('closed');
    await wrapper.get('[data-testid="extend-5"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('window.extend')).toEqual([{ competitionId: 1, entryId: 21, minutes: 5 }]);
    expect(wrapper.get('[data-testid="window-status"]').attributes('data-kind')).toBe('open');
    expect(wrapper.get('[data-testid="window-countdown"]').text()).toMatch(/^sisa [45]:\d\d$/);
  });
});
