// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandInput } from '@shared/api/contract';
import type { ScheduleView } from '@shared/api/schedule-commands';
import { createFakeApi } from './fake-api';
import { idleTimer } from './fixtures';
import { detail } from './setup-fixtures';
import { flushPromises, mountApp } from './helpers';

const slot = (id: number, position: number, entryId: number | null) => ({
  id,
  position,
  entryId,
  breakLabel: entryId === null ? 'Ishoma' : null,
  breakMinutes: entryId === null ? 60 : null,
  status: 'waiting' as const,
  overtimeMs: null,
});

function scheduleApi() {
  let view: ScheduleView = {
    competitionId: 7,
    stageId: 1,
    blocks: [{ id: 3, stageId: 1, day: 'Hari 1', room: 'Ruang A', position: 0, draw: null, slots: [slot(101, 0, 31), slot(102, 1, 32), slot(103, 2, null)] }],
    unplacedEntryIds: [33],
  };
  const api = createFakeApi({
    'auth.whoami': () => ({ actor: { role: 'organiser' } }),
    'competition.get': () => detail(),
    'schedule.get': () => view,
    'timer.state': () => idleTimer(7),
    'schedule.move': (input: CommandInput<'schedule.move'>) => {
      const block = view.blocks[0]!;
      const rest = block.slots.filter((s) => s.id !== input.slotId);
      rest.splice(input.position, 0, block.slots.find((s) => s.id === input.slotId)!);
      view = { ...view, blocks: [{ ...block, slots: rest.map((s, position) => ({ ...s, position })) }] };
      return view;
    },
    'schedule.draw': (input: CommandInput<'schedule.draw'>) => {
      view = { ...view, blocks: [{ ...view.blocks[0]!, draw: { seed: input.seed ?? 482913, drawnAt: '2026-11-23T02:00:00.000Z' } }] };
      return view;
    },
    'timer.configure': (input: CommandInput<'timer.configure'>) => ({
      competitionId: 7,
      phases: input.phases,
      state: { phaseIndex: 0, startedAt: null, accumulatedMs: 0, addedMs: 0, running: false },
      version: 1,
    }),
  });
  return api;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('schedule page', () => {
  it('lists the block with entries and the break, and the unplaced entry', async () => {
    const { wrapper } = await mountApp(scheduleApi(), '/competitions/7/schedule');
    const rows = wrapper.findAll('.slot').map((r) => r.text());
    expect(rows[0]).toContain('U-01');
    expect(rows[1]).toContain('U-02');
    expect(rows[2]).toContain('Ishoma · 60 menit');
    expect(wrapper.get('[data-testid="unplaced"]').text()).toContain('K-01');
  });

  it('Alt + arrow down on a focused row sends schedule.move one place down and keeps the focus on it', async () => {
    const api = scheduleApi();
    const { wrapper } = await mountApp(api, '/competitions/7/schedule');
    const row = wrapper.get('[data-slot-id="101"]');
    (row.element as HTMLElement).focus();
    await row.trigger('keydown', { key: 'ArrowDown', altKey: true });
    await flushPromises();
    expect(api.callsOf('schedule.move')).toEqual([{ slotId: 101, position: 1 }]);
    expect(wrapper.findAll('.slot')[1]!.text()).toContain('U-01');
    expect(document.activeElement?.getAttribute('data-slot-id')).toBe('101');
    // Alt + arrow up at the top does nothing; without Alt the arrows are left alone.
    await wrapper.get('[data-slot-id="102"]').trigger('keydown', { key: 'ArrowUp', altKey: true });
    await wrapper.get('[data-slot-id="101"]').trigger('keydown', { key: 'ArrowDown' });
    await flushPromises();
    expect(api.callsOf('schedule.move')).toHaveLength(1);
  });

  it('the draw button sends the typed seed and then shows it', async () => {
    const api = scheduleApi();
    const { wrapper } = await mountApp(api, '/competitions/7/schedule');
    expect(wrapper.find('[data-testid="drawn-3"]').exists()).toBe(false);
    await wrapper.get('[data-testid="seed-3"]').setValue('123456');
    await wrapper.get('[data-testid="draw-3"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('schedule.draw')).toEqual([{ blockId: 3, seed: 123456 }]);
    expect(wrapper.get('[data-testid="drawn-3"]').text()).toBe('Diundi dengan angka acak 123456');
  });

  it('without a typed seed the draw asks the core for one and shows the recorded seed', async () => {
    const api = scheduleApi();
    const { wrapper } = await mountApp(api, '/competitions/7/schedule');
    await wrapper.get('[data-testid="draw-3"]').trigger('click');
    await flushPromises();
    expect(api.callsOf('schedule.draw')).toEqual([{ blockId: 3 }]);
    expect(wrapper.get('[data-testid="drawn-3"]').text()).toContain('482913');
  });

  it('saves the timer phases from m:ss text', async () => {
    const api = scheduleApi();
    const { wrapper } = await mountApp(api, '/competitions/7/schedule');
    const inputs = wrapper.get('[data-testid="phase-settings"]').findAll('tbody tr')[0]!.findAll('input');
    await inputs[1]!.setValue('10:00');
    await inputs[2]!.setValue('2:30');
    await wrapper.get('[data-testid="save-phases"]').trigger('submit');
    await flushPromises();
    const phases = api.callsOf('timer.configure')[0]!.phases;
    expect(phases[0]).toEqual({ name: 'Presentasi', seconds: 600, warnAt: 150, dangerAt: 30 });
    expect(phases.map((p) => p.seconds)).toEqual([600, 780, 180]);
  });
});
