/**
 * The countdown as a display concern: every 100 ms it recomputes the remaining time from the
 * core's timer state and this device's clock offset. It is never the source of truth; a missed
 * tick only delays the picture, it never shifts the time.
 */
import { computed, onMounted, onUnmounted, ref, watch, type Ref } from 'vue';
import { formatCountdown, remaining, type TimerLevel } from '@shared/timer';
import type { TimerView } from '../stores/timer';
import { playCue, soundMuted } from './beep';

export const TICK_MS = 100;

export function useCountdown(view: Ref<TimerView | null>, offset: Ref<number>) {
  const now = ref(Date.now());
  let handle: ReturnType<typeof setInterval> | null = null;
  onMounted(() => {
    now.value = Date.now();
    handle = setInterval(() => (now.value = Date.now()), TICK_MS);
  });
  onUnmounted(() => {
    if (handle !== null) clearInterval(handle);
  });

  const info = computed(() => {
    const v = view.value;
    if (!v || !v.phases.length) return null;
    const r = remaining(v.state, v.phases, now.value + offset.value);
    return {
      ...r,
      text: formatCountdown(r.remainingMs),
      total: v.phases.length,
      running: v.state.running,
      started: v.state.running || v.state.accumulatedMs > 0,
    };
  });
  return { info, now };
}

const RANK: Record<TimerLevel, number> = { normal: 0, warn: 1, danger: 2, overtime: 3 };

/**
 * A short generated beep when a running phase crosses into warning, red or overtime (never on
 * load, a phase change or a reset), unless this device muted the timer sounds.
 */
export function useThresholdSounds(info: Ref<{ level: TimerLevel; phaseIndex: number; running: boolean } | null>) {
  watch(
    () => (info.value ? { level: info.value.level, phaseIndex: info.value.phaseIndex, running: info.value.running } : null),
    (next, prev) => {
      if (!next || !prev || !next.running || soundMuted.value) return;
      if (next.phaseIndex !== prev.phaseIndex || RANK[next.level] <= RANK[prev.level]) return;
      playCue(next.level);
    },
  );
}
