// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandInput, CommandOutput } from '@shared/api/contract';
import { DEFAULT_PHASES, applyTimerAction, type TimerState } from '@shared/timer';
import { API_KEY } from '../../renderer/src/api';
import StageCountdown from '../../renderer/src/components/StageCountdown.vue';
import TimerControls from '../../renderer/src/components/TimerControls.vue';
import { createAppI18n } from '../../renderer/src/i18n';
import { apiError, createFakeApi, type FakeApi } from './fake-api';
import { entry } from './fixtures';

const T0 = Date.parse('2026-11-23T02:00:00Z');
/** The core's clock runs 42 s ahead of this device's: the countdown must not care. */
const CORE_AHEAD = 42_000;

function timerApi(initial: TimerState, version = 4): FakeApi & { core: { state: TimerState; version: number } } {
  const core = { state: initial, version };
  const view = () => ({ competitionId: 1, phases: DEFAULT_PHASES.map((p) => ({ ...p })), state: core.state, version: core.version });
  const api = createFakeApi({
    'time.now': () => ({ serverNow: Date.now() + CORE_AHEAD }),
    'timer.state': (): CommandOutput<'timer.state'> => ({
      ...view(),
      serverNow: Date.now() + CORE_AHEAD,
      entry: entry({ id: 21, code: 'U-01', title: 'Sipantas', unit: 'Dinkes', categoryId: 1 }),
      nextEntry: entry({ id: 22, code: 'U-02', title: 'Lapor Pak', unit: 'Kecamatan Ilir', categoryId: 1 }),
    }),
    'timer.control': (input: CommandInput<'timer.control'>) => {
      if (input.expectedVersion !== core.version) throw apiError({ code: 'CONFLICT', details: { key: 'timerStale' } });
      const result = applyTimerAction(core.state, DEFAULT_PHASES, input.action, Date.now() + CORE_AHEAD);
      if ('refused' in result) throw apiError({ code: 'CONFLICT', details: { key: result.refused } });
      core.state = result.state;
      core.version += 1;
      return view();
    },
  });
  return Object.assign(api, { core });
}

function mountWith(api: FakeApi, component: typeof TimerControls | typeof StageCountdown, props: Record<string, unknown>) {
  return mount(component, {
    attachTo: document.body,
    props,
    global: { plugins: [createPinia(), createAppI18n('id')], provide: { [API_KEY as symbol]: api } },
  });
}

const key = (k: string, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: k === ' ' ? 'Space' : '', bubbles: true, cancelable: true }));

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date', 'setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('timer controls on the session page', () => {
  it('Space starts and then pauses, each press carrying the version it saw', async () => {
    const api = timerApi({ phaseIndex: 0, startedAt: null, accumulatedMs: 0, addedMs: 0, running: false });
    const wrapper = mountWith(api, TimerControls, { competitionId: 1, canControl: true });
    await flushPromises();
    expect(wrapper.get('[data-testid="control-countdown"]').text()).toBe('7:00');

    key(' ');
    await flushPromises();
    expect(api.callsOf('timer.control')).toEqual([{ competitionId: 1, action: 'start', expectedVersion: 4 }]);
    vi.advanceTimersByTime(10_000);
    await flushPromises();
    expect(wrapper.get('[data-testid="control-countdown"]').text()).toBe('6:50');

    key(' ');
    await flushPromises();
    expect(api.callsOf('timer.control')[1]).toEqual({ competitionId: 1, action: 'pause', expectedVersion: 5 });
    key('n');
    key('+'); // ignored while the "next" press is still in flight, or sent after it: never with a stale version
    await flushPromises();
    const versions = api.callsOf('timer.control').map((c) => c.expectedVersion);
    expect(versions.slice(0, 3)).toEqual([4, 5, 6]);
  });

  it('leaves keys alone while the organiser types in a field, and for a read-only chair', async () => {
    const api = timerApi({ phaseIndex: 0, startedAt: null, accumulatedMs: 0, addedMs: 0, running: false });
    mountWith(api, TimerControls, { competitionId: 1, canControl: true });
    await flushPromises();
    const input = document.createElement('input');
    document.body.appendChild(input);
    key(' ', input);
    key('n', input);
    await flushPromises();
    expect(api.callsOf('timer.control')).toEqual([]);

    document.body.innerHTML = '';
    const chairApi = timerApi({ phaseIndex: 0, startedAt: null, accumulatedMs: 0, addedMs: 0, running: false });
    const chair = mountWith(chairApi, TimerControls, { competitionId: 1, canControl: false });
    await flushPromises();
    key(' ');
    await flushPromises();
    expect(chairApi.callsOf('timer.control')).toEqual([]);
    expect(chair.find('[data-testid="timer-toggle"]').exists()).toBe(false);
  });

  it('shows a stale press translated and refreshes to what the other controller did', async () => {
    const api = timerApi({ phaseIndex: 0, startedAt: null, accumulatedMs: 0, addedMs: 0, running: false });
    const wrapper = mountWith(api, TimerControls, { competitionId: 1, canControl: true });
    await flushPromises();
    // Another controller started the timer; this screen missed the event.
    api.core.state = { ...api.core.state, running: true, startedAt: Date.now() + CORE_AHEAD };
    api.core.version = 5;
    await wrapper.get('[data-testid="timer-toggle"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="timer-error"]').text()).toContain('diubah dari layar lain');
    expect(wrapper.get('[data-testid="timer-toggle"]').text()).toContain('Jeda');
  });
});

