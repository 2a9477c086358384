import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CommandOutput } from '@shared/api/contract';
import { bestOffset, toggleAction, type ClockSample, type TimerAction } from '@shared/timer';
import { ApiError, useApi } from '../api';
import { coalesce } from '../lib/refresh';

export type TimerView = CommandOutput<'timer.state'>;
type TimerCore = Pick<TimerView, 'competitionId' | 'phases' | 'state' | 'version'>;

/** Round trips measured per clock sync; the shortest one gives the offset. */
const CLOCK_SAMPLES = 5;

/**
 * The phase timer as this device sees it: the core's state (refetched on timer.changed and on
 * reconnect) and this device's clock offset to the core. Nothing here ticks; the countdown is
 * derived from both (lib/countdown.ts) at display time.
 */
export const useTimerStore = defineStore('timer', () => {
  const api = useApi();
  const competitionId = ref<number | null>(null);
  const view = shallowRef<TimerView | null>(null);
  /** Core clock minus this device's clock, in milliseconds. */
  const offset = ref(0);
  const roundTrip = ref<number | null>(null);
  const loadError = shallowRef<unknown>(null);
  const actionError = shallowRef<unknown>(null);
  const busy = ref(false);
  let samples: ClockSample[] = [];

  const serverNow = () => Date.now() + offset.value;

  function addSample(sample: ClockSample) {
    samples = [...samples, sample].slice(-12);
    const best = bestOffset(samples);
    if (best) {
      offset.value = best.offset;
      roundTrip.value = best.roundTrip;
    }
  }

  /** Asks the core's clock a few times in a row and keeps the least uncertain answer. */
  async function syncClock(): Promise<void> {
    samples = [];
    for (let i = 0; i < CLOCK_SAMPLES; i++) {
      const clientSend = Date.now();
      const { serverNow: serverTime } = await api.invoke('time.now', {});
      addSample({ clientSend, serverTime, clientReceive: Date.now() });
    }
  }

  /** Takes a newer state (event or command answer); an older one arriving late is ignored. */
  function accept(next: TimerCore) {
    if (next.competitionId !== competitionId.value) return;
    const current = view.value;
    if (current && next.version < current.version) return;
    if (!current) return void refresh();
    view.value = { ...current, phases: next.phases, state: next.state, version: next.version };
  }

  const fetchState = coalesce(async () => {
    const id = competitionId.value;
    if (id === null) return;
    const clientSend = Date.now();
    const out = await api.invoke('timer.state', { competitionId: id });
    // The state read carries the core's clock too: one more sample for the offset.
    addSample({ clientSend, serverTime: out.serverNow, clientReceive: Date.now() });
    if (id === competitionId.value) view.value = out;
  });

  async function refresh(): Promise<void> {
    try {
      await fetchState();
      loadError.value = null;
    } catch (error) {
      loadError.value = error;
    }
  }

  async function load(id: number): Promise<void> {
    if (competitionId.value !== id) {
      view.value = null;
      samples = [];
    }
    competitionId.value = id;
    await Promise.all([syncClock().catch(() => undefined), refresh()]);
  }

  function watchLive(): () => void {
    const mine = (p: { competitionId: number }) => p.competitionId === competitionId.value;
    const stops = [
      api.subscribe('timer.changed', (p) => mine(p) && accept(p)),
      // The entry on stage changed: the timer's entry and "next up" follow.
      api.subscribe('session.changed', (p) => mine(p) && void refresh()),
      api.onReconnect(() => {
        void syncClock().catch(() => undefined);
        void refresh();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  async function control(action: TimerAction): Promise<void> {
    const id = competitionId.value;
    const current = view.value;
    if (id === null || !current || busy.value) return;
    busy.value = true;
    actionError.value = null;
    try {
      accept(await api.invoke('timer.control', { competitionId: id, action, expectedVersion: current.version }));
    } catch (error) {
      actionError.value = error;
      // Someone else pressed first: show what they did, so the next press is deliberate.
      if (error instanceof ApiError && error.key === 'timerStale') await refresh();
    } finally {
      busy.value = false;
    }
  }

  const toggle = () => (view.value ? control(toggleAction(view.value.state)) : Promise.resolve());
  const nextAction = computed<TimerAction | null>(() => (view.value ? toggleAction(view.value.state) : null));

  return { competitionId, view, offset, roundTrip, loadError, actionError, busy, nextAction, serverNow, load, refresh, syncClock, watchLive, control, toggle };
});
