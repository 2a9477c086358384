import { describe, expect, it } from 'vitest';
import {
  applyTimerAction,
  bestOffset,
  clockOffset,
  DEFAULT_PHASES,
  formatCountdown,
  IDLE_STATE,
  remaining,
  timerPhase,
  toggleAction,
  type TimerAction,
  type TimerState,
} from '@shared/timer';

const PHASES = [
  { name: 'Presentasi', seconds: 420, warnAt: 120, dangerAt: 30 },
  { name: 'Tanya jawab', seconds: 780, warnAt: 120, dangerAt: 30 },
];
const T0 = 1_000_000;

function apply(state: TimerState, action: TimerAction, at: number): TimerState {
  const result = applyTimerAction(state, PHASES, action, at);
  if ('refused' in result) throw new Error(result.refused);
  return result.state;
}

describe('phase timer math', () => {
  it('ships the KIPP 2022 phases: 7, 13 and 3 minutes, yellow at 2:00, red at 0:30', () => {
    expect(DEFAULT_PHASES.map((p) => [p.name, p.seconds, p.warnAt, p.dangerAt])).toEqual([
      ['Presentasi', 420, 120, 30],
      ['Tanya jawab', 780, 120, 30],
      ['Penilaian', 180, 120, 30],
    ]);
  });

  it('accumulates run time across pause and resume, and ignores the pause', () => {
    // Run 60 s, pause for 100 s, run 30 s more: 90 s elapsed, 330 s left.
    let state = apply(IDLE_STATE, 'start', T0);
    expect(remaining(state, PHASES, T0 + 60_000)).toMatchObject({ elapsedMs: 60_000, remainingMs: 360_000 });
    state = apply(state, 'pause', T0 + 60_000);
    expect(state).toEqual({ phaseIndex: 0, startedAt: null, accumulatedMs: 60_000, addedMs: 0, running: false });
    expect(remaining(state, PHASES, T0 + 160_000).remainingMs).toBe(360_000);
    state = apply(state, 'resume', T0 + 160_000);
    expect(remaining(state, PHASES, T0 + 190_000)).toMatchObject({ elapsedMs: 90_000, remainingMs: 330_000, level: 'normal' });
  });

  it('goes negative in overtime: 7:00 phase run for 7:45 leaves -45 s', () => {
    const state = apply(IDLE_STATE, 'start', T0);
    const r = remaining(state, PHASES, T0 + 465_000);
    expect(r).toMatchObject({ remainingMs: -45_000, level: 'overtime' });
    expect(formatCountdown(r.remainingMs)).toBe('+0:45');
  });

  it('changes level exactly at the thresholds', () => {
    const state = apply(IDLE_STATE, 'start', T0);
    const at = (elapsed: number) => remaining(state, PHASES, T0 + elapsed).level;
    expect(at(299_999)).toBe('normal'); // 120.001 s left
    expect(at(300_000)).toBe('warn'); // exactly 2:00 left
    expect(at(389_999)).toBe('warn'); // 30.001 s left
    expect(at(390_000)).toBe('danger'); // exactly 0:30 left
    expect(at(420_000)).toBe('danger'); // exactly 0:00 left, not yet over
    expect(at(420_001)).toBe('overtime');
  });

  it('adds a minute to the phase, and next/reset clear it', () => {
    let state = apply(IDLE_STATE, 'start', T0);
    state = apply(state, 'addMinute', T0 + 10_000);
    expect(remaining(state, PHASES, T0 + 10_000)).toMatchObject({ durationMs: 480_000, remainingMs: 470_000 });
    // next keeps running, into phase 2 from its full length
    const next = apply(state, 'next', T0 + 20_000);
    expect(next).toEqual({ phaseIndex: 1, startedAt: T0 + 20_000, accumulatedMs: 0, addedMs: 0, running: true });
    expect(remaining(next, PHASES, T0 + 25_000)).toMatchObject({ phaseIndex: 1, remainingMs: 775_000 });
    // next after the last phase: back to the first, stopped
    expect(apply(next, 'next', T0 + 30_000)).toEqual(IDLE_STATE);
    // reset keeps the phase, stopped at its full length
    expect(apply(next, 'reset', T0 + 30_000)).toEqual({ ...IDLE_STATE, phaseIndex: 1 });
  });

  it('refuses presses that make no sense, and Space picks start, pause or resume', () => {
    const running = apply(IDLE_STATE, 'start', T0);
    expect(applyTimerAction(running, PHASES, 'start', T0)).toEqual({ refused: 'timerAlreadyRunning' });
    expect(applyTimerAction(IDLE_STATE, PHASES, 'pause', T0)).toEqual({ refused: 'timerNotRunning' });
    expect(applyTimerAction(IDLE_STATE, PHASES, 'resume', T0)).toEqual({ refused: 'timerNotPaused' });
    expect(toggleAction(IDLE_STATE)).toBe('start');
    expect(toggleAction(running)).toBe('pause');
    expect(toggleAction(apply(running, 'pause', T0 + 1000))).toBe('resume');
  });

  it('estimates the clock offset from the midpoint of the round trip, preferring the shortest one', () => {
    // Sent at 1000, received at 1100 (client clock); the core read 5050 → offset 5050 - 1050 = 4000.
    expect(clockOffset(1000, 5050, 1100)).toBe(4000);
    expect(
      bestOffset([
        { clientSend: 0, serverTime: 4900, clientReceive: 400 }, // rtt 400, offset 4700
        { clientSend: 1000, serverTime: 5050, clientReceive: 1100 }, // rtt 100, offset 4000
        { clientSend: 2000, serverTime: 6200, clientReceive: 2300 }, // rtt 300, offset 4050
      ]),
    ).toEqual({ offset: 4000, roundTrip: 100 });
    expect(bestOffset([])).toBeNull();
  });

  it('formats remaining time rounded up and overtime rounded down', () => {
    expect(formatCountdown(420_000)).toBe('7:00');
    expect(formatCountdown(419_001)).toBe('7:00');
    expect(formatCountdown(419_000)).toBe('6:59');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-999)).toBe('+0:00');
    expect(formatCountdown(-62_000)).toBe('+1:02');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });

  it('checks phases: warning within the phase, red within the warning', () => {
    expect(timerPhase.safeParse({ name: 'X', seconds: 60, warnAt: 90, dangerAt: 10 }).success).toBe(false);
    expect(timerPhase.safeParse({ name: 'X', seconds: 60, warnAt: 20, dangerAt: 30 }).success).toBe(false);
    expect(timerPhase.safeParse({ name: 'X', seconds: 60, warnAt: 20, dangerAt: 5 }).success).toBe(true);
  });
});