describe('stage countdown', () => {
  it('turns yellow at 2:00, red at 0:30 and counts up red in overtime, on the core clock', async () => {
    // Started 5 minutes ago in core time: exactly 2:00 left of the 7-minute presentation.
    const api = timerApi({ phaseIndex: 0, startedAt: T0 + CORE_AHEAD - 300_000, accumulatedMs: 0, addedMs: 0, running: true });
    const wrapper = mountWith(api, StageCountdown, { competitionId: 1 });
    await flushPromises();
    const face = () => wrapper.get('[data-testid="stage-countdown"]');
    const time = () => wrapper.get('[data-testid="timer-countdown"]');
    expect(time().text()).toBe('2:00');
    expect(face().classes()).toContain('countdown--warn');
    expect(wrapper.get('[data-testid="timer-phase"]').text()).toContain('Presentasi');

    vi.advanceTimersByTime(89_900);
    await flushPromises();
    expect(time().text()).toBe('0:31');
    expect(face().classes()).toContain('countdown--warn');
    vi.advanceTimersByTime(100);
    await flushPromises();
    expect(time().text()).toBe('0:30');
    expect(face().classes()).toContain('countdown--danger');

    vi.advanceTimersByTime(35_000);
    await flushPromises();
    expect(time().text()).toBe('+0:05');
    expect(face().classes()).toContain('countdown--overtime');
    expect(Number(time().attributes('data-remaining-ms'))).toBe(-5_000);
  });

  it('follows timer.changed pushes without asking again', async () => {
    const api = timerApi({ phaseIndex: 0, startedAt: null, accumulatedMs: 0, addedMs: 0, running: false });
    const wrapper = mountWith(api, StageCountdown, { competitionId: 1 });
    await flushPromises();
    const phases = DEFAULT_PHASES.map((p) => ({ ...p }));
    api.emit('timer.changed', { competitionId: 1, phases, version: 9, state: { phaseIndex: 1, startedAt: null, accumulatedMs: 60_000, addedMs: 0, running: false } });
    await flushPromises();
    expect(wrapper.get('[data-testid="timer-phase"]').text()).toContain('Tanya jawab');
    expect(wrapper.get('[data-testid="timer-countdown"]').text()).toBe('12:00');
    // An older event arriving late is ignored.
    api.emit('timer.changed', { competitionId: 1, phases, version: 8, state: { phaseIndex: 0, startedAt: null, accumulatedMs: 0, addedMs: 0, running: false } });
    await flushPromises();
    expect(wrapper.get('[data-testid="timer-phase"]').text()).toContain('Tanya jawab');
  });
});
