// @vitest-environment happy-dom
/**
 * The day on stage in the renderer (issue 5): overtime per slot and moving slots between blocks on
 * the schedule page, the stage display button, and "next up" and the logo on the stage display.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandOutput } from '@shared/api/contract';
import type { ScheduleSlot, ScheduleView } from '@shared/api/schedule-commands';
import { createFakeApi } from './fake-api';
import { entry, idleTimer, openSession } from './fixtures';
import { detail } from './setup-fixtures';
import { flushPromises, mountApp } from './helpers';

const slot = (id: number, position: number, entryId: number, fields: Partial<ScheduleSlot> = {}): ScheduleSlot => ({
  id,
  position,
  entryId,
  breakLabel: null,
  breakMinutes: null,
  status: 'waiting',
  overtimeMs: null,
  ...fields,
});

/** Two blocks: Ruang A holds U-01 (done, 42 s over) and U-02; Ruang B holds K-01. */
function twoBlockApi(openStage: CommandOutput<'display.openStageWindow'> = { opened: false }) {
  let view: ScheduleView = {
    competitionId: 7,
    stageId: 1,
    blocks: [
      { id: 3, stageId: 1, day: 'Hari 1', room: 'Ruang A', position: 0, draw: null, slots: [slot(101, 0, 31, { status: 'done', overtimeMs: 42_000 }), slot(102, 1, 32)] },
      { id: 4, stageId: 1, day: 'Hari 2', room: 'Ruang B', position: 1, draw: null, slots: [slot(103, 0, 33)] },
    ],
    unplacedEntryIds: [],
  };
  return createFakeApi({
    'auth.whoami': () => ({ actor: { role: 'organiser' } }),
    'competition.get': () => detail(),
    'schedule.get': () => view,
    'timer.state': () => idleTimer(7),
    // Moves as the core would: out of its block, into the target at the position.
    'schedule.move': (input: CommandInput<'schedule.move'>) => {
      const moving = view.blocks.flatMap((b) => b.slots).find((s) => s.id === input.slotId)!;
      const targetId = input.blockId ?? view.blocks.find((b) => b.slots.includes(moving))!.id;
      view = {
        ...view,
        blocks: view.blocks.map((b) => {
          const rest = b.slots.filter((s) => s.id !== input.slotId);
          if (b.id === targetId) rest.splice(input.position, 0, moving);
          return { ...b, slots: rest.map((s, position) => ({ ...s, position })) };
        }),
      };
      return view;
    },
    'display.openStageWindow': () => openStage,
    'device.issueDisplayLink': () => ({ token: 'display-token-123', url: 'http://192.168.1.5:5190/#/pair?t=display-token-123' }),
  });
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('schedule page: overtime and moving between blocks', () => {
  it('shows the recorded overtime on its slot only', async () => {
    const { wrapper } = await mountApp(twoBlockApi(), '/competitions/7/schedule');
    expect(wrapper.get('[data-testid="slot-overtime-101"]').text()).toBe('+0:42 lewat waktu');
    expect(wrapper.find('[data-testid="slot-overtime-102"]').exists()).toBe(false);
  });

  it('Alt + Page Down moves a focused row to the end of the next block and keeps the focus on it', async () => {
    const api = twoBlockApi();
    const { wrapper } = await mountApp(api, '/competitions/7/schedule');
    const row = wrapper.get('[data-slot-id="102"]');
    (row.element as HTMLElement).focus();
    await row.trigger('keydown', { key: 'PageDown', altKey: true });
    await flushPromises();
    expect(api.callsOf('schedule.move')).toEqual([{ slotId: 102, blockId: 4, position: 1 }]);
    expect(wrapper.get('[data-testid="block-4"]').text()).toContain('U-02');
    expect(document.activeElement?.getAttribute('data-slot-id')).toBe('102');
    // Alt + Page Down in the last block has nowhere to go.
    await wrapper.get('[data-slot-id="103"]').trigger('keydown', { key: 'PageDown', altKey: true });
    await flushPromises();
    expect(api.callsOf('schedule.move')).toHaveLength(1);
  });

  it('dropping a row from another block onto a slot moves it there, at that slot\'s place', async () => {
    const api = twoBlockApi();
    const { wrapper } = await mountApp(api, '/competitions/7/schedule');
    const data = new Map([['application/x-ruang-juri-slot', '103']]);
    await wrapper.get('[data-slot-id="102"]').trigger('drop', { dataTransfer: { getData: (type: string) => data.get(type) ?? '' } });
    await flushPromises();
    expect(api.callsOf('schedule.move')).toEqual([{ slotId: 103, blockId: 3, position: 1 }]);
    expect(wrapper.get('[data-testid="block-3"]').findAll('.slot').map((r) => r.text().slice(0, 6))).toEqual(['1U-01 ', '2K-01 ', '3U-02 ']);
  });

  it('offers "move to session" only for slots that have not run', async () => {
    const api = twoBlockApi();
    const { wrapper } = await mountApp(api, '/competitions/7/schedule');
    expect(wrapper.find('[data-testid="move-block-101"]').exists()).toBe(false);
    await wrapper.get('[data-testid="move-block-102"]').setValue('4');
    await flushPromises();
    expect(api.callsOf('schedule.move')).toEqual([{ slotId: 102, blockId: 4, position: 1 }]);
  });
});

describe('stage display button', () => {
  it('says the window opened when the desktop app opened it', async () => {
    const api = twoBlockApi({ opened: true });
    const { wrapper } = await mountApp(api, '/competitions/7/schedule');
    await wrapper.get('[data-testid="open-stage-display"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('display.openStageWindow')).toEqual([{ competitionId: 7 }]);
    expect(wrapper.find('[data-testid="stage-display-opened"]').exists()).toBe(true);
    expect(api.callsOf('device.issueDisplayLink')).toEqual([]);
  });

  it('in a browser shows a one-time display link for the projector instead', async () => {
    const api = twoBlockApi({ opened: false });
    const { wrapper } = await mountApp(api, '/competitions/7/schedule');
    await wrapper.get('[data-testid="open-stage-display"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="stage-display-link"]').text()).toBe('http://192.168.1.5:5190/#/pair?t=display-token-123');
  });
});

describe('stage display: next up and logo', () => {
  it('shows the next entry from display.state and the logo, and drops them when the core says there is none', async () => {
    const logo = 'data:image/png;base64,iVBORw0KGgo=';
    let state: CommandOutput<'display.state'> = {
      competitionName: 'KIPP 2025',
      logo,
      session: { ...openSession, currentEntryId: 31 },
      currentEntry: entry({ id: 31, code: 'U-01', title: 'Sipantas', unit: 'Dinas Kesehatan', categoryId: 1 }),
      nextEntry: entry({ id: 32, code: 'U-02', title: 'Lapor Cepat', unit: 'Kecamatan Ilir Barat', categoryId: 1 }),
    };
    const api = createFakeApi({ 'display.state': () => state, 'auth.whoami': () => ({ actor: { role: 'display', competitionId: 1 } }) });
    const { wrapper } = await mountApp(api, '/display');
    const next = wrapper.get('[data-testid="display-next-up"]').text();
    expect(next).toContain('Berikutnya');
    expect(next).toContain('Lapor Cepat');
    expect(next).toContain('Kecamatan Ilir Barat');
    expect(wrapper.get('[data-testid="display-logo"]').attributes('src')).toBe(logo);

    // A schedule change (a slot moved, marked done …) refetches the state.
    state = { ...state, logo: null, nextEntry: null };
    api.emit('schedule.changed', { competitionId: 1, stageId: 1 });
    await flushPromises();
    expect(wrapper.find('[data-testid="display-next-up"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="display-logo"]').exists()).toBe(false);
  });
});
