/**
 * The phase timer as pure values (issue 5). The core stores a TimerState; nothing ticks. Every
 * client derives the remaining time from that state, the phases and its own estimate of the core's
 * clock (`now` in the core's time), so all screens show the same second and a restart resumes.
 */
import { z } from 'zod';

export const timerPhase = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(60),
    /** Planned length of the phase. */
    seconds: z.number().int().min(1).max(24 * 3600),
    /** Remaining seconds at (or below) which the countdown turns yellow. */
    warnAt: z.number().int().min(0).max(24 * 3600),
    /** Remaining seconds at (or below) which it turns red. */
    dangerAt: z.number().int().min(0).max(24 * 3600),
  })
  .strict()
  .superRefine((phase, ctx) => {
    if (phase.warnAt > phase.seconds) ctx.addIssue({ code: 'custom', path: ['warnAt'], message: 'validation.tooBig' });
    if (phase.dangerAt > phase.warnAt) ctx.addIssue({ code: 'custom', path: ['dangerAt'], message: 'validation.tooBig' });
  });
export type TimerPhase = z.output<typeof timerPhase>;
export const timerPhases = z.array(timerPhase).min(1).max(12);

export const timerState = z.object({
  phaseIndex: z.number().int().min(0),
  /** Wall-clock milliseconds (core time) when the current run began; null while stopped. */
  startedAt: z.number().int().nullable(),
  /** Time already run in this phase before `startedAt` (earlier runs, before pauses). */
  accumulatedMs: z.number().int().min(0),
  /** Minutes added to this phase ("+1 minute"), in milliseconds. */
  addedMs: z.number().int().min(0),
  running: z.boolean(),
});
export type TimerState = z.output<typeof timerState>;

export const TIMER_ACTIONS = ['start', 'pause', 'resume', 'next', 'addMinute', 'reset'] as const;
export type TimerAction = (typeof TIMER_ACTIONS)[number];

/** KIPP 2022: 7 minutes presentation, 13 minutes questions, then 3 minutes for the jurors to score. */
export const DEFAULT_PHASES: readonly TimerPhase[] = [
  { name: 'Presentasi', seconds: 7 * 60, warnAt: 120, dangerAt: 30 },
  { name: 'Tanya jawab', seconds: 13 * 60, warnAt: 120, dangerAt: 30 },
  { name: 'Penilaian', seconds: 3 * 60, warnAt: 120, dangerAt: 30 },
];

export const IDLE_STATE: TimerState = { phaseIndex: 0, startedAt: null, accumulatedMs: 0, addedMs: 0, running: false };

export type TimerLevel = 'normal' | 'warn' | 'danger' | 'overtime';

export interface Remaining {
  phaseIndex: number;
  phase: TimerPhase;
  /** Planned length including added minutes. */
  durationMs: number;
  elapsedMs: number;
  /** Negative in overtime. */
  remainingMs: number;
  level: TimerLevel;
}

export function elapsedMs(state: TimerState, now: number): number {
  const run = state.running && state.startedAt !== null ? Math.max(0, now - state.startedAt) : 0;
  return state.accumulatedMs + run;
}

/** Levels hold at the exact threshold: 2:00 left is already yellow, 0:30 left is red, below 0 is overtime. */
export function levelOf(phase: TimerPhase, remaining: number): TimerLevel {
  if (remaining < 0) return 'overtime';
  if (remaining <= phase.dangerAt * 1000) return 'danger';
  if (remaining <= phase.warnAt * 1000) return 'warn';
  return 'normal';
}

export function remaining(state: TimerState, phases: readonly TimerPhase[], now: number): Remaining {
  const phaseIndex = Math.min(state.phaseIndex, phases.length - 1);
  const phase = phases[phaseIndex];
  const durationMs = phase.seconds * 1000 + state.addedMs;
  const elapsed = elapsedMs(state, now);
  const remainingMs = durationMs - elapsed;
  return { phaseIndex, phase, durationMs, elapsedMs: elapsed, remainingMs, level: levelOf(phase, remainingMs) };
}

export type TimerRefusal = 'timerAlreadyRunning' | 'timerNotRunning' | 'timerNotPaused';

/**
 * The state after an action at `now` (core time), or the reason it does not apply. `next` after the
 * last phase goes back to the first one, stopped: the next slot begins.
 */
export function applyTimerAction(
  state: TimerState,
  phases: readonly TimerPhase[],
  action: TimerAction,
  now: number,
): { state: TimerState } | { refused: TimerRefusal } {
  switch (action) {
    case 'start':
      if (state.running) return { refused: 'timerAlreadyRunning' };
      return { state: { ...state, running: true, startedAt: now } };
    case 'resume':
      if (state.running) return { refused: 'timerAlreadyRunning' };
      if (state.accumulatedMs === 0) return { refused: 'timerNotPaused' };
      return { state: { ...state, running: true, startedAt: now } };
    case 'pause':
      if (!state.running) return { refused: 'timerNotRunning' };
      return { state: { ...state, running: false, startedAt: null, accumulatedMs: elapsedMs(state, now) } };
    case 'addMinute':
      return { state: { ...state, addedMs: state.addedMs + 60_000 } };
    case 'reset':
      return { state: { ...IDLE_STATE, phaseIndex: state.phaseIndex } };
    case 'next': {
      const wraps = state.phaseIndex + 1 >= phases.length;
      const running = state.running && !wraps;
      return { state: { phaseIndex: wraps ? 0 : state.phaseIndex + 1, startedAt: running ? now : null, accumulatedMs: 0, addedMs: 0, running } };
    }
  }
}

/** What Space does: start a fresh phase, pause a running one, resume a paused one. */
export function toggleAction(state: TimerState): TimerAction {
  if (state.running) return 'pause';
  return state.accumulatedMs > 0 ? 'resume' : 'start';
}

/**
 * Clock offset from one round trip, NTP style: the core read its clock about halfway between
 * sending and receiving, so core time ≈ client time + offset.
 */
export function clockOffset(clientSend: number, serverTime: number, clientReceive: number): number {
  return serverTime - (clientSend + clientReceive) / 2;
}

export interface ClockSample {
  clientSend: number;
  serverTime: number;
  clientReceive: number;
}

/** The offset from the sample with the shortest round trip (the least uncertain one). */
export function bestOffset(samples: readonly ClockSample[]): { offset: number; roundTrip: number } | null {
  let best: { offset: number; roundTrip: number } | null = null;
  for (const s of samples) {
    const roundTrip = s.clientReceive - s.clientSend;
    if (roundTrip < 0) continue;
    if (!best || roundTrip < best.roundTrip) best = { offset: clockOffset(s.clientSend, s.serverTime, s.clientReceive), roundTrip };
  }
  return best;
}

/**
 * "7:00", "0:05"; overtime counts up with a plus: "+1:02". Remaining time rounds up, so the
 * display reads 0:01 until the very end; overtime rounds down, so it reads +0:00 for its first second.
 */
export function formatCountdown(remainingMs: number): string {
  const overtime = remainingMs < 0;
  const totalSeconds = overtime ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  const text = hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
  return overtime ? `+${text}` : text;
}
